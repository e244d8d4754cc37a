import type { Metadata } from 'next';
import Link from 'next/link';
import { today } from '@/lib/clock';
import { formatDate } from '@/lib/format';
import { BarList, ColumnChart } from '@/components/charts';
import { PrintButton } from '@/components/print-button';
import { STATES } from '@/lib/admission/states';
import { getDashboard, getOverview, type DashboardRow } from '@/lib/dal/reports';
import { getAbilities } from '@/lib/dal/abilities';
import { getT, type T } from '@/lib/i18n/server';
import { cleanParams, orNotFound } from '@/lib/page';
import { loadRuleSets } from '@/lib/dal/rules';
import { abovePlan, periodChoices, periodKey, type Period } from '@/lib/reports/maths';
import { MEASURES, MEASURE_TABLE, SHARE_MEASURES, type Measure } from '@/lib/reports/measures';
import { drillDown, reportQuery, type ReportParams } from '@/lib/reports/query';

export const metadata: Metadata = { title: 'Chỉ tiêu, báo cáo' };

function fmt(v: number | null | undefined, share: boolean) {
  if (v === null || v === undefined) return '—';
  return share ? `${v.toLocaleString('vi-VN')}%` : v.toLocaleString('vi-VN');
}

function Cell({ row, m, testId }: { row: DashboardRow; m: Measure; testId?: string }) {
  const share = SHARE_MEASURES.includes(m);
  const target = row.target[m];
  const pct = row.percent[m];
  return (
    <td className="px-3 py-2 text-right tabular-nums" data-testid={testId}>
      <span className="font-semibold">{fmt(row.actual[m], share)}</span>
      {target !== undefined ? <span className="text-stone-500"> / {fmt(target, share)}</span> : null}
      {pct !== null && pct !== undefined ? <div className={`text-xs ${pct >= 100 ? 'text-green-700' : 'text-amber-800'}`}>{pct}%</div> : null}
    </td>
  );
}

function periodLabel(t: T, p: Period) {
  return p.kind === 'year' ? t('reports.period.year', { year: p.from }) : t('reports.period.term', { from: p.from, to: p.to });
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<ReportParams> }) {
  const thisYear = Number(today().slice(0, 4));
  const { unitId, period, sort } = reportQuery(cleanParams(await searchParams), thisYear);
  const [abilities, d, o, t, versions] = await Promise.all([getAbilities(), orNotFound(getDashboard({ unitId, period })), orNotFound(getOverview({ unitId, period })), getT(), loadRuleSets()]);
  // Years from the earliest rule set on (records of past years are entered against it), and the period asked for.
  const choices = periodChoices(thisYear, versions.length ? Number(versions[0].effectiveFrom.slice(0, 4)) : undefined);
  if (!choices.some((c) => periodKey(c) === periodKey(period))) choices.unshift(period);
  const h = o.headline;
  const rows = sort ? [...d.rows].sort((a, b) => (b.actual[sort] ?? -1) - (a.actual[sort] ?? -1)) : d.rows;
  const query = (extra: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    const base = { unit: d.unit.id, ...(period.kind === 'year' ? { year: period.from } : { from: period.from, to: period.to }), ...extra };
    for (const [k, v] of Object.entries(base)) if (v !== undefined) q.set(k, String(v));
    return `/reports?${q}`;
  };
  const input = 'rounded-md border border-stone-300 bg-white px-3 py-2 text-sm';
  // Each figure opens the list it was counted from.
  const lists = drillDown(d.unit.id, period);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <h1 className="text-2xl font-bold text-red-900">{t('reports.title')}</h1>
          <p className="text-sm text-stone-600" data-testid="report-heading">
            {d.unit.name} · {periodLabel(t, period)}
          </p>
        </div>
        <form className="no-print ml-auto flex flex-wrap items-end gap-2">
          <input type="hidden" name="unit" value={d.unit.id} />
          <label className="text-sm">
            <span className="mb-1 block">{t('targets.periodKind')}</span>
            <select name="period" defaultValue={periodKey(period)} className={input} data-testid="period">
              {choices.map((c) => (
                <option key={periodKey(c)} value={periodKey(c)}>
                  {periodLabel(t, c)}
                </option>
              ))}
            </select>
          </label>
          <button className="rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white">{t('ratings.show')}</button>
          <a href={query({ sort: undefined }).replace('/reports?', '/reports/export?')} className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm" data-testid="report-export">
            {t('reports.export')}
          </a>
          <PrintButton label={t('reports.print')} />
          {abilities.setTargets ? (
            <Link href={`/reports/targets?period=${periodKey(period)}`} className="rounded-md border border-red-800 px-4 py-2 text-sm font-semibold text-red-900" data-testid="set-targets">
              {t('reports.setTargets')}
            </Link>
          ) : null}
        </form>
      </div>

      <section className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="headline">
        <div className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
          <div className="text-stone-500">{t('reports.h.enterprises')}</div>
          <div className="text-2xl font-bold" data-testid="h-enterprises">
            {h.enterprises.operating.toLocaleString('vi-VN')}
          </div>
          <div className="text-xs text-stone-600">
            <span data-testid="h-enterprises-party">{h.enterprises.withParty.toLocaleString('vi-VN')}</span> {t('reports.h.withParty')} · {h.enterprises.withUnion.toLocaleString('vi-VN')}{' '}
            {t('reports.h.withUnion')} · {h.enterprises.withYouth.toLocaleString('vi-VN')} {t('reports.h.withYouth')}
          </div>
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
          <div className="text-stone-500">{t('reports.h.organisations')}</div>
          <div className="text-2xl font-bold" data-testid="h-organisations">
            {h.organisations.total.toLocaleString('vi-VN')}
          </div>
          <div className="text-xs text-stone-600" data-testid="h-organisations-kinds">
            {t('reports.h.orgKinds', { cells: h.organisations.cells, committees: h.organisations.committees })}
          </div>
          <div className="text-xs text-stone-600" data-testid="h-organisations-levels">
            {h.organisations.underDistrict} {t('reports.h.underDistrict')} · {h.organisations.underGrassroots} {t('reports.h.underGrassroots')}
          </div>
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
          <div className="text-stone-500">{t('reports.h.members')}</div>
          <div className="text-2xl font-bold">
            <Link href={`/members?unit=${d.unit.id}&inEnterprise=1&status=current`} className="hover:underline" data-testid="h-members">
              {h.members.inEnterprises.toLocaleString('vi-VN')}
            </Link>
          </div>
          <div className="text-xs text-stone-600" data-testid="h-members-kinds">
            {h.members.owners.toLocaleString('vi-VN')} {t('reports.h.owners')} · {h.members.workers.toLocaleString('vi-VN')} {t('reports.h.workers')}
          </div>
          <div className="text-xs text-stone-600" data-testid="h-members-all">
            {t('reports.h.membersAll', { n: h.members.total.toLocaleString('vi-VN') })}
          </div>
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
          <div className="text-stone-500">{t('reports.h.classes')}</div>
          <div className="text-xs text-stone-700" data-testid="h-awareness-classes">
            {t('reports.h.awarenessClasses', { n: h.classes.awareness.toLocaleString('vi-VN'), m: h.classes.awarenessAttendees.toLocaleString('vi-VN') })}
          </div>
          <div className="text-xs text-stone-700" data-testid="h-new-member-classes">
            {t('reports.h.newMemberClasses', { n: h.classes.newMember.toLocaleString('vi-VN'), m: h.classes.newMemberAttendees.toLocaleString('vi-VN') })}
          </div>
        </div>
      </section>

      <p className="text-xs text-stone-500" data-testid="headline-note">
        {t('reports.h.asOf', { date: formatDate(today()), period: periodLabel(t, period).toLowerCase() })}
      </p>

      {o.forecast ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200" data-testid="forecast">
          {t('reports.forecast', { total: o.forecast.total, soFar: o.forecast.admittedSoFar, pipeline: o.forecast.fromPipeline })}
          {d.total.target.admitted ? ` · ${t('reports.target')}: ${d.total.target.admitted}` : ''}
        </p>
      ) : null}

      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="min-w-full text-sm" data-testid="report-totals">
          <thead className="bg-stone-100 text-left text-xs uppercase tracking-wide text-stone-600">
            <tr>
              <th className="px-3 py-2">{t('reports.measure')}</th>
              <th className="px-3 py-2 text-right">{t('reports.actual')}</th>
              <th className="px-3 py-2 text-right">{t('reports.target')}</th>
              <th className="px-3 py-2 text-right">{t('reports.percent')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {MEASURES.map((m) => {
              const share = SHARE_MEASURES.includes(m);
              return (
                <tr key={m} data-testid={`total-${m}`}>
                  <td className="px-3 py-2">{t(MEASURE_TABLE[m].label)}</td>
                  <td className="px-3 py-2 text-right font-semibold tabular-nums" data-testid={`actual-${m}`}>
                    <Link href={MEASURE_TABLE[m].list(lists)} className="hover:underline">
                      {fmt(d.total.actual[m], share)}
                    </Link>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums" data-testid={`target-${m}`}>
                    {fmt(d.total.target[m], share)}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums" data-testid={`percent-${m}`}>
                    {d.total.percent[m] === null || d.total.percent[m] === undefined ? '—' : `${d.total.percent[m]}%`}
                    {!share && (d.total.percent[m] ?? 0) > 100 ? (
                      <div className="text-xs text-green-700" data-testid={`above-${m}`}>
                        {t('reports.abovePlan', { n: abovePlan(d.total.actual[m] ?? 0, d.total.target[m] ?? 0) ?? 0 })}
                      </div>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <section className="grid gap-4 lg:grid-cols-2">
        {o.monthly ? (
          <ColumnChart
            testId="chart-monthly"
            title={t('reports.chart.monthly')}
            bars={o.monthly.map((v, i) => ({ label: t('reports.month', { n: i + 1 }), value: v }))}
            target={d.total.target.admitted ? Math.round(d.total.target.admitted / 12) : null}
            targetLabel={`${t('reports.target')} / 12 =`}
          />
        ) : null}
        <BarList
          testId="chart-pipeline"
          title={t('reports.chart.pipeline')}
          rows={STATES.filter((s) => h.candidates[s]).map((s) => ({ label: t(`state.${s}`), value: h.candidates[s] ?? 0 }))}
          empty={t('reports.chart.noCases')}
        />
        {o.coverage.length ? (
          <BarList
            testId="chart-coverage"
            title={t('reports.chart.coverage')}
            rows={o.coverage.map((c) => ({ label: c.own ? t('reports.own', { unit: c.name }) : c.name, value: c.withParty, of: c.operating }))}
          />
        ) : null}
      </section>

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t('reports.byChild')}</h2>
        {rows.length === 0 ? (
          <p className="text-sm text-stone-600">{t('reports.noChildren')}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="min-w-full text-sm" data-testid="report-children">
              <thead className="bg-stone-100 text-left text-xs uppercase tracking-wide text-stone-600">
                <tr>
                  <th className="min-w-64 px-3 py-2">{t('reports.unit')}</th>
                  {MEASURES.map((m) => (
                    <th key={m} className="px-3 py-2 text-right">
                      <Link href={query({ sort: m })} className={sort === m ? 'text-red-900 underline' : 'hover:underline'}>
                        {t(MEASURE_TABLE[m].label)}
                      </Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100 align-top">
                {rows.map((r) => (
                  <tr key={r.unit?.id ?? 'own'}>
                    <td className="min-w-64 px-3 py-2">
                      {r.unit ? (
                        <Link href={query({ unit: r.unit.id, sort: undefined })} className="font-medium text-red-900 hover:underline">
                          {r.unit.name}
                        </Link>
                      ) : (
                        <span className="text-stone-600">{t('reports.own', { unit: d.unit.name })}</span>
                      )}
                    </td>
                    {MEASURES.map((m) => (
                      <Cell key={m} row={r} m={m} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
