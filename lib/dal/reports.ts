import 'server-only';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { getDb, rowsOf } from '@/db';
import { targets, units } from '@/db/schema';
import { goodShare, emptyCounts } from '@/lib/registry/ratings';
import { RATING_GRADES, type RatingGrade } from '@/lib/registry/kinds';
import { periodWindow, progressPercent, type Period } from '@/lib/reports/maths';
import { MEASURES, SHARE_MEASURES, type Measure } from '@/lib/reports/measures';
import type { UnitKind } from '@/lib/units/kinds';
import { writeAudit } from './audit';
import { DalError, forbidden, invalid, notFound } from './errors';
import { assertCan, inScope, requireUser, type CurrentUser } from './session';

/**
 * Targets and the dashboard. Actuals are computed from the records, set-based, over the indexed
 * unit paths: every record is attributed to one unit (an admission to the cell where it took
 * place, a founding to the new cell, a referral to its cell, a class to its organiser, a rating
 * to the member's cell or the rated organisation) and counted under the child of the dashboard's
 * unit whose subtree holds that unit, so a parent's figure is always the sum of its rows.
 */

export type UnitRef = { id: number; name: string; kind: UnitKind; path: string };

type Figures = Record<Measure, number | null>;
const zero = (): Figures => Object.fromEntries(MEASURES.map((m) => [m, SHARE_MEASURES.includes(m) ? null : 0])) as Figures;

export type DashboardRow = {
  unit: { id: number; name: string; kind: UnitKind; hasChildren: boolean } | null; // null: records attributed to the unit itself
  actual: Figures;
  target: Partial<Record<Measure, number>>;
  percent: Partial<Record<Measure, number | null>>;
};

export type Dashboard = {
  unit: UnitRef;
  period: Period;
  total: DashboardRow;
  rows: DashboardRow[];
  shares: { members: ReturnType<typeof goodShare>; orgs: ReturnType<typeof goodShare> };
};

async function rootFor(user: CurrentUser, unitId?: number): Promise<UnitRef> {
  const db = await getDb();
  const [row] = await db
    .select({ id: units.id, name: units.name, kind: units.kind, path: sql<string>`${units.path}::text` })
    .from(units)
    .where(and(eq(units.id, unitId ?? user.unitId), inScope(user)));
  if (!row) throw notFound();
  return row;
}

/** Per child key (a child's id, or the root's own id), the figures of one query. */
async function grouped(root: UnitRef, query: (childKey: ReturnType<typeof sql>, within: ReturnType<typeof sql>) => ReturnType<typeof sql>) {
  const db = await getDb();
  const depth = root.path.split('.').length;
  const childKey = (col: ReturnType<typeof sql>) => sql`case when nlevel(${col}) > ${depth} then subpath(${col}, ${depth}, 1)::text::int else ${root.id} end`;
  const within = (col: ReturnType<typeof sql>) => sql`${col} <@ ${root.path}::ltree`;
  return rowsOf<Record<string, number | string>>(await db.execute(query(childKey(sql`u.path`), within(sql`u.path`))));
}

export async function getDashboard(input: { unitId?: number; period: Period }): Promise<Dashboard> {
  const user = await requireUser();
  const root = await rootFor(user, input.unitId);
  const { start, end } = periodWindow(input.period);
  const db = await getDb();

  const [admitted, founded, introduced, attendees, memberRatings, orgRatings, children, targetRows] = await Promise.all([
    grouped(
      root,
      (k, w) => sql`select ${k} as k, count(*)::int as total,
        count(*) filter (where m.occupation = 'owner')::int as owners,
        count(*) filter (where m.occupation = 'direct_worker')::int as workers
      from party_members m join units u on u.id = m.admitted_cell_unit_id
      where ${w} and m.admitted_on between ${start} and ${end} group by 1`,
    ),
    grouped(
      root,
      (k, w) => sql`select ${k} as k, count(*)::int as total, count(*) filter (where e.type = 'fdi' or e.foreign_invested)::int as fdi
      from founding_proposals f join units u on u.id = f.new_unit_id join enterprises e on e.id = f.enterprise_id
      where ${w} and f.state = 'decided' and f.decision_on between ${start} and ${end} group by 1`,
    ),
    grouped(
      root,
      (k, w) => sql`select ${k} as k, count(*)::int as total
      from admission_cases c join units u on u.id = c.cell_unit_id
      where ${w} and (select min(e.effective_on) from case_events e where e.case_id = c.id and e.transition = 'submit') between ${start} and ${end} group by 1`,
    ),
    grouped(
      root,
      (k, w) => sql`select ${k} as k, count(*)::int as total
      from class_enrolments ce join classes cl on cl.id = ce.class_id join units u on u.id = cl.organiser_unit_id
      where ${w} and cl.kind = 'awareness' and cl.start_on between ${start} and ${end} group by 1`,
    ),
    grouped(
      root,
      (k, w) => sql`select ${k} as k, r.grade, count(*)::int as n
      from ratings r join party_members m on m.id = r.member_id join units u on u.id = m.cell_unit_id
      where ${w} and r.year between ${input.period.from} and ${input.period.to} group by 1, 2`,
    ),
    grouped(
      root,
      (k, w) => sql`select ${k} as k, r.grade, count(*)::int as n
      from ratings r join units u on u.id = r.unit_id
      where ${w} and r.year between ${input.period.from} and ${input.period.to} group by 1, 2`,
    ),
    db
      .select({
        id: units.id,
        name: units.name,
        kind: units.kind,
        hasChildren: sql<boolean>`exists (select 1 from units c where c.parent_id = ${units.id} and c.status = 'active')`,
      })
      .from(units)
      .where(and(eq(units.parentId, root.id), eq(units.status, 'active')))
      .orderBy(sql`${units.name} collate "und-x-icu"`),
    db
      .select({ unitId: targets.unitId, measure: targets.measure, value: targets.value })
      .from(targets)
      .innerJoin(units, eq(units.id, targets.unitId))
      .where(
        and(
          or(eq(targets.unitId, root.id), eq(units.parentId, root.id)),
          eq(targets.yearFrom, input.period.from),
          eq(targets.yearTo, input.period.to),
        ),
      ),
  ]);

  const byKey = new Map<number, { actual: Figures; members: ReturnType<typeof emptyCounts>; orgs: ReturnType<typeof emptyCounts> }>();
  const slot = (k: number) => {
    if (!byKey.has(k)) byKey.set(k, { actual: zero(), members: emptyCounts(), orgs: emptyCounts() });
    return byKey.get(k)!;
  };
  for (const r of admitted) {
    const s = slot(Number(r.k)).actual;
    s.admitted = Number(r.total);
    s.admitted_owners = Number(r.owners);
    s.admitted_workers = Number(r.workers);
  }
  for (const r of founded) {
    const s = slot(Number(r.k)).actual;
    s.orgs_founded = Number(r.total);
    s.orgs_founded_fdi = Number(r.fdi);
  }
  for (const r of introduced) slot(Number(r.k)).actual.introduced = Number(r.total);
  for (const r of attendees) slot(Number(r.k)).actual.awareness_attendees = Number(r.total);
  for (const r of memberRatings) if ((RATING_GRADES as readonly string[]).includes(String(r.grade))) slot(Number(r.k)).members[r.grade as RatingGrade] += Number(r.n);
  for (const r of orgRatings) if ((RATING_GRADES as readonly string[]).includes(String(r.grade))) slot(Number(r.k)).orgs[r.grade as RatingGrade] += Number(r.n);

  const finish = (actual: Figures, members: ReturnType<typeof emptyCounts>, orgs: ReturnType<typeof emptyCounts>, unitId: number): Omit<DashboardRow, 'unit'> => {
    actual.members_good_share = goodShare(members).percent;
    actual.orgs_good_share = goodShare(orgs).percent;
    const target: Partial<Record<Measure, number>> = {};
    for (const t of targetRows) if (t.unitId === unitId) target[t.measure] = t.value;
    const percent: Partial<Record<Measure, number | null>> = {};
    for (const m of MEASURES) {
      const a = actual[m];
      // A share's progress compares percentages; a count's compares counts.
      percent[m] = a === null ? null : progressPercent(a, target[m]);
    }
    return { actual, target, percent };
  };

  // The root's total: the sum of every key (children and the root's own records).
  const total = { actual: zero(), members: emptyCounts(), orgs: emptyCounts() };
  for (const v of byKey.values()) {
    for (const m of MEASURES) if (!SHARE_MEASURES.includes(m)) total.actual[m] = (total.actual[m] ?? 0) + (v.actual[m] ?? 0);
    for (const g of RATING_GRADES) {
      total.members[g] += v.members[g];
      total.orgs[g] += v.orgs[g];
    }
  }
  const rows: DashboardRow[] = children.map((c) => {
    const v = byKey.get(c.id) ?? { actual: zero(), members: emptyCounts(), orgs: emptyCounts() };
    return { unit: c, ...finish(v.actual, v.members, v.orgs, c.id) };
  });
  const own = byKey.get(root.id);
  if (own && MEASURES.some((m) => !SHARE_MEASURES.includes(m) && (own.actual[m] ?? 0) > 0)) rows.push({ unit: null, ...finish(own.actual, own.members, own.orgs, -1) });

  return {
    unit: root,
    period: input.period,
    total: { unit: null, ...finish(total.actual, total.members, total.orgs, root.id) },
    rows,
    shares: { members: goodShare(total.members), orgs: goodShare(total.orgs) },
  };
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

/** A committee's leader sets (or changes) targets for itself and the units directly below it. */
export async function setTargets(inputs: TargetInput[]): Promise<{ saved: number }> {
  const user = await requireUser();
  assertCan(user, 'target.set', user.unitPath);
  if (!inputs.length) throw new DalError('invalid', 'errors.nothingToSave');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ids = [...new Set(inputs.map((i) => i.unitId))];
    const allowed = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(inArray(units.id, ids), or(eq(units.id, user.unitId), eq(units.parentId, user.unitId)), eq(units.status, 'active')));
    if (allowed.length !== ids.length) throw forbidden();
    for (const t of inputs) {
      if (t.value < 0 || (SHARE_MEASURES.includes(t.measure) && t.value > 100)) throw invalid('errors.targetValue');
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
      const [before] = await tx
        .select({ id: targets.id, value: targets.value })
        .from(targets)
        .where(and(eq(targets.unitId, t.unitId), eq(targets.measure, t.measure), eq(targets.yearFrom, t.period.from), eq(targets.yearTo, t.period.to)));
      if (before) await tx.update(targets).set({ ...values, updatedAt: sql`now()` }).where(eq(targets.id, before.id));
      else await tx.insert(targets).values(values);
      await writeAudit(tx, { actorId: user.id, unitId: t.unitId, action: 'target.set', entity: 'target', entityId: `${t.unitId}:${t.measure}:${t.period.from}-${t.period.to}`, before: before ? { value: before.value } : undefined, after: values });
    }
    return { saved: inputs.length };
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
    .where(and(inArray(targets.unitId, list.map((u) => u.id)), eq(targets.yearFrom, period.from), eq(targets.yearTo, period.to)));
  return { units: list, values: Object.fromEntries(rows.map((r) => [`${r.unitId}:${r.measure}`, r.value])) };
}
