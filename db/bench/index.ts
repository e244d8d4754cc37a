/**
 * `npm run bench`: national-scale synthetic data in a dedicated PostgreSQL database (see
 * generate.ts), then, at the national root, a province, a district, a ward and a cell, p50/p95 of
 * every list, inbox, picker, search and dashboard call of the data layer (as a signed-in user)
 * beside the very statements it sent replayed bare; then approvals per second with 50
 * concurrent leaders, with lost and duplicated transitions counted; then the JavaScript each page
 * sends (gzip), from a production build (js-size.ts).
 *
 * Needs DATABASE_URL pointing at a local PostgreSQL server; the database hatnhan_bench on it is
 * dropped and recreated (BENCH_KEEP=1 reuses it when it holds the generated data; the approvals
 * use up some pending cases). BENCH_SCALE=0.1 for a tenth; BENCH_RUNS (15) runs after a warm-up;
 * BENCH_ONLY=<regex> times only the calls whose name matches; BENCH_SCOPES=national,ward picks
 * scopes; BENCH_APPROVALS=0 and BENCH_JS=0 skip those parts.
 */
import os from 'node:os';
import postgres from 'postgres';
import { assertLocalDatabaseUrl } from '../../lib/test/local-database';
import { today } from '../../lib/clock';
import { benchSize, generate, IDS } from './generate';
import { fmt, record, replay, timeIt, type Timing } from './measure';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const DB_NAME = 'hatnhan_bench';
const size = benchSize(SCALE);

const SCOPES = [
  { key: 'national', label: 'national root', unitId: IDS.root },
  { key: 'province', label: 'a province', unitId: IDS.province(1) },
  { key: 'district', label: 'a district', unitId: IDS.district(1, 1, size.districtsPerProvince) },
  { key: 'ward', label: 'a ward', unitId: IDS.ward(1, 1, size.wardsPerDistrict) },
  { key: 'cell', label: 'a cell', unitId: IDS.cell(1) },
] as const;

const GOALS = { list: { p95: 50, ratio: 1.5 }, dashboard: { p95: 200, wardP95: 30 } };

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const log = (m: string) => console.log(`[bench] ${m}`);

async function prepare(serverUrl: string): Promise<string> {
  const server = assertLocalDatabaseUrl(serverUrl);
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
  const target = new URL(server.toString());
  target.pathname = `/${DB_NAME}`;
  try {
    const exists = (await admin`select 1 from pg_database where datname = ${DB_NAME}`).length > 0;
    if (exists && process.env.BENCH_KEEP === '1') {
      const db = postgres(target.toString(), { max: 1, onnotice: () => {} });
      const [{ n }] = await db`select count(*)::int as n from party_members`.catch(() => [{ n: 0 }]);
      await db.end();
      if (Number(n) >= size.members) {
        log(`reusing ${DB_NAME} (${n} members); applying any new migrations`);
        process.env.DATABASE_URL = target.toString();
        const { getDb, closeDb } = await import('../index');
        const { runMigrations } = await import('../migrate');
        await runMigrations(await getDb());
        await closeDb();
        return target.toString();
      }
    }
    await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
    await admin.unsafe(`create database "${DB_NAME}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  process.env.DATABASE_URL = target.toString();
  const { getDb, closeDb } = await import('../index');
  const { runMigrations } = await import('../migrate');
  const { seedReference } = await import('../seed/reference');
  await runMigrations(await getDb());
  await seedReference(await getDb());
  await closeDb();
  const sql = postgres(target.toString(), { max: 1, onnotice: () => {} });
  try {
    const t0 = Date.now();
    await generate(sql, size, today(), log);
    log(`generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  return target.toString();
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('npm run bench needs DATABASE_URL pointing at a local PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/postgres).');
    process.exit(2);
  }
  const started = Date.now();
  const benchUrl = await prepare(url);
  process.env.DATABASE_URL = benchUrl;
  const { getDb, closeDb, rowsOf } = await import('../index');
  const { allowScriptIdentities, runAs } = await import('../../lib/dal/session');
  const { CALLS } = await import('./calls');
  const { sql } = await import('drizzle-orm');
  allowScriptIdentities();
  const db = await getDb();
  const { CONNECTION_SETTINGS } = await import('../index');
  // The same connection settings as the portal's: the statements bare, not in another environment.
  const raw = postgres(benchUrl, { max: Number(process.env.DATABASE_POOL_MAX ?? 10), onnotice: () => {}, connection: CONNECTION_SETTINGS });

  const counts = rowsOf<Record<string, number>>(
    await db.execute(sql`select (select count(*)::int from units) as units, (select count(*)::int from units where kind = 'cell') as cells,
      (select count(*)::int from units where kind = 'ward') as wards, (select count(*)::int from units where kind = 'district') as districts,
      (select count(*)::int from enterprises) as enterprises, (select count(*)::int from party_members) as members,
      (select count(*)::int from admission_cases) as cases, (select count(*)::int from case_events) as events,
      (select count(*)::int from case_documents) as documents, (select count(*)::int from audit_log) as audit, (select count(*)::int from users) as users,
      (select round(100.0 * count(*) filter (where search_name like '%nguyen van%') / count(*), 1) from persons) as "nguyenVanPercent"`),
  )[0];
  log(`data: ${JSON.stringify(counts)}`);
  log(`load average at start: ${load()} (${os.cpus().length} cores)`);

  const users = rowsOf<{ id: number; username: string; sv: number }>(await db.execute(sql`select id, username, session_version as sv from users where username like 'bench.%'`));
  const as = (username: string) => {
    const row = users.find((x) => x.username === username);
    if (!row) throw new Error(`no bench user ${username}`);
    return { userId: Number(row.id), sessionVersion: Number(row.sv) };
  };

  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
  const scopeKeys = process.env.BENCH_SCOPES?.split(',');
  const scopes = SCOPES.filter((s) => !scopeKeys || scopeKeys.includes(s.key));
  const lines: string[] = [];
  const misses: string[] = [];
  for (const call of CALLS.filter((c) => !only || only.test(c.name))) {
    for (const scope of scopes.filter((s) => !call.scopes || call.scopes.includes(s.key))) {
      const username = `bench.${scope.key}${call.as === 'admin' ? '.admin' : ''}`;
      const prepared = call.prepare ? await runAs(as(username), () => call.prepare!({ unitId: scope.unitId })) : undefined;
      const run = () => runAs(as(username), () => call.run({ unitId: scope.unitId }, prepared as never));
      let dal: Timing;
      let bare: Timing;
      try {
        dal = await timeIt(RUNS, run);
        const { waves } = await record(run);
        bare = await timeIt(RUNS, replay(raw, waves));
      } catch (err) {
        lines.push(`| ${call.name} | ${scope.label} | error: ${(err as Error).message.split('\n')[0]} | | | |`);
        continue;
      }
      const ratio = bare.p95 > 0 ? dal.p95 / bare.p95 : 1;
      const goal =
        call.goal === 'list' ? `≤ ${GOALS.list.p95} ms, ≤ ${GOALS.list.ratio}×` : scope.key === 'ward' || scope.key === 'cell' ? `≤ ${GOALS.dashboard.wardP95} ms` : `≤ ${GOALS.dashboard.p95} ms`;
      const limit = call.goal === 'list' ? GOALS.list.p95 : scope.key === 'ward' || scope.key === 'cell' ? GOALS.dashboard.wardP95 : GOALS.dashboard.p95;
      const met = dal.p95 <= limit && (call.goal !== 'list' || ratio <= GOALS.list.ratio || dal.p95 - bare.p95 < 2);
      if (!met) misses.push(`${call.name} @ ${scope.label}: ${fmt(dal)} ms (bare ${fmt(bare)})`);
      const line = `| ${call.name} | ${scope.label} | ${fmt(dal)} | ${fmt(bare)} | ${ratio.toFixed(2)} | ${goal} ${met ? '✓' : '✗'} |`;
      lines.push(line);
      console.log(line);
    }
  }
  console.log(`\n## Data-layer calls (ms, p50 / p95 of ${RUNS} runs after a warm-up; calls over 2 s: 3 runs)\n`);
  console.log('| call | scope | data layer | same statements bare | p95 ratio | goal |\n|---|---|---|---|---|---|');
  for (const line of lines) console.log(line);
  console.log(`\n${misses.length} of ${lines.length} over their goal${misses.length ? ':\n- ' + misses.join('\n- ') : ''}`);
  log(`load average after the calls: ${load()}`);

  if (process.env.BENCH_APPROVALS !== '0') {
    const { benchApprovals } = await import('./approvals');
    const a = await benchApprovals();
    console.log(`\n## Approvals with ${a.leaders} concurrent leaders (goal ≥ 300 transitions/s, 0 lost, 0 duplicated)\n`);
    console.log(`- ${a.done} of ${a.attempted} transitions in ${a.seconds} s: **${a.perSecond} transitions/s**; ${a.failed} refused${a.errors.length ? ` (${a.errors.join('; ')})` : ''}`);
    console.log(`- race, two sessions per case on ${a.race.cases} cases: ${a.race.done} done, ${a.race.refused} refused as already handled, ${a.race.lost} lost, ${a.race.duplicated} duplicated`);
    log(`load average after the approvals: ${load()}`);
  }
  await raw.end({ timeout: 5 });
  await closeDb();

  if (process.env.BENCH_JS !== '0') {
    const { measurePageJs } = await import('./js-size');
    await measurePageJs();
  }
  log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
