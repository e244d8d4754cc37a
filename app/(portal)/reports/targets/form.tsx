'use client';

import { ActionForm, Field } from '@/components/action-form';
import { saveTargetsAction } from './actions';

type L = Record<string, string>;

/** Targets for the committee itself (the first row) and each unit directly below it: a grid of unit × measure. */
export function TargetsForm({
  l,
  period,
  units,
  measures,
  values,
}: {
  l: L;
  period: { kind: 'year' | 'term'; from: number; to: number };
  units: { id: number; name: string }[];
  measures: { key: string; label: string }[];
  values: Record<string, number>;
}) {
  return (
    <ActionForm action={saveTargetsAction} submitLabel={l.save} labels={{ pending: l.pending }} testId="targets-form">
      <input type="hidden" name="periodKind" value={period.kind} />
      <input type="hidden" name="year" value={period.from} />
      <input type="hidden" name="from" value={period.from} />
      <input type="hidden" name="to" value={period.to} />
      {/* Units as rows, measures as columns: the measures are a fixed dozen while a committee may have
          sixty units below it, so the sheet grows downwards, not sideways. It scrolls inside its own box
          (never the page), with the header row and the units' names kept in sight. `relative`: the
          screen-reader labels (absolutely placed) stay inside the box instead of widening the page. A cell
          scrolled to (the first refused, focused by ActionForm) keeps clear of the sticky header and names. */}
      <div
        className="relative max-h-[75vh] overflow-auto rounded-lg border border-stone-200 bg-white [&_input]:scroll-ml-40 [&_input]:scroll-mt-28 sm:[&_input]:scroll-ml-60"
        data-testid="targets-sheet"
      >
        <table className="border-separate border-spacing-0 text-sm">
          <thead className="text-left text-xs text-stone-700">
            <tr>
              <th scope="col" className="sticky left-0 top-0 z-20 min-w-36 border-b border-r border-stone-200 bg-stone-100 px-3 py-2 align-bottom uppercase tracking-wide sm:min-w-56">
                {l.unit}
              </th>
              {measures.map((m) => (
                <th key={m.key} scope="col" className="sticky top-0 z-10 min-w-32 border-b border-stone-200 bg-stone-100 px-2 py-2 align-bottom font-semibold">
                  {m.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((u, i) => (
              <tr key={u.id} className="group">
                <th scope="row" className={`sticky left-0 z-10 border-b border-r border-stone-200 px-3 py-2 text-left font-medium group-hover:bg-amber-50 ${i === 0 ? 'bg-red-50' : 'bg-white'}`}>
                  {u.name}
                </th>
                {measures.map((m) => (
                  <td key={m.key} className="border-b border-stone-100 px-2 py-1 group-hover:bg-amber-50">
                    <Field name={`t_${u.id}_${m.key}`} label={`${m.label}: ${u.name}`} type="number" defaultValue={values[`${u.id}:${m.key}`]?.toString() ?? ''} hideLabel />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-stone-800">{l.directive}</legend>
        <Field name="directiveNo" label={l.directiveNo} />
        <Field name="directiveOn" label={l.directiveOn} type="date" />
        <Field name="directiveIssuer" label={l.directiveIssuer} />
        <Field name="directiveTitle" label={l.directiveTitle} />
      </fieldset>
    </ActionForm>
  );
}
