import Link from 'next/link';

/** The two views of the log: data changes, and who opened personal records. */
export function AuditTabs({ current, labels }: { current: 'changes' | 'access'; labels: { changes: string; access: string } }) {
  const tab = (key: 'changes' | 'access', href: string) => (
    <Link
      href={href}
      aria-current={current === key ? 'page' : undefined}
      className={`rounded-t-md border-b-2 px-3 py-2 text-sm ${current === key ? 'border-red-800 font-semibold text-red-900' : 'border-transparent text-stone-600 hover:text-red-900'}`}
      data-testid={`audit-tab-${key}`}
    >
      {labels[key]}
    </Link>
  );
  return (
    <nav className="flex flex-wrap gap-2 border-b border-stone-200">
      {tab('changes', '/audit')}
      {tab('access', '/audit/access')}
    </nav>
  );
}
