import type { Metadata } from 'next';
import { PageTitle } from '@/components/page-chrome';
import Link from 'next/link';
import { RowLink } from '@/components/card-table';
import { getAbilities } from '@/lib/dal/abilities';
import { FOUNDING_PARENT_KINDS, listFoundingProposals } from '@/lib/dal/founding';
import { canRecordPastFounding } from '@/lib/dal/founding-records';
import { pickerLabels } from '@/lib/page';
import { PastFoundingForm } from './forms';
import { ListSearch } from '@/components/list-search';
import { Pager } from '@/components/pager';
import { FOUNDING_STATES } from '@/lib/registry/kinds';
import { cleanParams, pageParams, pagerText, totalText } from '@/lib/page';
import { param, parseParams } from '@/lib/validation';
import { FigureFilter } from '@/components/figure-filter';
import { parseWindow } from '@/lib/reports/maths';
import { formatDate } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { EmptyState } from '@/components/empty-state';

export const metadata: Metadata = { title: 'Thành lập tổ chức đảng' };

type Params = Record<'q' | 'state' | 'fdi' | 'wUnit' | 'wFrom' | 'wTo' | 'after' | 'before' | 'n', string | undefined>;

export default async function FoundingPage({ searchParams }: { searchParams: Promise<Params> }) {
  const p = cleanParams(await searchParams);
  const decided = parseWindow(p);
  const { request, n } = pageParams(p);
  const { state, fdi } = parseParams(p, { state: param.oneOf(FOUNDING_STATES), fdi: param.flag });
  const filter = { decided, fdi, q: p.q, state };
  const filtered = !!(p.q || state || decided);
  const [page, t, canRecord, abilities] = await Promise.all([listFoundingProposals(filter, request), getT(), canRecordPastFounding(), getAbilities()]);
  const items = page.items;
  return (
    <div className="space-y-4">
      <PageTitle title={t('fnd.title')}>
        <Link href="/enterprises/priority" className="ml-auto text-sm text-red-800 underline">
          {t('ent.priority')}
        </Link>
      </PageTitle>
      {canRecord ? (
        <details className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid="past-founding">
          <summary className="cursor-pointer font-semibold text-red-900">{t('fnd.past')}</summary>
          <p className="mb-4 mt-2 text-sm text-stone-600">{t('fnd.pastHelp')}</p>
          <PastFoundingForm
            l={{
              submit: t('fnd.pastSubmit'),
              pending: t('form.pending'),
              enterprise: t('fnd.enterprise'),
              parent: t('fnd.parent'),
              cellName: t('fnd.cellName'),
              decisionNo: t('fnd.decisionNo'),
              decisionOn: t('fnd.decisionOn'),
              decisionOnHint: t('fnd.pastDateHint'),
            }}
            pick={pickerLabels(t)}
            enterpriseSource="/api/pick/enterprises"
            parentSource={`/api/pick/units?kinds=${FOUNDING_PARENT_KINDS.join(',')}`}
          />
        </details>
      ) : null}
      {decided ? (
        <FigureFilter
          text={t(filter.fdi ? 'fnd.decidedBetweenFdi' : 'fnd.decidedBetween', { n: totalText(t, page), from: formatDate(decided.from), to: formatDate(decided.to) })}
          clearHref="/founding"
          clearLabel={t('ent.filter.clear')}
        />
      ) : null}
      <ListSearch
        q={p.q}
        placeholder={t('fnd.search')}
        submit={t('users.searchSubmit')}
        selects={[
          { name: 'state', label: t('fnd.stateLabel'), value: state, options: [{ value: '', label: t('fnd.allStates') }, ...FOUNDING_STATES.map((s) => ({ value: s, label: t(`fnd.state.${s}`) }))] },
        ]}
        hidden={{ fdi: p.fdi, wUnit: p.wUnit, wFrom: p.wFrom, wTo: p.wTo }}
        testId="founding-search"
      />
      {items.length === 0 ? (
        <EmptyState testId="founding-empty">{t(filtered ? 'fnd.emptyFiltered' : abilities.registerEnterprises ? 'fnd.empty' : 'fnd.emptyReadOnly')}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm" data-testid="founding-list">
          {items.map((p) => (
            <li key={p.id} className="px-4 py-3">
              <RowLink href={`/founding/${p.id}`}>{p.cellName}</RowLink> <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs ring-1 ring-stone-200">{t(`fnd.state.${p.state}`)}</span>
              {p.fromRecords ? (
                <span className="ml-1 rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900 ring-1 ring-amber-200" data-testid="from-records">
                  {t('fnd.fromRecords')}
                </span>
              ) : null}
              <div className="text-xs text-stone-500">
                {p.enterpriseName} · {t('fnd.parent')}: {p.parentName} ·{' '}
                {p.fromRecords ? t('fnd.decisionShort', { no: p.decisionNo ?? '', on: formatDate(p.decisionOn) }) : `${t('fnd.count', { n: p.members })} · ${formatDate(p.proposedOn)}`}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} path="/founding" params={p} n={n} text={pagerText(t, page, n)} />
    </div>
  );
}
