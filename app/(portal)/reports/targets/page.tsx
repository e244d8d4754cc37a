import type { Metadata } from 'next';
import { cleanParams } from '@/lib/page';
import { param, parseParams } from '@/lib/validation';
import { BackLink } from '@/components/page-chrome';
import { today } from '@/lib/clock';
import { listTargetSheet } from '@/lib/dal/reports';
import { DalError } from '@/lib/dal/errors';
import { getT } from '@/lib/i18n/server';
import { parsePeriod, periodChoices, periodKey, yearPeriod } from '@/lib/reports/maths';
import { MEASURES, MEASURE_TABLE } from '@/lib/reports/measures';
import { TargetsForm } from './form';

export const metadata: Metadata = { title: 'Giao chỉ tiêu' };

export default async function TargetsPage({ searchParams }: { searchParams: Promise<{ year?: string; period?: string }> }) {
  const p = cleanParams(await searchParams);
  const thisYear = Number(today().slice(0, 4));
  const period = parsePeriod(p.period) ?? yearPeriod(parseParams(p, { year: param.year }).year ?? thisYear);
  const t = await getT();
  // The data layer decides who may set targets; the others read why not.
  const sheet = await listTargetSheet(period).catch((err) => {
    if (err instanceof DalError && err.code === 'forbidden') return null;
    throw err;
  });
  if (!sheet) return <p className="rounded-md bg-amber-50 p-4 text-sm text-amber-950">{t('targets.notAllowed')}</p>;
  const label = period.kind === 'year' ? t('reports.period.year', { year: period.from }) : t('reports.period.term', { from: period.from, to: period.to });
  return (
    <div className="space-y-4">
      <BackLink href={`/reports?period=${periodKey(period)}`}>{t('reports.title')}</BackLink>
      <h1 className="text-2xl font-bold text-red-900">
        {t('targets.title')} · {label}
      </h1>
      <form className="flex items-end gap-2">
        <label className="text-sm">
          <span className="mb-1 block">{t('targets.periodKind')}</span>
          <select name="period" defaultValue={periodKey(period)} className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm">
            {periodChoices(thisYear).map((c) => (
              <option key={periodKey(c)} value={periodKey(c)}>
                {c.kind === 'year' ? t('reports.period.year', { year: c.from }) : t('reports.period.term', { from: c.from, to: c.to })}
              </option>
            ))}
          </select>
        </label>
        <button className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm">{t('ratings.show')}</button>
      </form>
      <p className="text-sm text-stone-600">{t('targets.help')}</p>
      <TargetsForm
        l={{
          save: t('targets.save'),
          pending: t('form.pending'),
          unit: t('unit.col.name'),
          directive: t('targets.directive'),
          directiveNo: t('targets.directiveNo'),
          directiveOn: t('targets.directiveOn'),
          directiveIssuer: t('targets.directiveIssuer'),
          directiveTitle: t('targets.directiveTitle'),
        }}
        period={{ kind: period.kind, from: period.from, to: period.to }}
        units={sheet.units}
        measures={MEASURES.map((m) => ({ key: m, label: t(MEASURE_TABLE[m].label) }))}
        values={sheet.values}
      />
    </div>
  );
}
