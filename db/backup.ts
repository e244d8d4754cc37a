import { execFile } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { chmod, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
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
 *   taken while the portal is stopped: openPglite() locks the folder, so a backup of a folder the
 *   portal has open is refused; restored into an empty folder.
 *
 * `npm run db:backup -- <file>` and `npm run db:restore -- <file>`; `tableChecksums` tells whether
 * two databases hold the same rows.
 */

const run = promisify(execFile);

/** The connection the backup runs as: the owner when there is one. */
function ownerUrl(): string | undefined {
  return process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL || undefined;
}

/**
 * A PostgreSQL program (pg_dump, initdb, …) from Debian's newest versioned bin folder
 * (/usr/lib/postgresql/<n>/bin, the server's major version), else the bare name (found on PATH).
 */
export function postgresProgram(name: string): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const tool = path.join(base, v, 'bin', name);
      if (existsSync(tool)) return tool;
    }
  }
  return name;
}

/** Row count and md5 of every row (as text, sorted) of the table `ident` (a quoted identifier): equal checksums, the same rows. */
export function checksumQuery(ident: string): string {
  return `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from ${ident} t`;
}

/** `url` without its password, and the password (given to pg_dump/pg_restore as PGPASSWORD, never on a command line `ps` shows). */
function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

/** Runs a client tool; its error never carries a password (execFile's message repeats the command line). */
async function runTool(tool: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(postgresProgram(tool), args, { env, maxBuffer: 16 << 20 });
  } catch (err) {
    const stderr = String((err as { stderr?: string }).stderr ?? '').trim();
    const hint =
      tool === 'pg_restore' && /role "[^"]+" does not exist/.test(stderr) ? ' (create the roles the archive grants to first, as in README.md "PostgreSQL in production", then restore again)' : '';
    throw new Error(`${tool} failed: ${stderr.replace(/\/\/[^@/\s]*@/g, '//') || (err as Error).message.split('\n')[0]}${hint}`);
  }
}

/**
 * Writes a pg_dump archive of the database at `url` to `file` (mode 0600: it holds personal data
 * and password hashes), through a temporary file renamed only once pg_dump succeeded, so a failed
 * backup never replaces a good one. Large objects are left out: the portal stores none, and any
 * role may create one the owner then cannot read, which would make every backup fail.
 * Returns the archive's size in bytes.
 */
export async function dumpPostgres(url: string, file: string): Promise<number> {
  const { url: bare, env } = splitPassword(url);
  const partial = `${file}.partial-${process.pid}`;
  const umask = process.umask(0o077);
  try {
    await runTool('pg_dump', ['--format=custom', '--no-blobs', '--file', partial, '--dbname', bare], env);
    await chmod(partial, 0o600);
    await rename(partial, file);
  } finally {
    process.umask(umask);
    await rm(partial, { force: true });
  }
  return (await stat(file)).size;
}

/**
 * Restores a pg_dump archive into the database at `url`, which must hold no table in schema public
 * (create it empty, owned by the role that owned the original, and create the application role
 * first: the archive holds its grants). One transaction: all or nothing.
 */
export async function restorePostgres(url: string, file: string): Promise<void> {
  await stat(file).catch(() => {
    throw new Error(`no such file: ${file}`);
  });
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from pg_tables where schemaname = 'public'`;
    if (n > 0) throw new Error(`refusing to restore: the target database already has ${n} tables (restore into an empty database)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const { url: bare, env } = splitPassword(url);
  await runTool('pg_restore', ['--exit-on-error', '--single-transaction', '--dbname', bare, file], env);
}

/** Writes PGlite's archive (gzipped tar) of an open database to `file`. Returns its size in bytes. */
export async function dumpPglite(pglite: PGlite, file: string): Promise<number> {
  const archive = await pglite.dumpDataDir('gzip');
  const bytes = Buffer.from(await archive.arrayBuffer());
  const partial = `${file}.partial-${process.pid}`;
  await writeFile(partial, bytes, { mode: 0o600 });
  await rename(partial, file);
  return bytes.length;
}

/** Opens a PGlite database restored from an archive of dumpPglite() into `dataDir` (empty, or memory://). */
export async function loadPglite(file: string, dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith('memory://') && existsSync(dataDir) && readdirSync(dataDir).length > 0) throw new Error(`refusing to restore: ${dataDir} is not empty (restore into a new folder)`);
  const archive = await readFile(file).catch(() => {
    throw new Error(`no such file: ${file}`);
  });
  try {
    return await openPglite(dataDir, { loadDataDir: new Blob([archive]) });
  } catch (err) {
    // Leave no half-restored folder behind.
    if (!dataDir.startsWith('memory://')) rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${file} is not a PGlite archive this version can open (${err instanceof Error ? err.message : err})`);
  }
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
    const [row] = await query(checksumQuery(String(t.ident)));
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
