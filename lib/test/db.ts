import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { closeDb, dbDriver, getDb, rowsOf, type Db } from '@/db';
import { runMigrations } from '@/db/migrate';
import { seedDemo } from '@/db/seed/demo';
import { setClock } from '@/lib/clock';
import { DalError, type DalErrorCode } from '@/lib/dal/errors';
import { runAs, type Identity } from '@/lib/dal/session';
import { ensureLoginRole, grantApplicationRole, roleUrl } from '@/db/roles';
import { checksumQuery } from '@/db/backup';
import { assertLocalDatabaseUrl } from './local-database';

export { assertLocalDatabaseUrl } from './local-database';

/**
 * Test harness for data-layer tests (*.db.test.ts). Each test file calls setupTestDb() once
 * (in `before`) and gets its own freshly migrated database with the demo data:
 *
 * - TEST_DB=pglite (the default): an in-memory PGlite (PGLITE_DIR=memory://), DATABASE_URL unset
 *   for the process so nothing reaches a server.
 * - TEST_DB=postgres: a new database hatnhan_test_<pid>_<random> on the server named by
 *   TEST_DATABASE_URL or DATABASE_URL, which must be local, migrated and seeded as that URL's role
 *   (the owner); the data layer then runs as the restricted application role hatnhan_test_app
 *   (db/roles.ts), as the portal does in production: DATABASE_URL points at the new database as
 *   that role, and teardown() drops the database.
 */

/**
 * The administrator of the tree's one root (the national level): the only one who manages the
 * rule set and the calendar, and who creates provinces.
 */
export const ROOT_ADMIN = 'tw.admin';

/** The restricted role the data layer runs as on PostgreSQL (created once per server, owns nothing). */
export const TEST_APP_ROLE = 'hatnhan_test_app';
const TEST_APP_PASSWORD = 'hatnhan-test-app';

export const SNAPSHOT_TABLES = [
  'units',
  'users',
  'unit_events',
  'audit_log',
  'login_failures',
  'ended_sessions',
  'rule_sets',
  'holidays',
  'calendar_years',
  'persons',
  'admission_cases',
  'case_events',
  'case_documents',
  'case_document_files',
  'stored_files',
  'form_templates',
  'enterprises',
  'survey_rounds',
  'survey_findings',
  'owner_meetings',
  'party_members',
  'member_events',
  'founding_proposals',
  'classes',
  'class_enrolments',
  'ratings',
  'member_assignments',
  'targets',
  'notifications',
] as const;
export type Snapshot = Record<(typeof SNAPSHOT_TABLES)[number], { rows: number; md5: string }>;

export type UnitState = { id: number; parentId: number | null; path: string; status: string; version: number; name: string; code: string };
export type UserState = { id: number; unitId: number; role: string; active: boolean; version: number; sessionVersion: number };
export type AuditRow = { id: number; actorId: number | null; unitId: number | null; action: string; entity: string; entityId: string; before: unknown; after: unknown };

export type TestDb = {
  driver: 'pglite' | 'postgres';
  /** The database name on PostgreSQL (undefined on PGlite). */
  databaseName?: string;
  /** The application's connection (on PostgreSQL, as the restricted application role). */
  db: Db;
  /** On PostgreSQL, the test database's URL as its owner (the test server's role). */
  ownerUrl?: string;
  /** Runs one SQL string as the owner of the tables (on PGlite, the same connection as `db`). */
  ownerExecute(query: string): Promise<unknown[]>;
  /** The identity runAs() needs for a user, with their current session version. */
  as(username: string): Promise<Identity>;
  /** Run `fn` as `username` (their identity as of now). */
  run<T>(username: string, fn: () => Promise<T>): Promise<T>;
  unitId(code: string): Promise<number>;
  unit(code: string): Promise<UnitState>;
  user(username: string): Promise<UserState>;
  /** Row counts and an md5 of every row (ordered by id) of each table that actions change. */
  snapshot(): Promise<Snapshot>;
  /** Highest audit_log id so far (0 when empty). */
  lastAuditId(): Promise<number>;
  /** Audit rows written after `afterId`, oldest first. */
  auditSince(afterId: number): Promise<AuditRow[]>;
  teardown(): Promise<void>;
};

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL or DATABASE_URL (a local PostgreSQL server).');
  assertLocalDatabaseUrl(url);
  return url;
}

export async function setupTestDb(): Promise<TestDb> {
  if (process.env.NODE_ENV !== 'test') throw new Error('setupTestDb() needs NODE_ENV=test');
  const kind = (process.env.TEST_DB ?? 'pglite') as string;
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`TEST_DB must be "pglite" or "postgres", not "${kind}"`);
  const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DIR: process.env.PGLITE_DIR };
  await closeDb();

  let databaseName: string | undefined;
  let admin: postgres.Sql | undefined;
  let owner: postgres.Sql | undefined;
  let ownerUrl: string | undefined;
  if (kind === 'pglite') {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = 'memory://';
  } else {
    const server = assertLocalDatabaseUrl(serverUrl());
    databaseName = `hatnhan_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${databaseName}"`);
    const target = new URL(server.toString());
    target.pathname = `/${databaseName}`;
    process.env.DATABASE_URL = target.toString();
  }

  const restoreEnv = () => {
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  const dropDatabase = async () => {
    if (!admin || !databaseName) return;
    await owner?.end({ timeout: 5 });
    try {
      await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
    } finally {
      await admin.end({ timeout: 5 });
    }
  };

  let db: Db;
  try {
    db = await getDb();
    assert.equal(dbDriver(), kind, 'the harness opened the wrong kind of database');
    await runMigrations(db);
    await seedDemo(db);
    if (kind === 'postgres' && admin) {
      ownerUrl = process.env.DATABASE_URL!;
      await ensureLoginRole(admin, TEST_APP_ROLE, TEST_APP_PASSWORD);
      await grantApplicationRole((q) => db.execute(sql.raw(q)), TEST_APP_ROLE);
      await closeDb();
      owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
      process.env.DATABASE_URL = roleUrl(ownerUrl, TEST_APP_ROLE, TEST_APP_PASSWORD);
      db = await getDb();
    }
  } catch (err) {
    await closeDb();
    await dropDatabase();
    restoreEnv();
    throw err;
  }

  const one = async <T>(query: ReturnType<typeof sql>, what: string): Promise<T> => {
    const [row] = rowsOf<T>(await db.execute(query));
    if (!row) throw new Error(`test data: no ${what}`);
    return row;
  };

  const handle: TestDb = {
    driver: kind,
    databaseName,
    db,
    ownerUrl,
    async ownerExecute(query) {
      if (owner) return [...(await owner.unsafe(query))];
      return rowsOf<unknown>(await db.execute(sql.raw(query)));
    },
    async as(username) {
      const row = await one<{ userId: number; sessionVersion: number }>(sql`select id as "userId", session_version as "sessionVersion" from users where username = ${username}`, `user ${username}`);
      return { userId: Number(row.userId), sessionVersion: Number(row.sessionVersion) };
    },
    async run(username, fn) {
      return runAs(await handle.as(username), fn);
    },
    async unitId(code) {
      return (await handle.unit(code)).id;
    },
    async unit(code) {
      const row = await one<UnitState>(sql`select id, parent_id as "parentId", path::text as path, status, version, name, code from units where code = ${code}`, `unit ${code}`);
      return { ...row, id: Number(row.id), parentId: row.parentId === null ? null : Number(row.parentId), version: Number(row.version) };
    },
    async user(username) {
      const row = await one<UserState>(sql`select id, unit_id as "unitId", role, active, version, session_version as "sessionVersion" from users where username = ${username}`, `user ${username}`);
      return { ...row, id: Number(row.id), unitId: Number(row.unitId), version: Number(row.version), sessionVersion: Number(row.sessionVersion) };
    },
    async snapshot() {
      const out = {} as Snapshot;
      for (const table of SNAPSHOT_TABLES) {
        const row = await one<{ rows: number; md5: string }>(sql.raw(checksumQuery(`"${table}"`)), `snapshot of ${table}`);
        out[table] = { rows: Number(row.rows), md5: row.md5 };
      }
      return out;
    },
    async lastAuditId() {
      const row = await one<{ id: number }>(sql`select coalesce(max(id), 0)::int as id from audit_log`, 'audit max id');
      return Number(row.id);
    },
    async auditSince(afterId) {
      const rows = rowsOf<AuditRow>(
        await db.execute(sql`
          select id, actor_id as "actorId", unit_id as "unitId", action, entity, entity_id as "entityId", before, after
          from audit_log where id > ${afterId} order by id`),
      );
      return rows.map((r) => ({
        ...r,
        id: Number(r.id),
        actorId: r.actorId === null ? null : Number(r.actorId),
        unitId: r.unitId === null ? null : Number(r.unitId),
        // postgres.js may hand jsonb back as text when the column is read through execute()
        before: typeof r.before === 'string' ? JSON.parse(r.before) : r.before,
        after: typeof r.after === 'string' ? JSON.parse(r.after) : r.after,
      }));
    },
    async teardown() {
      try {
        // Whatever the file did, what the database derives still agrees with the records.
        await assertNoDrift(handle);
      } finally {
        await teardownOnly();
      }
    },
  };
  const teardownOnly = async () => {
    try {
      await closeDb();
      await dropDatabase();
    } finally {
      restoreEnv();
    }
  };
  return handle;
}

// ------------------------------------------------------------------ assertions

/** Asserts that `promise` rejects with a DalError whose code is one of `codes`; returns it. */
export async function expectDalError(promise: Promise<unknown>, codes: DalErrorCode | DalErrorCode[]): Promise<DalError> {
  const allowed = Array.isArray(codes) ? codes : [codes];
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof DalError, `expected a DalError, got ${err instanceof Error ? err.stack : String(err)}`);
    assert.ok(allowed.includes(err.code), `expected DalError ${allowed.join('/')}, got ${err.code} (${err.key})`);
    return err;
  }
  assert.fail(`expected DalError ${allowed.join('/')}, but the call succeeded`);
}

/**
 * Runs `fn` as `username`, expects a DalError with one of `codes`, and asserts that no row of
 * the SNAPSHOT_TABLES changed.
 */
export async function expectRefused(t: TestDb, username: string, fn: () => Promise<unknown>, codes: DalErrorCode | DalErrorCode[] = ['not_found', 'forbidden']): Promise<DalError> {
  const before = await t.snapshot();
  const err = await expectDalError(t.run(username, fn), codes);
  assert.deepEqual(await t.snapshot(), before, `${username}: a refused call changed the database`);
  return err;
}

/**
 * Asserts that everything the database derives (scopes, copied names, tallies, counters) equals a
 * recomputation from the records: derived_drift() finds no difference.
 */
export async function assertNoDrift(t: TestDb): Promise<void> {
  // As the owner: the application role may not run the maintenance functions.
  const rows = (await t.ownerExecute(`select what, rows::int as rows from derived_drift()`)) as { what: string; rows: number }[];
  assert.deepEqual(
    rows.filter((r) => Number(r.rows) > 0),
    [],
    'derived data differs from the records',
  );
}

/** Runs `fn` and returns its result with the audit rows it wrote. */
export async function withAudit<T>(t: TestDb, fn: () => Promise<T>): Promise<{ result: T; audit: AuditRow[] }> {
  const from = await t.lastAuditId();
  const result = await fn();
  return { result, audit: await t.auditSince(from) };
}

/**
 * The demo's records beyond units and users, as `npm run db:seed` loads them on day `day`:
 * enterprises, members, the admission pipeline (taken step by step through the data layer) and
 * surveys, classes and ratings. The demo cases move the clock: set it again afterwards.
 */
export async function seedDemoRecords(t: TestDb, day: string): Promise<void> {
  const [{ seedDemoEnterprises }, { seedDemoMembers }, { seedDemoCases }, { seedDemoActivity }] = await Promise.all([
    import('@/db/seed/enterprises'),
    import('@/db/seed/members'),
    import('@/db/seed/cases'),
    import('@/db/seed/activity'),
  ]);
  await seedDemoEnterprises(t.db, day);
  await seedDemoMembers(t.db);
  await seedDemoCases(t.db);
  await seedDemoActivity(t.db, day);
}

/**
 * The usual head of a *.db.test.ts file: registers the file's `before` (a fresh database from
 * setupTestDb, then `seed` on it) and `after` (teardown), and returns the TestDb, filled in by the
 * time `before` has run. With `day`, the clock is held at 09:00 of that day in Vietnam before and
 * again after the seed (the demo cases move it), and released at the end; with `checkDrift`, the
 * end also checks the derived data against the records.
 */
export function registerTestDb(seed?: (t: TestDb) => Promise<void>, { day, checkDrift }: { day?: string; checkDrift?: boolean } = {}): TestDb {
  const t = {} as TestDb;
  const hold = () => {
    if (day) setClock(() => new Date(`${day}T09:00:00+07:00`));
  };
  before(async () => {
    Object.assign(t, await setupTestDb());
    hold();
    await seed?.(t);
    hold();
  });
  after(async () => {
    if (day) setClock(undefined);
    if (checkDrift && t.db) await assertNoDrift(t);
    await t.teardown?.();
  });
  return t;
}

/** The demo enterprises (as of 23/11/2026) and members: the seed most data-layer tests of the registry start from. */
export async function seedEnterprisesAndMembers(t: TestDb): Promise<void> {
  const [{ seedDemoEnterprises }, { seedDemoMembers }] = await Promise.all([import('@/db/seed/enterprises'), import('@/db/seed/members')]);
  await seedDemoEnterprises(t.db, '2026-11-23');
  await seedDemoMembers(t.db);
}

/** The demo enterprises (as of 23/11/2026) alone. */
export async function seedEnterprises(t: TestDb): Promise<void> {
  const { seedDemoEnterprises } = await import('@/db/seed/enterprises');
  await seedDemoEnterprises(t.db, '2026-11-23');
}

/**
 * A test file's database with the demo records of `day` (seedDemoRecords), the clock held at 09:00
 * of that day in Vietnam; at the end the clock is released and the derived data checked.
 */
export function registerDemoRecordsDb(day: string): TestDb {
  return registerTestDb((t) => seedDemoRecords(t, day), { day, checkDrift: true });
}
