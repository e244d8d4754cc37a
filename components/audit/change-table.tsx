import type { ChangeLine } from '@/lib/audit/changes';

/** An audit entry's change: each field with its old and new value (a creation has no old values). */
export function ChangeTable({ lines, labels }: { lines: ChangeLine[]; labels: { field: string; before: string; after: string; none: string } }) {
  if (!lines.length) return <p className="text-sm text-stone-500">{labels.none}</p>;
  return (
    <table className="w-full table-fixed text-sm" data-testid="audit-change">
      <thead className="text-left text-xs text-stone-500">
        <tr>
          <th className="w-1/3 py-1 pr-2 font-medium">{labels.field}</th>
          <th className="w-1/3 py-1 pr-2 font-medium">{labels.before}</th>
          <th className="w-1/3 py-1 font-medium">{labels.after}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-stone-100 align-top">
        {lines.map((l) => (
          <tr key={l.key} data-field={l.key}>
            <th scope="row" className="py-1 pr-2 text-left font-normal text-stone-700 [overflow-wrap:anywhere]">
              {l.field}
            </th>
            <td className="py-1 pr-2 text-red-900 [overflow-wrap:anywhere]">{l.before}</td>
            <td className="py-1 text-green-900 [overflow-wrap:anywhere]">{l.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
