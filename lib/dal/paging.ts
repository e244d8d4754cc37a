import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { and, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { rowsOf, type Db } from '@/db';

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
type KeyType = 'text' | 'integer' | 'date' | 'boolean' | 'ltree' | 'timestamptz';
const VALUE: Record<KeyType, z.ZodType<KeyValue>> = {
  // No control characters (PostgreSQL refuses NUL in text); dates PostgreSQL and the portal both hold.
  text: z
    .string()
    .max(500)
    .regex(/^[^\u0000-\u001f\u007f]*$/),
  integer: z.number().int().min(-2147483648).max(2147483647),
  date: z.union([z.iso.date().refine((d) => d >= '1000-01-01' && d <= '9999-12-31'), z.literal('infinity')]),
  boolean: z.boolean(),
  ltree: z.string().regex(/^\d{1,10}(\.\d{1,10}){0,30}$/),
  // A time as PostgreSQL writes it (`at::text`), microseconds kept: a JavaScript Date would drop them and skip rows.
  // Each field within its range too: PostgreSQL refuses "2026-02-30" or "25:61" with an error, not a row.
  timestamptz: z.string().refine(validTime),
};

const TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(?:[+-](\d{2})(?::(\d{2}))?(?::(\d{2}))?|Z)$/;

function validTime(text: string): boolean {
  const m = TIME.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const [offsetHours, offsetMinutes, offsetSeconds] = m.slice(8, 11).map((v) => Number(v ?? 0));
  const day1 = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1000 &&
    day1.getUTCFullYear() === year &&
    day1.getUTCMonth() === month - 1 &&
    day1.getUTCDate() === day &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 15 &&
    offsetMinutes <= 59 &&
    offsetSeconds <= 59
  );
}

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
  const values = decodeCursor(
    backward ? req.before : req.after,
    key.columns.map(([, t]) => t),
  );
  const forwardOp = key.direction === 'asc' ? sql.raw('>') : sql.raw('<');
  const backwardOp = key.direction === 'asc' ? sql.raw('<') : sql.raw('>');
  const row = sql`(${sql.join(
    key.columns.map(([c]) => c),
    sql`, `,
  )})`;
  const cursorRow =
    values &&
    sql`(${sql.join(
      values.map((v, i) => sql`${v}::${sql.raw(key.columns[i][1])}`),
      sql`, `,
    )})`;
  const where = cursorRow ? sql`${row} ${backward ? backwardOp : forwardOp} ${cursorRow}` : undefined;
  const dir = (backward ? key.direction === 'desc' : key.direction === 'asc') ? sql.raw('asc') : sql.raw('desc');
  const orderBy = key.columns.map(([c]) => sql`${c} ${dir}`);
  return {
    where,
    orderBy,
    /** The direction the rows are read in (the key's, or its reverse going backward). */
    dir,
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

/** Rows a list reads for one page at most, whichever way it reads them (see planFor). */
const PAGE_ROWS = PAGE_SIZE + 1;
/** A scope estimated at most this many rows is always read whole (its index, then a sort). */
export const NARROW_SCOPE = 8_000;
/** A text search matching more rows than this nationally reads its trigram index too slowly: its rows are found by the scope instead. */
export const COMMON_PATTERN = 20_000;
/** Totals of a list read page by page in index order are counted up to this (then 'hơn 1.000'); a list found whole, up to TOTAL_CAP. */
export const WALK_TOTAL_CAP = 1_000;
/** The same for a name search over a large scope: its matches are spread over the whole scope ('hơn 100'). */
export const SEARCH_TOTAL_CAP = 100;

const estimating = new AsyncLocalStorage<true>();

/** The planner's estimate of the rows of `from` that `where` keeps (EXPLAIN: no row is read). */
export function estimateRows(db: Db, from: SQL | PgTable, where?: SQL): Promise<number> {
  return estimating.run(true, async () => {
    const [row] = rowsOf<Record<string, unknown>>(await db.execute(sql`explain (format json) select 1 from ${from}${where ? sql` where ${where}` : sql``}`));
    const raw = row?.['QUERY PLAN'];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[];
    return Number(plan?.[0]?.Plan?.['Plan Rows'] ?? 0);
  });
}

/**
 * A condition run as `run` and shown to estimateRows as `estimate`, an equivalent the planner
 * has statistics for (a check on each row through a subquery has none: it would be taken to keep
 * a tenth of a percent of the rows).
 */
export function estimatedAs(run: SQL, estimate: SQL): SQLWrapper {
  return { getSQL: () => (estimating.getStore() ? estimate : run) };
}

/**
 * What a scoped list asks for: a table, its scope (always narrowed by an index), other filters,
 * a text search (`indexed` may use its trigram index, `plain` is the same test without it), and
 * for a name search the disjoint parts of its rows that the order's index reads in order.
 */
export type ListQuery = {
  table: PgTable;
  /** Names the query for the plan cache: the same key, the same plan for a minute (the user's unit, the filters). */
  key: string;
  id: SQL;
  scope: SQL;
  filters?: SQL;
  search?: { indexed: SQL; plain: SQL; branches?: SearchBranch[] };
};

/** A part of a search's rows: `read` picks the index it is read by; `check` is tested on each row it gives. */
export type SearchBranch = { read: SQL; check?: SQL };

export type ListPlan = { plan: 'narrow' | 'walk' | 'branches'; where: SQL; totalCap: number; estimates: Record<string, number> };

type Decision = { plan: ListPlan['plan']; common: boolean; totalCap: number; estimates: Record<string, number> };
const decisions = new Map<string, Decision & { at: number }>();
/** A plan is kept this long per query key: it follows sizes that change slowly, and saves the estimates' round trips. */
const PLAN_TTL_MS = 60_000;

function decided(q: ListQuery, d: Decision): ListPlan {
  const search = q.search ? (d.common ? q.search.plain : q.search.indexed) : undefined;
  return { plan: d.plan, where: and(q.scope, q.filters, search)!, totalCap: d.totalCap, estimates: d.estimates };
}

/**
 * How to read a page, from the planner's estimates of how many rows the scope, the search and the
 * whole filter keep (PostgreSQL's own choice misjudges two things here: a trigram index of a
 * common name costs far more than it thinks, and the names a search finds are not spread evenly
 * over the name order). The rows each way reads for one page:
 * - narrow: find every row of the scope (or of the filters, when their indexes keep fewer), then
 *   sort: about that many;
 * - walk: read the order's index from the cursor, checking each row: about PAGE × N / matches;
 * - branches (a name search): read the range where the names starting with it sort: about
 *   PAGE × N / scope.
 * The cheapest wins; a common search's trigram index is left unused. Decided once a minute per key.
 */
export async function planFor(db: Db, q: ListQuery): Promise<ListPlan> {
  const known = decisions.get(q.key);
  if (known && Date.now() - known.at < PLAN_TTL_MS) return decided(q, known);
  const d = await decide(db, q);
  if (decisions.size > 1000) decisions.clear();
  decisions.set(q.key, { ...d, at: Date.now() });
  return decided(q, d);
}

async function decide(db: Db, q: ListQuery): Promise<Decision> {
  const [n, scope] = await Promise.all([tableRows(db, q.table), estimateRows(db, q.table, q.scope)]);
  // A small scope is read whole: its index finds it, a search and the filters are checked on each row.
  if (scope <= NARROW_SCOPE) return { plan: 'narrow', common: true, totalCap: TOTAL_CAP, estimates: { n, scope } };
  const search = q.search ? await estimateRows(db, q.table, q.search.indexed) : Infinity;
  const common = search > COMMON_PATTERN;
  const narrowing = and(q.filters, q.search && !common ? q.search.indexed : undefined);
  // The plain form of a search has no statistics (an expression): a common search's matches are
  // its national share of the scope and filters' rows instead.
  const [matches, filtered] = await Promise.all([
    !q.search
      ? q.filters
        ? estimateRows(db, q.table, and(q.scope, q.filters))
        : Promise.resolve(scope)
      : common
        ? (q.filters ? estimateRows(db, q.table, and(q.scope, q.filters)) : Promise.resolve(scope)).then((base) => (search * base) / Math.max(1, n))
        : estimateRows(db, q.table, and(q.scope, q.filters, q.search.indexed)),
    narrowing ? estimateRows(db, q.table, narrowing) : Promise.resolve(Infinity),
  ]);
  const cost = {
    // The scope's index, or the filters' own (a rare search, a rare status) when they keep fewer rows.
    narrow: Math.min(scope, filtered),
    walk: (PAGE_ROWS * n) / Math.max(1, matches),
    branches: q.search?.branches?.length ? (PAGE_ROWS * n) / Math.max(1, scope) : Infinity,
  };
  const plan = (Object.keys(cost) as (keyof typeof cost)[]).reduce((a, b) => (cost[b] < cost[a] ? b : a));
  if (process.env.HATNHAN_DEBUG_PLAN) console.log('[plan]', q.key, plan, JSON.stringify({ n, scope, search, matches, filtered, cost }));
  // A total is counted as far as the rows a page reads: all of them when they are found whole, else up to a few hundred.
  const totalCap = plan === 'narrow' ? TOTAL_CAP : q.search ? SEARCH_TOTAL_CAP : WALK_TOTAL_CAP;
  return { plan, common, totalCap, estimates: { n, scope, search, matches, filtered } };
}

/** A table's estimated rows. */
function tableRows(db: Db, table: PgTable): Promise<number> {
  return estimateRows(db, table);
}

/** `select count(*)` of the rows of `where`, stopping at `cap` + 1. */
export async function countUpTo(db: Db, table: PgTable, where: SQL, cap: number): Promise<{ total: number; totalCapped: boolean }> {
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from (select 1 from ${table} where ${where} limit ${cap + 1}) capped`));
  return Number(n) > cap ? { total: cap, totalCapped: true } : { total: Number(n), totalCapped: false };
}

/**
 * One page of a scoped list in `key` order, read the way planFor chooses: the ids first, from
 * the table alone (an OFFSET 0 fence keeps the planner to the narrow way; the branches are read
 * in order each and merged), counted beside; then `load` reads the page's rows whole.
 */
export async function pageByKey<R extends { id: number }, T>(db: Db, q: ListQuery, key: SortKey<R>, req: PageRequest, load: (ids: number[]) => Promise<R[]>, map: (row: R) => T): Promise<Page<T>> {
  const p = await planFor(db, q);
  const ks = keyset(key, req);
  const keys = sql.join(
    key.columns.map(([c], i) => sql`${c} as ${sql.raw(`k${i}`)}`),
    sql`, `,
  );
  const byAlias = sql.join(
    key.columns.map((_, i) => sql`${sql.raw(`k${i}`)} ${ks.dir}`),
    sql`, `,
  );
  const order = sql.join(ks.orderBy, sql`, `);
  const where = () => and(p.where, ks.where);
  // Walking an index in order, the other conditions are checked row by row: coalesce() hides them
  // from the planner, which would otherwise AND their bitmaps together and sort the lot.
  const checked = (...conds: (SQL | undefined)[]) => sql`coalesce((${and(...conds)}), false)`;
  let query: SQL;
  if (p.plan === 'narrow') {
    query = sql`select id from (select ${q.id} as id, ${keys} from ${q.table} where ${where()} offset 0) narrowed order by ${byAlias} limit ${ks.limit}`;
  } else if (p.plan === 'branches') {
    const parts = q.search!.branches!.map(
      (b) =>
        sql`(select ${q.id} as id, ${keys} from ${q.table} where ${and(checked(q.scope, q.filters), ks.where, b.read, b.check ? checked(b.check) : undefined)} order by ${order} limit ${ks.limit})`,
    );
    query = sql`select id from (${sql.join(parts, sql` union all `)}) branches order by ${byAlias} limit ${ks.limit}`;
  } else {
    query = sql`select ${q.id} as id from ${q.table} where ${and(checked(p.where), ks.where)} order by ${order} limit ${ks.limit}`;
  }
  const [idRows, total] = await Promise.all([db.execute(query), countUpTo(db, q.table, p.where, p.totalCap)]);
  const ids = rowsOf<{ id: number }>(idRows).map((r) => Number(r.id));
  const rows = ids.length ? await load(ids) : [];
  const at = new Map(rows.map((r) => [Number(r.id), r]));
  return ks.finish(
    ids.map((id) => at.get(id)).filter((r): r is R => !!r),
    map,
    total,
  );
}
