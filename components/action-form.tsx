'use client';

import { createContext, useActionState, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';

export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
};

type Labels = { pending: string; confirm?: string; cancel?: string; confirmTitle?: string };

/** The last answer of the enclosing ActionForm's action (fields read their errors and values from it). */
export const FormStateContext = createContext<FormState>({ ok: false });

/** The last answer of the enclosing ActionForm's action. */
export function useFormState(): FormState {
  return useContext(FormStateContext);
}

/**
 * A form bound to a server action through useActionState: a pending indicator on the submit
 * button, the action's message in a live region, field errors next to their fields (see
 * <Field>, the first of them focused), and, for destructive actions, a confirmation dialog
 * before anything is sent.
 */
export function ActionForm({
  action,
  submitLabel,
  labels,
  confirmText,
  danger,
  children,
  testId,
  checkBeforeSend,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Runs before the form is sent: a message refuses it there (a file too large to send), null lets it go. */
  checkBeforeSend?: (form: HTMLFormElement) => string | null;
  submitLabel: string;
  labels: Labels;
  confirmText?: string;
  danger?: boolean;
  children?: ReactNode;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [refusedHere, setRefusedHere] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  const messageId = useId();
  // A refusal that marks fields takes the user to the first of them, wherever it is (deep in a
  // scrolling sheet, or above the fold on a phone): focused, and so scrolled into view.
  useEffect(() => {
    if (state.ok || !state.fieldErrors || !Object.keys(state.fieldErrors).length) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  return (
    <FormStateContext.Provider value={state}>
      <form
        ref={formRef}
        action={formAction}
        data-testid={testId}
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          const refusal = checkBeforeSend?.(e.currentTarget) ?? null;
          setRefusedHere(refusal);
          if (refusal) {
            e.preventDefault();
            return;
          }
          if (confirmText && !confirmed.current) {
            e.preventDefault();
            dialogRef.current?.showModal();
            return;
          }
          confirmed.current = false;
        }}
      >
        {children}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={pending}
            aria-describedby={state.message || refusedHere ? messageId : undefined}
            className={`rounded-md px-4 py-2 text-sm font-semibold text-white shadow-sm disabled:cursor-wait disabled:opacity-60 ${
              danger ? 'bg-red-700 hover:bg-red-800' : 'bg-red-800 hover:bg-red-900'
            }`}
          >
            {pending ? (
              <span className="inline-flex items-center gap-2">
                <span className="h-3 w-3 animate-spin rounded-full border-2 border-white border-t-transparent" aria-hidden />
                {labels.pending}
              </span>
            ) : (
              submitLabel
            )}
          </button>
          <p
            id={messageId}
            aria-live="polite"
            data-testid={refusedHere ? 'form-error' : state.message ? (state.ok ? 'form-success' : 'form-error') : undefined}
            className={`text-sm ${state.ok && !refusedHere ? 'text-green-800' : 'text-red-700'}`}
          >
            {pending ? '' : (refusedHere ?? state.message)}
          </p>
        </div>
        {confirmText ? (
          <dialog ref={dialogRef} className="m-auto w-[calc(100vw-2rem)] max-w-md rounded-lg p-6 shadow-xl backdrop:bg-black/40" data-testid="confirm-dialog">
            <h2 className="mb-2 text-lg font-semibold">{labels.confirmTitle}</h2>
            <p className="mb-5 text-sm text-stone-700">{confirmText}</p>
            <div className="flex justify-end gap-3">
              <button type="button" className="rounded-md border border-stone-300 px-4 py-2 text-sm" onClick={() => dialogRef.current?.close()}>
                {labels.cancel}
              </button>
              <button
                type="button"
                className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white"
                onClick={() => {
                  dialogRef.current?.close();
                  confirmed.current = true;
                  formRef.current?.requestSubmit();
                }}
              >
                {labels.confirm}
              </button>
            </div>
          </dialog>
        ) : null}
      </form>
    </FormStateContext.Provider>
  );
}

/** The labels of a form that asks before it sends, taken from its text table `l`. */
export const confirmLabels = (l: Record<string, string>): Labels => ({ pending: l.pending, confirm: l.confirm, cancel: l.cancel, confirmTitle: l.confirmTitle });

/**
 * A form whose button says `l.submit` (and `l.pending` while the action runs). A `danger` form
 * (ending a membership, refusing a proposal) has a red button and asks "`l.submit`?" again in a
 * dialog before the action runs.
 */
export function SubmitForm({
  action,
  l,
  testId,
  danger,
  children,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  l: Record<string, string>;
  testId?: string;
  danger?: boolean;
  children?: ReactNode;
}) {
  return (
    <ActionForm action={action} submitLabel={l.submit} labels={danger ? confirmLabels(l) : { pending: l.pending }} danger={danger} confirmText={danger ? `${l.submit}?` : undefined} testId={testId}>
      {children}
    </ActionForm>
  );
}

/** A form's fields two by two on a wide screen, one under another on a phone. */
export function FieldGrid({ children }: { children: ReactNode }) {
  return <div className="grid gap-4 sm:grid-cols-2">{children}</div>;
}

/** What a form sends without showing it: the record it changes (its id and the version it read), a step's name. */
export function HiddenFields({ values }: { values: Record<string, string | number> }) {
  return Object.entries(values).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/** A field's error from the action, which the field names in its aria-describedby. */
function FieldError({ id, name, error }: { id: string; name: string; error: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>
      {error}
    </p>
  ) : null;
}

const inputClass =
  'block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-red-700 focus:outline-none focus:ring-1 focus:ring-red-700 aria-[invalid=true]:border-red-600';

/** A labelled input or select whose error (from the action) is shown beside it. */
export function Field({
  name,
  label,
  hint,
  type = 'text',
  defaultValue,
  options,
  required,
  autoComplete,
  hideLabel,
  accept,
  multiple,
}: {
  name: string;
  label: string;
  /** Keep the label for screen readers only (e.g. in a table whose header says it). */
  hideLabel?: boolean;
  hint?: string;
  /** 'date' is a text field for dd/mm/yyyy: native date inputs follow the browser's locale. */
  type?: 'text' | 'password' | 'date' | 'textarea' | 'select' | 'checkbox' | 'number' | 'file';
  /** For 'file': the picker's hint of the types wanted (the server checks the content). */
  accept?: string;
  multiple?: boolean;
  defaultValue?: string;
  options?: { value: string; label: string; disabled?: boolean }[];
  required?: boolean;
  autoComplete?: string;
}) {
  const state = useContext(FormStateContext);
  const id = useId();
  const error = state.fieldErrors?.[name];
  // After a refusal show what the user typed; after success, the original default.
  const value = !state.ok && state.values && name in state.values ? state.values[name] : defaultValue;
  // A new answer remounts the input so that it shows the answer's value. Only a new answer: a
  // remount at hydration (an effect on mount) would wipe what was typed while the scripts loaded.
  const [answered, setAnswered] = useState(state);
  const [renderKey, setRenderKey] = useState(0);
  if (answered !== state) {
    setAnswered(state);
    setRenderKey((k) => k + 1);
  }
  const common = {
    id,
    name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': `${id}-hint ${id}-error`,
    required,
    className: inputClass,
  };
  if (type === 'checkbox') {
    const checked = !state.ok && state.values ? state.values[name] === 'on' : defaultValue === 'on';
    return (
      <div>
        <div className="flex items-center gap-2">
          <input
            key={renderKey}
            type="checkbox"
            id={id}
            name={name}
            defaultChecked={checked}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-error`}
            className="h-4 w-4 accent-red-800"
          />
          <label htmlFor={id} className="text-sm text-stone-800">
            {label}
          </label>
        </div>
        <FieldError id={id} name={name} error={error} />
      </div>
    );
  }
  return (
    <div>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'mb-1 block text-sm font-medium text-stone-800'}>
        {label}
        {required ? <span className="text-red-700"> *</span> : null}
      </label>
      {type === 'select' ? (
        <select key={renderKey} defaultValue={value ?? ''} {...common}>
          {options?.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      ) : type === 'textarea' ? (
        <textarea key={renderKey} defaultValue={value} rows={3} {...common} />
      ) : type === 'number' ? (
        <input key={renderKey} type="text" inputMode="numeric" defaultValue={value} autoComplete="off" {...common} />
      ) : type === 'file' ? (
        // A file cannot be put back after a refusal: the browser keeps the choice until the form is answered.
        <input
          key={renderKey}
          type="file"
          accept={accept}
          multiple={multiple}
          {...common}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-red-50 file:px-3 file:py-2 file:text-red-900"
        />
      ) : type === 'date' ? (
        <input key={renderKey} type="text" inputMode="numeric" placeholder="dd/mm/yyyy" maxLength={10} defaultValue={value} autoComplete="off" {...common} />
      ) : (
        <input key={renderKey} type={type} defaultValue={type === 'password' ? undefined : value} autoComplete={autoComplete} {...common} />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm text-red-700" data-testid={error ? `error-${name}` : undefined}>
        {error}
      </p>
    </div>
  );
}

/** A group of checkboxes posting `name` once per ticked box, with its error (by that name) beneath. */
export function CheckboxList({
  name,
  legend,
  options,
  help,
  defaultChecked,
  columns = 2,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  help?: string;
  defaultChecked?: boolean;
  columns?: 1 | 2;
}) {
  const state = useContext(FormStateContext);
  const error = state.fieldErrors?.[name];
  const id = useId();
  return (
    <fieldset aria-describedby={`${id}-error`}>
      <legend className="mb-1 text-sm font-medium text-stone-800">{legend}</legend>
      {help ? <p className="mb-2 text-xs text-stone-500">{help}</p> : null}
      <div className={`grid max-h-72 gap-1 overflow-auto ${columns === 2 ? 'sm:grid-cols-2' : ''}`}>
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={defaultChecked} className="h-4 w-4 accent-red-800" />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={id} name={name} error={error} />
    </fieldset>
  );
}
