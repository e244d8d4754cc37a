import Link from 'next/link';
import { CardTable, RowLink } from '@/components/card-table';
import type { ChildUnit, UnitEventDto, UnitSummary } from '@/lib/dal/units';
import { formatDate, formatNumber } from '@/lib/format';
import type { T } from '@/lib/i18n/server';
import type { MessageKey } from '@/lib/i18n/messages';
import { EmptyState } from './empty-state';

export function Breadcrumb({ items, t }: { items: UnitSummary[]; t: T }) {
  return (
    <nav aria-label={t('unit.breadcrumb')} className="mb-4 text-sm text-stone-600" data-testid="breadcrumb">
      <ol className="flex flex-wrap items-center gap-1">
        {items.map((u, i) => (
          <li key={u.id} className="flex items-center gap-1">
            {i > 0 ? <span aria-hidden>›</span> : null}
            {i === items.length - 1 ? (
              <span aria-current="page" className="font-medium text-stone-900">
                {u.name}
              </span>
            ) : (
              <Link href={`/units/${u.id}`} className="hover:text-red-800 hover:underline">
                {u.name}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function KindBadge({ kind, t }: { kind: UnitSummary['kind']; t: T }) {
  const colours: Record<string, string> = {
    cell: 'bg-red-50 text-red-800 ring-red-200',
    union_branch: 'bg-sky-50 text-sky-800 ring-sky-200',
    youth_branch: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  };
  return <span className={`inline-block rounded px-2 py-0.5 text-xs ring-1 ${colours[kind] ?? 'bg-amber-50 text-amber-900 ring-amber-200'}`}>{t(`kind.${kind}` as MessageKey)}</span>;
}

export function ChildrenTable({ items, t, emptyText }: { items: ChildUnit[]; t: T; emptyText: string }) {
  if (items.length === 0) {
    return <EmptyState testId="children-empty">{emptyText}</EmptyState>;
  }
  return (
    <CardTable
      testId="children-table"
      rows={items}
      rowKey={(c) => c.id}
      columns={[
        {
          label: t('unit.col.name'),
          primary: true,
          cell: (c) => (
            <>
              <RowLink href={`/units/${c.id}`}>{c.name}</RowLink>
              <span className="ml-2 text-xs text-stone-500">{c.code}</span>
            </>
          ),
        },
        { label: t('unit.col.kind'), cell: (c) => <KindBadge kind={c.kind} t={t} /> },
        { label: t('unit.col.unitsBelow'), align: 'right', cell: (c) => formatNumber(c.unitsBelow) },
        { label: t('unit.col.users'), align: 'right', cell: (c) => formatNumber(c.activeUsers) },
      ]}
    />
  );
}

function eventText(e: UnitEventDto, t: T): string {
  const d = e.details as Record<string, string | number | Record<string, string> | undefined>;
  switch (e.kind) {
    case 'renamed': {
      const before = d.before as Record<string, string> | undefined;
      const after = d.after as Record<string, string> | undefined;
      return t('event.renamed', { from: before?.name ?? '', to: after?.name ?? '' });
    }
    default:
      return t(`event.${e.kind}` as MessageKey, Object.fromEntries(Object.entries(d).map(([k, v]) => [k, String(v ?? '')])));
  }
}

export function UnitHistory({ events, t }: { events: UnitEventDto[]; t: T }) {
  if (events.length === 0) return <p className="text-sm text-stone-600">{t('unit.historyEmpty')}</p>;
  return (
    <ol className="space-y-3 border-l-2 border-red-200 pl-4" data-testid="unit-history">
      {events.map((e) => (
        <li key={e.id} className="text-sm">
          <span className="font-semibold tabular-nums">{formatDate(e.effectiveOn)}</span> — {eventText(e, t)}
          {e.actorName ? <span className="text-stone-500"> ({t('event.by', { name: e.actorName })})</span> : null}
        </li>
      ))}
    </ol>
  );
}
