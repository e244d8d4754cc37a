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
    { value: 'yes', label: t(`ent.filter.${k}Yes`) },
    { value: 'no', label: t(`ent.filter.${k}No`) },
  ];
  const content = (
    <div className="space-y-4">
      <PageTitle title={t('ent.title')}>
        <Link href="/enterprises/priority" className="ml-auto text-sm text-red-800 underline" data-testid="priority-link">
          {t('ent.priority')}
        </Link>
        {abilities.registerEnterprises ? (
          <Link href="/enterprises/new" className=" rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white hover:bg-red-900">
            {t('ent.new')}
          </Link>
        ) : null}
      </PageTitle>
      <form className="grid gap-2 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-4" role="search" data-testid="enterprise-filters">
        <input name="q" defaultValue={params.q} placeholder={t('ent.search')} aria-label={t('ent.search')} className={`${input} sm:col-span-2`} />
        <SearchPicker
          name="unit"
          label={t('ent.filter.managing')}
          hideLabel
          source={`/api/pick/units?kinds=${MANAGING_KINDS.join(',')}`}
          defaultValue={unitChosen}
          labels={{ ...pickerLabels(t), placeholder: t('ent.filter.managingPlaceholder') }}
        />
        <FilterSelect name="type" label={t('ent.type')} value={params.type} options={ENTERPRISE_TYPES.map((x) => ({ value: x, label: t(`ent.type.${x}`) }))} t={t} />
        <FilterSelect name="party" label={t('ent.filter.party')} value={params.party} options={answers('party')} t={t} />
        <FilterSelect name="union" label={t('ent.filter.union')} value={params.union} options={answers('union')} t={t} />
        <FilterSelect
          name="zone"
          label={t('ent.filter.zone')}
          value={params.zone}
          options={[{ value: '*', label: t('ent.filter.inAnyZone') }, { value: '-', label: t('ent.filter.inNoZone') }, ...zones.map((z) => ({ value: z, label: z }))]}
          t={t}
        />
        <div className="flex gap-2">
          <input name="min" defaultValue={params.min} inputMode="numeric" placeholder={t('ent.filter.workforceMin')} aria-label={t('ent.filter.workforceMin')} className={`${input} w-1/2`} />
          <input name="max" defaultValue={params.max} inputMode="numeric" placeholder={t('ent.filter.workforceMax')} aria-label={t('ent.filter.workforceMax')} className={`${input} w-1/2`} />
        </div>
        <FilterActions span="sm:col-span-4" t={t} clearHref={filtered ? '/enterprises' : undefined} count={t('ent.count', { n: totalText(t, page) })} countTestId="enterprise-count" />
      </form>
      {items.length === 0 ? (
        <EmptyState testId="enterprises-empty">{t(filtered ? 'ent.emptyFiltered' : abilities.registerEnterprises ? 'ent.empty' : 'ent.emptyReadOnly')}</EmptyState>
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
                    label: t('ent.link.title'),
                    srOnlyLabel: true,
                    className: 'w-10 sm:px-3',
                    cell: (e: (typeof items)[number]) => <SelectBox id={e.id} name={e.name} label={t('ent.link.select', { name: e.name })} />,
                  },
                ]
              : []),
            {
              label: t('ent.name'),
              primary: true,
              cell: (e) => (
                <>
                  <RowLink href={`/enterprises/${e.id}`}>{e.name}</RowLink>
                  {e.zone ? <div className="text-xs text-stone-500">{e.zone}</div> : null}
                  {e.status !== 'operating' ? <div className="text-xs">{t(`ent.status.${e.status}`)}</div> : null}
                </>
              ),
            },
            { label: t('ent.taxCode'), className: 'font-mono text-xs', cell: (e) => e.taxCode },
            { label: t('ent.type'), cell: (e) => t(`ent.type.${e.type}`) },
            { label: t('ent.filter.managing'), cell: (e) => e.managingUnitName },
            { label: t('ent.workforce'), align: 'right', cell: (e) => e.workforce.toLocaleString('vi-VN') },
            {
              label: t('ent.col.organisations'),
              cell: (e) => (
                <>
                  <div className={e.partyUnitName ? 'text-stone-900' : 'text-amber-800'}>{e.partyUnitName ?? t('ent.noParty')}</div>
                  <div className="text-xs text-stone-500">{[e.hasTradeUnion ? t('ent.union') : null, e.hasYouthUnion ? t('ent.youth') : null].filter(Boolean).join(' · ')}</div>
                </>
              ),
            },
          ]}
        />
      )}
      {canLink ? <SelectionBar selected={t('ent.link.selected', { n: '{n}' })} jump={t('ent.link.jump')} /> : null}
      <Pager page={page} path="/enterprises" params={params} n={n} text={pagerText(t, page, n)} />
      {canLink ? (
        <LinkForm
          action={linkEnterprisesAction}
          source={`/api/pick/units?kinds=${LINKABLE_KINDS.join(',')}`}
          pick={pickerLabels(t)}
          labels={{
            title: t('ent.link.title'),
            intro: t('ent.link.intro'),
            selected: t('ent.link.selected', { n: '{n}' }),
            noneSelected: t('ent.link.noneSelected'),
            remove: t('ent.link.remove', { name: '{name}' }),
            unit: t('ent.link.unit'),
            unitHint: t('ent.link.unitHint'),
            replace: t('ent.link.replace'),
            submit: t('ent.link.submit'),
            pending: t('form.pending'),
          }}
        />
      ) : null}
    </div>
  );
  return canLink ? <LinkSelection>{content}</LinkSelection> : content;
}
