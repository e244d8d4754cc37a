/**
 * National-scale synthetic data for `npm run bench`, generated set-based in PostgreSQL (a few
 * INSERT … SELECT over generate_series; deterministic: the same scale gives the same data).
 *
 * The tree: a national root; 34 provinces; in each, 10 district-level committees of 10 wards,
 * and a bloc committee of 20 grassroots committees. 66,667 cells: most under wards (a quarter of
 * those are residential cells without an enterprise), some directly under a district, under a
 * bloc's grassroots committee, or directly under the bloc. Every enterprise cell looks after a
 * trade-union branch, every fifth a youth-union branch. 200,000 enterprises (a third with a
 * cell), 1,000,000 registered members with realistic names, 300,000 admission cases in every
 * state with the timeline (about 2M events, one audit row each) and the documents each step
 * needs (and those the next step needs, so a leader can take it), the members those cases made,
 * a leader for every committee and cell and an officer for every union branch, classes and
 * enrolments, a year of ratings, founding proposals, meetings and surveys.
 *
 * Triggers (foreign keys, the audit log's append-only guard and the derived data the portal
 * keeps) are off while the rows go in (session_replication_role = replica); the derived data is
 * then rebuilt in one pass where the schema has it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type postgres from 'postgres';
import { TRANSITION_SPECS, type TransitionName } from '../../lib/admission/workflow';
import type { CaseRole, DocumentKind, State } from '../../lib/admission/states';
import { ENTERPRISE_BRANDS, ENTERPRISE_PREFIXES, ENTERPRISE_SECTORS, expand, FEMALE_GIVEN, FEMALE_MIDDLE, MALE_GIVEN, MALE_MIDDLE, SECOND_ELEMENT, SURNAMES, withKeys } from './names';

export type BenchSize = {
  provinces: number;
  districtsPerProvince: number;
  wardsPerDistrict: number;
  grassrootsPerBloc: number;
  cells: number;
  enterprises: number;
  members: number;
  candidates: number;
};

export function benchSize(scale: number): BenchSize {
  return {
    provinces: 34,
    districtsPerProvince: 10,
    wardsPerDistrict: 10,
    grassrootsPerBloc: 20,
    cells: Math.round((200_000 * scale) / 3),
    enterprises: Math.round(200_000 * scale),
    members: Math.round(1_000_000 * scale),
    candidates: Math.round(300_000 * scale),
  };
}

/** Unit ids by level, so every table can name its units by formula. */
export const IDS = {
  root: 1,
  province: (p: number) => 1 + p,
  district: (p: number, d: number, D: number) => 100 + (p - 1) * D + d,
  bloc: (p: number) => 500 + p,
  grassroots: (p: number, g: number, G: number) => 600 + (p - 1) * G + g,
  ward: (districtIndex: number, w: number, W: number) => 2000 + (districtIndex - 1) * W + w,
  cell: (c: number) => 100_000 + c,
  union: (c: number) => 200_000 + c,
  youth: (c: number) => 300_000 + c,
  /** The bench's own accounts (leaders and admins at each scope the bench reports). */
  benchUser: 900_000,
};

// ------------------------------------------------------------------ the case timelines

const FORWARD: TransitionName[] = [
  'submit',
  'accept',
  'cellResolve',
  'committeeEndorse',
  'decide',
  'recordCeremony',
  'openRecognition',
  'cellResolveRecognition',
  'committeeEndorseRecognition',
  'decideRecognition',
];

/** Day of each step after the case's base date (recognition counts from the ceremony a year on). */
const DAY: Record<TransitionName, number> = {
  submit: 0,
  accept: 7,
  return: 10,
  reject: 35,
  cellResolve: 30,
  committeeEndorse: 50,
  decide: 80,
  recordCeremony: 100,
  openRecognition: 100 + 366,
  cellResolveRecognition: 100 + 380,
  committeeEndorseRecognition: 100 + 395,
  decideRecognition: 100 + 410,
};

/** States a case may be in, with its share (per mille) of the bench's cases. */
export const STATE_SHARES: [State, number][] = [
  ['referral_draft', 50],
  ['referred', 50],
  ['cell_review', 70],
  ['committee_review', 60],
  ['decision_pending', 60],
  ['ceremony_pending', 50],
  ['probation', 180],
  ['recognition_cell_review', 20],
  ['recognition_committee_review', 20],
  ['recognition_decision_pending', 20],
  ['official', 340],
  ['removed', 10],
  ['rejected', 70],
];

type Step = { seq: number; transition: TransitionName; from: State; to: State; actor: CaseRole; day: number; round: number };

/** The steps that bring a case to `state` (with or without a committee, with or without one return for revision). */
export function stepsTo(state: State, hasCommittee: boolean, returned: boolean): Step[] | null {
  const steps: Step[] = [];
  let at: State = 'referral_draft';
  let round = 1;
  const push = (transition: TransitionName, to: State, actor: CaseRole, day: number) => {
    steps.push({ seq: steps.length + 1, transition, from: at, to, actor, day, round });
    at = to;
  };
  if (returned && state !== 'referral_draft') {
    push('submit', 'referred', 'referrer', -20);
    push('return', 'referral_draft', 'cell', -15);
    round = 2;
  }
  if (state === 'rejected') {
    push('submit', 'referred', 'referrer', DAY.submit);
    push('accept', 'cell_review', 'cell', DAY.accept);
    push('reject', 'rejected', 'cell', DAY.reject);
    return steps;
  }
  for (const t of FORWARD) {
    if (at === state) return steps;
    if ((t === 'committeeEndorse' || t === 'committeeEndorseRecognition') && !hasCommittee) continue;
    const spec = TRANSITION_SPECS[t as Exclude<TransitionName, 'return'>];
    if (!spec.from.includes(at)) return null;
    const to = spec.to({ state: at, hasCommittee, proposesRemoval: state === 'removed' });
    push(t, to, spec.actor, DAY[t]);
  }
  return at === state ? steps : null;
}

/** The documents a case in `state` holds: those of every step taken, and those its next step needs. */
export function documentsAt(state: State, hasCommittee: boolean, steps: Step[]): { kind: DocumentKind; day: number; actor: CaseRole }[] {
  const docs = steps.flatMap((s) =>
    s.transition === 'return' || s.transition === 'reject'
      ? []
      : (TRANSITION_SPECS[s.transition as Exclude<TransitionName, 'return'>].documents ?? []).map((kind) => ({ kind, day: s.day - 2, actor: s.actor })),
  );
  const next = FORWARD.map((t) => ({ t, spec: TRANSITION_SPECS[t as Exclude<TransitionName, 'return'>] })).find(
    ({ t, spec }) => spec.from.includes(state) && !((t === 'committeeEndorse' || t === 'committeeEndorseRecognition') && !hasCommittee),
  );
  const last = steps.length ? steps[steps.length - 1].day : 0;
  for (const kind of next?.spec.documents ?? []) if (!docs.some((d) => d.kind === kind)) docs.push({ kind, day: last + 3, actor: next!.spec.actor });
  // A kind attached twice (a resubmission after a return) is kept once: the list shows the paper, not each upload.
  return docs.filter((d, i) => docs.findIndex((x) => x.kind === d.kind) === i);
}

/** How far back a case in `state` may have started (days before its last step), so every date stays in the past and coherent. */
function spreadOf(state: State): number {
  if (state === 'probation') return 300; // the ceremony within the last year
  if (state.startsWith('recognition_')) return 20;
  if (state === 'official' || state === 'removed') return 2000;
  if (state === 'rejected') return 1500;
  return 120;
}

// ------------------------------------------------------------------ generation

export async function generate(sql: postgres.Sql, size: BenchSize, today: string, log: (m: string) => void): Promise<void> {
  const step = async (label: string, q: () => Promise<unknown>) => {
    const t0 = Date.now();
    await q();
    log(`${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  const { provinces: P, districtsPerProvince: D, wardsPerDistrict: W, grassrootsPerBloc: G, cells: NC, enterprises: NE, members: NM, candidates: NK } = size;
  const NDIST = P * D;
  const NWARD = NDIST * W;
  const NGR = P * G;
  // Cells by parent: wards, then directly under districts, under the blocs' grassroots committees, directly under blocs.
  const nA = Math.round(NC * 0.847);
  const nB = Math.round(NC * 0.051);
  const nC = Math.round(NC * 0.051);

  await sql`set session_replication_role = replica`;
  await sql`create or replace function bench_r(i bigint, salt int) returns int language sql immutable as $$ select (hashint8(i * 1000003 + salt)::bigint & 2147483647)::int $$`;

  const surnames = withKeys(expand(SURNAMES, 1000));
  const maleMid = withKeys(expand(MALE_MIDDLE, 100));
  const femaleMid = withKeys(expand(FEMALE_MIDDLE, 100));
  const maleGiven = withKeys(MALE_GIVEN);
  const femaleGiven = withKeys(FEMALE_GIVEN);
  const second = withKeys(SECOND_ELEMENT);
  const entPrefix = withKeys(ENTERPRISE_PREFIXES);
  const entSector = withKeys(ENTERPRISE_SECTORS);
  const brands = withKeys(ENTERPRISE_BRANDS);

  await step('units: root, provinces, districts, blocs, grassroots committees, wards', async () => {
    await sql`insert into units (id, parent_id, path, kind, name, code) values (1, null, '1', 'national', 'Ban Tổ chức Trung ương (bench)', 'BENCH')`;
    await sql`insert into units (id, parent_id, path, kind, name, code)
      select 1 + p, 1, ('1.' || (1 + p))::ltree, 'province', 'Tỉnh ủy ' || (${brands.names}::text[])[1 + p % 30] || ' ' || p, 'BP' || p
      from generate_series(1, ${P}) p`;
    await sql`insert into units (id, parent_id, path, kind, name, code)
      select 100 + (p - 1) * ${D} + d, 1 + p, ('1.' || (1 + p) || '.' || (100 + (p - 1) * ${D} + d))::ltree, 'district',
        'Huyện ủy ' || (${brands.names}::text[])[1 + (p * 7 + d) % 30] || ' ' || p || '-' || d, 'BD' || p || '-' || d
      from generate_series(1, ${P}) p, generate_series(1, ${D}) d`;
    await sql`insert into units (id, parent_id, path, kind, name, code)
      select 500 + p, 1 + p, ('1.' || (1 + p) || '.' || (500 + p))::ltree, 'bloc', 'Đảng ủy Khối Doanh nghiệp tỉnh ' || p, 'BB' || p
      from generate_series(1, ${P}) p`;
    await sql`insert into units (id, parent_id, path, kind, name, code)
      select 600 + (p - 1) * ${G} + g, 500 + p, ('1.' || (1 + p) || '.' || (500 + p) || '.' || (600 + (p - 1) * ${G} + g))::ltree, 'grassroots',
        'Đảng ủy Công ty ' || (${brands.names}::text[])[1 + (p + g) % 30] || ' ' || p || '-' || g, 'BG' || p || '-' || g
      from generate_series(1, ${P}) p, generate_series(1, ${G}) g`;
    await sql`insert into units (id, parent_id, path, kind, name, code)
      select 2000 + (di - 1) * ${W} + w, 100 + di, d.path || (2000 + (di - 1) * ${W} + w)::text::ltree, 'ward',
        'Đảng ủy Phường ' || (${brands.names}::text[])[1 + (di * 3 + w) % 30] || ' ' || di || '-' || w, 'BW' || di || '-' || w
      from generate_series(1, ${NDIST}) di join units d on d.id = 100 + di, generate_series(1, ${W}) w`;
  });

  await step(`cells (${NC}) with their trade-union and youth-union branches`, async () => {
    await sql`drop table if exists bench_cells`;
    await sql`create table bench_cells as
      select c, 100000 + c as id,
        case when c <= ${nA} then 'ward' when c <= ${nA + nB} then 'district' when c <= ${nA + nB + nC} then 'grassroots' else 'bloc' end as parent_kind,
        case when c <= ${nA} then 2001 + (c - 1) % ${NWARD}
             when c <= ${nA + nB} then 101 + (c - 1) % ${NDIST}
             when c <= ${nA + nB + nC} then 601 + (c - 1) % ${NGR}
             else 501 + (c - 1) % ${P} end as parent_id,
        (c <= ${nA} and c % 4 = 0) as residential,
        null::int as committee_id, null::int as decider_id
      from generate_series(1, ${NC}) c`;
    await sql`update bench_cells b set committee_id = case when parent_kind in ('ward', 'grassroots') then parent_id end,
      decider_id = case when parent_kind in ('ward', 'grassroots') then (select u.parent_id from units u where u.id = b.parent_id) else parent_id end`;
    await sql`create unique index on bench_cells (c)`;
    await sql`analyze bench_cells`;
    // An enterprise's name is a function of its number, so its cell can carry it (the pools inlined: a function body takes no parameters).
    const lit = (a: string[]) => `array[${a.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;
    const pick = (pool: { names: string[]; keys: string[] }, which: 'names' | 'keys', index: string) => `(${lit(pool[which])})[1 + (${index}) % ${pool.names.length}]`;
    const nameOf = (which: 'names' | 'keys') => [pick(entPrefix, which, 'e'), pick(entSector, which, 'e / 7'), pick(brands, which, 'e / 3'), pick(brands, which, 'e / 11')].join(` || ' ' || `);
    await sql.unsafe(`create or replace function bench_ent_name(e int, key boolean) returns text language sql immutable as $$
      select case when key then ${nameOf('keys')} else ${nameOf('names')} end $$`);
    await sql`insert into units (id, parent_id, path, kind, name, code)
      select b.id, b.parent_id, p.path || b.id::text::ltree, 'cell',
        case when b.residential then 'Chi bộ Khu phố ' || (b.c % 50) || ', ' || substr(p.name, 9) else 'Chi bộ ' || bench_ent_name(b.c, false) end,
        'BC' || b.c
      from bench_cells b join units p on p.id = b.parent_id`;
    await sql`insert into units (id, parent_id, path, kind, name, code)
      select 200000 + b.c, b.id, u.path || (200000 + b.c)::text::ltree, 'union_branch', 'Công đoàn cơ sở ' || bench_ent_name(b.c, false), 'BU' || b.c
      from bench_cells b join units u on u.id = b.id where not b.residential`;
    await sql`insert into units (id, parent_id, path, kind, name, code)
      select 300000 + b.c, b.id, u.path || (300000 + b.c)::text::ltree, 'youth_branch', 'Chi đoàn ' || bench_ent_name(b.c, false), 'BY' || b.c
      from bench_cells b join units u on u.id = b.id where not b.residential and b.c % 5 = 0`;
  });

  await step('users: a leader for every committee and cell, an officer for every union branch, the bench accounts', async () => {
    await sql`insert into users (id, username, password_hash, full_name, unit_id, role)
      select u.id, 'l' || u.id, 'x', 'Lãnh đạo ' || u.name, u.id, case when u.kind in ('union_branch', 'youth_branch') then 'officer' else 'leader' end
      from units u`;
    const at = [
      ['national', IDS.root],
      ['province', IDS.province(1)],
      ['district', IDS.district(1, 1, D)],
      ['bloc', IDS.bloc(1)],
      ['ward', IDS.ward(1, 1, W)],
      ['cell', IDS.cell(1)],
    ] as const;
    let id = IDS.benchUser;
    for (const [label, unitId] of at) {
      for (const role of ['leader', 'admin'] as const) {
        await sql`insert into users (id, username, password_hash, full_name, unit_id, role) values (${++id}, ${`bench.${label}${role === 'admin' ? '.admin' : ''}`}, 'x', ${`Bench ${label} ${role}`}, ${unitId}, ${role})`;
      }
    }
  });

  await step(
    `enterprises (${NE})`,
    () =>
      sql`insert into enterprises (id, name, search_name, tax_code, type, foreign_invested, address, managing_unit_id, zone, workforce,
        has_trade_union, trade_union_unit_id, has_youth_union, youth_union_unit_id, owner_name, owner_is_member, party_unit_id, status)
      select e, bench_ent_name(e, false), bench_ent_name(e, true), lpad(e::text, 10, '0'),
        (array['private','llc','joint_stock','partnership','cooperative','fdi'])[1 + bench_r(e, 11) % 6], bench_r(e, 11) % 6 = 5,
        'Số ' || (1 + e % 300) || ' đường ' || (${brands.names}::text[])[1 + e % 30],
        coalesce(b.parent_id, case when e % 10 = 0 then 101 + e % ${NDIST} else 2001 + e % ${NWARD} end),
        case when bench_r(e, 12) % 10 < 3 then 'KCN ' || (${brands.names}::text[])[1 + (e / 13) % 30] end,
        10 + bench_r(e, 13) % 3000,
        b.c is not null or bench_r(e, 14) % 10 < 4, case when b.c is not null then 200000 + b.c end,
        b.c is not null and b.c % 5 = 0, case when b.c is not null and b.c % 5 = 0 then 300000 + b.c end,
        'Chủ doanh nghiệp ' || e, bench_r(e, 15) % 10 = 0, b.id,
        case when bench_r(e, 16) % 100 < 95 then 'operating' when bench_r(e, 16) % 100 < 98 then 'suspended' else 'dissolved' end
      from generate_series(1, ${NE}) e left join bench_cells b on b.c = e and not b.residential`,
  );

  // Names: indexes into the pools first, then the name and its search key from the same picks.
  const pool = (p: { names: string[]; keys: string[] }, which: 'names' | 'keys', index: string) => sql`(${p[which]}::text[])[1 + ${sql.unsafe(index)} % ${p.names.length}]`;
  const nameParts = (which: 'names' | 'keys') => sql`${pool(surnames, which, 's.si')} || ' '
      || case when s.male then ${pool(maleMid, which, 's.mi')} else ${pool(femaleMid, which, 's.mi')} end || ' '
      || case when s.x then ${pool(second, which, 's.xi')} || ' ' else '' end
      || case when s.male then ${pool(maleGiven, which, 's.gi')} else ${pool(femaleGiven, which, 's.gi')} end`;
  /** People numbered `offset + 1 … offset + count`, with their names, search keys and sex. */
  const people = (count: number, offset: number, salt: number, maleShare: number) => sql`
    select ${offset}::int + s.i as id, s.male, ${nameParts('names')} as full_name, ${nameParts('keys')} as search_name
    from (select i, bench_r(i, ${salt}) % 100 < ${maleShare} as male, bench_r(i, ${salt + 1}) as si, bench_r(i, ${salt + 2}) as mi,
            bench_r(i, ${salt + 3}) % 100 < 20 as x, bench_r(i, ${salt + 4}) as xi, bench_r(i, ${salt + 5}) as gi
          from generate_series(1, ${count}) i) s`;

  await step(`persons and members (${NM})`, async () => {
    // A member's cell: skewed (some cells are large), the large ones spread over the whole tree.
    await sql`drop table if exists bench_members`;
    await sql`create table bench_members as
      select i, 1 + ((floor(${NC} * power(bench_r(i, 21)::float8 / 2147483648, 1.3))::bigint * 7919) % ${NC})::int as c
      from generate_series(1, ${NM}) i`;
    await sql`create unique index on bench_members (i)`;
    await sql`insert into persons (id, full_name, search_name, birth_date, gender, national_id, phone, unit_id)
      select n.id, n.full_name, n.search_name, date '1960-01-01' + bench_r(n.id, 22) % 15000, case when n.male then 'male' else 'female' end,
        case when bench_r(n.id, 23) % 10 < 7 then '0' || lpad(n.id::text, 11, '0') end, case when bench_r(n.id, 24) % 2 = 0 then '09' || lpad((n.id % 100000000)::text, 8, '0') end,
        100000 + m.c
      from (${people(NM, 0, 100, 62)}) n join bench_members m on m.i = n.id`;
    await sql`insert into party_members (id, person_id, cell_unit_id, admitted_cell_unit_id, enterprise_id, occupation, admitted_on, official_on, card_no, status,
        transfer_to_unit_id, transfer_out_on, host_unit_id)
      select m.i, m.i, 100000 + m.c, 100000 + m.c, case when not b.residential and bench_r(m.i, 31) % 100 < 85 then m.c end,
        (array['direct_worker','direct_worker','direct_worker','direct_worker','direct_worker','direct_worker','direct_worker','office','office','office','office','office','manager','manager','manager','owner','other','other','other','other'])[1 + bench_r(m.i, 32) % 20],
        a.admitted, case when a.admitted < ${today}::date - 400 then a.admitted + 365 end,
        case when a.admitted < ${today}::date - 400 then '79' || lpad(m.i::text, 8, '0') end,
        case when s.k < 940 or s.k >= 990 then 'active' when s.k < 960 then 'temporary_elsewhere' when s.k < 970 then 'transferred_out' when s.k < 980 then 'removed' else 'deceased' end,
        case when s.k >= 990 and s.k < 995 then 100001 + (m.c + 101) % ${NC} end, case when s.k >= 990 and s.k < 995 then ${today}::date - 10 - s.k % 30 end,
        case when s.k >= 940 and s.k < 960 then 100001 + (m.c + 17) % ${NC} end
      from bench_members m join bench_cells b on b.c = m.c,
        lateral (select date '1985-01-01' + bench_r(m.i, 33) % (${today}::date - date '1985-01-01') as admitted) a,
        lateral (select bench_r(m.i, 34) % 1000 as k) s`;
  });

  // ---------------------------------------------------------------- admission cases
  const variants: { state: State; hasCommittee: boolean; returned: boolean; steps: Step[] }[] = [];
  for (const [state] of STATE_SHARES)
    for (const hasCommittee of [true, false])
      for (const returned of [false, true]) {
        const steps = stepsTo(state, hasCommittee, returned);
        if (steps) variants.push({ state, hasCommittee, returned, steps });
      }
  const stepRows = variants.flatMap((v) =>
    v.steps.map((s) => ({
      state: v.state,
      has_committee: v.hasCommittee,
      returned: v.returned,
      seq: s.seq,
      transition: s.transition,
      from_state: s.from,
      to_state: s.to,
      actor: s.actor,
      day: s.day,
      round: s.round,
    })),
  );
  const docRows = variants.flatMap((v) =>
    documentsAt(v.state, v.hasCommittee, v.steps).map((d) => ({ state: v.state, has_committee: v.hasCommittee, returned: v.returned, kind: d.kind, day: d.day, actor: d.actor })),
  );
  const pathRows = variants.map((v) => {
    const day = (t: TransitionName) => v.steps.find((s) => s.transition === t)?.day ?? null;
    const last = v.steps.length ? v.steps[v.steps.length - 1].day : 0;
    return {
      state: v.state,
      has_committee: v.hasCommittee,
      returned: v.returned,
      steps: v.steps.length,
      last_day: last,
      spread: spreadOf(v.state),
      submit_day: day('submit') === null ? null : Math.max(...v.steps.filter((s) => s.transition === 'submit').map((s) => s.day)),
      first_submit_day: v.steps.find((s) => s.transition === 'submit')?.day ?? null,
      cell_day: day('cellResolve'),
      committee_day: day('committeeEndorse'),
      decide_day: day('decide'),
      ceremony_day: day('recordCeremony'),
      rec_cell_day: day('cellResolveRecognition'),
      rec_committee_day: day('committeeEndorseRecognition'),
      rec_decide_day: day('decideRecognition'),
      return_day: day('return'),
      reject_day: day('reject'),
    };
  });
  let acc = 0;
  const stateCase = STATE_SHARES.map(([s, share]) => `when k < ${(acc += share)} then '${s}'`).join(' ');

  await step(`admission cases (${NK}) with their persons, timelines, documents and audit rows`, async () => {
    await sql`drop table if exists bench_steps, bench_docs, bench_paths, bench_cases`;
    await sql`create table bench_steps as select * from jsonb_to_recordset(${sql.json(stepRows)})
      as x(state text, has_committee boolean, returned boolean, seq int, transition text, from_state text, to_state text, actor text, day int, round int)`;
    await sql`create table bench_docs as select * from jsonb_to_recordset(${sql.json(docRows)})
      as x(state text, has_committee boolean, returned boolean, kind text, day int, actor text)`;
    await sql`create table bench_paths as select * from jsonb_to_recordset(${sql.json(pathRows)})
      as x(state text, has_committee boolean, returned boolean, steps int, last_day int, spread int, submit_day int, first_submit_day int, cell_day int, committee_day int,
        decide_day int, ceremony_day int, rec_cell_day int, rec_committee_day int, rec_decide_day int, return_day int, reject_day int)`;
    // The plan of each case: its cell (an enterprise cell), branch, committee, decider, state and base date.
    await sql.unsafe(`create table bench_cases as
      select k, ${NM} + k as person_id, b.c, b.id as cell_id, b.committee_id, b.decider_id,
        case when b.c % 5 = 0 and k % 3 = 0 then 300000 + b.c else 200000 + b.c end as referrer_id,
        st.state, b.committee_id is not null as has_committee, bench_r(k, 42) % 10 < 2 and st.state <> 'referral_draft' as returned
      from generate_series(1, ${NK}) k,
        lateral (select 1 + (k::bigint * 7919 % ${NC})::int as c0) pick,
        lateral (select case when bb.residential then pick.c0 - 1 else pick.c0 end as c from bench_cells bb where bb.c = pick.c0) cc
        join bench_cells b on b.c = cc.c,
        lateral (select case ${stateCase} end as state from (select bench_r(k, 41) % 1000 as k) r) st`);
    await sql`alter table bench_cases add base date`;
    await sql`update bench_cases c set base = ${today}::date - p.last_day - 1 - bench_r(c.k, 43) % p.spread
      from bench_paths p where p.state = c.state and p.has_committee = c.has_committee and p.returned = c.returned`;
    await sql`create unique index on bench_cases (k)`;
    await sql`analyze bench_cases`;
    await sql`insert into persons (id, full_name, search_name, birth_date, gender, national_id, phone, workplace, unit_id)
      select n.id, n.full_name, n.search_name, date '1978-01-01' + bench_r(n.id, 51) % 9000, case when n.male then 'male' else 'female' end,
        case when bench_r(n.id, 52) % 10 < 8 then '0' || lpad(n.id::text, 11, '0') end, '09' || lpad((n.id % 100000000)::text, 8, '0'),
        bench_ent_name(c.c, false), c.referrer_id
      from (${people(NK, NM, 200, 55)}) n join bench_cases c on c.person_id = n.id`;
    await sql`insert into admission_cases (id, person_id, state, version, round, referrer_unit_id, cell_unit_id, committee_unit_id, decider_unit_id,
        certificate_no, certificate_issued_on, with_union_resolution, sponsors, cell_meeting_on, cell_votes_for, cell_eligible,
        committee_meeting_on, committee_votes_for, committee_members, decision_no, decision_on, ceremony_on, probation_ends_on, proposes_removal,
        recognition_decision_no, recognition_decision_on, due_on, submitted_on, last_return_reason, created_by, created_at, updated_at)
      select c.k, c.person_id, c.state, 1 + p.steps, case when c.returned then 2 else 1 end, c.referrer_id, c.cell_id, c.committee_id, c.decider_id,
        'GCN-' || c.k, c.base - 40, true, '[{"name":"Trần Văn Bảo"}]'::jsonb,
        case when c.state in ('recognition_committee_review', 'recognition_decision_pending', 'official', 'removed') then c.base + p.rec_cell_day else c.base + p.cell_day end,
        case when p.cell_day is not null then 6 end, case when p.cell_day is not null then 7 end,
        c.base + coalesce(p.rec_committee_day, p.committee_day), case when p.committee_day is not null then 5 end, case when p.committee_day is not null then 7 end,
        case when p.decide_day is not null then c.k || '-QĐ/HU' end, c.base + p.decide_day, c.base + p.ceremony_day, c.base + p.ceremony_day + 365, c.state = 'removed',
        case when p.rec_decide_day is not null then c.k || '-QĐ/HU' end, c.base + p.rec_decide_day,
        case when c.state in ('official', 'removed', 'rejected') then null
             when c.state = 'probation' then c.base + p.ceremony_day + 365 + 42
             else c.base + p.last_day + 10 + bench_r(c.k, 44) % 80 end,
        c.base + p.first_submit_day,
        case when c.returned then 'Bổ sung lý lịch' when c.state = 'rejected' then 'Chưa đủ điều kiện' end,
        c.referrer_id, c.base - 5, c.base + p.last_day
      from bench_cases c join bench_paths p on p.state = c.state and p.has_committee = c.has_committee and p.returned = c.returned`;
    await sql`insert into case_events (case_id, round, transition, from_state, to_state, actor_id, actor_unit_id, effective_on, comment, data, at)
      select c.k, s.round, s.transition, s.from_state, s.to_state, a.unit_id, a.unit_id, c.base + s.day,
        case when s.transition in ('return', 'reject') then 'Lý do: hồ sơ chưa đạt' end, '{}'::jsonb, (c.base + s.day) + time '09:00'
      from bench_cases c join bench_steps s on s.state = c.state and s.has_committee = c.has_committee and s.returned = c.returned,
        lateral (select case s.actor when 'referrer' then c.referrer_id when 'cell' then c.cell_id when 'committee' then c.committee_id else c.decider_id end as unit_id) a
      order by c.k, s.seq`;
    await sql`insert into case_documents (case_id, kind, title, number, issued_on, added_by, added_at)
      select c.k, d.kind, d.kind, c.k || '/' || d.kind, c.base + d.day, a.unit_id, (c.base + d.day) + time '08:00'
      from bench_cases c join bench_docs d on d.state = c.state and d.has_committee = c.has_committee and d.returned = c.returned,
        lateral (select case d.actor when 'referrer' then c.referrer_id when 'cell' then c.cell_id when 'committee' then c.committee_id else c.decider_id end as unit_id) a`;
    // Every paper has its scan: one page, all pointing at the one stored sample (the bytes are not what is measured).
    const scan = readFileSync(new URL('../seed/sample-scan.pdf', import.meta.url));
    const [blob] = await sql<{ id: number }[]>`insert into stored_files (size_bytes, content) values (${scan.byteLength}, ${scan}) returning id::int`;
    await sql`insert into case_document_files (document_id, case_id, page, file_name, mime_type, size_bytes, sha256, storage_key, added_by, added_at)
      select d.id, d.case_id, 1, d.kind || '.pdf', 'application/pdf', ${scan.byteLength}, ${createHash('sha256').update(scan).digest('hex')}, ${`db:${blob.id}`}, d.added_by, d.added_at
      from case_documents d order by d.id`;
    await sql`insert into audit_log (at, actor_id, unit_id, action, entity, entity_id, before, after)
      select e.at, e.actor_id, e.actor_unit_id, 'admission.' || e.transition, 'admission_case', e.case_id::text,
        jsonb_build_object('state', e.from_state), jsonb_build_object('state', e.to_state, 'effectiveOn', e.effective_on)
      from case_events e order by e.at, e.id`;
    // Whoever takes a step has opened the case first: one record opening (Decree 13/2023) per step.
    await sql`insert into person_access_log (person_id, user_id, at)
      select c.person_id, e.actor_id, e.at - interval '5 minutes'
      from case_events e join admission_cases c on c.id = e.case_id order by e.at, e.id`;
    // The members the ceremonies made (probationary, then official or removed).
    await sql`insert into party_members (id, person_id, cell_unit_id, admitted_cell_unit_id, enterprise_id, occupation, admitted_on, official_on, status, admission_case_id)
      select ${NM} + c.k, c.person_id, c.cell_id, c.cell_id, c.c, (array['direct_worker','direct_worker','office','manager','other'])[1 + bench_r(c.k, 45) % 5],
        c.base + p.ceremony_day, case when c.state = 'official' then c.base + p.rec_decide_day end, case when c.state = 'removed' then 'removed' else 'active' end, c.k
      from bench_cases c join bench_paths p on p.state = c.state and p.has_committee = c.has_committee and p.returned = c.returned
      where p.ceremony_day is not null`;
  });

  await step('classes and enrolments', async () => {
    const deciders = sql`(select id from units where kind in ('district', 'bloc'))`;
    await sql`insert into classes (id, kind, organiser_unit_id, title, start_on, end_on, created_by)
      select u.id * 100 + (y - 2024) * 10 + s, case when s < 3 then 'awareness' else 'new_member' end, u.id,
        case when s < 3 then 'Lớp bồi dưỡng nhận thức về Đảng' else 'Lớp bồi dưỡng lý luận chính trị cho đảng viên mới' end || ' khóa ' || (s + 1) || '/' || y,
        make_date(y, 2 + s * 2, 10), make_date(y, 2 + s * 2, 14), u.id
      from ${deciders} u, generate_series(2024, 2026) y, generate_series(0, 4) s`;
    await sql`insert into class_enrolments (class_id, person_id, completed, certificate_no, certificate_on, enrolled_by)
      select c.decider_id * 100 + (extract(year from c.base)::int - 2024) * 10 + c.k % 3, c.person_id, true, 'CN-' || c.k, make_date(extract(year from c.base)::int, 2 + (c.k % 3) * 2, 14), c.decider_id
      from bench_cases c where extract(year from c.base) between 2024 and 2026 and c.state <> 'referral_draft'`;
    await sql`insert into class_enrolments (class_id, person_id, completed, enrolled_by)
      select c.decider_id * 100 + (extract(year from m.admitted_on)::int - 2024) * 10 + 3 + c.k % 2, c.person_id, c.k % 4 <> 0, c.decider_id
      from bench_cases c join party_members m on m.admission_case_id = c.k where extract(year from m.admitted_on) between 2024 and 2026`;
  });

  await step('ratings of 2025 (members and cells)', async () => {
    const grade = (salt: number) =>
      sql`(array['excellent','good','good','good','good','good','good','good','good','good','good','good','completed','completed','completed','completed','not_completed','excellent','excellent','good'])[1 + bench_r(x.id, ${salt}) % 20]`;
    await sql`insert into ratings (year, member_id, score, grade, rated_by_unit_id)
      select 2025, x.id, null, ${grade(61)}, x.cell_unit_id from party_members x where x.status in ('active', 'temporary_elsewhere') and x.admitted_on < date '2025-06-01'`;
    await sql`insert into ratings (year, unit_id, score, grade, rated_by_unit_id)
      select 2025, x.id, null, ${grade(62)}, x.parent_id from units x where x.kind in ('cell', 'grassroots')`;
  });

  await step('founding proposals, owner meetings, survey rounds, targets', async () => {
    const NF = Math.max(10, Math.round(NE / 100));
    // Decided: the founding of an existing enterprise cell; proposed: an enterprise without one.
    await sql`insert into founding_proposals (id, enterprise_id, proposed_by_unit_id, parent_unit_id, decider_unit_id, cell_name, member_ids, proposed_on, state,
        decision_no, decision_on, new_unit_id, version, created_by)
      select f, b.c, b.parent_id, b.parent_id, b.decider_id, 'Chi bộ ' || bench_ent_name(b.c, false), jsonb_build_array(b.c, b.c + 1, b.c + 2),
        date '2024-01-10' + bench_r(f, 71) % 900, 'decided', f || '-QĐ/HU', date '2024-02-10' + bench_r(f, 71) % 900, b.id, 2, b.decider_id
      from generate_series(1, ${Math.round(NF * 0.7)}) f join bench_cells b on b.c = 1 + (f::bigint * 104729 % ${NC})::int and not b.residential`;
    await sql`insert into founding_proposals (id, enterprise_id, proposed_by_unit_id, parent_unit_id, decider_unit_id, cell_name, member_ids, proposed_on, state, version, created_by)
      select 100000 + f, e.id, e.managing_unit_id, e.managing_unit_id, w.parent_id, 'Chi bộ ' || e.name, jsonb_build_array(f, f + 1, f + 2),
        ${today}::date - bench_r(f, 72) % 200, 'proposed', 1, e.managing_unit_id
      from generate_series(1, ${Math.round(NF * 0.3)}) f join enterprises e on e.id = ${NC} + f * 3 join units w on w.id = e.managing_unit_id
      where e.party_unit_id is null and e.managing_unit_id >= 2001`;
    await sql`insert into owner_meetings (enterprise_id, unit_id, met_on, attendees, outcome, summary, created_by)
      select e.id, e.managing_unit_id, ${today}::date - bench_r(e.id, 73) % 700, 'Ban Tổ chức; chủ doanh nghiệp',
        (array['persuaded','considering','declined'])[1 + bench_r(e.id, 74) % 3], 'Trao đổi về thành lập tổ chức đảng', e.managing_unit_id
      from enterprises e where e.party_unit_id is null and e.id % 8 = 0`;
    // A follow-up meeting with a third of the owners met (an owner met twice counts once on the dashboard).
    await sql`insert into owner_meetings (enterprise_id, unit_id, met_on, attendees, outcome, summary, created_by)
      select m.enterprise_id, m.unit_id, least(${today}::date, m.met_on + 30 + bench_r(m.enterprise_id, 77) % 60), 'Ban Tổ chức; Liên đoàn Lao động',
        (array['persuaded','considering'])[1 + bench_r(m.enterprise_id, 78) % 2], 'Làm việc lại', m.unit_id
      from owner_meetings m where m.enterprise_id % 24 = 0`;
    // One round per district-level committee, with its ward committees, the tax office and social insurance
    // ("14 ward committees, the tax office and social insurance"), held between March 2025 and October 2026.
    await sql`insert into survey_rounds (id, unit_id, title, held_on, participants, created_by)
      select d.id, d.id, 'Khảo sát doanh nghiệp ' || d.name, date '2025-03-01' + d.id % 600,
        jsonb_build_array(
          jsonb_build_object('kind', 'ward_committees', 'count', greatest(1, coalesce(w.n, 0))),
          jsonb_build_object('kind', 'tax_office', 'count', 1),
          jsonb_build_object('kind', 'social_insurance', 'count', 1)),
        d.id
      from units d left join (select parent_id, count(*)::int as n from units where kind = 'ward' group by 1) w on w.parent_id = d.id
      where d.kind = 'district'`;
    await sql`insert into survey_findings (round_id, enterprise_id, members_working, union_present, owner_attitude, created_by)
      select w.parent_id, e.id, bench_r(e.id, 75) % 5, e.has_trade_union, (array['supportive','neutral','reluctant'])[1 + bench_r(e.id, 76) % 3], w.parent_id
      from enterprises e join units w on w.id = e.managing_unit_id where w.kind = 'ward' and e.party_unit_id is null and e.id % 10 = 1`;
    await sql`insert into targets (unit_id, set_by_unit_id, measure, period_kind, year_from, year_to, value)
      select u.id, coalesce(u.parent_id, u.id), 'admitted', 'year', 2026, 2026, 200 from units u where u.kind in ('province', 'district', 'bloc')`;
    // Engagement targets a province sets its districts (owners to meet and persuade, enterprises to survey).
    await sql`insert into targets (unit_id, set_by_unit_id, measure, period_kind, year_from, year_to, value)
      select u.id, u.parent_id, m.measure, 'year', 2026, 2026, m.value
      from units u cross join (values ('enterprises_surveyed', 40), ('owners_met', 30), ('owners_persuaded', 10)) m(measure, value) where u.kind = 'district'`;
  });

  await step('sequences, helper tables, analyze', async () => {
    for (const table of [
      'units',
      'users',
      'enterprises',
      'persons',
      'party_members',
      'admission_cases',
      'classes',
      'founding_proposals',
      'survey_rounds',
      'ratings',
      'class_enrolments',
      'owner_meetings',
      'survey_findings',
      'targets',
    ])
      await sql.unsafe(`select setval(pg_get_serial_sequence('${table}', 'id'), greatest(1, (select max(id) from ${table})))`);
    for (const table of ['case_events', 'case_documents', 'case_document_files', 'stored_files', 'audit_log'])
      await sql.unsafe(`select setval(pg_get_serial_sequence('${table}', 'id'), greatest(1, (select max(id) from ${table})))`);
    await sql`drop table if exists bench_members, bench_steps, bench_docs, bench_paths`;
  });

  await step('derived data (scopes, copies, tallies) rebuilt from the records', async () => {
    // Triggers were off for the bulk load: the derived columns and tallies are recomputed set-based.
    await sql`select rebuild_derived()`;
    await sql`set session_replication_role = origin`;
  });

  // A settled database, as a production one is: the visibility map set, the statistics current.
  await step('vacuum analyze', () => sql`vacuum analyze`);
}
