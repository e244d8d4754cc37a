import Link from 'next/link';
import type { CaseListItem } from '@/lib/dal/admission';
import { formatDate } from '@/lib/format';
import type { T } from '@/lib/i18n/server';

export function CaseList({ items, t, emptyText, testId }: { items: CaseListItem[]; t: T; emptyText: string; testId: string }) {
  if (items.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-stone-300 bg-white p-6 text-center text-sm text-stone-600" data-testid={`${testId}-empty`}>
        {emptyText}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full text-sm" data-testid={testId}>
        <thead className="bg-stone-100 text-left text-xs uppercase tracking-wide text-stone-600">
          <tr>
            <th className="px-4 py-2">{t('cases.col.name')}</th>
            <th className="px-4 py-2">{t('cases.col.nationalId')}</th>
            <th className="px-4 py-2">{t('cases.col.workplace')}</th>
            <th className="px-4 py-2">{t('cases.col.cell')}</th>
            <th className="px-4 py-2">{t('cases.col.state')}</th>
            <th className="px-4 py-2">{t('cases.col.due')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100 align-top">
          {items.map((c) => (
            <tr key={c.id} className={c.overdue ? 'bg-red-50' : ''}>
              <td className="px-4 py-2">
                <Link href={`/cases/${c.id}`} className="font-medium text-red-900 hover:underline">
                  {c.fullName}
                </Link>
                {c.lastReturnReason ? <div className="text-xs text-amber-800">{t('cases.returned', { reason: c.lastReturnReason })}</div> : null}
              </td>
              <td className="px-4 py-2 font-mono text-xs">{c.nationalIdMasked}</td>
              <td className="px-4 py-2">{c.workplace}</td>
              <td className="px-4 py-2">{c.cellName}</td>
              <td className="px-4 py-2">{t(`state.${c.state}`)}</td>
              <td className="whitespace-nowrap px-4 py-2 tabular-nums">
                {formatDate(c.dueOn)}
                {c.overdue ? <span data-testid="overdue" className="ml-2 rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">{t('cases.overdue')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
