'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The registry's own tabs: enterprises, priority, founding, surveys and meetings, import. */
export function RegistryNav({ items }: { items: { href: string; label: string }[] }) {
  const path = usePathname();
  const active = (href: string) => path === href || (path.startsWith(`${href}/`) && !items.some((i) => i.href !== href && i.href.startsWith(href) && path.startsWith(i.href)));
  return (
    <nav className="no-print mb-6 flex flex-wrap gap-1 border-b border-stone-200 text-sm" aria-label="Doanh nghiệp" data-testid="registry-nav">
      {items.map((i) => (
        <Link
          key={i.href}
          href={i.href}
          aria-current={active(i.href) ? 'page' : undefined}
          className={`-mb-px rounded-t-md border px-3 py-2 ${active(i.href) ? 'border-stone-200 border-b-white bg-white font-semibold text-red-900' : 'border-transparent text-stone-600 hover:text-red-900'}`}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
