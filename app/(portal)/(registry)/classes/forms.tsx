'use client';

import { ActionForm, CheckboxList, Field } from '@/components/action-form';
import { SearchPicker, type PickerLabels } from '@/components/search-picker';
import { createClassAction, enrolAction, issueAction } from './actions';

type Option = { value: string; label: string };
type L = Record<string, string>;

export function ClassForm({ l, kinds, today }: { l: L; kinds: Option[]; today: string }) {
  return (
    <ActionForm action={createClassAction} submitLabel={l.submit} labels={{ pending: l.pending }} testId="class-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="kind" label={l.kind} type="select" options={kinds} required />
        <Field name="title" label={l.title} required />
        <Field name="startOn" label={l.startOn} type="date" defaultValue={today} required />
        <Field name="endOn" label={l.endOn} type="date" defaultValue={today} required />
      </div>
    </ActionForm>
  );
}

/** Enrol people found by name: several may be chosen before sending. */
export function EnrolForm({ l, pick, classId }: { l: L; pick: PickerLabels; classId: number }) {
  return (
    <ActionForm action={enrolAction} submitLabel={l.submit} labels={{ pending: l.pending }} testId="enrol-form">
      <input type="hidden" name="classId" value={classId} />
      <SearchPicker name="personIds" label={l.legend} source={`/api/pick/class-people?classId=${classId}`} labels={pick} multiple required />
    </ActionForm>
  );
}

export function IssueForm({ l, classId, enrolments, today, firstNumber }: { l: L; classId: number; enrolments: Option[]; today: string; firstNumber: string }) {
  return (
    <ActionForm action={issueAction} submitLabel={l.submit} labels={{ pending: l.pending }} testId="issue-form">
      <input type="hidden" name="classId" value={classId} />
      <CheckboxList name="enrolmentIds" options={enrolments} legend={l.legend} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="firstNumber" label={l.firstNumber} defaultValue={firstNumber} required />
        <Field name="certificateOn" label={l.certificateOn} type="date" defaultValue={today} required />
      </div>
    </ActionForm>
  );
}
