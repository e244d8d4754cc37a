import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';

/**
 * Keyset (cursor) paging: a page is "the next N rows after this key" in an order an index
 * holds, so page 200 costs what page 1 does (no OFFSET that reads and drops 9,950 rows). A
 * cursor is the sort key of a page's first or last row, opaque to the browser (base64url JSON).
 * Totals are counted up to TOTAL_CAP rows: beyond that the page says "more than 10,000"
 * instead of reading a million rows to give an exact figure.
 */

export const PAGE_SIZE = 50;
/** Totals above this are shown as "more than TOTAL_CAP" (counting further would read the whole scope). */
export const TOTAL_CAP = 10_000;

/** Where a page starts: after the last row of the previous page, or before the first row of the next one; `size` rows (PAGE_SIZE unless a test asks for fewer). */
export type PageRequest = { after?: string; before?: string; size?: number };

export type Page<T> = {
  items: T[];
  /** Cursor of the page after this one, or null on the last page. */
  next: string | null;
  /** Cursor of the page before this one, or null on the first page. */
  prev: string | null;
  /** Rows the filter finds, counted up to TOTAL_CAP (null: not counted, for an ever-growing log). */
  total: number | null;
  /** True when there are more than TOTAL_CAP rows (total is then TOTAL_CAP). */
  totalCapped: boolean;
};

type KeyValue = string | number | boolean;
type KeyType = 'text' | 'integer' | 'date' | 'boolean' | 'ltree';
const VALUE: Record<KeyType, z.ZodType<KeyValue>> = {
  text: z.string().max(500),
  integer: z.number().int().min(-2147483648).max(2147483647),
  date: z.union([z.iso.date(), z.literal('infinity')]),
  boolean: z.boolean(),
  ltree: z.string().regex(/^\d{1,10}(\.\d{1,10}){0,30}$/),
};

export function encodeCursor(values: KeyValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The key values in a cursor, each of its column's type, or null for anything else (a tampered or stale link starts at the first page). */
export function decodeCursor(cursor: string | undefined, types: readonly KeyType[]): KeyValue[] | null {
  if (!cursor || cursor.length > 2000) return null;
  try {
    const parsed = z.tuple(types.map((t) => VALUE[t]) as [z.ZodType<KeyValue>]).safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * A sort key: SQL expressions (ascending or descending together, so one row comparison and one
 * index serve both directions), and how to read each from a result row for the cursor.
 */
export type SortKey<R> = { columns: [SQL, KeyType][]; direction: 'asc' | 'desc'; values: (row: R) => KeyValue[] };

/**
 * The ORDER BY, the keyset condition and the row limit for one page of `req` in `key` order
 * (one row more than PAGE_SIZE, to know whether another page follows). A backward page is read
 * in reverse and turned around by `finish`.
 */
export function keyset<R>(key: SortKey<R>, req: PageRequest) {
  const size = Math.min(100, Math.max(1, Math.trunc(req.size ?? PAGE_SIZE)));
  const backward = !!req.before && !req.after;
  const values = decodeCursor(backward ? req.before : req.after, key.columns.map(([, t]) => t));
  const forwardOp = key.direction === 'asc' ? sql.raw('>') : sql.raw('<');
  const backwardOp = key.direction === 'asc' ? sql.raw('<') : sql.raw('>');
  const row = sql`(${sql.join(key.columns.map(([c]) => c), sql`, `)})`;
  const cursorRow = values && sql`(${sql.join(values.map((v, i) => sql`${v}::${sql.raw(key.columns[i][1])}`), sql`, `)})`;
  const where = cursorRow ? sql`${row} ${backward ? backwardOp : forwardOp} ${cursorRow}` : undefined;
  const dir = (backward ? key.direction === 'desc' : key.direction === 'asc') ? sql.raw('asc') : sql.raw('desc');
  const orderBy = key.columns.map(([c]) => sql`${c} ${dir}`);
  return {
    where,
    orderBy,
    limit: size + 1,
    /** The page from the rows read: in display order, with the cursors around it. */
    finish<Row extends R, T>(rows: Row[], map: (row: Row) => T, total: { total: number | null; totalCapped: boolean }): Page<T> {
      const more = rows.length > size;
      const shown = rows.slice(0, size);
      if (backward) shown.reverse();
      const first = shown[0];
      const last = shown[shown.length - 1];
      // Going forward, a previous page exists when we started from a cursor; going backward, a next one always does.
      const hasPrev = backward ? more : !!values;
      const hasNext = backward ? !!values : more;
      return {
        items: shown.map(map),
        next: hasNext && last ? encodeCursor(key.values(last)) : null,
        prev: hasPrev && first ? encodeCursor(key.values(first)) : null,
        ...total,
      };
    },
  };
}

/** `select count(*)` of a subquery that stops at TOTAL_CAP + 1 rows. */
export function cappedCount(rowsQuery: SQL): SQL {
  return sql`select count(*)::int as n from (${rowsQuery} limit ${TOTAL_CAP + 1}) capped`;
}

export function capped(n: number): { total: number; totalCapped: boolean } {
  return n > TOTAL_CAP ? { total: TOTAL_CAP, totalCapped: true } : { total: n, totalCapped: false };
}
