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
      <PageTitle title={t('founding.title')}>
        <Link href="/enterprises/priority" className="ml-auto text-sm text-red-800 underline">
          {t('enterprises.priority')}
        </Link>
      </PageTitle>
      {canRecord ? (
        <details className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid="past-founding">
          <summary className="cursor-pointer font-semibold text-red-900">{t('founding.past')}</summary>
          <p className="mb-4 mt-2 text-sm text-stone-600">{t('founding.pastHelp')}</p>
          <PastFoundingForm
            l={{
              submit: t('founding.pastSubmit'),
              pending: t('form.pending'),
              enterprise: t('founding.enterprise'),
              parent: t('founding.parent'),
              cellName: t('founding.cellName'),
              decisionNo: t('founding.decisionNo'),
              decisionOn: t('founding.decisionOn'),
              decisionOnHint: t('founding.pastDateHint'),
            }}
            pick={pickerLabels(t)}
            enterpriseSource="/api/pick/enterprises"
            parentSource={`/api/pick/units?kinds=${FOUNDING_PARENT_KINDS.join(',')}`}
          />
        </details>
      ) : null}
      {decided ? (
        <FigureFilter
          text={t(filter.fdi ? 'founding.decidedBetweenFdi' : 'founding.decidedBetween', { n: totalText(t, page), from: formatDate(decided.from), to: formatDate(decided.to) })}
          clearHref="/founding"
          clearLabel={t('enterprises.filter.clear')}
        />
      ) : null}
      <ListSearch
        q={p.q}
        placeholder={t('founding.search')}
        submit={t('users.searchSubmit')}
        selects={[
          {
            name: 'state',
            label: t('founding.stateLabel'),
            value: state,
            options: [{ value: '', label: t('founding.allStates') }, ...FOUNDING_STATES.map((s) => ({ value: s, label: t(`founding.state.${s}`) }))],
          },
        ]}
        hidden={{ fdi: p.fdi, wUnit: p.wUnit, wFrom: p.wFrom, wTo: p.wTo }}
        testId="founding-search"
      />
      {items.length === 0 ? (
        <EmptyState testId="founding-empty">{t(filtered ? 'founding.emptyFiltered' : abilities.registerEnterprises ? 'founding.empty' : 'founding.emptyReadOnly')}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm" data-testid="founding-list">
          {items.map((p) => (
            <li key={p.id} className="px-4 py-3">
              <RowLink href={`/founding/${p.id}`}>{p.cellName}</RowLink> <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs ring-1 ring-stone-200">{t(`founding.state.${p.state}`)}</span>
              {p.fromRecords ? (
                <span className="ml-1 rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900 ring-1 ring-amber-200" data-testid="from-records">
                  {t('founding.fromRecords')}
                </span>
              ) : null}
              <div className="text-xs text-stone-500">
                {p.enterpriseName} · {t('founding.parent')}: {p.parentName} ·{' '}
                {p.fromRecords ? t('founding.decisionShort', { no: p.decisionNo ?? '', on: formatDate(p.decisionOn) }) : `${t('founding.count', { n: p.members })} · ${formatDate(p.proposedOn)}`}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} path="/founding" params={p} n={n} text={pagerText(t, page, n)} />
    </div>
  );
}
