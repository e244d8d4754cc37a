import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { openPglite, pgliteDir } from './index';

/**
 * Backup and restore (issue 12), one command for each database:
 *
 * - PostgreSQL: `pg_dump --format=custom` of the database (schema, data, owners and grants), as
 *   the owner (DATABASE_OWNER_URL, else DATABASE_URL); restored with `pg_restore` in one
 *   transaction into an empty database, so a failed restore leaves nothing half-written.
 * - PGlite: PGlite's own archive of the data folder (`dumpDataDir`, a gzipped tar) of PGLITE_DIR,
 *   taken while the portal is stopped (one process per folder); restored into an empty folder.
 *
 * `npm run db:backup -- <file>` and `npm run db:restore -- <file>`; `tableChecksums` tells whether
 * two databases hold the same rows.
 */

const run = promisify(execFile);

/** The connection the backup runs as: the owner when there is one. */
function ownerUrl(): string | undefined {
  return process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL || undefined;
}

/** Debian's versioned client first (the server's major version), then PATH. */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const tool = path.join(base, v, 'bin', name);
      if (existsSync(tool)) return tool;
    }
  }
  return name;
}

/** Writes a pg_dump archive of the database at `url` to `file`. Returns its size in bytes. */
export async function dumpPostgres(url: string, file: string): Promise<number> {
  await run(pgTool('pg_dump'), ['--format=custom', '--file', file, '--dbname', url], { maxBuffer: 16 << 20 });
  return (await stat(file)).size;
}

/**
 * Restores a pg_dump archive into the database at `url`, which must hold no table in schema public
 * (create it empty, owned by the role that owned the original). One transaction: all or nothing.
 */
export async function restorePostgres(url: string, file: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from pg_tables where schemaname = 'public'`;
    if (n > 0) throw new Error(`refusing to restore: the target database already has ${n} tables (restore into an empty database)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  await run(pgTool('pg_restore'), ['--exit-on-error', '--single-transaction', '--dbname', url, file], { maxBuffer: 16 << 20 });
}

/** Writes PGlite's archive (gzipped tar) of an open database to `file`. Returns its size in bytes. */
export async function dumpPglite(pglite: PGlite, file: string): Promise<number> {
  const archive = await pglite.dumpDataDir('gzip');
  const bytes = Buffer.from(await archive.arrayBuffer());
  await writeFile(file, bytes);
  return bytes.length;
}

/** Opens a PGlite database restored from an archive of dumpPglite() into `dataDir` (empty, or memory://). */
export async function loadPglite(file: string, dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith('memory://') && existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new Error(`refusing to restore: ${dataDir} is not empty (restore into a new folder)`);
  return openPglite(dataDir, { loadDataDir: new Blob([await readFile(file)]) });
}

type Query = (text: string) => Promise<Record<string, unknown>[]>;

/**
 * Row count and md5 of every row (as text, sorted) of every table in schema public and of the
 * migrations journal: equal checksums mean the same rows. Reads whole tables: for tests and
 * checks after a restore, not for a busy server.
 */
export async function tableChecksums(query: Query): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await query(
    `select schemaname || '.' || tablename as name, quote_ident(schemaname) || '.' || quote_ident(tablename) as ident
     from pg_tables where schemaname in ('public', 'drizzle') order by 1`,
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const t of tables) {
    const [row] = await query(`select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from ${t.ident} t`);
    out[String(t.name)] = { rows: Number(row.rows), md5: String(row.md5) };
  }
  return out;
}

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !file) {
    console.error('usage: npm run db:backup -- <file> | npm run db:restore -- <file>');
    process.exit(2);
  }
  const url = ownerUrl();
  const started = Date.now();
  if (url) {
    if (command === 'backup') console.log(`pg_dump archive written to ${file} (${await dumpPostgres(url, file)} bytes)`);
    else {
      await restorePostgres(url, file);
      console.log(`restored ${file} into ${new URL(url).pathname.slice(1)}`);
    }
  } else {
    const dir = pgliteDir();
    if (command === 'backup') {
      if (!existsSync(dir)) throw new Error(`no PGlite database in ${dir}`);
      const pglite = await openPglite(dir);
      try {
        console.log(`PGlite archive of ${dir} written to ${file} (${await dumpPglite(pglite, file)} bytes)`);
      } finally {
        await pglite.close();
      }
    } else {
      const pglite = await loadPglite(file, dir);
      await pglite.close();
      console.log(`restored ${file} into ${dir}`);
    }
  }
  console.log(`in ${Date.now() - started} ms`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
