import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { chunks, getDb, type Tx } from '@/db';
import { auditLog, units, users } from '@/db/schema';
import { can } from '@/lib/authz/permissions';
import { estimateRows, keyset, type Page, type PageRequest, type SortKey } from './paging';
import { assertCan, inScope, pathOf, requireUser, type CurrentUser } from './session';

export type AuditEntry = {
  actorId: number | null;
  unitId: number | null;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
};

/** Append one audit row inside the caller's transaction (the table refuses UPDATE/DELETE). */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await writeAuditMany(tx, [entry]);
}

/** Many audit rows at once (imports), in batches, inside the caller's transaction. */
export async function writeAuditMany(tx: Tx, entries: AuditEntry[]): Promise<void> {
  const rows = entries.map((e) => ({
    actorId: e.actorId,
    unitId: e.unitId,
    action: e.action,
    entity: e.entity,
    entityId: String(e.entityId),
    before: e.before ?? null,
    after: e.after ?? null,
  }));
  for (const part of chunks(rows)) await tx.insert(auditLog).values(part);
}

export type AuditEntryDto = {
  id: number;
  at: Date;
  actorName: string | null;
  unitName: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

/** What the log is narrowed to: who, what, which unit's subtree, and a period of days (yyyy-mm-dd, Vietnam time, both included). */
export type AuditFilter = { actorId?: number; action?: string; unitId?: number; from?: string; to?: string };

/** Rows stamped within the days `from`..`to` (each optional), counted in Vietnam time (UTC+7, no daylight saving). */
export function inPeriod(atColumn: unknown, from?: string, to?: string): SQL | undefined {
  return and(from ? sql`${atColumn} >= ${`${from}T00:00:00+07:00`}::timestamptz` : undefined, to ? sql`${atColumn} < ${`${to}T00:00:00+07:00`}::timestamptz + interval '1 day'` : undefined);
}

/**
 * Newest first, by the time the database stamped and then the id (the indexes audit_log_at_idx,
 * audit_log_actor_at_idx, audit_log_action_at_idx and audit_log_unit_idx hold this order, so a
 * filtered page reads from the cursor on). The time goes into the cursor as PostgreSQL writes it,
 * microseconds and all.
 */
const auditOrder: SortKey<{ id: number; atKey: string }> = {
  columns: [
    [sql`${auditLog.at}`, 'timestamptz'],
    [sql`${auditLog.id}`, 'integer'],
  ],
  direction: 'desc',
  values: (r) => [r.atKey, r.id],
};

/**
 * A subtree holding at least this share of the tree's units is checked row by row while an index
 * is read in the page's order (about PAGE_SIZE / share rows a page); a smaller one has its units
 * gathered first and their rows read through audit_log_unit_idx.
 */
export const WALK_SHARE = 1 / 200;

/**
 * How the subtree at `path` narrows a log's rows (`unitIdColumn` is the row's unit): checked on
 * each row, hidden from the planner (which would otherwise start from the units and sort all
 * their rows), when an actor is chosen (their rows lie in their own subtree) or the subtree is a
 * large share of the tree; else as the set of its unit ids.
 */
async function logScope(user: CurrentUser, unitIdColumn: unknown, path: string, byActor: boolean): Promise<SQL> {
  const db = await getDb();
  const walk = byActor || (await estimateRows(db, units, sql`${units.path} <@ ${path}::ltree`)) >= WALK_SHARE * (await estimateRows(db, units));
  const under = sql`${inScope(user, sql`s.path`)} and s.path <@ ${path}::ltree`;
  return walk ? sql`coalesce((select ${under} from ${units} s where s.id = ${unitIdColumn}), false)` : sql`${unitIdColumn} in (select s.id from ${units} s where ${under} offset 0)`;
}

/** A page of the audit entries of changes in the admin's subtree, newest first, narrowed by `filter` (always within the scope). */
export async function listAudit(filter: AuditFilter = {}, page: PageRequest = {}): Promise<Page<AuditEntryDto>> {
  const user = await requireUser();
  assertCan(user, 'audit.read', user.unitPath);
  const ks = keyset(auditOrder, page);
  // A chosen unit narrows the scope to its subtree; one outside the scope finds nothing.
  const unitPath = filter.unitId ? await pathOf(filter.unitId) : user.unitPath;
  if (!unitPath || !can(user, 'audit.read', unitPath)) return ks.finish([], (r) => r as never, { total: null, totalCapped: false });
  const db = await getDb();
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      atKey: sql<string>`${auditLog.at}::text`,
      actorName: users.fullName,
      unitName: units.name,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .innerJoin(units, eq(units.id, auditLog.unitId))
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        // The scope: the user's subtree, and the chosen unit's within it.
        await logScope(user, auditLog.unitId, unitPath, !!filter.actorId),
        filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
        filter.action ? eq(auditLog.action, filter.action) : undefined,
        inPeriod(auditLog.at, filter.from, filter.to),
        ks.where,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  // The log only grows: no total (counting a national log would read millions of rows).
  return ks.finish(rows, ({ atKey: _, ...r }) => ({ ...r, id: Number(r.id) }), { total: null, totalCapped: false });
}

/** The names of units `ids` that lie in the user's scope (to show a change's unit ids by name; others stay ids). */
export async function unitNamesInScope(ids: number[]): Promise<Map<number, string>> {
  const user = await requireUser();
  if (!ids.length) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(inArray(units.id, ids.slice(0, 500)), inScope(user)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
