'use client';

import { ActionForm, CheckboxList, DangerForm, Field, HiddenFields } from '@/components/action-form';
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
    <ActionForm action={proposeFoundingAction} submitLabel={l.submit} labels={{ pending: l.pending }} testId="propose-form">
      <input type="hidden" name="enterpriseId" value={enterpriseId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="cellName" label={l.cellName} defaultValue={cellName} required />
        <SearchPicker name="parentUnitId" label={l.parent} source={parentSource} labels={pick} required />
        <Field name="proposedOn" label={l.proposedOn} type="date" defaultValue={today} required />
      </div>
      <CheckboxList name="memberIds" legend={l.members} help={l.membersHelp} options={members.map((m) => ({ value: String(m.id), label: m.label }))} defaultChecked />
    </ActionForm>
  );
}

export function DecideForm({ l, id, version, members, today }: { l: L; id: number; version: number; members: Option[]; today: string }) {
  return (
    <ActionForm action={decideFoundingAction} submitLabel={l.submit} labels={{ pending: l.pending }} testId="decide-form">
      <HiddenFields values={{ id, version }} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="decisionNo" label={l.decisionNo} required />
        <Field name="decisionOn" label={l.decisionOn} type="date" defaultValue={today} required />
        <Field name="secretaryMemberId" label={l.secretary} type="select" options={members} required />
      </div>
    </ActionForm>
  );
}

export function RejectForm({ l, id, version }: { l: L; id: number; version: number }) {
  return (
    <DangerForm action={rejectFoundingAction} l={l} testId="reject-form">
      <HiddenFields values={{ id, version }} />
      <Field name="reason" label={l.reason} type="textarea" required />
    </DangerForm>
  );
}

/** A founding decided before the portal: the enterprise, the parent, the cell's name, the decision's number and date. */
export function PastFoundingForm({ l, pick, enterpriseSource, parentSource }: { l: L; pick: PickerLabels; enterpriseSource: string; parentSource: string }) {
  return (
    <ActionForm action={recordPastFoundingAction} submitLabel={l.submit} labels={{ pending: l.pending }} testId="past-founding-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <SearchPicker name="enterpriseId" label={l.enterprise} source={enterpriseSource} labels={pick} required testId="past-enterprise" />
        <SearchPicker name="parentUnitId" label={l.parent} source={parentSource} labels={pick} required testId="past-parent" />
        <Field name="cellName" label={l.cellName} required />
        <Field name="decisionNo" label={l.decisionNo} required />
        <Field name="decisionOn" label={l.decisionOn} hint={l.decisionOnHint} type="date" required />
      </div>
    </ActionForm>
  );
}
