'use client';

import { SearchPicker, type PickerLabels } from '@/components/search-picker';
import { ActionForm, Field } from '@/components/action-form';
import { createSurveyRoundAction, recordFindingAction, recordMeetingAction } from './actions';

type Option = { value: string; label: string };
type L = Record<string, string>;

export function MeetingForm({ l, enterpriseId, today, outcomes }: { l: L; enterpriseId: number; today: string; outcomes: Option[] }) {
  return (
    <ActionForm action={recordMeetingAction} submitLabel={l.submit} labels={{ pending: l.pending }} testId="meeting-form">
      <input type="hidden" name="enterpriseId" value={enterpriseId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="metOn" label={l.metOn} type="date" defaultValue={today} required />
        <Field name="outcome" label={l.outcome} type="select" options={outcomes} required />
        <Field name="attendees" label={l.attendees} required />
        <Field name="nextStep" label={l.nextStep} />
      </div>
      <Field name="summary" label={l.summary} type="textarea" />
    </ActionForm>
  );
}

export function SurveyRoundForm({ l, today, participants }: { l: L; today: string; participants: Option[] }) {
  return (
    <ActionForm action={createSurveyRoundAction} submitLabel={l.submit} labels={{ pending: l.pending }} testId="survey-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="title" label={l.title} required />
        <Field name="heldOn" label={l.heldOn} type="date" defaultValue={today} required />
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-stone-800">{l.participants}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {participants.map((p) => (
            <label key={p.value} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="participants" value={p.value} className="h-4 w-4 accent-red-800" />
              {p.label}
            </label>
          ))}
        </div>
      </fieldset>
    </ActionForm>
  );
}

export function FindingForm({ l, pick, roundId, attitudes }: { l: L; pick: PickerLabels; roundId: number; attitudes: Option[] }) {
  return (
    <ActionForm action={recordFindingAction} submitLabel={l.submit} labels={{ pending: l.pending }} testId="finding-form">
      <input type="hidden" name="roundId" value={roundId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SearchPicker name="enterpriseId" label={l.enterprise} source="/api/pick/enterprises" labels={pick} required />
        <Field name="membersWorking" label={l.membersWorking} type="number" defaultValue="0" required />
        <Field name="ownerAttitude" label={l.ownerAttitude} type="select" options={attitudes} required />
        <Field name="note" label={l.note} />
      </div>
      <Field name="unionPresent" label={l.unionPresent} type="checkbox" />
    </ActionForm>
  );
}
