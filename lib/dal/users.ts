import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, rowsOf, type Tx } from '@/db';
import { units, users } from '@/db/schema';
import { can } from '@/lib/authz/permissions';
import type { Role } from '@/lib/authz/roles';
import { hashPassword } from '@/lib/auth/password';
import type { UnitKind } from '@/lib/units/kinds';
import { writeAudit } from './audit';
import { DalError, invalid, notFound, staleVersion } from './errors';
import { searchKey } from '@/lib/people/identity';
import { capped, cappedCount, keyset, type Page, type PageRequest, type SortKey } from './paging';
import { containing, PICK_LIMIT, type PickOption } from './pick';
import { assertCan, inScope, pathUnder, requireUser, USER_COLUMNS, type CurrentUser } from './session';

export type UserDto = {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  active: boolean;
  version: number;
  unitId: number;
  unitName: string;
  unitKind: UnitKind;
  unitPath: string;
  updatedAt: Date;
};

const userColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  role: users.role,
  active: users.active,
  version: users.version,
  unitId: users.unitId,
  unitName: units.name,
  unitKind: units.kind,
  unitPath: sql<string>`${units.path}::text`,
  updatedAt: users.updatedAt,
};

/** Active accounts first, then in tree order (their units' paths), then by name: the index users_list_key. */
const userOrder: SortKey<{ id: number; active: boolean; unitPath: string; fullName: string }> = {
  columns: [
    [sql`(not ${users.active})`, 'boolean'],
    [sql`${users.unitPath}`, 'ltree'],
    [sql`(${users.fullName} collate "und-x-icu")`, 'text'],
    [sql`${users.id}`, 'integer'],
  ],
  direction: 'asc',
  values: (r) => [!r.active, r.unitPath, r.fullName, r.id],
};

/** A page of the users whose unit lies in the admin's subtree, optionally below one unit or matching a name or username. */
export async function listUsers(filter: { q?: string; unitId?: number } = {}, page: PageRequest = {}): Promise<Page<UserDto>> {
  const user = await requireUser();
  assertCan(user, 'user.read', user.unitPath);
  const db = await getDb();
  const q = filter.q?.trim();
  const where = and(
    inScope(user, users.unitPath),
    filter.unitId ? pathUnder(users.unitPath, filter.unitId) : undefined,
    q ? sql`(${users.searchName} like ${containing(searchKey(q))} or ${users.username} ilike ${containing(q)})` : undefined,
  );
  const ks = keyset(userOrder, page);
  const [rows, counted] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(and(where, ks.where))
      .orderBy(...ks.orderBy)
      .limit(ks.limit),
    db.execute(cappedCount(sql`select 1 from ${users} where ${where}`)),
  ]);
  return ks.finish(rows, (r) => r, capped(Number(rowsOf<{ n: number }>(counted)[0].n)));
}

/** The picker's matches: users of the admin's subtree whose name or username contains `q` (diacritics optional). */
export async function searchUsers(q: string): Promise<PickOption[]> {
  const user = await requireUser();
  assertCan(user, 'user.read', user.unitPath);
  const text = q.trim();
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, fullName: users.fullName, username: users.username, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(inScope(user, users.unitPath), text ? sql`(${users.searchName} like ${containing(searchKey(text))} or ${users.username} ilike ${containing(text)})` : undefined))
    .orderBy(sql`${users.fullName} collate "und-x-icu"`, users.id)
    .limit(PICK_LIMIT);
  return rows.map((r) => ({ value: String(r.id), label: r.fullName, detail: `${r.username} · ${r.unitName}` }));
}

/** A user of the admin's subtree as a picker shows it (a filter's chosen value), or null. */
export async function getUserOption(id: number): Promise<PickOption | null> {
  const user = await requireUser();
  assertCan(user, 'user.read', user.unitPath);
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, fullName: users.fullName, username: users.username })
    .from(users)
    .where(and(eq(users.id, id), inScope(user, users.unitPath)));
  return row ? { value: String(row.id), label: row.fullName, detail: row.username } : null;
}

export async function getUser(id: number): Promise<UserDto> {
  const user = await requireUser();
  const db = await getDb();
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.id, id), inScope(user)));
  if (!row) throw notFound();
  assertCan(user, 'user.read', row.unitPath);
  return row;
}

type LockedUser = { id: number; username: string; fullName: string; role: Role; unitId: number; active: boolean; version: number; unitPath: string };

/**
 * Lock the user `id` in the actor's scope for `action` (not found outside it, forbidden where the
 * action is not granted). Only editing may touch one's own account: deactivating, resetting or
 * ending one's own sessions is refused (errors.notOnYourself).
 */
async function lockUserFor(tx: Tx, actor: CurrentUser, id: number, action: 'user.update' | 'user.deactivate' | 'user.resetPassword'): Promise<LockedUser> {
  const [target] = await tx
    .select({ ...USER_COLUMNS, active: users.active, version: users.version, unitPath: sql<string>`${units.path}::text` })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.id, id), inScope(actor)))
    .for('update', { of: users });
  if (!target) throw notFound();
  assertCan(actor, action, target.unitPath);
  if (action !== 'user.update') notSelf(actor, target.id);
  return target;
}

async function unitPathInScope(tx: Tx, actor: CurrentUser, unitId: number): Promise<string> {
  const [row] = await tx
    .select({ path: sql<string>`${units.path}::text`, status: units.status })
    .from(units)
    .where(and(eq(units.id, unitId), inScope(actor)))
    .for('share'); // a concurrent dissolve must not leave an active user on a dissolved unit
  if (!row) throw invalid('errors.targetNotFound', { unitId: 'errors.targetNotFound' });
  if (row.status !== 'active') throw invalid('errors.unitNotActive', { unitId: 'errors.unitNotActive' });
  return row.path;
}

function notSelf(actor: CurrentUser, targetId: number): void {
  if (actor.id === targetId) throw new DalError('forbidden', 'errors.notOnYourself');
}

export type CreateUserInput = { username: string; fullName: string; unitId: number; role: Role; password: string };

export async function createUser(input: CreateUserInput): Promise<{ id: number }> {
  const actor = await requireUser();
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const unitPath = await unitPathInScope(tx, actor, input.unitId);
    assertCan(actor, 'user.create', unitPath);
    const username = input.username.toLowerCase();
    const taken = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken.length) throw invalid('errors.usernameTaken', { username: 'errors.usernameTaken' });
    const [created] = await tx.insert(users).values({ username, fullName: input.fullName, unitId: input.unitId, role: input.role, passwordHash }).returning({ id: users.id });
    await writeAudit(tx, {
      actorId: actor.id,
      unitId: input.unitId,
      action: 'user.create',
      entity: 'user',
      entityId: created.id,
      after: { username, fullName: input.fullName, unitId: input.unitId, role: input.role, active: true },
    });
    return created;
  });
}

export type UpdateUserInput = { id: number; version: number; fullName: string; unitId: number; role: Role };

/** Change a user's name, unit or role. A new unit or role ends their current sessions. */
export async function updateUser(input: UpdateUserInput): Promise<void> {
  const actor = await requireUser();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const target = await lockUserFor(tx, actor, input.id, 'user.update');
    if (target.version !== input.version) throw staleVersion();
    const newUnitPath = await unitPathInScope(tx, actor, input.unitId);
    assertCan(actor, 'user.update', newUnitPath);
    const accessChanged = target.unitId !== input.unitId || target.role !== input.role;
    if (accessChanged) notSelf(actor, target.id);
    const before = { fullName: target.fullName, unitId: target.unitId, role: target.role };
    const after = { fullName: input.fullName, unitId: input.unitId, role: input.role };
    if (JSON.stringify(before) === JSON.stringify(after)) throw invalid('errors.nothingChanged');
    const updated = await tx
      .update(users)
      .set({
        ...after,
        version: sql`${users.version} + 1`,
        sessionVersion: accessChanged ? sql`${users.sessionVersion} + 1` : sql`${users.sessionVersion}`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(users.id, target.id), eq(users.version, input.version)))
      .returning({ id: users.id });
    if (updated.length !== 1) throw staleVersion();
    await writeAudit(tx, { actorId: actor.id, unitId: input.unitId, action: 'user.update', entity: 'user', entityId: target.id, before, after });
  });
}

/** Deactivate (or reactivate) a user; deactivation ends their sessions at once. */
export async function setUserActive(input: { id: number; version: number; active: boolean }): Promise<void> {
  const actor = await requireUser();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const target = await lockUserFor(tx, actor, input.id, 'user.deactivate');
    if (target.version !== input.version) throw staleVersion();
    if (target.active === input.active) throw invalid('errors.nothingChanged');
    if (input.active) {
      // A user can only be reactivated at an active unit.
      const [u] = await tx.select({ status: units.status }).from(units).where(eq(units.id, target.unitId));
      if (u?.status !== 'active') throw invalid('errors.unitNotActive');
    }
    await tx
      .update(users)
      .set({ active: input.active, version: sql`${users.version} + 1`, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, target.id));
    await writeAudit(tx, {
      actorId: actor.id,
      unitId: target.unitId,
      action: input.active ? 'user.activate' : 'user.deactivate',
      entity: 'user',
      entityId: target.id,
      before: { active: target.active },
      after: { active: input.active },
    });
  });
}

/** Set a new password chosen by the admin; the user's sessions end. */
export async function resetPassword(input: { id: number; password: string }): Promise<void> {
  const actor = await requireUser();
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const target = await lockUserFor(tx, actor, input.id, 'user.resetPassword');
    await tx
      .update(users)
      .set({ passwordHash, version: sql`${users.version} + 1`, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, target.id));
    // The hash itself never goes into the audit log.
    await writeAudit(tx, { actorId: actor.id, unitId: target.unitId, action: 'user.resetPassword', entity: 'user', entityId: target.id, after: { passwordReset: true } });
  });
}

/** End every session of another user (a lost phone, a shared computer): their next request finds no session. */
export async function endUserSessions(input: { id: number }): Promise<void> {
  const actor = await requireUser();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const target = await lockUserFor(tx, actor, input.id, 'user.deactivate');
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, target.id));
    await writeAudit(tx, { actorId: actor.id, unitId: target.unitId, action: 'user.endSessions', entity: 'user', entityId: target.id, after: { sessionsEnded: true } });
  });
}

/** May the current user manage users at all (for navigation)? */
export async function canManageUsers(): Promise<boolean> {
  const user = await requireUser();
  return can(user, 'user.read', user.unitPath);
}
