import type { Metadata } from 'next';
import { PageTitle } from '@/components/page-chrome';
import Link from 'next/link';
import { CaseList } from '@/components/case-list';
import { STATES } from '@/lib/admission/workflow';
import { listCases } from '@/lib/dal/case-lists';
import { Pager } from '@/components/pager';
import { FigureFilter } from '@/components/figure-filter';
import { formatDate } from '@/lib/format';
import { parseWindow } from '@/lib/reports/maths';
import { getAbilities } from '@/lib/dal/abilities';
import { getT } from '@/lib/i18n/server';
import { cleanParams, pageParams, pagerText, totalText } from '@/lib/page';
import { param, parseParams } from '@/lib/validation';

export const metadata: Metadata = { title: 'Hồ sơ kết nạp' };

type Params = Record<'q' | 'state' | 'wUnit' | 'wFrom' | 'wTo' | 'after' | 'before' | 'n', string | undefined>;

export default async function CasesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const p = cleanParams(await searchParams);
  const { q } = p;
  const { request, n } = pageParams(p);
  const { state: stateFilter } = parseParams(p, { state: param.oneOf(STATES) });
  const submitted = parseWindow(p);
  const filter = { q, state: stateFilter, submitted };
  const [abilities, page, t] = await Promise.all([getAbilities(), listCases(filter, request), getT()]);
  const isReferrer = abilities.refer;
  return (
    <div className="space-y-4">
      <PageTitle title={t('cases.title')}>
        {isReferrer ? (
          <Link href="/cases/new" className="ml-auto rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white hover:bg-red-900">
            {t('cases.new')}
          </Link>
        ) : null}
      </PageTitle>
      {submitted ? (
        <FigureFilter
          text={t('cases.submittedBetween', { n: totalText(t, page), from: formatDate(submitted.from), to: formatDate(submitted.to) })}
          clearHref="/cases"
          clearLabel={t('enterprises.filter.clear')}
        />
      ) : null}
      <form className="flex flex-wrap gap-2" role="search">
        <label className="sr-only" htmlFor="q">
          {t('cases.search')}
        </label>
        <input id="q" name="q" defaultValue={q} placeholder={t('cases.search')} className="w-full max-w-sm rounded-md border border-stone-300 px-3 py-2 text-sm" />
        <select name="state" defaultValue={stateFilter ?? ''} className="rounded-md border border-stone-300 px-3 py-2 text-sm" aria-label={t('cases.col.state')}>
          <option value="">{t('cases.allStates')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`state.${s}`)}
            </option>
          ))}
        </select>
        <button className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm">{t('users.searchSubmit')}</button>
      </form>
      {page.items.length ? (
        <p className="text-sm text-stone-600" data-testid="case-count">
          {t('cases.count', { n: totalText(t, page) })}
        </p>
      ) : null}
      <CaseList items={page.items} t={t} testId="cases-table" emptyText={t(isReferrer && !q && !stateFilter ? 'cases.emptyReferrer' : q || stateFilter ? 'cases.emptyFiltered' : 'cases.empty')} />
      <Pager page={page} path="/cases" params={p} n={n} text={pagerText(t, page, n)} />
    </div>
  );
}
