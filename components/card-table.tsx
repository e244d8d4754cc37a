import Link from 'next/link';
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

/** The grey header row both tables share. */
function HeadRow({ cells }: { cells: { className: string; label: ReactNode }[] }) {
  return (
    <thead className="bg-stone-100 text-left text-xs uppercase tracking-wide text-stone-600">
      <tr>
        {cells.map((c, i) => (
          <th key={i} className={c.className}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

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
        <HeadRow cells={columns.map((c) => ({ className: `px-4 py-2 ${c.align === 'right' ? 'text-right' : ''}`, label: c.srOnlyLabel ? <span className="sr-only">{c.label}</span> : c.label }))} />
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

export type TableHeading = { label: ReactNode; align?: 'right'; className?: string };

/**
 * A plain table in the same frame and header row as CardTable, for lists that stay tables on a
 * phone (they scroll sideways) or whose rows are too rich for cards. `cell` is the padding of the
 * header cells (the rows, written by the caller, use the same); `bodyClassName` the rows' dividers.
 */
export function PlainTable({
  head,
  testId,
  cell = 'px-4 py-2',
  bodyClassName = 'divide-y divide-stone-100 align-top',
  children,
}: {
  head: TableHeading[];
  testId?: string;
  cell?: string;
  bodyClassName?: string;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full text-sm" data-testid={testId}>
        <HeadRow cells={head.map((h) => ({ className: [h.className, cell, h.align === 'right' ? 'text-right' : ''].filter(Boolean).join(' '), label: h.label }))} />
        <tbody className={bodyClassName}>{children}</tbody>
      </table>
    </div>
  );
}

/** The link from a row of a list to the record it shows (its name, in the list's first column). */
export function RowLink({ href, testId, children }: { href: string; testId?: string; children: ReactNode }) {
  return (
    <Link href={href} className="font-medium text-red-900 hover:underline" data-testid={testId}>
      {children}
    </Link>
  );
}
