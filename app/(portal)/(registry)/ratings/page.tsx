import type { Metadata } from 'next';
import { today } from '@/lib/clock';
import { getRatingSheet } from '@/lib/dal/ratings';
import { loadRuleSets } from '@/lib/dal/rules';
import { getUnitOption } from '@/lib/dal/units';
import { SearchPicker } from '@/components/search-picker';
import { formatDate } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { cleanParams, pickerLabels } from '@/lib/page';
import { param, parseParams } from '@/lib/validation';
import { RATING_GRADES } from '@/lib/registry/kinds';
import { RatingSheet } from './sheet';

export const metadata: Metadata = { title: 'Đánh giá, xếp loại' };

const input = 'rounded-md border border-stone-300 bg-white px-3 py-2 text-sm';

export default async function RatingsPage({ searchParams }: { searchParams: Promise<{ year?: string; cell?: string }> }) {
  const p = cleanParams(await searchParams);
  const thisYear = Number(today().slice(0, 4));
  const { year = thisYear, cell: cellId } = parseParams(p, { year: param.year, cell: param.id });
  const [sheet, t, versions] = await Promise.all([getRatingSheet(year, cellId), getT(), loadRuleSets()]);
  // A year is rated by the bands in force on its 31 December: the years offered start with the earliest rule set.
  const firstYear = versions.length ? Number(versions[0].effectiveFrom.slice(0, 4)) : thisYear;
  const ruled = versions.some((v) => v.effectiveFrom <= `${year}-12-31`);
  const years = Array.from({ length: Math.max(thisYear - firstYear + 1, 1) }, (_, i) => thisYear - i);
  if (!years.includes(year)) years.push(year);
  // A cell's own officers see their cell without choosing it.
  const cell = sheet.cellUnitId ? await getUnitOption(sheet.cellUnitId) : null;
  const grades = [{ value: '', label: '—' }, ...RATING_GRADES.map((g) => ({ value: g, label: t(`ratings.grade.${g}`) }))];
  const l = { save: t('ratings.save'), pending: t('form.pending'), name: t('members.fullName'), score: t('ratings.score'), grade: t('ratings.grade') };
  const share = (s: typeof sheet.summary.members) =>
    s.rated ? t('ratings.share', { goodOrAbove: s.goodOrAbove, rated: s.rated, percent: `${s.percent!.toLocaleString('vi-VN')}%` }) : t('ratings.noneRated');
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-3">
        <h1 className="text-2xl font-bold text-red-900">{t('ratings.title', { year })}</h1>
        <form className="ml-auto flex flex-wrap items-end gap-2">
          <label className="text-sm">
            <span className="mb-1 block">{t('ratings.year')}</span>
            <select name="year" defaultValue={year} className={input}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <div className="w-72 max-w-full text-sm">
            <SearchPicker name="cell" label={t('ratings.cell')} source="/api/pick/units?kinds=cell" defaultValue={cell} labels={pickerLabels(t)} />
          </div>
          <button className="rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white">{t('ratings.show')}</button>
        </form>
      </div>
      <div className="grid gap-4 sm:grid-cols-2" data-testid="rating-summary">
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <div className="text-sm text-stone-500">{t('ratings.members')}</div>
          <div className="text-lg font-semibold" data-testid="rating-share-members">
            {share(sheet.summary.members)}
          </div>
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <div className="text-sm text-stone-500">{t('ratings.organisations')}</div>
          <div className="text-lg font-semibold" data-testid="rating-share-organisations">
            {share(sheet.summary.organisations)}
          </div>
        </div>
      </div>
      {!ruled ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="status" data-testid="no-rule-set">
          {t('errors.noRuleSetOn', { date: formatDate(`${year}-12-31`) })} {t('ratings.noRuleSetHint')}
        </p>
      ) : (
        <>
          <p className="text-sm text-stone-600">{t('ratings.help')}</p>
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">{t('ratings.members')}</h2>
            {!sheet.cellUnitId ? (
              <p className="text-sm text-stone-600">{t('ratings.chooseCell')}</p>
            ) : sheet.members.length === 0 ? (
              <p className="text-sm text-stone-600">{t('ratings.noMembers')}</p>
            ) : (
              <RatingSheet
                kind="member"
                year={year}
                grades={grades}
                l={l}
                testId="rating-members"
                rows={sheet.members.map((m) => ({ id: m.id, name: m.fullName, detail: m.cellName, score: m.score, grade: m.grade, canRate: m.canRate }))}
              />
            )}
          </section>
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">{t('ratings.organisations')}</h2>
            {sheet.organisations.length === 0 ? (
              <p className="text-sm text-stone-600">{t('ratings.noOrganisations')}</p>
            ) : (
              <RatingSheet
                kind="unit"
                year={year}
                grades={grades}
                l={{ ...l, name: t('ratings.organisations') }}
                testId="rating-organisations"
                rows={sheet.organisations.map((o) => ({ id: o.id, name: o.name, score: o.score, grade: o.grade, canRate: o.canRate }))}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}
