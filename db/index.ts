import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/postgres-js';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import * as schema from './schema';

/**
 * One database client per process, kept on globalThis (Next's dev server reloads modules;
 * PGlite must never be opened twice on the same folder, nor by two processes).
 *
 * DATABASE_URL set: PostgreSQL through postgres.js. Unset: PGlite in PGLITE_DIR
 * (default .data/pglite; "memory://" for an in-memory database in tests).
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

type Holder = {
  db?: Db;
  driver?: 'postgres' | 'pglite';
  pglite?: PGlite;
  sql?: postgres.Sql;
  opening?: Promise<Db>;
  observer?: QueryObserver;
};

/** Sees every statement the process sends through Drizzle (the bench records them to replay them bare). */
export type QueryObserver = (query: string, params: unknown[]) => void;
const holder: Holder = ((globalThis as { __hatNhanDb?: Holder }).__hatNhanDb ??= {});

export function pgliteDir(): string {
  return process.env.PGLITE_DIR || path.join(process.cwd(), '.data', 'pglite');
}

/** Opens PGlite on `dataDir` with the extensions the migrations use; `loadDataDir` restores a dumpDataDir() archive into an empty folder. */
export async function openPglite(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { ltree } = await import('@electric-sql/pglite/contrib/ltree');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  if (dataDir.startsWith('memory://')) return PGlite.create(dataDir, { extensions: { ltree, pg_trgm, unaccent }, loadDataDir: options.loadDataDir });
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const release = await lockPgliteDir(dataDir);
  try {
    const pglite = await PGlite.create(dataDir, { extensions: { ltree, pg_trgm, unaccent }, loadDataDir: options.loadDataDir });
    const close = pglite.close.bind(pglite);
    // Closing the database releases the folder.
    pglite.close = async () => {
      try {
        await close();
      } finally {
        await release().catch(() => {});
      }
    };
    return pglite;
  } catch (err) {
    await release().catch(() => {});
    throw err;
  }
}

/**
 * PGlite allows one process per folder, and does not enforce it: a second process (a dev server
 * beside the portal, a backup of a folder in use) corrupts the database. A lock held beside the
 * folder (`<folder>.lock`, proper-lockfile: refreshed every 5 s, taken over when a crashed holder
 * left it 15 s unrefreshed) makes the second opener wait a little, then fail with a clear message.
 */
async function lockPgliteDir(dataDir: string): Promise<() => Promise<void>> {
  const lockfile = await import('proper-lockfile');
  try {
    return await lockfile.lock(dataDir, {
      realpath: false,
      stale: 15_000,
      update: 5_000,
      retries: { retries: 8, minTimeout: 500, maxTimeout: 3_000 },
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'ELOCKED')
      throw new Error(`The PGlite folder ${dataDir} is open in another process (the portal, a dev server or a script); PGlite allows one process per folder: stop it first.`);
    throw err;
  }
}

/** Observe (or stop observing, with undefined) every statement sent through Drizzle. */
export function observeQueries(observer: QueryObserver | undefined): void {
  holder.observer = observer;
}

const logger = { logQuery: (query: string, params: unknown[]) => holder.observer?.(query, params) };

/**
 * Session settings for every PostgreSQL connection. The data layer's statements are sent
 * unnamed, so each is planned with its own values (a cell's subtree through an index, the whole
 * country in page order); the few named ones (the session's account) may keep a generic plan.
 * JIT compilation costs more than it saves on queries that read a page. A dashboard groups the
 * tallies of a whole country's units (70,000 rows) by the root's children: with the default
 * 4 MB that spills to disk; 32 MB lets it be hashed in memory.
 */
export const CONNECTION_SETTINGS = { jit: 'off', work_mem: '32MB' } as const;

async function open(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const sql = postgres(url, {
      max: Number(process.env.DATABASE_POOL_MAX ?? 10),
      onnotice: () => {},
      connection: CONNECTION_SETTINGS,
    });
    holder.sql = sql;
    holder.driver = 'postgres';
    return drizzlePg(sql, { schema, logger });
  }
  const pglite = await openPglite(pgliteDir());
  holder.pglite = pglite;
  holder.driver = 'pglite';
  return drizzlePglite(pglite, { schema, logger }) as unknown as Db;
}

export async function getDb(): Promise<Db> {
  if (holder.db) return holder.db;
  holder.opening ??= open().then((db) => (holder.db = db));
  return holder.opening;
}

export function dbDriver(): 'postgres' | 'pglite' | undefined {
  return holder.driver;
}

/** The open PGlite instance (backups), undefined on PostgreSQL or before getDb(). */
export function openedPglite(): PGlite | undefined {
  return holder.pglite;
}

/** Close the process's client (scripts and tests; Node does not exit while PGlite is open). */
export async function closeDb(): Promise<void> {
  const { pglite, sql } = holder;
  holder.db = holder.opening = holder.pglite = holder.sql = holder.driver = undefined;
  if (pglite) await pglite.close();
  if (sql) await sql.end({ timeout: 5 });
}

/** `db.execute()` answers `{ rows }` on PGlite and an array on postgres.js. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** A list in batches of `size` (500 rows keep an insert well under the bind-parameter limit). */
export function chunks<T>(list: T[], size = 500): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
}

/** Reserve `n` ids of a serial column's sequence (so batches can reference each other). */
export async function reserveIds(tx: Pick<Tx, 'execute'>, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = rowsOf<{ id: number }>(await tx.execute(sql`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${n})`));
  return rows.map((r) => Number(r.id));
}
