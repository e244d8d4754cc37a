'use client';

import { SearchPicker, type PickerLabels } from '@/components/search-picker';
import { Field, FieldGrid, SubmitForm } from '@/components/action-form';
import { createSurveyRoundAction, recordFindingAction, recordMeetingAction, recordMeetingRoundAction } from './actions';

type Option = { value: string; label: string };
type L = Record<string, string>;

export function MeetingForm({ l, enterpriseId, today, outcomes }: { l: L; enterpriseId: number; today: string; outcomes: Option[] }) {
  return (
    <SubmitForm action={recordMeetingAction} l={l} testId="meeting-form">
      <input type="hidden" name="enterpriseId" value={enterpriseId} />
      <FieldGrid>
        <Field name="metOn" label={l.metOn} type="date" defaultValue={today} required />
        <Field name="outcome" label={l.outcome} type="select" options={outcomes} required />
        <Field name="attendees" label={l.attendees} required />
        <Field name="nextStep" label={l.nextStep} />
      </FieldGrid>
      <Field name="summary" label={l.summary} type="textarea" />
    </SubmitForm>
  );
}

/**
 * One meeting round with several enterprises: choose each with the search picker; each chosen
 * enterprise gets a row with its outcome and an optional note.
 */
export function MeetingRoundForm({ l, pick, today, outcomes }: { l: L; pick: PickerLabels; today: string; outcomes: Option[] }) {
  return (
    <SubmitForm action={recordMeetingRoundAction} l={l} testId="meeting-round-form">
      <FieldGrid>
        <Field name="metOn" label={l.metOn} type="date" defaultValue={today} required />
        <Field name="attendees" label={l.attendees} required />
      </FieldGrid>
      <p className="text-xs text-stone-500">{l.help}</p>
      <SearchPicker
        name="enterpriseIds"
        label={l.enterprises}
        source="/api/pick/enterprises"
        labels={pick}
        multiple
        required
        renderChosen={(o, remove) => (
          <div className="rounded-md border border-stone-200 bg-stone-50 p-3" data-testid="meeting-round-row">
            <div className="mb-2 flex items-start justify-between gap-2">
              <span className="min-w-0 break-words text-sm font-medium text-stone-900">{o.label}</span>
              <button type="button" onClick={remove} className="shrink-0 rounded-md border border-stone-300 bg-white px-2 py-0.5 text-xs text-stone-700" aria-label={`${l.remove}: ${o.label}`}>
                {l.remove}
              </button>
            </div>
            <div className="grid gap-2 sm:grid-cols-2">
              <Field name={`outcome_${o.value}`} label={l.outcome} type="select" options={outcomes} defaultValue="considering" required />
              <Field name={`note_${o.value}`} label={l.note} />
            </div>
          </div>
        )}
      />
    </SubmitForm>
  );
}

export function SurveyRoundForm({ l, today, participants }: { l: L; today: string; participants: Option[] }) {
  return (
    <SubmitForm action={createSurveyRoundAction} l={l} testId="survey-form">
      <FieldGrid>
        <Field name="title" label={l.title} required />
        <Field name="heldOn" label={l.heldOn} type="date" defaultValue={today} required />
      </FieldGrid>
      <fieldset data-testid="survey-partners">
        <legend className="mb-1 text-sm font-medium text-stone-800">{l.participants}</legend>
        <p className="mb-2 text-xs text-stone-500">{l.partnersHelp}</p>
        <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
          {participants.map((p) => (
            <Field key={p.value} name={`partner_${p.value}`} label={p.label} type="number" />
          ))}
        </div>
      </fieldset>
    </SubmitForm>
  );
}

export function FindingForm({ l, pick, roundId, attitudes }: { l: L; pick: PickerLabels; roundId: number; attitudes: Option[] }) {
  return (
    <SubmitForm action={recordFindingAction} l={l} testId="finding-form">
      <input type="hidden" name="roundId" value={roundId} />
      <FieldGrid>
        <SearchPicker name="enterpriseId" label={l.enterprise} source="/api/pick/enterprises" labels={pick} required />
        <Field name="membersWorking" label={l.membersWorking} type="number" defaultValue="0" required />
        <Field name="ownerAttitude" label={l.ownerAttitude} type="select" options={attitudes} required />
        <Field name="note" label={l.note} />
      </FieldGrid>
      <Field name="unionPresent" label={l.unionPresent} type="checkbox" />
    </SubmitForm>
  );
}
