/**
 * Playwright's web server (see playwright.config.ts): a dedicated, freshly seeded database and
 * `next start` on port 3100, on the build `npm run test:e2e` has just made.
 *
 * - DATABASE_URL set: after the local-host guard, database hatnhan_e2e on that server is dropped,
 *   recreated, migrated and seeded as DATABASE_URL's role (the owner), and the server runs as the
 *   restricted application role hatnhan_e2e_app (db/roles.ts), as in production: the startup
 *   check (instrumentation.ts) and every page and action run under it.
 * - Unset: a new PGlite folder .data/e2e-pglite (never the folder of a dev server: PGlite allows
 *   one process per folder).
 *
 * The server reads its time from .data/e2e-clock when that file holds one (real time otherwise).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { assertLocalDatabaseUrl } from '../lib/test/local-database';
import { ensureLoginRole, roleUrl } from '../db/roles';
import { CLOCK_FILE } from './clock';
import { E2E_SMTP_ENV } from './mail';

// E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = process.env.E2E_PORT || '3100';
const E2E_DATABASE = 'hatnhan_e2e';
const APP_ROLE = 'hatnhan_e2e_app';
// Local test servers only (see assertLocalDatabaseUrl); the role is created without privileges.
const APP_PASSWORD = 'hatnhan-e2e-app';
// A fixed secret for test sessions only; never used outside this server.
const AUTH_SECRET = 'e2e-only-secret-b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5';

const root = process.cwd();

/** The environment of the seed script and of the server. */
async function prepareDatabase(): Promise<{ seed: Record<string, string>; server: Record<string, string> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const parsed = assertLocalDatabaseUrl(url);
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`drop database if exists "${E2E_DATABASE}" with (force)`);
      await admin.unsafe(`create database "${E2E_DATABASE}"`);
      await ensureLoginRole(admin, APP_ROLE, APP_PASSWORD);
    } finally {
      await admin.end({ timeout: 5 });
    }
    parsed.pathname = `/${E2E_DATABASE}`;
    const owner = parsed.toString();
    const app = roleUrl(owner, APP_ROLE, APP_PASSWORD);
    console.log(`[e2e] PostgreSQL database ${E2E_DATABASE} on ${parsed.host}; the server runs as ${APP_ROLE}`);
    return {
      seed: { DATABASE_URL: app, DATABASE_OWNER_URL: owner, PGLITE_DIR: '' },
      server: { DATABASE_URL: app, DATABASE_OWNER_URL: '', PGLITE_DIR: '' },
    };
  }
  const dir = path.join(root, '.data', 'e2e-pglite');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  console.log(`[e2e] PGlite in ${path.relative(root, dir)}`);
  // An empty DATABASE_URL (not an absent one) so `next start` cannot take one from .env files.
  const env = { DATABASE_URL: '', PGLITE_DIR: dir };
  return { seed: env, server: env };
}

let child: ChildProcess | undefined;
let stopping = false;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
  return child;
}

function exitCode(code: number | null, signal: NodeJS.Signals | null): number {
  return code ?? (signal ? 128 + (signal === 'SIGKILL' ? 9 : signal === 'SIGINT' ? 2 : 15) : 1);
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    stopping = true;
    if (child && child.exitCode === null) child.kill(signal);
    else process.exit(0);
  });
}

async function main() {
  const dbEnv = await prepareDatabase();
  rmSync(CLOCK_FILE, { force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AUTH_SECRET,
    AUTH_TRUST_HOST: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
    HATNHAN_CLOCK_FILE: CLOCK_FILE,
    // The reminder digest goes to the SMTP server e2e/notifications.spec.ts starts (e2e/mail.ts).
    ...E2E_SMTP_ENV,
  };

  const seed = run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'db/seed/index.ts'], { ...env, ...dbEnv.seed });
  const seeded = await new Promise<number>((resolve) => seed.on('exit', (code, signal) => resolve(exitCode(code, signal))));
  if (stopping) process.exit(0);
  if (seeded !== 0) {
    console.error(`[e2e] migrate + seed failed (exit ${seeded})`);
    process.exit(seeded);
  }

  const next = run(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', PORT], { ...env, ...dbEnv.server });
  next.on('exit', (code, signal) => process.exit(stopping ? 0 : exitCode(code, signal)));
}

main().catch((err) => {
  console.error('[e2e]', err);
  process.exit(1);
});
