import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Tx } from '@/db';
import { enterprises, memberEvents, partyMembers, persons, units } from '@/db/schema';
import { maskCccd } from '@/lib/people/identity';
import { type MemberEventKind, type MemberStatus, type Occupation } from '@/lib/registry/kinds';
import { notFound, staleVersion } from './errors';
import { writeAudit } from './audit';
import { requireUser, scopeHolds, type CurrentUser } from './session';

/**
 * What the member modules share (members.ts, member-transfers.ts, member-assignments.ts): the
 * member's scope, the list row, locking a member for a change, its history events. Inside the
 * data layer only; pages import the modules that use these.
 */

export const cell = alias(units, 'member_cell');
export const transferTo = alias(units, 'transfer_to');
export const host = alias(units, 'host_unit');

/** Visible to those whose subtree holds the member's cell, the cell receiving a transfer, or the host cell (scope_units holds all three). */
export function memberInScope(user: CurrentUser): SQL {
  return scopeHolds(user, partyMembers.scopeUnits);
}

export async function addEvent(
  tx: Tx,
  user: CurrentUser | null,
  memberId: number,
  kind: MemberEventKind,
  effectiveOn: string,
  extra: { fromUnitId?: number | null; toUnitId?: number | null; note?: string | null } = {},
) {
  await tx.insert(memberEvents).values({ memberId, kind, effectiveOn, actorId: user?.id ?? null, fromUnitId: extra.fromUnitId ?? null, toUnitId: extra.toUnitId ?? null, note: extra.note ?? null });
}
export type MemberListItem = {
  id: number;
  fullName: string;
  birthDate: string;
  nationalIdMasked: string;
  cellName: string;
  enterpriseName: string | null;
  occupation: Occupation;
  admittedOn: string;
  officialOn: string | null;
  status: MemberStatus;
  transferToName: string | null;
  transferOutOn: string | null;
  hostName: string | null;
};

export const listColumns = {
  id: partyMembers.id,
  fullName: partyMembers.fullName,
  birthDate: persons.birthDate,
  nationalId: persons.nationalId,
  cellName: cell.name,
  enterpriseName: enterprises.name,
  occupation: partyMembers.occupation,
  admittedOn: partyMembers.admittedOn,
  officialOn: partyMembers.officialOn,
  status: partyMembers.status,
  transferToName: transferTo.name,
  transferOutOn: partyMembers.transferOutOn,
  hostName: host.name,
};

export function listQuery(tx: Pick<Tx, 'select'>) {
  return tx
    .select(listColumns)
    .from(partyMembers)
    .innerJoin(persons, eq(persons.id, partyMembers.personId))
    .innerJoin(cell, eq(cell.id, partyMembers.cellUnitId))
    .leftJoin(enterprises, eq(enterprises.id, partyMembers.enterpriseId))
    .leftJoin(transferTo, eq(transferTo.id, partyMembers.transferToUnitId))
    .leftJoin(host, eq(host.id, partyMembers.hostUnitId));
}

export const toItem = ({ nationalId, ...r }: { nationalId: string | null } & Omit<MemberListItem, 'nationalIdMasked'>): MemberListItem => ({ ...r, nationalIdMasked: maskCccd(nationalId) });
export async function cellFor(tx: Tx, id: number, where?: SQL): Promise<{ id: number; path: string } | undefined> {
  const [row] = await tx
    .select({ id: units.id, path: sql<string>`${units.path}::text` })
    .from(units)
    .where(and(eq(units.id, id), eq(units.kind, 'cell'), eq(units.status, 'active'), where));
  return row;
}
export type Locked = typeof partyMembers.$inferSelect & { cellPath: string; transferToPath: string | null; hostPath: string | null };

export async function lockMember(tx: Tx, user: CurrentUser, id: number, version: number): Promise<Locked> {
  const [row] = await tx
    .select({ m: partyMembers, cellPath: sql<string>`${cell.path}::text`, transferToPath: sql<string | null>`${transferTo.path}::text`, hostPath: sql<string | null>`${host.path}::text` })
    .from(partyMembers)
    .innerJoin(cell, eq(cell.id, partyMembers.cellUnitId))
    .leftJoin(transferTo, eq(transferTo.id, partyMembers.transferToUnitId))
    .leftJoin(host, eq(host.id, partyMembers.hostUnitId))
    .where(and(eq(partyMembers.id, id), memberInScope(user)))
    .for('update', { of: partyMembers });
  if (!row) throw notFound();
  if (row.m.version !== version) throw staleVersion();
  return { ...row.m, cellPath: row.cellPath, transferToPath: row.transferToPath, hostPath: row.hostPath };
}

export async function save(tx: Tx, m: Locked, changes: Partial<typeof partyMembers.$inferInsert>) {
  const updated = await tx
    .update(partyMembers)
    .set({ ...changes, version: sql`${partyMembers.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(partyMembers.id, m.id), eq(partyMembers.version, m.version)))
    .returning({ id: partyMembers.id });
  if (updated.length !== 1) throw staleVersion();
}

export type Step = { memberId: number; version: number; effectiveOn: string; note?: string };

/**
 * A change to one member of the user's scope, in one transaction: locks the member (not found
 * outside the scope, staleVersion when `version` is not the current one) and hands it to `change`,
 * which checks, saves and records the step.
 */
export async function changeMember(input: { memberId: number; version: number }, change: (tx: Tx, user: CurrentUser, m: Locked) => Promise<void>): Promise<void> {
  const user = await requireUser();
  const db = await getDb();
  await db.transaction(async (tx) => change(tx, user, await lockMember(tx, user, input.memberId, input.version)));
}

/** The audit row of a change to member `m`, filed under `unitId` (the member's cell unless said). */
export async function auditMember(tx: Tx, user: CurrentUser, m: Locked, action: string, before: unknown, after: unknown, unitId: number = m.cellUnitId): Promise<void> {
  await writeAudit(tx, { actorId: user.id, unitId, action, entity: 'party_member', entityId: m.id, before, after });
}
