'use client';

import { useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { FormStateContext } from './action-form';

export type PickOption = { value: string; label: string; detail?: string };

export type PickerLabels = {
  /** "Đang tìm…" */
  searching: string;
  /** "Không tìm thấy. Thử gõ tên khác." */
  none: string;
  /** "{n} kết quả" */
  results: string;
  /** "Không tải được danh sách. Thử lại." */
  failed: string;
  /** "Bỏ chọn" */
  clear: string;
  /** "Gõ vài chữ của tên (không cần dấu)" */
  placeholder: string;
  /** "Phiên đăng nhập đã hết…" (the search answered 401) */
  expired: string;
  /** "Chưa chọn “{text}”: …" (text typed, nothing chosen, the box left) */
  unchosen: string;
};

/**
 * A searchable picker (WAI-ARIA combobox with a listbox): the user types a few letters, without
 * diacritics, and chooses among the first matches the server finds within their scope. The
 * chosen value is posted under `name` (and its label under `${name}Label`, so a form refused by
 * the server shows it again); several values with `multiple`. Keyboard: ↓/↑ move, Enter
 * chooses, Esc closes. `source` is an /api/pick/… URL; the server applies the scope.
 */
export function SearchPicker({
  name,
  label,
  source,
  labels,
  defaultValue,
  defaultValues,
  required,
  hint,
  multiple,
  hideLabel,
  testId,
  renderChosen,
}: {
  name: string;
  label: string;
  source: string;
  labels: PickerLabels;
  defaultValue?: PickOption | null;
  defaultValues?: PickOption[];
  required?: boolean;
  hint?: string;
  multiple?: boolean;
  hideLabel?: boolean;
  testId?: string;
  /** With `multiple`: draw each chosen option (e.g. a row with fields of its own) instead of a chip; `remove` unchooses it. */
  renderChosen?: (option: PickOption, remove: () => void) => ReactNode;
}) {
  const state = useContext(FormStateContext);
  const id = useId();
  const listId = `${id}-list`;
  const error = state.fieldErrors?.[name];
  // After a refusal, what the user had chosen (the values the action sent back); otherwise the default.
  const fromState = !state.ok && state.values && name in state.values ? { value: state.values[name], label: state.values[`${name}Label`] ?? state.values[name] } : null;
  const initial = multiple ? (defaultValues ?? []) : fromState?.value ? [fromState] : defaultValue ? [defaultValue] : [];
  const [chosen, setChosen] = useState<PickOption[]>(initial);
  const [text, setText] = useState(multiple ? '' : (initial[0]?.label ?? ''));
  const [options, setOptions] = useState<PickOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<'idle' | 'loading' | 'done' | 'failed' | 'expired'>('idle');
  /** The text typed and then left without a choice (it was dropped: say so). */
  const [dropped, setDropped] = useState('');
  /** Enter was pressed before the matches arrived: choose the first match when they do. */
  const chooseFirst = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const request = useRef<AbortController | undefined>(undefined);
  const inputRef = useRef<HTMLInputElement>(null);

  // A form that was sent successfully starts again from its defaults: adjusted while rendering
  // the new result (React's advice over an effect that sets state, which renders twice).
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state.ok) {
      setChosen(multiple ? (defaultValues ?? []) : defaultValue ? [defaultValue] : []);
      setText(multiple ? '' : (defaultValue?.label ?? ''));
    }
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  function search(q: string, wait = 200) {
    clearTimeout(timer.current);
    setDropped('');
    timer.current = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      setStatus('loading');
      setOpen(true);
      try {
        const url = `${source}${source.includes('?') ? '&' : '?'}q=${encodeURIComponent(q.trim())}`;
        const res = await fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
        if (res.status === 401 || (res.redirected && new URL(res.url).pathname === '/login')) {
          setOptions([]);
          setStatus('expired');
          return;
        }
        if (!res.ok || !res.headers.get('content-type')?.includes('json')) throw new Error(String(res.status));
        const body = (await res.json()) as { items: PickOption[] };
        const shown = multiple ? body.items.filter((o) => !chosen.some((c) => c.value === o.value)) : body.items;
        setOptions(shown);
        setActive(shown.length ? 0 : -1);
        setStatus('done');
        if (chooseFirst.current && shown.length) choose(shown[0]);
        chooseFirst.current = false;
      } catch (err) {
        if ((err as Error).name === 'AbortError') return;
        setOptions([]);
        setStatus('failed');
      }
    }, wait);
  }

  function choose(o: PickOption) {
    if (multiple) {
      setChosen((c) => (c.some((x) => x.value === o.value) ? c : [...c, o]));
      setText('');
      setOptions((list) => list.filter((x) => x.value !== o.value));
      // The list closes (it would cover the form's button); typing again searches for the next one.
      setOpen(false);
      setActive(-1);
      inputRef.current?.focus();
    } else {
      setChosen([o]);
      setText(o.label);
      setOpen(false);
    }
  }

  const latest = useRef({ text, chosen });
  latest.current = { text, chosen };

  /** Close the list; the box then shows exactly what will be sent (typed text without a choice is dropped). */
  function close() {
    const now = latest.current;
    request.current?.abort();
    clearTimeout(timer.current);
    setOpen(false);
    setActive(-1);
    chooseFirst.current = false;
    const typed = now.text.trim();
    if (typed && !now.chosen.some((c) => c.label === now.text)) setDropped(typed);
    if (multiple) setText('');
    else if (!typed) setChosen([]);
    else setText(now.chosen[0]?.label ?? '');
  }

  const describedBy = [hint ? `${id}-hint` : '', `${id}-error`, `${id}-status`].filter(Boolean).join(' ');
  const statusText =
    status === 'loading'
      ? labels.searching
      : status === 'failed'
        ? labels.failed
        : status === 'expired'
          ? labels.expired
          : status === 'done'
            ? options.length
              ? labels.results.replace('{n}', String(options.length))
              : labels.none
            : '';

  return (
    <div className="relative" data-testid={testId ?? `picker-${name}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'mb-1 block text-sm font-medium text-stone-800'}>
        {label}
        {required ? <span className="text-red-700"> *</span> : null}
      </label>
      {multiple && chosen.length && renderChosen ? (
        <ul className="mb-2 space-y-2" aria-label={label}>
          {chosen.map((c) => (
            <li key={c.value}>{renderChosen(c, () => setChosen((list) => list.filter((x) => x.value !== c.value)))}</li>
          ))}
        </ul>
      ) : multiple && chosen.length ? (
        <ul className="mb-2 flex flex-wrap gap-2" aria-label={label}>
          {chosen.map((c) => (
            <li key={c.value} className="flex items-center gap-1 rounded-full bg-red-50 py-0.5 pl-3 pr-1 text-sm text-red-900 ring-1 ring-red-200">
              <span>{c.label}</span>
              <button
                type="button"
                className="rounded-full px-1.5 text-red-800 hover:bg-red-100"
                aria-label={`${labels.clear}: ${c.label}`}
                onClick={() => setChosen((list) => list.filter((x) => x.value !== c.value))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex items-stretch gap-1">
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${id}-opt-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={required}
          autoComplete="off"
          spellCheck={false}
          placeholder={labels.placeholder}
          value={text}
          className="block w-full min-w-0 rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-red-700 focus:outline-none focus:ring-1 focus:ring-red-700 aria-[invalid=true]:border-red-600"
          onChange={(e) => {
            setText(e.target.value);
            if (!multiple) setChosen([]);
            search(e.target.value);
          }}
          onFocus={() => {
            if (!open && (multiple || !chosen.length)) search(text);
          }}
          onBlur={() => setTimeout(close, 150)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              if (!open) search(text);
              else setActive((a) => Math.min(options.length - 1, a + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === 'Enter') {
              if (open && status === 'done') {
                e.preventDefault();
                if (active >= 0 && options[active]) choose(options[active]);
              } else if (text.trim() && (multiple || !chosen.length)) {
                // Typed but the matches have not arrived: never send the form without the choice; take the first match.
                e.preventDefault();
                chooseFirst.current = true;
                search(text, 0);
              }
            } else if (e.key === 'Escape') {
              if (open) {
                e.preventDefault();
                close();
              }
            }
          }}
        />
        {!multiple && chosen.length ? (
          <button
            type="button"
            className="rounded-md border border-stone-300 bg-white px-2 text-stone-600 hover:bg-stone-50"
            aria-label={`${labels.clear}: ${chosen[0].label}`}
            onClick={() => {
              setChosen([]);
              setText('');
              inputRef.current?.focus();
            }}
          >
            ×
          </button>
        ) : null}
      </div>
      {chosen.map((c) => (
        <input key={c.value} type="hidden" name={name} value={c.value} />
      ))}
      {!multiple ? <input type="hidden" name={`${name}Label`} value={chosen[0]?.label ?? ''} /> : null}
      {open ? (
        <ul id={listId} role="listbox" aria-label={label} className="absolute left-0 right-0 z-20 mt-1 max-h-72 overflow-auto rounded-md border border-stone-200 bg-white py-1 text-sm shadow-lg">
          {options.map((o, i) => (
            <li
              key={o.value}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={`cursor-pointer px-3 py-2 ${i === active ? 'bg-red-50 text-red-950' : 'text-stone-800'}`}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(o)}
            >
              <span className="block">{o.label}</span>
              {o.detail ? <span className="block text-xs text-stone-500">{o.detail}</span> : null}
            </li>
          ))}
          {status !== 'done' || !options.length ? <li className="px-3 py-2 text-stone-500">{statusText}</li> : null}
        </ul>
      ) : null}
      <p id={`${id}-status`} aria-live="polite" className="sr-only">
        {open ? statusText : ''}
      </p>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm text-red-700" data-testid={error ? `error-${name}` : dropped ? `unchosen-${name}` : undefined}>
        {error ?? (dropped && !open ? labels.unchosen.replace('{text}', dropped) : null)}
      </p>
    </div>
  );
}
