import type { Metadata } from 'next';
import { PageTitle } from '@/components/page-chrome';
import Link from 'next/link';
import { CardTable, RowLink } from '@/components/card-table';
import { FigureFilter, FILTER_INPUT, FilterActions, FilterSelect } from '@/components/figure-filter';
import { parseWindow } from '@/lib/reports/maths';
import { Pager } from '@/components/pager';
import { SearchPicker } from '@/components/search-picker';
import { listIncomingTransfers } from '@/lib/dal/member-transfers';
import { listMembers, type MemberFilter } from '@/lib/dal/members';
import { type MemberListItem } from '@/lib/dal/member-row';
import { getAbilities } from '@/lib/dal/abilities';
import { getUnitOption } from '@/lib/dal/units';
import { formatDate } from '@/lib/format';
import { getT, type T } from '@/lib/i18n/server';
import { cleanParams, pageParams, pagerText, pickerLabels, totalText } from '@/lib/page';
import { MEMBER_STATUSES, OCCUPATIONS } from '@/lib/registry/kinds';
import { param, parseParams } from '@/lib/validation';
import { MEMBER_UNIT_KINDS } from '@/lib/units/kinds';
import { EmptyState } from '@/components/empty-state';

export const metadata: Metadata = { title: 'Đảng viên' };

type Params = Record<'q' | 'unit' | 'status' | 'standing' | 'occupation' | 'inEnterprise' | 'incoming' | 'after' | 'before' | 'n' | 'wUnit' | 'wFrom' | 'wTo', string | undefined>;
const input = FILTER_INPUT;

function MemberTable({ items, t, testId }: { items: MemberListItem[]; t: T; testId: string }) {
  return (
    <CardTable
      testId={testId}
      rows={items}
      rowKey={(m) => m.id}
      columns={[
        {
          label: t('members.fullName'),
          primary: true,
          cell: (m) => (
            <>
              <RowLink href={`/members/${m.id}`}>{m.fullName}</RowLink>
              <div className="text-xs text-stone-500">{formatDate(m.birthDate)}</div>
            </>
          ),
        },
        { label: t('cases.col.nationalId'), className: 'font-mono text-xs', cell: (m) => m.nationalIdMasked },
        {
          label: t('members.cell'),
          cell: (m) => (
            <>
              {m.cellName}
              {m.enterpriseName ? <div className="text-xs text-stone-500">{m.enterpriseName}</div> : null}
            </>
          ),
        },
        { label: t('members.occupation'), cell: (m) => t(`members.occ.${m.occupation}`) },
        {
          label: t('members.standing'),
          cell: (m) => (
            <>
              {t(m.officialOn ? 'members.standing.official' : 'members.standing.probationary')}
              <div className="text-xs text-stone-500">{formatDate(m.officialOn ?? m.admittedOn)}</div>
            </>
          ),
        },
        {
          label: t('members.status'),
          cell: (m) => (
            <>
              {t(`members.status.${m.status}`)}
              {m.transferToName ? <div className="text-xs text-amber-800">→ {m.transferToName}</div> : null}
              {m.hostName ? <div className="text-xs text-stone-500">@ {m.hostName}</div> : null}
            </>
          ),
        },
      ]}
    />
  );
}

export default async function MembersPage({ searchParams }: { searchParams: Promise<Params> }) {
  const p = cleanParams(await searchParams);
  const { request, n } = pageParams(p);
  const f = parseParams(p, {
    unit: param.id,
    status: param.oneOf(['current', ...MEMBER_STATUSES]),
    standing: param.oneOf(['probationary', 'official']),
    occupation: param.oneOf(OCCUPATIONS),
    inEnterprise: param.flag,
    incoming: param.flag,
  });
  const filter: MemberFilter = {
    q: p.q?.trim() || undefined,
    unitId: f.unit,
    status: f.status,
    standing: f.standing,
    occupation: f.occupation,
    inEnterprise: f.inEnterprise,
    incoming: f.incoming,
    admitted: parseWindow(p),
  };
  const [abilities, page, incoming, unitChosen, t] = await Promise.all([
    getAbilities(),
    listMembers(filter, request),
    filter.incoming ? Promise.resolve(null) : listIncomingTransfers(),
    filter.unitId ? getUnitOption(filter.unitId) : Promise.resolve(null),
    getT(),
  ]);
  const filtered = Object.values(filter).some((v) => v !== undefined);
  return (
    <div className="space-y-4">
      <PageTitle title={t('members.title')}>
        {abilities.addMembers ? (
          <Link href="/members/new" className="ml-auto rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white hover:bg-red-900">
            {t('members.new')}
          </Link>
        ) : null}
      </PageTitle>
      {incoming?.items.length ? (
        <section className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3">
          <h2 className="font-semibold text-amber-950">{t('members.incoming')}</h2>
          <MemberTable items={incoming.items} t={t} testId="incoming-table" />
          {incoming.total > incoming.items.length ? (
            <Link href="/members?incoming=1" className="text-sm text-red-800 underline" data-testid="incoming-all">
              {t('members.incomingAll', { n: totalText(t, incoming) })}
            </Link>
          ) : null}
        </section>
      ) : null}
      {filter.admitted ? (
        <FigureFilter
          testId="admitted-filter"
          text={t('members.admittedBetween', { from: formatDate(filter.admitted.from), to: formatDate(filter.admitted.to) })}
          clearHref="/members"
          clearLabel={t('enterprises.filter.clear')}
        />
      ) : null}
      {filter.incoming ? <FigureFilter testId="incoming-filter" text={t('members.incoming')} clearHref="/members" clearLabel={t('enterprises.filter.clear')} /> : null}
      <form className="grid gap-2 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-3" role="search" data-testid="member-filters">
        {filter.incoming ? <input type="hidden" name="incoming" value="1" /> : null}
        <div>
          <label htmlFor="member-q" className="sr-only">
            {t('members.search')}
          </label>
          <input id="member-q" name="q" defaultValue={p.q} placeholder={t('members.search')} className={`${input} w-full`} />
        </div>
        <SearchPicker
          name="unit"
          label={t('members.unitFilter')}
          hideLabel
          source={`/api/pick/units?kinds=${MEMBER_UNIT_KINDS.join(',')}`}
          defaultValue={unitChosen}
          labels={{ ...pickerLabels(t), placeholder: t('members.unitFilterPlaceholder') }}
        />
        <FilterSelect name="occupation" label={t('members.occupation')} value={p.occupation} options={OCCUPATIONS.map((o) => ({ value: o, label: t(`members.occ.${o}`) }))} t={t} />
        <FilterSelect name="inEnterprise" label={t('members.workplace')} value={p.inEnterprise} options={[{ value: '1', label: t('members.workplace.enterprise') }]} t={t} />
        <FilterSelect
          name="standing"
          label={t('members.standing')}
          value={p.standing}
          options={[
            { value: 'probationary', label: t('members.standing.probationary') },
            { value: 'official', label: t('members.standing.official') },
          ]}
          t={t}
        />
        <FilterSelect
          name="status"
          label={t('members.status')}
          value={p.status}
          options={[{ value: 'current', label: t('members.status.current') }, ...MEMBER_STATUSES.map((s) => ({ value: s, label: t(`members.status.${s}`) }))]}
          t={t}
        />
        <FilterActions span="sm:col-span-3" t={t} clearHref={filtered ? '/members' : undefined} count={t('members.count', { n: totalText(t, page) })} countTestId="member-count" />
      </form>
      {page.items.length === 0 ? (
        <EmptyState testId="members-empty">
          {t(filtered ? 'members.emptyFiltered' : abilities.addMembers ? 'members.empty' : abilities.branch ? 'members.emptyBranch' : 'members.emptyReadOnly')}
        </EmptyState>
      ) : (
        <MemberTable items={page.items} t={t} testId="members-table" />
      )}
      <Pager page={page} path="/members" params={p} n={n} text={pagerText(t, page, n)} />
    </div>
  );
}
