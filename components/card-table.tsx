import type { ReactNode } from 'react';

export type CardColumn<R> = {
  /** The header, and the label each cell carries on a phone (`data-label`). */
  label: string;
  /** Header shown to screen readers only (a column of tick boxes). */
  srOnlyLabel?: boolean;
  /** The row's title: on a phone it leads the card without a label. */
  primary?: boolean;
  align?: 'right';
  className?: string;
  cell: (row: R) => ReactNode;
};

/**
 * A list as a table on a wide screen and as stacked cards under the `sm` breakpoint (globals.css,
 * `.card-table`): each cell then shows its column's label beside it, so a phone needs no sideways
 * scroll. Every list of the portal goes through here.
 */
export function CardTable<R>({
  columns,
  rows,
  rowKey,
  rowClassName,
  testId,
}: {
  columns: CardColumn<R>[];
  rows: R[];
  rowKey: (row: R) => string | number;
  rowClassName?: (row: R) => string | undefined;
  testId: string;
}) {
  const cellClass = (c: CardColumn<R>) => ['px-4 py-2', c.align === 'right' ? 'sm:text-right tabular-nums' : '', c.className ?? ''].join(' ');
  return (
    <div className="rounded-lg border border-stone-200 bg-white sm:overflow-x-auto">
      <table className="card-table min-w-full text-sm" data-testid={testId}>
        <thead className="bg-stone-100 text-left text-xs uppercase tracking-wide text-stone-600">
          <tr>
            {columns.map((c, i) => (
              <th key={i} className={`px-4 py-2 ${c.align === 'right' ? 'text-right' : ''}`}>
                {c.srOnlyLabel ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200 align-top">
          {rows.map((r) => (
            <tr key={rowKey(r)} className={rowClassName?.(r)}>
              {columns.map((c, i) => (
                <td key={i} className={cellClass(c)} data-label={c.primary || c.srOnlyLabel ? undefined : c.label} data-primary={c.primary ? '' : undefined}>
                  <div className="min-w-0">{c.cell(r)}</div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
