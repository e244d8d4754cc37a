'use client';

import { ActionForm, confirmLabels, Field, FieldGrid } from '@/components/action-form';
import { removeCalendarDayAction, saveCalendarDayAction, setCalendarYearAction } from './actions';

type L = Record<string, string>;

/** Add a day off or a make-up working day, or correct the name or kind of one already there. */
export function CalendarDayForm({ l, kinds }: { l: L; kinds: { value: string; label: string }[] }) {
  return (
    <ActionForm action={saveCalendarDayAction} submitLabel={l.addSubmit} labels={confirmLabels(l)} testId="calendar-day-form">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="date" label={l.date} type="date" required />
        <Field name="name" label={l.name} required />
        <Field name="kind" label={l.kind} type="select" options={kinds} defaultValue="day_off" required />
      </div>
    </ActionForm>
  );
}

/** Remove one day, after a confirmation. */
export function RemoveCalendarDay({ l, date, label }: { l: L; date: string; label: string }) {
  return (
    <ActionForm action={removeCalendarDayAction} submitLabel={l.remove} labels={confirmLabels(l)} confirmText={`${label}: ${l.removeConfirm}`} danger testId={`calendar-remove-${date}`}>
      <input type="hidden" name="date" value={date} />
    </ActionForm>
  );
}

/** Mark the year announced (with its source) or provisional. */
export function CalendarYearForm({ l, year, status, source, statuses }: { l: L; year: number; status: string; source: string; statuses: { value: string; label: string }[] }) {
  return (
    <ActionForm action={setCalendarYearAction} submitLabel={l.statusSubmit} labels={confirmLabels(l)} testId="calendar-year-form">
      <input type="hidden" name="year" value={year} />
      <FieldGrid>
        <Field name="status" label={l.status} type="select" options={statuses} defaultValue={status} required />
        <Field name="source" label={l.source} defaultValue={source} required />
      </FieldGrid>
    </ActionForm>
  );
}
