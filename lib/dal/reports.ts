import 'server-only';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { chunks, getDb, rowsOf } from '@/db';
import { targets, units } from '@/db/schema';
import { goodShare } from '@/lib/registry/ratings';
import { PARTY_ORG_KINDS, RATING_GRADES } from '@/lib/registry/kinds';
import { periodWindow, type Period } from '@/lib/reports/maths';
import { SHARE_MEASURES, countedBy, type Measure, type MeasureSource } from '@/lib/reports/measures';
import { aggregateDashboard, type DashboardRow } from '@/lib/reports/dashboard';
import { COMMITTEE_KINDS, DECIDING_KINDS, type UnitKind } from '@/lib/units/kinds';
import { STATES, TERMINAL_STATES, type State } from '@/lib/admission/states';
import { today } from '@/lib/clock';
import { forecastThresholds } from '@/lib/reports/forecast';
import { ruleSetInForce } from '@/lib/rules/rule-set';
import { writeAuditMany, type AuditEntry } from './audit';
import { loadRulesAndHolidays } from './rules';
import { DalError, forbidden, invalid, notFound } from './errors';
import { assertCan, inScope, isWholeTree, requireUser, subtreeRange, type CurrentUser } from './session';

/**
 * Targets and the dashboard. Actuals are computed from the records, set-based, over the indexed
 * unit paths: every record is attributed to one unit (an admission to the cell where it took
 * place, a founding to the new cell, a referral to its cell, a class to its organiser, a rating
 * to the member's cell or the rated organisation) and counted under the child of the dashboard's
 * unit whose subtree holds that unit, so a parent's figure is always the sum of its rows.
 */

export type UnitRef = { id: number; name: string; kind: UnitKind; path: string };

export type { DashboardRow };

export type Dashboard = {
  unit: UnitRef;
  period: Period;
  total: DashboardRow;
  rows: DashboardRow[];
  shares: { members: ReturnType<typeof goodShare>; orgs: ReturnType<typeof goodShare> };
};

async function rootFor(user: CurrentUser, unitId?: number): Promise<UnitRef & { whole: boolean }> {
  const db = await getDb();
  const [row] = await db
    .select({ id: units.id, name: units.name, kind: units.kind, path: sql<string>`${units.path}::text` })
    .from(units)
    .where(and(eq(units.id, unitId ?? user.unitId), inScope(user)));
  if (!row) throw notFound();
  return { ...row, whole: await isWholeTree(row.path) };
}

/** A dashboard's root: the unit, and whether it is the root of the whole tree (its subtree then needs no test on each row). */
type Root = { id: number; path: string; whole?: boolean; kind?: UnitKind };

/**
 * A union or youth branch holds no records in its subtree: the tallies count an enterprise at
 * its managing committee, a member and a referral at their cell. Its dashboard shows instead the
 * enterprises it is the trade union or youth union of (found by the scope index: a linked branch
 * is in the enterprise's scope_units; the link decides), their members and the people it
 * referred (referrer_unit_id, indexed).
 */
function isBranchRoot(root: Root): boolean {
  return root.kind === 'union_branch' || root.kind === 'youth_branch';
}

/** The ids of the enterprises linked to the branch `root`. */
function linkedEnterprises(root: Root): Fragment {
  return sql`(select e.id from enterprises e where e.scope_units @> array[${root.id}::integer] and (e.trade_union_unit_id = ${root.id} or e.youth_union_unit_id = ${root.id}))`;
}

/** Nothing (a figure a branch does not have: classes it did not organise, surveys). */
const NO_ROWS = sql`select null::int as k where false`;

/** dashboardStatements for a union or youth branch: its enterprises' admissions, its referrals, the foundings in its enterprises. */
function branchDashboardStatements(root: Root, period: Period): ReturnType<typeof dashboardStatements> {
  const { start, end } = periodWindow(period);
  const linked = linkedEnterprises(root);
  const zeroGrades = sql.raw(RATING_GRADES.flatMap((g) => [`0 as "member_${g}"`, `0 as "org_${g}"`]).join(', '));
  return {
    years: sql`select ${root.id}::int as k, a.admitted, a.admitted as admitted_nonstate, a.owners as admitted_owners, a.workers as admitted_workers, r.introduced, ${zeroGrades}
      from (select count(*)::int as admitted, count(*) filter (where m.occupation = 'owner')::int as owners, count(*) filter (where m.occupation = 'direct_worker')::int as workers
        from party_members m where m.enterprise_id in ${linked} and m.admitted_on between ${start} and ${end}) a,
      (select count(*)::int as introduced from admission_cases c where c.referrer_unit_id = ${root.id} and c.submitted_on between ${start} and ${end}) r`,
    founded: sql`select ${root.id}::int as k, count(*)::int as orgs_founded, count(*) filter (where e.type = 'fdi' or e.foreign_invested)::int as orgs_founded_fdi
      from founding_proposals f join enterprises e on e.id = f.enterprise_id
      where f.enterprise_id in ${linked} and f.state = 'decided' and f.decision_on between ${start} and ${end}`,
    attendees: NO_ROWS,
    surveyed: NO_ROWS,
    owners: NO_ROWS,
  };
}

/** overviewStatements' headline for a union or youth branch: its enterprises, their members and organisations, its referrals by stage. */
function branchOverviewStatements(root: Root, period: Period, forecast: { now: string; th: ReturnType<typeof forecastThresholds> } | null) {
  const { start, end } = periodWindow(period);
  const linked = linkedEnterprises(root);
  const cases = sql.raw(OPEN_STATES.map((s) => `count(*) filter (where c.state = '${s}')::int as "cases_${s}"`).join(', '));
  const th = forecast?.th;
  return {
    now: sql`with e as (select e.id, e.status, e.party_unit_id, e.has_trade_union, e.has_youth_union from enterprises e where e.id in ${linked})
      select ${root.id}::int as k, m.*, c.*, o.*,
        (select count(*) from e where e.status = 'operating')::int as operating,
        (select count(*) from e where e.status = 'operating' and e.party_unit_id is not null)::int as "withParty",
        (select count(*) from e where e.status = 'operating' and e.has_trade_union)::int as "withUnion",
        (select count(*) from e where e.status = 'operating' and e.has_youth_union)::int as "withYouth"
      from (select count(*)::int as members, count(*)::int as "inEnterprises", count(*) filter (where m.occupation = 'owner')::int as owners,
          count(*) filter (where m.occupation = 'direct_worker')::int as workers
        from party_members m where m.enterprise_id in (select id from e) and m.status in ('active', 'temporary_elsewhere')) m,
      (select ${cases} from admission_cases c where c.referrer_unit_id = ${root.id}) c,
      (select count(*)::int as orgs, count(*) filter (where pu.kind = 'cell')::int as "orgCells", count(*) filter (where pu.kind = 'grassroots')::int as "orgCommittees",
          count(*) filter (where ${inArray(sql`pp.kind`, DECIDING_KINDS)})::int as "underDistrict", count(*) filter (where ${inArray(sql`pp.kind`, COMMITTEE_KINDS)})::int as "underGrassroots"
        from units pu left join units pp on pp.id = pu.parent_id where pu.id in (select party_unit_id from e) and pu.status = 'active') o`,
    monthly:
      period.kind === 'year'
        ? sql`select extract(month from m.admitted_on)::int as month, count(*)::int as n, count(*) filter (where m.admitted_on <= ${forecast?.now ?? end})::int as "soFar"
          from party_members m where m.enterprise_id in ${linked} and m.admitted_on between ${start} and ${end} group by 1`
        : null,
    pipeline: th
      ? sql`select count(*)::int as pipeline from admission_cases c
            where c.referrer_unit_id = ${root.id} and (
              (c.state = 'ceremony_pending' and c.due_on <= ${th.ceremonyBy})
              or (c.state in ('committee_review', 'decision_pending') and c.due_on <= ${th.decisionBy}))`
      : null,
  };
}

/** Rows whose unit path (`u.path`) lies under the root. */
function underRoot(root: Root): Fragment {
  return root.whole ? sql`true` : sql`u.path <@ ${root.path}::ltree`;
}

/** Per child key (a child's id, or the root's own id), the figures of one query. */
type Fragment = ReturnType<typeof sql>;

/** The child of the root whose subtree holds unit `u` (or the root itself, for its own records). */
function childKey(root: Root): Fragment {
  const depth = root.path.split('.').length;
  return sql`case when nlevel(u.path) > ${depth} then subpath(u.path, ${depth}, 1)::text::int else ${root.id} end`;
}

/** `sum(col)::int as "alias"` for each tally column. */
function sums(columns: Record<string, string>): Fragment {
  return sql.raw(
    Object.entries(columns)
      .map(([alias, col]) => `coalesce(sum(u.${col}), 0)::int as "${alias}"`)
      .join(', '),
  );
}

/** The measures summed from the year tallies (each the tally column of its name), and the grade counts of ratings. */
const YEAR_COLUMNS = {
  ...Object.fromEntries(countedBy('years').map((m) => [m, m])),
  ...Object.fromEntries(RATING_GRADES.map((g) => [`member_${g}`, `member_${g}`])),
  ...Object.fromEntries(RATING_GRADES.map((g) => [`org_${g}`, `org_${g}`])),
};

/**
 * The SQL statements behind a dashboard's figures, for a subtree and a period: each groups by
 * the child of the root whose subtree holds the unit (or the root itself). Admissions,
 * introductions and ratings are summed from unit_year_tallies (kept by the database in the
 * transactions that change the records); foundings and class attendees, a few thousand rows
 * nationally, are counted from the records. So are surveys and meetings with owners (up to
 * ~100k rows a year nationally): an enterprise counts once per unit that surveyed or met it in
 * the period (however many rounds or meetings it took), at the round's organising unit or the
 * meeting's unit, so a parent's figure stays the sum of its rows. On the bench data (24k
 * meetings, 13k findings) PostgreSQL reads a year's meetings whole (about 12k rows, 5–13 ms) and
 * keeps those under the root by the unit's key; findings come by their round.
 * getDashboard runs them; `npm run bench` times the very same statements bare.
 */
export function dashboardStatements(root: Root, period: Period): Record<MeasureSource, Fragment> {
  const { start, end } = periodWindow(period);
  const k = childKey(root);
  const w = underRoot(root);
  return {
    years: sql`select ${k} as k, ${sums(YEAR_COLUMNS)}
      from unit_year_tallies u where ${w} and ${root.whole ? sql`true` : subtreeRange(sql`u.path`, root.path)} and u.year between ${period.from} and ${period.to} group by 1`,
    founded: sql`select ${k} as k, count(*)::int as orgs_founded, count(*) filter (where e.type = 'fdi' or e.foreign_invested)::int as orgs_founded_fdi
      from founding_proposals f join units u on u.id = f.new_unit_id join enterprises e on e.id = f.enterprise_id
      where ${w} and f.state = 'decided' and f.decision_on between ${start} and ${end} group by 1`,
    attendees: sql`select ${k} as k, coalesce(sum(cl.enrolled), 0)::int as awareness_attendees
      from classes cl join units u on u.id = cl.organiser_unit_id
      where ${w} and cl.kind = 'awareness' and cl.start_on between ${start} and ${end} group by 1`,
    // Each (organising unit, enterprise) once, then counted under the child of the root.
    surveyed: sql`select ${k} as k, count(*)::int as enterprises_surveyed
      from (select u.id, u.path, f.enterprise_id
        from survey_rounds r join units u on u.id = r.unit_id join survey_findings f on f.round_id = r.id
        where ${w} and r.held_on between ${start} and ${end} group by u.id, u.path, f.enterprise_id) u
      group by 1`,
    // Each (meeting unit, enterprise) once: met, and persuaded when any of its meetings was.
    owners: sql`select ${k} as k, count(*)::int as owners_met, count(*) filter (where u.persuaded)::int as owners_persuaded
      from (select u.id, u.path, m.enterprise_id, bool_or(m.outcome = 'persuaded') as persuaded
        from owner_meetings m join units u on u.id = m.unit_id
        where ${w} and m.met_on between ${start} and ${end} group by u.id, u.path, m.enterprise_id) u
      group by 1`,
  };
}

async function run(statement: Fragment) {
  const db = await getDb();
  return rowsOf<Record<string, number | string>>(await db.execute(statement));
}

export async function getDashboard(input: { unitId?: number; period: Period }): Promise<Dashboard> {
  const user = await requireUser();
  const root = await rootFor(user, input.unitId);
  const db = await getDb();

  const q = isBranchRoot(root) ? branchDashboardStatements(root, input.period) : dashboardStatements(root, input.period);
  const [years, founded, attendees, surveyed, owners, children, targetRows] = await Promise.all([
    run(q.years),
    run(q.founded),
    run(q.attendees),
    run(q.surveyed),
    run(q.owners),
    db
      .select({
        id: units.id,
        name: units.name,
        kind: units.kind,
      })
      .from(units)
      .where(and(eq(units.parentId, root.id), eq(units.status, 'active')))
      .orderBy(sql`${units.name} collate "und-x-icu"`),
    db
      .select({ unitId: targets.unitId, measure: targets.measure, value: targets.value })
      .from(targets)
      .innerJoin(units, eq(units.id, targets.unitId))
      .where(and(or(eq(targets.unitId, root.id), eq(units.parentId, root.id)), eq(targets.yearFrom, input.period.from), eq(targets.yearTo, input.period.to))),
  ]);

  return { unit: root, period: input.period, ...aggregateDashboard({ rootId: root.id, children, statements: { years, founded, attendees, surveyed, owners }, targets: targetRows }) };
}

// ------------------------------------------------------------------ targets

export type TargetInput = {
  unitId: number;
  measure: Measure;
  period: Period;
  value: number;
  directiveNo?: string;
  directiveOn?: string;
  directiveIssuer?: string;
  directiveTitle?: string;
};

/**
 * A committee's leader sets (or changes) targets for itself and the units directly below it: the
 * whole sheet in one transaction (a committee with sixty units posts some 800 cells), set-based.
 * A cell whose value and directive are already as given is left alone, without an audit row: the
 * form posts every filled cell, and only what changed is written and counted.
 */
export async function setTargets(inputs: TargetInput[]): Promise<{ saved: number }> {
  const user = await requireUser();
  assertCan(user, 'target.set', user.unitPath);
  if (!inputs.length) throw new DalError('invalid', 'errors.noTargets');
  for (const t of inputs) if (t.value < 0 || (SHARE_MEASURES.includes(t.measure) && t.value > 100)) throw invalid('errors.targetValue');
  const keyOf = (unitId: number, measure: string, from: number, to: number) => `${unitId}:${measure}:${from}-${to}`;
  // One value a cell: the last given wins.
  const byKey = new Map(inputs.map((t) => [keyOf(t.unitId, t.measure, t.period.from, t.period.to), t]));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ids = [...new Set(inputs.map((i) => i.unitId))];
    const allowed = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(inArray(units.id, ids), or(eq(units.id, user.unitId), eq(units.parentId, user.unitId)), eq(units.status, 'active')));
    if (allowed.length !== ids.length) throw forbidden();
    const existing = new Map<string, typeof targets.$inferSelect>();
    for (const r of await tx
      .select()
      .from(targets)
      .where(and(inArray(targets.unitId, ids), inArray(targets.yearFrom, [...new Set(inputs.map((t) => t.period.from))]), inArray(targets.yearTo, [...new Set(inputs.map((t) => t.period.to))])))
      .for('update'))
      existing.set(keyOf(r.unitId, r.measure, r.yearFrom, r.yearTo), r);
    const inserts: (typeof targets.$inferInsert)[] = [];
    const audit: AuditEntry[] = [];
    for (const [key, t] of byKey) {
      const values = {
        unitId: t.unitId,
        setByUnitId: user.unitId,
        measure: t.measure,
        periodKind: t.period.kind,
        yearFrom: t.period.from,
        yearTo: t.period.to,
        value: t.value,
        directiveNo: t.directiveNo || null,
        directiveOn: t.directiveOn || null,
        directiveIssuer: t.directiveIssuer || null,
        directiveTitle: t.directiveTitle || null,
        createdBy: user.id,
      };
      const before = existing.get(key);
      const same =
        before &&
        before.value === values.value &&
        before.directiveNo === values.directiveNo &&
        before.directiveOn === values.directiveOn &&
        before.directiveIssuer === values.directiveIssuer &&
        before.directiveTitle === values.directiveTitle;
      if (same) continue;
      if (before)
        await tx
          .update(targets)
          .set({ ...values, updatedAt: sql`now()` })
          .where(eq(targets.id, before.id));
      else inserts.push(values);
      audit.push({ actorId: user.id, unitId: t.unitId, action: 'target.set', entity: 'target', entityId: key, before: before ? { value: before.value } : undefined, after: values });
    }
    for (const part of chunks(inserts)) await tx.insert(targets).values(part);
    await writeAuditMany(tx, audit);
    return { saved: audit.length };
  });
}

/** The targets the user's committee has set for a period, by unit and measure (for the form). */
export async function listTargetSheet(period: Period): Promise<{ units: { id: number; name: string }[]; values: Record<string, number> }> {
  const user = await requireUser();
  assertCan(user, 'target.set', user.unitPath);
  const db = await getDb();
  const list = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(or(eq(units.id, user.unitId), eq(units.parentId, user.unitId)), eq(units.status, 'active')))
    .orderBy(sql`${units.id} <> ${user.unitId}`, asc(units.name));
  const rows = await db
    .select({ unitId: targets.unitId, measure: targets.measure, value: targets.value })
    .from(targets)
    .where(
      and(
        inArray(
          targets.unitId,
          list.map((u) => u.id),
        ),
        eq(targets.yearFrom, period.from),
        eq(targets.yearTo, period.to),
      ),
    );
  return { units: list, values: Object.fromEntries(rows.map((r) => [`${r.unitId}:${r.measure}`, r.value])) };
}

// ------------------------------------------------------------------ overview: headline counts, charts, forecast

export type Overview = {
  headline: {
    enterprises: { operating: number; withParty: number; withUnion: number; withYouth: number };
    /** Party organisations of enterprises: cells and grassroots committees, by the level they report to. */
    organisations: { total: number; cells: number; committees: number; underDistrict: number; underGrassroots: number };
    /** Members of the subtree, and those working in a registered (non-state) enterprise, with its owners and direct production workers. */
    members: { total: number; inEnterprises: number; owners: number; workers: number };
    candidates: Partial<Record<State, number>>;
    classes: { awareness: number; awarenessAttendees: number; newMember: number; newMemberAttendees: number };
  };
  /** Admissions per month of a year period (index 0 = January). */
  monthly: number[] | null;
  /** Operating enterprises and those with a party organisation, per child unit. */
  coverage: { unitId: number; name: string; own: boolean; operating: number; withParty: number }[];
  /** Admitted so far plus the pipeline cases whose deadlines still end with a ceremony this year (year periods only). */
  forecast: { admittedSoFar: number; fromPipeline: number; total: number } | null;
};

const OPEN_STATES = STATES.filter((s) => !TERMINAL_STATES.includes(s));

/** The unit_tallies columns the overview sums (each open state has its column of cases). */
const NOW_COLUMNS = {
  members: 'members',
  inEnterprises: 'members_in_enterprises',
  owners: 'member_owners',
  workers: 'member_workers',
  operating: 'enterprises_operating',
  withParty: 'enterprises_with_party',
  withUnion: 'enterprises_with_union',
  withYouth: 'enterprises_with_youth',
  ...Object.fromEntries(OPEN_STATES.map((s) => [`cases_${s}`, `cases_${s}`])),
};

/**
 * The SQL statements behind the overview's headline, charts and forecast, for a subtree and a
 * period (`now` and the forecast's thresholds for the current year). getOverview runs them;
 * `npm run bench` times the very same statements bare. Members, open cases by stage, the
 * enterprises' coverage and their party organisations are summed from unit_tallies, one row
 * per unit that holds something, grouped by the child of the root; the month chart reads the
 * year's admissions, and the forecast the open cases whose deadlines fall in the year.
 */
export function overviewStatements(
  root: Root,
  period: Period,
  forecast: { now: string; th: ReturnType<typeof forecastThresholds> } | null,
): Record<'now' | 'classes', Fragment> & { monthly: Fragment | null; pipeline: Fragment | null } {
  const { start, end } = periodWindow(period);
  const k = childKey(root);
  const th = forecast?.th;
  const org = sql`u.active and ${inArray(sql`u.kind`, PARTY_ORG_KINDS)} and u.enterprise_links > 0`;
  // Records at a unit under the root: the whole tree needs only the unit to be there (a column that may be null).
  const at = (unitColumn: Fragment, nullable = false) =>
    root.whole ? (nullable ? sql`${unitColumn} is not null` : sql`true`) : sql`${unitColumn} in (select u.id from units u where u.path <@ ${root.path}::ltree offset 0)`;
  return {
    now: sql`select ${k} as k, ${sums(NOW_COLUMNS)},
        count(*) filter (where ${org})::int as orgs,
        count(*) filter (where ${org} and u.kind = 'cell')::int as "orgCells",
        count(*) filter (where ${org} and u.kind = 'grassroots')::int as "orgCommittees",
        count(*) filter (where ${org} and ${inArray(sql`u.parent_kind`, DECIDING_KINDS)})::int as "underDistrict",
        count(*) filter (where ${org} and ${inArray(sql`u.parent_kind`, COMMITTEE_KINDS)})::int as "underGrassroots"
      from unit_tallies u where ${underRoot(root)} group by 1`,
    classes: sql`select count(*) filter (where cl.kind = 'awareness')::int as awareness,
        coalesce(sum(cl.enrolled) filter (where cl.kind = 'awareness'), 0)::int as "awarenessAttendees",
        count(*) filter (where cl.kind = 'new_member')::int as "newMember",
        coalesce(sum(cl.enrolled) filter (where cl.kind = 'new_member'), 0)::int as "newMemberAttendees"
      from classes cl
      where ${at(sql`cl.organiser_unit_id`)} and cl.start_on between ${start} and ${end}`,
    monthly:
      period.kind === 'year'
        ? sql`select extract(month from m.admitted_on)::int as month, count(*)::int as n, count(*) filter (where m.admitted_on <= ${forecast?.now ?? end})::int as "soFar"
          from party_members m
          where ${at(sql`m.admitted_cell_unit_id`, true)} and m.admitted_on between ${start} and ${end} group by 1`
        : null,
    // Cases waiting for the cell itself count whole when there is time left (th.cellCounts): those come from the tallies.
    pipeline: th
      ? sql`select count(*)::int as pipeline from admission_cases c
            where ${at(sql`c.cell_unit_id`)} and (
              (c.state = 'ceremony_pending' and c.due_on <= ${th.ceremonyBy})
              or (c.state in ('committee_review', 'decision_pending') and c.due_on <= ${th.decisionBy}))`
      : null,
  };
}

/** The forecast's inputs when the period is the current year (null otherwise). */
export async function forecastInputs(period: Period): Promise<{ now: string; th: ReturnType<typeof forecastThresholds> } | null> {
  const now = today();
  if (!(period.kind === 'year' && period.from === Number(now.slice(0, 4)))) return null;
  const { versions, holidays } = await loadRulesAndHolidays();
  return { now, th: forecastThresholds(now, periodWindow(period).end, ruleSetInForce(versions, now).values, holidays) };
}

export async function getOverview(input: { unitId?: number; period: Period }): Promise<Overview> {
  const user = await requireUser();
  const root = await rootFor(user, input.unitId);
  const db = await getDb();
  const fc = await forecastInputs(input.period);
  const q = isBranchRoot(root) ? { ...overviewStatements(root, input.period, fc), ...branchOverviewStatements(root, input.period, fc) } : overviewStatements(root, input.period, fc);
  const one = async <T>(statement: Fragment) => rowsOf<T>(await db.execute(statement))[0];
  const [nowRows, cls, monthlyRows, children, pipeline] = await Promise.all([
    run(q.now),
    one<Record<string, number>>(q.classes),
    q.monthly ? run(q.monthly) : Promise.resolve(null),
    db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.parentId, root.id), eq(units.status, 'active')))
      .orderBy(sql`${units.name} collate "und-x-icu"`),
    q.pipeline ? one<{ pipeline: number }>(q.pipeline) : Promise.resolve(null),
  ]);

  const monthly = monthlyRows ? Array.from({ length: 12 }, () => 0) : null;
  let admittedSoFar = 0;
  if (monthly && monthlyRows)
    for (const r of monthlyRows) {
      monthly[Number(r.month) - 1] = Number(r.n);
      admittedSoFar += Number(r.soFar);
    }
  const total = (key: string) => nowRows.reduce((n, r) => n + Number(r[key]), 0);
  const cov = new Map(nowRows.map((r) => [Number(r.k), r]));
  const waitingForCells = fc?.th.cellCounts ? total('cases_referred') + total('cases_cell_review') : 0;
  return {
    headline: {
      enterprises: { operating: total('operating'), withParty: total('withParty'), withUnion: total('withUnion'), withYouth: total('withYouth') },
      organisations: {
        total: total('orgs'),
        cells: total('orgCells'),
        committees: total('orgCommittees'),
        underDistrict: total('underDistrict'),
        underGrassroots: total('underGrassroots'),
      },
      members: { total: total('members'), inEnterprises: total('inEnterprises'), owners: total('owners'), workers: total('workers') },
      candidates: Object.fromEntries(OPEN_STATES.map((s) => [s, total(`cases_${s}`)]).filter(([, n]) => Number(n) > 0)),
      classes: { awareness: Number(cls.awareness), awarenessAttendees: Number(cls.awarenessAttendees), newMember: Number(cls.newMember), newMemberAttendees: Number(cls.newMemberAttendees) },
    },
    monthly,
    // The children that manage enterprises, and the root's own (it may manage some itself): they add up to the headline.
    coverage: [...children.map((c) => ({ ...c, own: false })), { id: root.id, name: root.name, own: true }]
      .map((c) => ({ unitId: c.id, name: c.name, own: c.own, operating: Number(cov.get(c.id)?.operating ?? 0), withParty: Number(cov.get(c.id)?.withParty ?? 0) }))
      .filter((c) => c.operating > 0),
    forecast: pipeline ? { admittedSoFar, fromPipeline: Number(pipeline.pipeline) + waitingForCells, total: admittedSoFar + Number(pipeline.pipeline) + waitingForCells } : null,
  };
}
