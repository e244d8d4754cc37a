/**
 * `npm run bench`: national-scale synthetic data in a dedicated PostgreSQL database, then the
 * dashboard's server time (the data layer, as a signed-in user) at the national root and at a
 * ward, p50/p95 over repeated runs, each beside the bare SQL that computes the same figures.
 *
 * Needs DATABASE_URL pointing at a local PostgreSQL server; the database hatnhan_bench on it is
 * dropped and recreated (BENCH_KEEP=1 reuses it if it is already generated). Scale defaults to
 * the country: 34 provinces, ~3,300 wards, 200,000 enterprises, 1,000,000 members and 300,000
 * candidates (BENCH_SCALE=0.1 for a tenth).
 */
import postgres from 'postgres';
import { assertLocalDatabaseUrl } from '../../lib/test/local-database';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const DB_NAME = 'hatnhan_bench';

const N = {
  provinces: 34,
  wardsPerProvince: 97, // 3,298 wards
  enterprises: Math.round(200_000 * SCALE),
  members: Math.round(1_000_000 * SCALE),
  candidates: Math.round(300_000 * SCALE),
};

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await fn(); // warm-up (plans, caches)
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: Math.round(pct(times, 50)), p95: Math.round(pct(times, 95)) };
}

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
      if (Number(n) >= N.members) {
        console.log(`[bench] reusing ${DB_NAME} (${n} members)`);
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
  await generate(target.toString());
  return target.toString();
}

/** Set-based generation: a few INSERT … SELECT over generate_series. */
async function generate(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const step = async (label: string, q: () => Promise<unknown>) => {
    const t0 = Date.now();
    await q();
    console.log(`[bench] ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  const W = N.provinces * N.wardsPerProvince;
  await step('units (root, provinces, wards, cells)', async () => {
    await sql`insert into units (id, parent_id, path, kind, name, code) values (1, null, '1', 'province', 'Toàn quốc (bench)', 'BENCH')`;
    await sql`insert into units (id, parent_id, path, kind, name, code)
      select 1 + p, 1, ('1.' || (1 + p))::ltree, 'province', 'Tỉnh ' || p, 'BP' || p from generate_series(1, ${N.provinces}) p`;
    // Wards: ids 1000 + (p-1)*wpp + w, under province 1 + p.
    await sql`insert into units (id, parent_id, path, kind, name, code)
      select 1000 + (p - 1) * ${N.wardsPerProvince} + w, 1 + p, ('1.' || (1 + p) || '.' || (1000 + (p - 1) * ${N.wardsPerProvince} + w))::ltree,
        'ward', 'Phường ' || p || '-' || w, 'BW' || p || '-' || w
      from generate_series(1, ${N.provinces}) p, generate_series(1, ${N.wardsPerProvince}) w`;
    // One enterprise in three has a cell, under its ward: cells are ids 100000 + i.
    await sql`insert into units (id, parent_id, path, kind, name, code)
      select 100000 + i, 1000 + ((i - 1) % ${W}) + 1,
        (select path from units w where w.id = 1000 + ((i - 1) % ${W}) + 1) || (100000 + i)::text::ltree,
        'cell', 'Chi bộ DN ' || i, 'BC' || i
      from generate_series(1, ${Math.round(N.enterprises / 3)}) i`;
    await sql`select setval(pg_get_serial_sequence('units', 'id'), (select max(id) from units))`;
  });
  await step('users', () => sql`insert into users (username, password_hash, full_name, unit_id, role) values
      ('bench.national', 'x', 'Bench national', 1, 'leader'), ('bench.ward', 'x', 'Bench ward', 1001, 'leader')`);
  await step(`enterprises (${N.enterprises})`, () =>
    sql`insert into enterprises (name, search_name, tax_code, type, address, managing_unit_id, workforce, has_trade_union, party_unit_id, foreign_invested)
      select 'Doanh nghiệp ' || i, 'doanh nghiep ' || i, lpad(i::text, 10, '0'),
        (array['private','llc','joint_stock','partnership','cooperative','fdi'])[1 + i % 6], 'Địa chỉ ' || i,
        1000 + ((i - 1) % ${W}) + 1, 10 + (i * 37) % 3000, i % 2 = 0,
        case when i <= ${Math.round(N.enterprises / 3)} then 100000 + i end, i % 6 = 5
      from generate_series(1, ${N.enterprises}) i`,
  );
  const cells = Math.round(N.enterprises / 3);
  await step(`persons and members (${N.members})`, async () => {
    await sql`insert into persons (id, full_name, search_name, birth_date, gender, unit_id)
      select i, 'Đảng viên ' || i, 'dang vien ' || i, date '1970-01-01' + (i % 12000), case when i % 2 = 0 then 'male' else 'female' end, 100000 + ((i - 1) % ${cells}) + 1
      from generate_series(1, ${N.members}) i`;
    await sql`insert into party_members (person_id, cell_unit_id, admitted_cell_unit_id, enterprise_id, occupation, admitted_on, official_on)
      select i, 100000 + ((i - 1) % ${cells}) + 1, 100000 + ((i - 1) % ${cells}) + 1, ((i - 1) % ${cells}) + 1,
        (array['direct_worker','direct_worker','office','manager','owner','other'])[1 + i % 6],
        date '2000-01-01' + (i * 7 % 9800), case when i % 10 = 0 then null else date '2001-01-01' + (i * 7 % 9800) end
      from generate_series(1, ${N.members}) i`;
  });
  await step(`candidates (${N.candidates}) and their referral events`, async () => {
    await sql`insert into persons (id, full_name, search_name, birth_date, gender, unit_id)
      select ${N.members} + i, 'Quần chúng ' || i, 'quan chung ' || i, date '1985-01-01' + (i % 7000), 'female', 100000 + ((i - 1) % ${cells}) + 1
      from generate_series(1, ${N.candidates}) i`;
    await sql`select setval(pg_get_serial_sequence('persons', 'id'), (select max(id) from persons))`;
    await sql`insert into admission_cases (id, person_id, referrer_unit_id, cell_unit_id, decider_unit_id, state, due_on, cell_meeting_on, decision_on)
      select i, ${N.members} + i, 100000 + ((i - 1) % ${cells}) + 1, 100000 + ((i - 1) % ${cells}) + 1,
        (select parent_id from units w where w.id = 1000 + ((((i - 1) % ${cells})) % ${W}) + 1),
        (array['referral_draft','referred','cell_review','committee_review','decision_pending','ceremony_pending','probation','official'])[1 + i % 8],
        date '2026-01-01' + (i % 500), date '2026-01-01' + (i % 300), date '2026-02-01' + (i % 300)
      from generate_series(1, ${N.candidates}) i`;
    await sql`select setval(pg_get_serial_sequence('admission_cases', 'id'), (select max(id) from admission_cases))`;
    await sql`insert into case_events (case_id, round, transition, from_state, to_state, actor_id, actor_unit_id, effective_on)
      select i, 1, 'submit', 'referral_draft', 'referred', (select id from users where username = 'bench.national'), 1, date '2024-01-01' + (i % 1000)
      from generate_series(1, ${N.candidates}) i where i % 8 <> 0`;
    await sql`update admission_cases c set submitted_on = e.effective_on from case_events e where e.case_id = c.id and e.transition = 'submit'`;
  });
  await step('analyze', () => sql`analyze`);
  await sql.end();
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
  const { dashboardStatements, forecastInputs, getDashboard, getOverview, overviewStatements } = await import('../../lib/dal/reports');
  const { yearPeriod } = await import('../../lib/reports/maths');
  const { sql } = await import('drizzle-orm');
  allowScriptIdentities();
  const db = await getDb();
  const users = rowsOf<{ id: number; username: string; sv: number }>(await db.execute(sql`select id, username, session_version as sv from users where username like 'bench.%'`));
  const as = (u: string) => {
    const row = users.find((x) => x.username === u)!;
    return { userId: Number(row.id), sessionVersion: Number(row.sv) };
  };
  const counts = rowsOf<Record<string, number>>(
    await db.execute(sql`select (select count(*)::int from units) as units, (select count(*)::int from units where kind = 'ward') as wards,
      (select count(*)::int from enterprises) as enterprises, (select count(*)::int from party_members) as members, (select count(*)::int from admission_cases) as candidates`),
  )[0];
  console.log(`[bench] data: ${JSON.stringify(counts)}`);
  const period = yearPeriod(2026);

  // The bare SQL: the very statements getDashboard runs (lib/dal/reports.ts dashboardStatements), without the data layer around them.
  const bare = (root: { id: number; path: string }) => async () =>
    Promise.all(Object.values(dashboardStatements(root, period)).map((q) => db.execute(q)));
  // And the overview's (headline counts, charts, forecast), likewise.
  const forecast = await forecastInputs(period);
  const bareOverview = (root: { id: number; path: string }) => async () =>
    Promise.all(Object.values(overviewStatements(root, period, forecast)).flatMap((q) => (q ? [db.execute(q)] : [])));
  const pathOf = async (id: number) => String(rowsOf<{ p: string }>(await db.execute(sql`select path::text as p from units where id = ${id}`))[0].p);

  const report: string[] = [];
  for (const [label, user, rootId] of [
    ['national root', 'bench.national', 1],
    ['a ward', 'bench.ward', 1001],
  ] as const) {
    const dash = await timeIt(RUNS, () => runAs(as(user), () => getDashboard({ period })));
    const over = await timeIt(RUNS, () => runAs(as(user), () => getOverview({ period })));
    const root = { id: rootId, path: await pathOf(rootId) };
    const sqlOnly = await timeIt(RUNS, bare(root));
    const overSql = await timeIt(RUNS, bareOverview(root));
    report.push(
      `| ${label} | ${dash.p50} / ${dash.p95} ms | ${sqlOnly.p50} / ${sqlOnly.p95} ms | ${over.p50} / ${over.p95} ms | ${overSql.p50} / ${overSql.p95} ms |`,
    );
  }
  console.log(
    '\n| scope | figures: getDashboard p50 / p95 | the same statements bare | headline, charts, forecast: getOverview p50 / p95 | the same statements bare |\n|---|---|---|---|---|',
  );
  for (const line of report) console.log(line);
  console.log(`\n[bench] ${RUNS} runs each after a warm-up; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await closeDb();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
