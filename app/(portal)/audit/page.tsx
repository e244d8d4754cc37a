import type { Metadata } from 'next';
import { AuditTabs } from '@/components/audit/audit-tabs';
import { ChangeTable } from '@/components/audit/change-table';
import { LogFilters } from '@/components/audit/log-filters';
import { Pager } from '@/components/pager';
import { SearchPicker } from '@/components/search-picker';
import { actionLabel, AUDIT_ACTIONS, changeLines, isAuditAction, unitIdsOf } from '@/lib/audit/changes';
import { listAudit, unitNamesInScope, type AuditFilter } from '@/lib/dal/audit';
import { getUnitOption } from '@/lib/dal/units';
import { getUserOption } from '@/lib/dal/users';
import { formatDateTime } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { cleanParams, orNotFound, pageParams, pagerText, periodParams, pickerLabels } from '@/lib/page';
import { param, parseParams } from '@/lib/validation';
import { logFilterText } from './text';
import { EmptyState } from '@/components/empty-state';

export const metadata: Metadata = { title: 'Nhật ký thay đổi' };

type Params = Record<'actor' | 'actorLabel' | 'action' | 'unit' | 'unitLabel' | 'from' | 'to' | 'after' | 'before' | 'n', string | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const p = cleanParams(await searchParams);
  const ids = parseParams(p, { actor: param.id, unit: param.id });
  const { request, n } = pageParams(p);
  const period = periodParams(p);
  const filter: AuditFilter = {
    actorId: ids.actor,
    action: p.action && isAuditAction(p.action) ? p.action : undefined,
    unitId: ids.unit,
    from: period.from,
    to: period.to,
  };
  const [page, t, actorChosen, unitChosen] = await Promise.all([
    orNotFound(listAudit(filter, request)),
    getT(),
    filter.actorId ? getUserOption(filter.actorId) : null,
    filter.unitId ? getUnitOption(filter.unitId) : null,
  ]);
  const names = await unitNamesInScope(unitIdsOf(page.items));
  const ctx = { t, unitName: (id: number) => names.get(id) };
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const actions = AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) })).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-red-900">{t('audit.title')}</h1>
      <AuditTabs current="changes" labels={{ changes: t('audit.tab.changes'), access: t('audit.tab.access') }} />
      <p className="text-sm text-stone-600">{t('audit.help')}</p>
      <LogFilters testId="audit-filters" from={p.from} to={p.to} unread={period.unread} clearHref="/audit" filtered={filtered} text={logFilterText(t)}>
        <SearchPicker name="actor" label={t('audit.filter.actor')} source="/api/pick/users" defaultValue={actorChosen} labels={pickerLabels(t)} testId="audit-actor" />
        <label className="block text-sm font-medium text-stone-800">
          <span className="mb-1 block">{t('audit.filter.action')}</span>
          <select
            name="action"
            defaultValue={filter.action ?? ''}
            className="w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-normal text-stone-900"
            data-testid="audit-action"
          >
            <option value="">{t('enterprises.filter.all')}</option>
            {actions.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <SearchPicker name="unit" label={t('audit.filter.unit')} source="/api/pick/units" defaultValue={unitChosen} labels={pickerLabels(t)} testId="audit-unit" />
      </LogFilters>
      {page.items.length === 0 ? (
        <EmptyState testId="audit-empty">{t(filtered ? 'audit.emptyFiltered' : 'audit.empty')}</EmptyState>
      ) : (
        <ol className="space-y-3" data-testid="audit-list">
          {page.items.map((e) => (
            <li key={e.id} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="audit-entry">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
                <span className="font-semibold text-red-900">{actionLabel(t, e.action)}</span>
                <span className="text-stone-700">{e.unitName}</span>
                <span className="ml-auto text-stone-500 tabular-nums">
                  {formatDateTime(e.at)} · {e.actorName ?? '—'}
                </span>
              </div>
              <div className="mt-2">
                <ChangeTable
                  lines={changeLines(e.action, e.before, e.after, ctx)}
                  labels={{ field: t('audit.col.changeField'), before: t('audit.col.before'), after: t('audit.col.after'), none: t('audit.noDetail') }}
                />
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pager page={page} path="/audit" params={p} n={n} text={pagerText(t, page, n)} />
    </div>
  );
}
