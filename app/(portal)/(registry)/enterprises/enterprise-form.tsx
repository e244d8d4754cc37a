'use client';

import { ActionForm, Field, FieldGrid, HiddenFields } from '@/components/action-form';
import { SearchPicker, type PickerLabels, type PickOption } from '@/components/search-picker';
import { MANAGING_KINDS, PARTY_ORG_KINDS } from '@/lib/registry/kinds';
import { createEnterpriseAction, updateEnterpriseAction } from './actions';

type Option = { value: string; label: string };
type L = Record<string, string>;

export type EnterpriseFormOptions = { types: Option[]; statuses: Option[] };
export type EnterpriseLinks = Record<'managing' | 'party' | 'tradeUnion' | 'youthUnion', PickOption | null>;

const units = (kinds: readonly string[]) => `/api/pick/units?kinds=${kinds.join(',')}`;

/** Register an enterprise, or edit one (`initial` with its id and version, `links` its units). */
export function EnterpriseForm({
  l,
  pick,
  options,
  links,
  initial,
}: {
  l: L;
  pick: PickerLabels;
  options: EnterpriseFormOptions;
  links?: EnterpriseLinks;
  initial?: Record<string, string> & { id: string; version: string };
}) {
  const v = (name: string, fallback = '') => initial?.[name] ?? fallback;
  return (
    <ActionForm action={initial ? updateEnterpriseAction : createEnterpriseAction} submitLabel={initial ? l.submitSave : l.submitCreate} labels={{ pending: l.pending }} testId="enterprise-form">
      {initial ? (
        <>
          <HiddenFields values={{ id: initial.id, version: initial.version }} />
        </>
      ) : null}
      <FieldGrid>
        <Field name="name" label={l.name} defaultValue={v('name')} required />
        <Field name="taxCode" label={l.taxCode} defaultValue={v('taxCode')} hint="0314409058 · 0314409058-002" required />
        <Field name="type" label={l.type} type="select" options={options.types} defaultValue={v('type')} required />
        <Field name="status" label={l.status} type="select" options={options.statuses} defaultValue={v('status', 'operating')} required />
        <Field name="address" label={l.address} defaultValue={v('address')} required />
        <SearchPicker name="managingUnitId" label={l.managingUnit} source={units(MANAGING_KINDS)} labels={pick} defaultValue={links?.managing} required />
        <Field name="zone" label={l.zone} defaultValue={v('zone')} />
        <Field name="workforce" label={l.workforce} type="number" defaultValue={v('workforce')} required />
        <Field name="ownerName" label={l.ownerName} defaultValue={v('ownerName')} />
        <SearchPicker name="partyUnitId" label={l.partyUnit} source={units(PARTY_ORG_KINDS)} labels={pick} defaultValue={links?.party} />
        <SearchPicker name="tradeUnionUnitId" label={l.tradeUnionUnit} source={units(['union_branch'])} labels={pick} defaultValue={links?.tradeUnion} />
        <SearchPicker name="youthUnionUnitId" label={l.youthUnionUnit} source={units(['youth_branch'])} labels={pick} defaultValue={links?.youthUnion} />
      </FieldGrid>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        <Field name="foreignInvested" label={l.foreignInvested} type="checkbox" defaultValue={v('foreignInvested')} />
        <Field name="ownerIsMember" label={l.ownerIsMember} type="checkbox" defaultValue={v('ownerIsMember')} />
        <Field name="hasTradeUnion" label={l.hasTradeUnion} type="checkbox" defaultValue={v('hasTradeUnion')} />
        <Field name="hasYouthUnion" label={l.hasYouthUnion} type="checkbox" defaultValue={v('hasYouthUnion')} />
      </div>
    </ActionForm>
  );
}
