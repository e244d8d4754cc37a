'use client';

import { ActionForm, Field } from '@/components/action-form';
import { saveRatingsAction } from './actions';

type Row = { id: number; name: string; detail?: string; score: number | null; grade: string | null; canRate: boolean };
type Option = { value: string; label: string };

/** Score or grade per row, saved together. */
export function RatingSheet({ kind, year, rows, grades, l, testId }: { kind: 'member' | 'unit'; year: number; rows: Row[]; grades: Option[]; l: Record<string, string>; testId: string }) {
  return (
    <ActionForm action={saveRatingsAction} submitLabel={l.save} labels={{ pending: l.pending }} testId={testId}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="year" value={year} />
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-stone-100 text-left text-xs uppercase tracking-wide text-stone-600">
            <tr>
              <th className="px-3 py-2">{l.name}</th>
              <th className="w-36 px-3 py-2">{l.score}</th>
              <th className="w-72 px-3 py-2">{l.grade}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 align-top">
            {rows.map((r) => (
              <tr key={r.id} data-testid={`rating-row-${r.id}`}>
                <td className="px-3 py-2">
                  {r.name}
                  {r.detail ? <div className="text-xs text-stone-500">{r.detail}</div> : null}
                </td>
                {r.canRate ? (
                  <>
                    <td className="px-3 py-2">
                      <Field name={`score_${r.id}`} label={`${l.score}: ${r.name}`} type="number" defaultValue={r.score === null ? '' : String(r.score)} hideLabel />
                    </td>
                    <td className="px-3 py-2">
                      <Field name={`grade_${r.id}`} label={`${l.grade}: ${r.name}`} type="select" options={grades} defaultValue={r.grade ?? ''} hideLabel />
                    </td>
                  </>
                ) : (
                  <td className="px-3 py-2" colSpan={2}>
                    {r.score ?? ''} {grades.find((g) => g.value === r.grade)?.label ?? '—'}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ActionForm>
  );
}
