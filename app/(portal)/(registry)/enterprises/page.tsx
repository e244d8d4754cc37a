import type { Metadata } from 'next';
import { PageTitle } from '@/components/page-chrome';
import Link from 'next/link';
import { CardTable, RowLink } from '@/components/card-table';
import { FILTER_INPUT, FilterActions, FilterSelect } from '@/components/figure-filter';
import { Pager } from '@/components/pager';
import { SearchPicker } from '@/components/search-picker';
import { listEnterprises, listZones, type EnterpriseFilter } from '@/lib/dal/enterprises';
import { getAbilities } from '@/lib/dal/abilities';
import { getUnitOption } from '@/lib/dal/units';
import { getT } from '@/lib/i18n/server';
import { param, parseParams } from '@/lib/validation';
import { cleanParams, pageParams, pagerText, pickerLabels, totalText } from '@/lib/page';
import { ENTERPRISE_TYPES, MANAGING_KINDS } from '@/lib/registry/kinds';
import { LINKABLE_KINDS } from '@/lib/registry/links';
import { linkEnterprisesAction } from './actions';
import { LinkForm, LinkSelection, SelectBox, SelectionBar } from './link-form';
import { EmptyState } from '@/components/empty-state';

export const metadata: Metadata = { title: 'Doanh nghiệp' };

type Params = Partial<Record<'q' | 'unit' | 'type' | 'party' | 'union' | 'min' | 'max' | 'zone' | 'after' | 'before' | 'n', string>>;

/** The URL's filters as the data layer takes them (anything malformed is ignored). */
function filterOf(p: Params): EnterpriseFilter {
  // A workforce bound typed in the filter (1.147 is 1147); anything else is no bound.
  const f = parseParams(p, {
    unit: param.wholeNumber(10_000_000),
    type: param.oneOf(ENTERPRISE_TYPES),
    party: param.yesNo,
    union: param.yesNo,
    min: param.wholeNumber(10_000_000),
    max: param.wholeNumber(10_000_000),
  });
  return {
    q: p.q?.trim() || undefined,
    managingUnitId: f.unit,
    type: f.type,
    hasParty: f.party,
    hasUnion: f.union,
    workforceMin: f.min,
    workforceMax: f.max,
    zone: p.zone || undefined,
  };
}

const input = FILTER_INPUT;

export default async function EnterprisesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = cleanParams(await searchParams);
  const { request, n } = pageParams(params);
  const filter = filterOf(params);
  const [abilities, page, unitChosen, zones, t] = await Promise.all([
    getAbilities(),
    listEnterprises(filter, request),
    filter.managingUnitId ? getUnitOption(filter.managingUnitId) : Promise.resolve(null),
    listZones(),
    getT(),
  ]);
  const items = page.items;
  const filtered = Object.values(filter).some((v) => v !== undefined);
  // Those who edit the registry link enterprises to their organisations (the data layer decides which ones).
  const canLink = abilities.editData && items.length > 0;
  const answers = (k: 'party' | 'union') => [
    { value: 'yes', label: t(`enterprises.filter.${k}Yes`) },
    { value: 'no', label: t(`enterprises.filter.${k}No`) },
  ];
  const content = (
    <div className="space-y-4">
      <PageTitle title={t('enterprises.title')}>
        <Link href="/enterprises/priority" className="ml-auto text-sm text-red-800 underline" data-testid="priority-link">
          {t('enterprises.priority')}
        </Link>
        {abilities.registerEnterprises ? (
          <Link href="/enterprises/new" className=" rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white hover:bg-red-900">
            {t('enterprises.new')}
          </Link>
        ) : null}
      </PageTitle>
      <form className="grid gap-2 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-4" role="search" data-testid="enterprise-filters">
        <input name="q" defaultValue={params.q} placeholder={t('enterprises.search')} aria-label={t('enterprises.search')} className={`${input} sm:col-span-2`} />
        <SearchPicker
          name="unit"
          label={t('enterprises.filter.managing')}
          hideLabel
          source={`/api/pick/units?kinds=${MANAGING_KINDS.join(',')}`}
          defaultValue={unitChosen}
          labels={{ ...pickerLabels(t), placeholder: t('enterprises.filter.managingPlaceholder') }}
        />
        <FilterSelect name="type" label={t('enterprises.type')} value={params.type} options={ENTERPRISE_TYPES.map((x) => ({ value: x, label: t(`enterprises.type.${x}`) }))} t={t} />
        <FilterSelect name="party" label={t('enterprises.filter.party')} value={params.party} options={answers('party')} t={t} />
        <FilterSelect name="union" label={t('enterprises.filter.union')} value={params.union} options={answers('union')} t={t} />
        <FilterSelect
          name="zone"
          label={t('enterprises.filter.zone')}
          value={params.zone}
          options={[{ value: '*', label: t('enterprises.filter.inAnyZone') }, { value: '-', label: t('enterprises.filter.inNoZone') }, ...zones.map((z) => ({ value: z, label: z }))]}
          t={t}
        />
        <div className="flex gap-2">
          {(['min', 'max'] as const).map((end) => {
            const label = t(end === 'min' ? 'enterprises.filter.workforceMin' : 'enterprises.filter.workforceMax');
            return <input key={end} name={end} defaultValue={params[end]} inputMode="numeric" placeholder={label} aria-label={label} className={`${input} w-1/2`} />;
          })}
        </div>
        <FilterActions span="sm:col-span-4" t={t} clearHref={filtered ? '/enterprises' : undefined} count={t('enterprises.count', { n: totalText(t, page) })} countTestId="enterprise-count" />
      </form>
      {items.length === 0 ? (
        <EmptyState testId="enterprises-empty">{t(filtered ? 'enterprises.emptyFiltered' : abilities.registerEnterprises ? 'enterprises.empty' : 'enterprises.emptyReadOnly')}</EmptyState>
      ) : (
        <CardTable
          testId="enterprises-table"
          rows={items}
          rowKey={(e) => e.id}
          rowClassName={(e) => (e.status === 'operating' ? undefined : 'text-stone-500')}
          columns={[
            ...(canLink
              ? [
                  {
                    label: t('enterprises.link.title'),
                    srOnlyLabel: true,
                    className: 'w-10 sm:px-3',
                    cell: (e: (typeof items)[number]) => <SelectBox id={e.id} name={e.name} label={t('enterprises.link.select', { name: e.name })} />,
                  },
                ]
              : []),
            {
              label: t('enterprises.name'),
              primary: true,
              cell: (e) => (
                <>
                  <RowLink href={`/enterprises/${e.id}`}>{e.name}</RowLink>
                  {e.zone ? <div className="text-xs text-stone-500">{e.zone}</div> : null}
                  {e.status !== 'operating' ? <div className="text-xs">{t(`enterprises.status.${e.status}`)}</div> : null}
                </>
              ),
            },
            { label: t('enterprises.taxCode'), className: 'font-mono text-xs', cell: (e) => e.taxCode },
            { label: t('enterprises.type'), cell: (e) => t(`enterprises.type.${e.type}`) },
            { label: t('enterprises.filter.managing'), cell: (e) => e.managingUnitName },
            { label: t('enterprises.workforce'), align: 'right', cell: (e) => e.workforce.toLocaleString('vi-VN') },
            {
              label: t('enterprises.col.organisations'),
              cell: (e) => (
                <>
                  <div className={e.partyUnitName ? 'text-stone-900' : 'text-amber-800'}>{e.partyUnitName ?? t('enterprises.noParty')}</div>
                  <div className="text-xs text-stone-500">{[e.hasTradeUnion ? t('enterprises.union') : null, e.hasYouthUnion ? t('enterprises.youth') : null].filter(Boolean).join(' · ')}</div>
                </>
              ),
            },
          ]}
        />
      )}
      {canLink ? <SelectionBar selected={t('enterprises.link.selected', { n: '{n}' })} jump={t('enterprises.link.jump')} /> : null}
      <Pager page={page} path="/enterprises" params={params} n={n} text={pagerText(t, page, n)} />
      {canLink ? (
        <LinkForm
          action={linkEnterprisesAction}
          source={`/api/pick/units?kinds=${LINKABLE_KINDS.join(',')}`}
          pick={pickerLabels(t)}
          labels={{
            title: t('enterprises.link.title'),
            intro: t('enterprises.link.intro'),
            selected: t('enterprises.link.selected', { n: '{n}' }),
            noneSelected: t('enterprises.link.noneSelected'),
            remove: t('enterprises.link.remove', { name: '{name}' }),
            unit: t('enterprises.link.unit'),
            unitHint: t('enterprises.link.unitHint'),
            replace: t('enterprises.link.replace'),
            submit: t('enterprises.link.submit'),
            pending: t('form.pending'),
          }}
        />
      ) : null}
    </div>
  );
  return canLink ? <LinkSelection>{content}</LinkSelection> : content;
}
