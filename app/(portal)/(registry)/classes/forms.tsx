'use client';

import { CheckboxList, Field, FieldGrid, SubmitForm } from '@/components/action-form';
import { SearchPicker, type PickerLabels } from '@/components/search-picker';
import { createClassAction, enrolAction, issueAction } from './actions';

type Option = { value: string; label: string };
type L = Record<string, string>;

export function ClassForm({ l, kinds, today }: { l: L; kinds: Option[]; today: string }) {
  return (
    <SubmitForm action={createClassAction} l={l} testId="class-form">
      <FieldGrid>
        <Field name="kind" label={l.kind} type="select" options={kinds} required />
        <Field name="title" label={l.title} required />
        <Field name="startOn" label={l.startOn} type="date" defaultValue={today} required />
        <Field name="endOn" label={l.endOn} type="date" defaultValue={today} required />
      </FieldGrid>
    </SubmitForm>
  );
}

/** Enrol people found by name: several may be chosen before sending. */
export function EnrolForm({ l, pick, classId }: { l: L; pick: PickerLabels; classId: number }) {
  return (
    <SubmitForm action={enrolAction} l={l} testId="enrol-form">
      <input type="hidden" name="classId" value={classId} />
      <SearchPicker name="personIds" label={l.legend} source={`/api/pick/class-people?classId=${classId}`} labels={pick} multiple required />
    </SubmitForm>
  );
}

export function IssueForm({ l, classId, enrolments, today, firstNumber }: { l: L; classId: number; enrolments: Option[]; today: string; firstNumber: string }) {
  return (
    <SubmitForm action={issueAction} l={l} testId="issue-form">
      <input type="hidden" name="classId" value={classId} />
      <CheckboxList name="enrolmentIds" options={enrolments} legend={l.legend} />
      <FieldGrid>
        <Field name="firstNumber" label={l.firstNumber} defaultValue={firstNumber} required />
        <Field name="certificateOn" label={l.certificateOn} type="date" defaultValue={today} required />
      </FieldGrid>
    </SubmitForm>
  );
}
