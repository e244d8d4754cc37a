'use client';

import { ActionForm, confirmLabels, Field, FieldGrid, HiddenFields, SubmitForm } from '@/components/action-form';
import { Disclosure } from '@/components/page-chrome';
import { PersonFields } from '@/components/person-fields';
import { SearchPicker, type PickerLabels, type PickOption } from '@/components/search-picker';
import { assignAction, createMemberAction, endMembershipAction, memberStepAction, updateMemberAction } from './actions';

type Option = { value: string; label: string };
type L = Record<string, string>;

/** Cells a member may belong to: active cells of the user's subtree. */
export const CELLS_OF_SCOPE = '/api/pick/units?kinds=cell';
/** Any active cell of the user's tree (a transfer or temporary activity may go beyond the subtree). */
export const CELLS_OF_TREE = '/api/pick/units?kinds=cell&scope=tree';
export const ENTERPRISES = '/api/pick/enterprises';

export function MemberForm({ l, pick, occupations }: { l: L; pick: PickerLabels; occupations: Option[] }) {
  return (
    <SubmitForm action={createMemberAction} l={l} testId="member-form">
      <FieldGrid>
        <PersonFields l={l} />
        <SearchPicker name="cellUnitId" label={l.cell} source={CELLS_OF_SCOPE} labels={pick} required />
        <SearchPicker name="enterpriseId" label={l.enterprise} source={ENTERPRISES} labels={pick} />
        <Field name="occupation" label={l.occupation} type="select" options={occupations} required />
        <Field name="admittedOn" label={l.admittedOn} type="date" required />
        <Field name="admissionDecisionNo" label={l.admissionDecisionNo} hint={l.admissionDecisionNoHint} />
        <Field name="officialOn" label={l.officialOn} type="date" />
        <Field name="cardNo" label={l.cardNo} />
      </FieldGrid>
      <Field name="confirmNotDuplicate" label={l.confirmNotDuplicate} type="checkbox" />
    </SubmitForm>
  );
}

/** One step on a member's record (transfer out, receive, cancel, temporary activity). */
export function MemberStepForm({
  l,
  step,
  memberId,
  version,
  today,
  title,
  pick,
  cellField,
  danger,
}: {
  l: L;
  step: 'transferOut' | 'receive' | 'cancel' | 'temporaryStart' | 'temporaryEnd';
  memberId: number;
  version: number;
  today: string;
  title: string;
  pick?: PickerLabels;
  cellField?: { name: 'toCellUnitId' | 'hostCellUnitId'; label: string };
  danger?: boolean;
}) {
  return (
    <Disclosure title={title} testId={`member-${step}`}>
      <ActionForm action={memberStepAction} submitLabel={title} labels={confirmLabels(l)} danger={danger} confirmText={danger ? `${title}?` : undefined}>
        <input type="hidden" name="step" value={step} />
        <HiddenFields values={{ memberId, version }} />
        <FieldGrid>
          {cellField && pick ? <SearchPicker name={cellField.name} label={cellField.label} source={CELLS_OF_TREE} labels={pick} required /> : null}
          <Field name="effectiveOn" label={l.effectiveOn} type="date" defaultValue={today} required />
          <Field name="note" label={l.note} />
        </FieldGrid>
      </ActionForm>
    </Disclosure>
  );
}

export function AssignForm({ l, pick, memberId, today }: { l: L; pick: PickerLabels; memberId: number; today: string }) {
  return (
    <SubmitForm action={assignAction} l={l} testId="assign-form">
      <input type="hidden" name="memberId" value={memberId} />
      <FieldGrid>
        <SearchPicker name="cellUnitId" label={l.cell} source={CELLS_OF_SCOPE} labels={pick} required />
        <Field name="role" label={l.role} required />
        <Field name="startOn" label={l.startOn} type="date" defaultValue={today} required />
        <Field name="endOn" label={l.endOn} type="date" />
      </FieldGrid>
    </SubmitForm>
  );
}

export function EditMemberForm({ l, pick, initial, enterprise, occupations }: { l: L; pick: PickerLabels; initial: Record<string, string>; enterprise: PickOption | null; occupations: Option[] }) {
  return (
    <SubmitForm action={updateMemberAction} l={l} testId="member-edit">
      <HiddenFields values={{ memberId: initial.memberId, version: initial.version }} />
      <FieldGrid>
        <Field name="occupation" label={l.occupation} type="select" options={occupations} defaultValue={initial.occupation} required />
        <SearchPicker name="enterpriseId" label={l.enterprise} source={ENTERPRISES} labels={pick} defaultValue={enterprise} />
        <Field name="cardNo" label={l.cardNo} defaultValue={initial.cardNo} />
        <Field name="officialOn" label={l.officialOn} type="date" defaultValue={initial.officialOn} />
      </FieldGrid>
    </SubmitForm>
  );
}

export function EndMembershipForm({ l, memberId, version, statuses, today }: { l: L; memberId: number; version: number; statuses: Option[]; today: string }) {
  return (
    <SubmitForm danger action={endMembershipAction} l={l} testId="member-end">
      <HiddenFields values={{ memberId, version }} />
      <FieldGrid>
        <Field name="status" label={l.status} type="select" options={statuses} required />
        <Field name="effectiveOn" label={l.effectiveOn} type="date" defaultValue={today} required />
      </FieldGrid>
      <Field name="note" label={l.note} />
    </SubmitForm>
  );
}
