'use client';

import { CheckboxList, Field, FieldGrid, HiddenFields, SubmitForm } from '@/components/action-form';
import { SearchPicker, type PickerLabels } from '@/components/search-picker';
import { decideFoundingAction, proposeFoundingAction, recordPastFoundingAction, rejectFoundingAction } from './actions';

type Option = { value: string; label: string };
type L = Record<string, string>;

export function ProposeForm({
  l,
  enterpriseId,
  cellName,
  parentSource,
  pick,
  members,
  today,
}: {
  l: L;
  enterpriseId: number;
  cellName: string;
  /** Committees of the scope that may hold a new cell. */
  parentSource: string;
  pick: PickerLabels;
  members: { id: number; label: string }[];
  today: string;
}) {
  return (
    <SubmitForm action={proposeFoundingAction} l={l} testId="propose-form">
      <input type="hidden" name="enterpriseId" value={enterpriseId} />
      <FieldGrid>
        <Field name="cellName" label={l.cellName} defaultValue={cellName} required />
        <SearchPicker name="parentUnitId" label={l.parent} source={parentSource} labels={pick} required />
        <Field name="proposedOn" label={l.proposedOn} type="date" defaultValue={today} required />
      </FieldGrid>
      <CheckboxList name="memberIds" legend={l.members} help={l.membersHelp} options={members.map((m) => ({ value: String(m.id), label: m.label }))} defaultChecked />
    </SubmitForm>
  );
}

export function DecideForm({ l, id, version, members, today }: { l: L; id: number; version: number; members: Option[]; today: string }) {
  return (
    <SubmitForm action={decideFoundingAction} l={l} testId="decide-form">
      <HiddenFields values={{ id, version }} />
      <FieldGrid>
        <Field name="decisionNo" label={l.decisionNo} required />
        <Field name="decisionOn" label={l.decisionOn} type="date" defaultValue={today} required />
        <Field name="secretaryMemberId" label={l.secretary} type="select" options={members} required />
      </FieldGrid>
    </SubmitForm>
  );
}

export function RejectForm({ l, id, version }: { l: L; id: number; version: number }) {
  return (
    <SubmitForm danger action={rejectFoundingAction} l={l} testId="reject-form">
      <HiddenFields values={{ id, version }} />
      <Field name="reason" label={l.reason} type="textarea" required />
    </SubmitForm>
  );
}

/** A founding decided before the portal: the enterprise, the parent, the cell's name, the decision's number and date. */
export function PastFoundingForm({ l, pick, enterpriseSource, parentSource }: { l: L; pick: PickerLabels; enterpriseSource: string; parentSource: string }) {
  return (
    <SubmitForm action={recordPastFoundingAction} l={l} testId="past-founding-form">
      <FieldGrid>
        <SearchPicker name="enterpriseId" label={l.enterprise} source={enterpriseSource} labels={pick} required testId="past-enterprise" />
        <SearchPicker name="parentUnitId" label={l.parent} source={parentSource} labels={pick} required testId="past-parent" />
        <Field name="cellName" label={l.cellName} required />
        <Field name="decisionNo" label={l.decisionNo} required />
        <Field name="decisionOn" label={l.decisionOn} hint={l.decisionOnHint} type="date" required />
      </FieldGrid>
    </SubmitForm>
  );
}
