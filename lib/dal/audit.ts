import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { chunks, getDb, type Tx } from '@/db';
import { auditLog, units, users } from '@/db/schema';
import { keyset, type Page, type PageRequest, type SortKey } from './paging';
import { assertCan, inScope, requireUser } from './session';

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

/** Newest first: the primary key read backwards (or audit_log_unit_id_idx within a small subtree). */
const auditOrder: SortKey<{ id: number }> = { columns: [[sql`${auditLog.id}`, 'integer']], direction: 'desc', values: (r) => [r.id] };

/** A page of the audit entries of changes in the admin's subtree, newest first. */
export async function listAudit(page: PageRequest = {}): Promise<Page<AuditEntryDto>> {
  const user = await requireUser();
  assertCan(user, 'audit.read', user.unitPath);
  const db = await getDb();
  const ks = keyset(auditOrder, page);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
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
    .where(and(inScope(user), ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  // The log only grows: no total (counting a national log would read millions of rows).
  return ks.finish(rows, (r) => ({ ...r, id: Number(r.id) }), { total: null, totalCapped: false });
}
