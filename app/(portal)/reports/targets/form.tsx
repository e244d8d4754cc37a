'use client';

import { ActionForm, Field } from '@/components/action-form';
import { saveTargetsAction } from './actions';

type L = Record<string, string>;

/** Targets for the committee itself and each unit directly below it: a grid of measure × unit. */
export function TargetsForm({ l, period, units, measures, values }: { l: L; period: { kind: 'year' | 'term'; from: number; to: number }; units: { id: number; name: string }[]; measures: { key: string; label: string }[]; values: Record<string, number> }) {
  return (
    <ActionForm action={saveTargetsAction} submitLabel={l.save} labels={{ pending: l.pending }} testId="targets-form">
      <input type="hidden" name="periodKind" value={period.kind} />
      <input type="hidden" name="year" value={period.from} />
      <input type="hidden" name="from" value={period.from} />
      <input type="hidden" name="to" value={period.to} />
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-stone-100 text-left text-xs uppercase tracking-wide text-stone-600">
            <tr>
              <th className="px-3 py-2">{l.measure}</th>
              {units.map((u) => (
                <th key={u.id} className="px-3 py-2">
                  {u.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {measures.map((m) => (
              <tr key={m.key}>
                <td className="px-3 py-2">{m.label}</td>
                {units.map((u) => (
                  <td key={u.id} className="w-32 px-3 py-2">
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
