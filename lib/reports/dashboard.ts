/**
 * The dashboard's arithmetic, pure: from the rows of its SQL statements (one row per child key:
 * a child of the dashboard's unit, or the unit itself for its own records) to each child's
 * figures, targets and progress, and the unit's total. Which column of which statement makes a
 * figure is MEASURE_TABLE's to say.
 */
import { RATING_GRADES } from '@/lib/registry/kinds';
import type { UnitKind } from '@/lib/units/kinds';
import { emptyCounts, goodShare, type GradeCounts } from '@/lib/registry/ratings';
import { progressPercent } from './maths';
import { MEASURES, MEASURE_SOURCES, MEASURE_TABLE, SHARE_MEASURES, countedBy, type Measure, type MeasureSource } from './measures';

export type Figures = Record<Measure, number | null>;

export type DashboardRow = {
  unit: { id: number; name: string; kind: UnitKind } | null; // null: records attributed to the unit itself
  actual: Figures;
  target: Partial<Record<Measure, number>>;
  percent: Partial<Record<Measure, number | null>>;
};

/** A statement's rows: the child key `k`, a column per measure it counts (and, for `years`, member_<grade> and org_<grade>). */
export type StatementRows = Record<MeasureSource, Record<string, number | string>[]>;

export type TargetRow = { unitId: number; measure: Measure; value: number };

type Tally = { actual: Figures; members: GradeCounts; orgs: GradeCounts };

const zero = (): Figures => Object.fromEntries(MEASURES.map((m) => [m, SHARE_MEASURES.includes(m) ? null : 0])) as Figures;
const emptyTally = (): Tally => ({ actual: zero(), members: emptyCounts(), orgs: emptyCounts() });

/** Each child key's counts and grade counts, read from the statements' rows. */
export function tallyByKey(statements: StatementRows): Map<number, Tally> {
  const byKey = new Map<number, Tally>();
  const slot = (k: number) => {
    if (!byKey.has(k)) byKey.set(k, emptyTally());
    return byKey.get(k)!;
  };
  for (const source of MEASURE_SOURCES) {
    const measures = countedBy(source);
    for (const r of statements[source]) {
      const s = slot(Number(r.k));
      for (const m of measures) s.actual[m] = Number(r[m]);
      if (source === 'years')
        for (const g of RATING_GRADES) {
          s.members[g] += Number(r[`member_${g}`]);
          s.orgs[g] += Number(r[`org_${g}`]);
        }
    }
  }
  return byKey;
}

/** A tally's shares, the targets set on `unitId`, and each measure's progress towards its target. */
function finish(tally: Tally, targets: TargetRow[], unitId: number): Omit<DashboardRow, 'unit'> {
  const actual = { ...tally.actual };
  for (const m of SHARE_MEASURES) {
    const f = MEASURE_TABLE[m].figure;
    if ('share' in f) actual[m] = goodShare(tally[f.share]).percent;
  }
  const target: Partial<Record<Measure, number>> = {};
  for (const t of targets) if (t.unitId === unitId) target[t.measure] = t.value;
  const percent: Partial<Record<Measure, number | null>> = {};
  for (const m of MEASURES) {
    const a = actual[m];
    // A share's progress compares percentages; a count's compares counts.
    percent[m] = a === null ? null : progressPercent(a, target[m]);
  }
  return { actual, target, percent };
}

/**
 * The dashboard of unit `rootId`: a row per child (in the order given), a row for the unit's own
 * records when it has any, and the total of every key (so a parent's figure is the sum of its
 * rows); targets are those set on each child, and on the unit for the total.
 */
export function aggregateDashboard(input: { rootId: number; children: { id: number; name: string; kind: UnitKind }[]; statements: StatementRows; targets: TargetRow[] }): {
  total: DashboardRow;
  rows: DashboardRow[];
  shares: { members: ReturnType<typeof goodShare>; orgs: ReturnType<typeof goodShare> };
} {
  const byKey = tallyByKey(input.statements);
  const total = emptyTally();
  for (const v of byKey.values()) {
    for (const m of MEASURES) if (!SHARE_MEASURES.includes(m)) total.actual[m] = (total.actual[m] ?? 0) + (v.actual[m] ?? 0);
    for (const g of RATING_GRADES) {
      total.members[g] += v.members[g];
      total.orgs[g] += v.orgs[g];
    }
  }
  const rows: DashboardRow[] = input.children.map((c) => ({ unit: c, ...finish(byKey.get(c.id) ?? emptyTally(), input.targets, c.id) }));
  const own = byKey.get(input.rootId);
  // The unit's own records have no targets of their own (the unit's are its total's).
  if (own && MEASURES.some((m) => !SHARE_MEASURES.includes(m) && (own.actual[m] ?? 0) > 0)) rows.push({ unit: null, ...finish(own, [], -1) });
  return {
    total: { unit: null, ...finish(total, input.targets, input.rootId) },
    rows,
    shares: { members: goodShare(total.members), orgs: goodShare(total.orgs) },
  };
}
