'use client';

import { createContext, useCallback, useContext, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { ActionForm, Field, useFormState, type FormState } from '@/components/action-form';
import { SearchPicker, type PickerLabels } from '@/components/search-picker';

/**
 * Linking many enterprises at once: the list's rows carry a checkbox each (SelectBox), the panel
 * (LinkForm) posts the ticked enterprises with one organisation chosen in a search picker. The
 * selection lives in React state, not in the list's inputs, so a refused form keeps it and the
 * list can page or re-render underneath; a saved form clears it.
 */
type Selection = { selected: Map<number, string>; toggle: (id: number, name: string, on: boolean) => void; clear: () => void };
const SelectionContext = createContext<Selection | null>(null);

export function LinkSelection({ children }: { children: ReactNode }) {
  const [selected, setSelected] = useState<Map<number, string>>(() => new Map());
  const toggle = useCallback((id: number, name: string, on: boolean) => {
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(id, name);
      else next.delete(id);
      return next;
    });
  }, []);
  const clear = useCallback(() => setSelected(new Map()), []);
  const value = useMemo(() => ({ selected, toggle, clear }), [selected, toggle, clear]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

/** A row's checkbox (nothing when the page offers no linking). */
export function SelectBox({ id, name, label }: { id: number; name: string; label: string }) {
  const selection = useContext(SelectionContext);
  if (!selection) return null;
  return (
    <input
      type="checkbox"
      className="h-5 w-5 accent-red-800"
      checked={selection.selected.has(id)}
      onChange={(e) => selection.toggle(id, name, e.target.checked)}
      aria-label={label}
      data-testid={`select-enterprise-${id}`}
    />
  );
}

/** While enterprises are ticked, a bar kept at the bottom of the screen with their count and a way down to the panel (the list can be long, the panel is under it). */
export function SelectionBar({ selected, jump }: { selected: string; jump: string }) {
  const selection = useContext(SelectionContext);
  if (!selection?.selected.size) return null;
  return (
    <div className="sticky bottom-0 z-10 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-red-200 bg-red-50 px-4 py-2 text-sm shadow-md" data-testid="link-bar">
      <span className="font-medium text-red-900">{selected.replace('{n}', String(selection.selected.size))}</span>
      <a href="#link-title" className="rounded-md bg-red-800 px-3 py-1.5 font-semibold text-white hover:bg-red-900">
        {jump}
      </a>
    </div>
  );
}

export type LinkLabels = {
  title: string;
  intro: string;
  selected: string;
  noneSelected: string;
  remove: string;
  unit: string;
  unitHint: string;
  replace: string;
  submit: string;
  pending: string;
};

function Selected({ labels }: { labels: LinkLabels }) {
  const selection = useContext(SelectionContext)!;
  const state = useFormState();
  const id = useId();
  const { clear } = selection;
  useEffect(() => {
    if (state.ok) clear();
  }, [state, clear]);
  const error = state.fieldErrors?.enterpriseIds;
  const items = [...selection.selected];
  return (
    <div aria-describedby={error ? `${id}-error` : undefined}>
      <p className="text-sm font-medium text-stone-800" aria-live="polite" data-testid="link-selected-count">
        {items.length ? labels.selected.replace('{n}', String(items.length)) : labels.noneSelected}
      </p>
      {items.length ? (
        <ul className="mt-2 flex flex-wrap gap-2" data-testid="link-selected">
          {items.map(([enterpriseId, name]) => (
            <li key={enterpriseId} className="flex max-w-full items-center gap-1 rounded-full bg-stone-100 py-1 pl-3 pr-1 text-sm">
              <input type="hidden" name="enterpriseIds" value={enterpriseId} />
              <span className="truncate">{name}</span>
              <button
                type="button"
                className="rounded-full px-2 text-stone-600 hover:bg-stone-200"
                aria-label={labels.remove.replace('{name}', name)}
                onClick={() => selection.toggle(enterpriseId, name, false)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm text-red-700" data-testid="error-enterpriseIds">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function LinkForm({ action, labels, pick, source }: { action: (state: FormState, formData: FormData) => Promise<FormState>; labels: LinkLabels; pick: PickerLabels; source: string }) {
  return (
    <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="link-title" data-testid="link-panel">
      <h2 id="link-title" className="text-lg font-semibold text-red-900">
        {labels.title}
      </h2>
      <p className="text-sm text-stone-600">{labels.intro}</p>
      <ActionForm action={action} submitLabel={labels.submit} labels={{ pending: labels.pending }} testId="link-form">
        <Selected labels={labels} />
        <SearchPicker name="organisationId" label={labels.unit} hint={labels.unitHint} source={source} labels={pick} required testId="link-unit" />
        <Field name="replace" type="checkbox" label={labels.replace} />
      </ActionForm>
    </section>
  );
}
