import 'server-only';
import { PATH_HEADER, safeNextPath } from '@/lib/auth/next-path';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/policy';
import { AsyncLocalStorage } from 'node:async_hooks';
import { cache } from 'react';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { getDb, rowsOf, type Db } from '@/db';
import { endedSessions, units, users } from '@/db/schema';
import { can, type Action } from '@/lib/authz/permissions';
import type { Role } from '@/lib/authz/roles';
import type { ReportWindow } from '@/lib/reports/maths';
import type { UnitKind } from '@/lib/units/kinds';
import { DalError, forbidden } from './errors';
import { estimatedAs, estimateRows } from './paging';

/** What a session token carries: who, and which version of their account it was issued for. */
/** Who is calling: the account, its session version, and (for a browser session) the session's id. */
export type Identity = { userId: number; sessionVersion: number; sessionId?: string };

export type CurrentUser = {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  unitId: number;
  unitPath: string;
  unitName: string;
  unitKind: UnitKind;
};

const testIdentity = new AsyncLocalStorage<Identity>();
let scriptIdentities = false;

/**
 * The demo seed (db/seed/cases.ts), a command-line script, takes its admission steps through the
 * data layer as the demo users, so its cases carry the same checks, events and audit rows as
 * real ones. It calls this first; the web server never does, so there runAs stays refused.
 */
export function allowScriptIdentities(): void {
  scriptIdentities = true;
}

/**
 * Tests (and the demo seed, see allowScriptIdentities) call the data layer directly as a given
 * user, exactly as a forged request would reach it: the identity still goes through the same
 * account checks (active, session version). Refused elsewhere.
 */
export function runAs<T>(identity: Identity, fn: () => Promise<T>): Promise<T> {
  if (process.env.NODE_ENV !== 'test' && !scriptIdentities) throw new Error('runAs is only available in tests and the demo seed');
  return testIdentity.run(identity, fn);
}

async function currentIdentity(): Promise<Identity | null> {
  const fromTest = testIdentity.getStore();
  if (fromTest) return fromTest;
  if (process.env.NODE_ENV === 'test' || scriptIdentities) return null;
  const { auth } = await import('@/lib/auth');
  const session = await auth();
  const uid = Number(session?.user?.id);
  const sv = Number((session as { sv?: number } | null)?.sv);
  const sid = (session as { sid?: unknown } | null)?.sid;
  return Number.isInteger(uid) && Number.isInteger(sv) ? { userId: uid, sessionVersion: sv, sessionId: typeof sid === 'string' ? sid : undefined } : null;
}

/**
 * The signed-in user, re-read from the database on every request: a user who was deactivated,
 * or whose role, unit or password changed since the token was issued, has no current user.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const identity = await currentIdentity();
  if (!identity) return null;
  const [row] = await currentUserStatement(await getDb()).execute({ ...identity, sessionId: identity.sessionId ?? '' });
  return row ?? null;
});

/** A user's own columns, as every account query reads them. */
export const USER_COLUMNS = { id: users.id, username: users.username, fullName: users.fullName, role: users.role, unitId: users.unitId };

/** The columns of a CurrentUser: the user's own and their unit's, from `users` joined to `units`. */
export const CURRENT_USER_COLUMNS = { ...USER_COLUMNS, unitPath: sql<string>`${units.path}::text`, unitName: units.name, unitKind: units.kind };

/** The account check of every request, built once per database client (it runs on every call). */
function currentUserStatement(db: Db) {
  const known = currentUserStatements.get(db);
  if (known) return known;
  const statement = db
    .select(CURRENT_USER_COLUMNS)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(users.id, sql.placeholder('userId')),
        eq(users.active, true),
        eq(users.sessionVersion, sql.placeholder('sessionVersion')),
        eq(units.status, 'active'),
        sql`not exists (select 1 from ${endedSessions} where ${endedSessions.sid} = ${sql.placeholder('sessionId')})`,
      ),
    )
    .prepare('current_user') as unknown as { execute: (identity: Identity) => Promise<CurrentUser[]> };
  currentUserStatements.set(db, statement);
  return statement;
}
const currentUserStatements = new WeakMap<Db, { execute: (identity: Identity) => Promise<CurrentUser[]> }>();

/**
 * End the caller's own session on the server (logging out): its token is refused from now on,
 * even if someone kept a copy of the cookie. Ended sessions are remembered until their token
 * would have expired anyway (SESSION_MAX_AGE_SECONDS); older entries are dropped here.
 */
export async function endCurrentSession(): Promise<void> {
  const identity = await currentIdentity();
  if (!identity?.sessionId) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(endedSessions).where(sql`${endedSessions.expiresAt} < now()`);
    await tx
      .insert(endedSessions)
      .values({ sid: identity.sessionId!, userId: identity.userId, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) })
      .onConflictDoNothing();
  });
}

/** The current user, or (in the app) a redirect to the login page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user) return user;
  if (process.env.NODE_ENV === 'test') throw new DalError('unauthenticated', 'errors.unauthenticated');
  const [{ redirect }, { headers }] = await Promise.all([import('next/navigation'), import('next/headers')]);
  const asked = safeNextPath((await headers()).get(PATH_HEADER));
  redirect(asked === '/' ? '/login?expired=1' : `/login?expired=1&next=${encodeURIComponent(asked)}`);
  throw new Error('unreachable');
}

/** Throws "forbidden" unless the permission table allows `action` on the unit at `targetPath`. */
export function assertCan(user: CurrentUser, action: Action, targetPath: string): void {
  if (!can({ role: user.role, unitPath: user.unitPath, unitKind: user.unitKind }, action, targetPath)) throw forbidden();
}

/**
 * SCOPE BUILDERS: every list and get applies one of these; a mistake here shows one unit's data
 * to another. Change with care, and with a second reviewer.
 *
 * Rows that belong to several units (a case, an enterprise, a member in transfer) carry
 * `scope_units`: the ids at and above each of their units, kept by the database (see
 * db/schema.ts). The row is in the user's scope when it holds the user's unit: one GIN index
 * narrows a list to the scope first, whatever its size, with no check per row.
 */
export function scopeHolds(user: CurrentUser, scopeUnitsColumn: unknown): SQL {
  return heldBy(scopeUnitsColumn, user.unitId);
}

/** A `scope_units` column that holds unit `unitId` (a filter: beside the user's scope, never instead of it). */
export function heldBy(scopeUnitsColumn: unknown, unitId: number): SQL {
  return sql`${scopeUnitsColumn} @> array[${unitId}::integer]`;
}

/**
 * Rows that belong to several units, checked per row: visible when any of those units lies in
 * the user's subtree. The unit-id columns may be null. For small tables, or on rows a
 * `scope_units` condition has already narrowed.
 */
export function anyUnitInScope(user: CurrentUser, ...unitIdColumns: unknown[]) {
  const ids = sql.join(
    unitIdColumns.map((c) => sql`${c}`),
    sql`, `,
  );
  return sql`exists (select 1 from units su where su.id in (${ids}) and ${inScope(user, sql`su.path`)})`;
}

/**
 * Rows whose unit path lies in the user's subtree. Always applied in list and get queries. The
 * user's path (read with the account on this request) goes in as a value, so the planner knows
 * how much of the tree it covers: a cell's subtree is read through the GiST index, the whole
 * country in the order of the page.
 */
export function inScope(user: CurrentUser, pathColumn: unknown = units.path) {
  return sql`${pathColumn} <@ ${user.unitPath}::ltree`;
}

/**
 * The range of a btree's path order that holds the subtree at `path`: in ltree order a subtree's
 * paths follow its root's and come before the root's path with '0' added to its last label
 * ('1.2.*' < '1.20'). Lets a btree on a path column read only that range; always beside `<@`,
 * which decides.
 */
export function subtreeRange(pathColumn: unknown, path: string): SQL {
  return sql`${pathColumn} >= ${path}::ltree and ${pathColumn} < ${`${path}0`}::ltree`;
}

/** A unit path that lies in the subtree of unit `unitId` (a filter; beside the user's scope, never instead of it). */
export function pathUnder(pathColumn: unknown, unitId: unknown) {
  return sql`${pathColumn} <@ (select s.path from units s where s.id = ${unitId})`;
}

/** A unit-id column whose unit lies in the user's subtree. */
export function unitInScope(user: CurrentUser, unitIdColumn: unknown) {
  return sql`${unitIdColumn} in (select a.id from units a where ${inScope(user, sql`a.path`)})`;
}

/** A unit-id column whose unit lies in the subtree of unit `unitId` (a filter; beside the user's scope, never instead of it). */
export function unitUnder(unitIdColumn: unknown, unitId: unknown) {
  return sql`${unitIdColumn} in (select a.id from units a where ${pathUnder(sql`a.path`, unitId)})`;
}

/**
 * The path of unit `unitId`, read first so that a condition on its subtree goes to the planner
 * with the value (how much of the tree it covers), not as a subquery; null for no such unit.
 */
export async function pathOf(unitId: number): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ path: sql<string>`${units.path}::text` })
    .from(units)
    .where(eq(units.id, unitId));
  return row?.path ?? null;
}

/** Subtrees of more units than this are checked row by row (each row's unit by its key) instead of gathering their ids first. */
export const WIDE_SUBTREE = 10_000;
const subtreeSizes = new Map<string, { units: number; at: number }>();

/** The planner's estimate of the units under `path`, kept a minute (the tree changes slowly). */
async function subtreeSize(path: string): Promise<number> {
  const known = subtreeSizes.get(path);
  if (known && Date.now() - known.at < 60_000) return known.units;
  const n = await estimateRows(await getDb(), units, sql`${units.path} <@ ${path}::ltree`);
  if (subtreeSizes.size > 10_000) subtreeSizes.clear();
  subtreeSizes.set(path, { units: n, at: Date.now() });
  return n;
}

/** Whether the unit at `path` is the one root of the tree, so every unit lies under it (read now: the roots are found by their index). */
export async function isWholeTree(path: string): Promise<boolean> {
  const roots = rowsOf<{ path: string }>(await (await getDb()).execute(sql`select path::text as path from units where parent_id is null limit 2`));
  return roots.length === 1 && roots[0].path === path;
}

/**
 * A unit-id column whose unit lies under the unit at `path` (null: no such unit, nothing
 * matches). A narrow subtree's unit ids are gathered first, so its rows are found by the
 * column's index; a wide one (a province of the whole country) is checked on each row by the
 * unit's key, which costs microseconds a row instead of hashing a hundred thousand units.
 */
export async function unitUnderPath(unitIdColumn: unknown, path: string | null): Promise<SQL> {
  if (path === null) return sql`false`;
  // OFFSET 0 keeps the subtree a set of its own, gathered through the path index (else the planner
  // may walk every unit by its key to merge them with the rows).
  const gathered = sql`${unitIdColumn} in (select a.id from units a where a.path <@ ${path}::ltree offset 0)`;
  if ((await subtreeSize(path)) <= WIDE_SUBTREE) return gathered;
  if (await isWholeTree(path)) return sql`${estimatedAs(sql`${unitIdColumn} is not null`, gathered)}`;
  return sql`${estimatedAs(sql`(select a.path from units a where a.id = ${unitIdColumn}) <@ ${path}::ltree`, gathered)}`;
}

/** The records behind a report figure: dated within its window, at a unit under its unit. */
export async function inWindow(dateColumn: unknown, unitIdColumn: unknown, w: ReportWindow): Promise<SQL> {
  return sql`${dateColumn} between ${w.from} and ${w.to} and ${await unitUnderPath(unitIdColumn, await pathOf(w.unitId))}`;
}
