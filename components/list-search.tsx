/**
 * The search line above a list: a diacritic-free name search and, optionally, selects that
 * narrow the list (a GET form: the filter is in the address, so it can be shared and paged).
 */
export function ListSearch({
  q,
  placeholder,
  submit,
  selects = [],
  hidden = {},
  testId = 'list-search',
}: {
  q?: string;
  placeholder: string;
  submit: string;
  selects?: { name: string; label: string; value?: string; options: { value: string; label: string }[] }[];
  /** Parameters the form keeps (e.g. a report's window). */
  hidden?: Record<string, string | undefined>;
  testId?: string;
}) {
  return (
    <form className="flex flex-wrap gap-2" role="search" data-testid={testId}>
      {Object.entries(hidden).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <label className="sr-only" htmlFor={`${testId}-q`}>
        {placeholder}
      </label>
      <input id={`${testId}-q`} name="q" defaultValue={q} placeholder={placeholder} maxLength={100} className="w-full max-w-sm rounded-md border border-stone-300 px-3 py-2 text-sm" />
      {selects.map((s) => (
        <select key={s.name} name={s.name} defaultValue={s.value ?? ''} aria-label={s.label} className="max-w-full rounded-md border border-stone-300 px-3 py-2 text-sm">
          {s.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ))}
      <button className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm">{submit}</button>
    </form>
  );
}
