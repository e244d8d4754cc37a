import { CardTable, RowLink } from '@/components/card-table';
import { EmptyState } from '@/components/empty-state';
import type { CaseListItem } from '@/lib/dal/case-lists';
import { formatDate } from '@/lib/format';
import type { T } from '@/lib/i18n/server';

export function CaseList({ items, t, emptyText, testId }: { items: CaseListItem[]; t: T; emptyText: string; testId: string }) {
  if (items.length === 0) {
    return <EmptyState testId={`${testId}-empty`}>{emptyText}</EmptyState>;
  }
  return (
    <CardTable
      testId={testId}
      rows={items}
      rowKey={(c) => c.id}
      rowClassName={(c) => (c.overdue ? 'bg-red-50' : undefined)}
      columns={[
        {
          label: t('cases.col.name'),
          primary: true,
          cell: (c) => (
            <>
              <RowLink href={`/cases/${c.id}`}>{c.fullName}</RowLink>
              {c.lastReturnReason ? <div className="text-xs text-amber-800">{t('cases.returned', { reason: c.lastReturnReason })}</div> : null}
            </>
          ),
        },
        { label: t('cases.col.state'), cell: (c) => t(`state.${c.state}`) },
        {
          label: t('cases.col.due'),
          className: 'whitespace-nowrap',
          cell: (c) => (
            <span className="tabular-nums">
              {formatDate(c.dueOn)}
              {c.overdue ? (
                <span data-testid="overdue" className="ml-2 rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">
                  {t('cases.overdue')}
                </span>
              ) : null}
            </span>
          ),
        },
        { label: t('cases.col.nationalId'), className: 'font-mono text-xs', cell: (c) => c.nationalIdMasked },
        { label: t('cases.col.workplace'), cell: (c) => c.workplace },
        { label: t('cases.col.cell'), cell: (c) => c.cellName },
      ]}
    />
  );
}
