'use client';

import { useId } from 'react';
import { ActionForm, Field, FieldGrid, useFormState } from '@/components/action-form';
import { addFormTemplateAction } from './actions';

/** The file input, its error beside it (the shared Field has no file type). */
function FileField({ name, label }: { name: string; label: string }) {
  const state = useFormState();
  const id = useId();
  const error = state.fieldErrors?.[name];
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-stone-100 file:px-3 file:py-2 file:text-sm"
        data-testid="template-file"
      />
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm text-red-700" data-testid={error ? `error-${name}` : undefined}>
        {error ?? ''}
      </p>
    </div>
  );
}

/** The data layer's limit (TEMPLATE_MAX_BYTES), checked here too so that a large file is not sent at all. */
const MAX_BYTES = 1024 * 1024;

export function TemplateUploadForm({ forms, labels, today }: { forms: { value: string; label: string }[]; labels: Record<string, string>; today: string }) {
  return (
    <ActionForm
      action={addFormTemplateAction}
      submitLabel={labels.submit}
      labels={{ pending: labels.pending, confirm: labels.confirm, cancel: labels.cancel, confirmTitle: labels.confirmTitle }}
      testId="template-upload"
      checkBeforeSend={(form) => {
        const file = (form.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
        return file && file.size > MAX_BYTES ? labels.tooLarge : null;
      }}
    >
      <FieldGrid>
        <Field name="form" label={labels.form} type="select" options={forms} required />
        <Field name="effectiveFrom" label={labels.effectiveFrom} type="date" defaultValue={today} required />
        <div className="sm:col-span-2">
          <FileField name="file" label={labels.file} />
        </div>
        <div className="sm:col-span-2">
          <Field name="note" label={labels.note} type="textarea" />
        </div>
      </FieldGrid>
    </ActionForm>
  );
}
