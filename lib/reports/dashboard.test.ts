import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateDashboard, tallyByKey, type StatementRows } from './dashboard';
import { MEASURES, MEASURE_TABLE, SHARE_MEASURES, countedBy, type Measure } from './measures';

const ROOT = 1;
const A = { id: 10, name: 'A', kind: 'cell' as const };
const B = { id: 11, name: 'B', kind: 'grassroots' as const };
const grades = (k: number, member: [number, number, number, number], org: [number, number, number, number] = [0, 0, 0, 0]) => ({
  k,
  member_excellent: member[0],
  member_good: member[1],
  member_completed: member[2],
  member_not_completed: member[3],
  org_excellent: org[0],
  org_good: org[1],
  org_completed: org[2],
  org_not_completed: org[3],
});
const none = (): StatementRows => ({ years: [], founded: [], attendees: [], surveyed: [], owners: [] });
const statements = (s: Partial<StatementRows>): StatementRows => ({ ...none(), ...s });
const counts = (f: Partial<Record<Measure, number>>) => Object.fromEntries(MEASURES.map((m) => [m, SHARE_MEASURES.includes(m) ? null : (f[m] ?? 0)]));

test('each measure reads the column of its name from its own statement', () => {
  const cases: { source: keyof StatementRows; row: Record<string, number>; expect: Partial<Record<Measure, number>> }[] = [
    {
      source: 'years',
      row: { ...grades(10, [0, 0, 0, 0]), admitted: 5, admitted_nonstate: 3, admitted_owners: 1, admitted_workers: 2, introduced: 7 },
      expect: { admitted: 5, admitted_nonstate: 3, admitted_owners: 1, admitted_workers: 2, introduced: 7 },
    },
    { source: 'founded', row: { k: 10, orgs_founded: 4, orgs_founded_fdi: 1 }, expect: { orgs_founded: 4, orgs_founded_fdi: 1 } },
    { source: 'attendees', row: { k: 10, awareness_attendees: 120 }, expect: { awareness_attendees: 120 } },
    { source: 'surveyed', row: { k: 10, enterprises_surveyed: 9 }, expect: { enterprises_surveyed: 9 } },
    { source: 'owners', row: { k: 10, owners_met: 6, owners_persuaded: 2 }, expect: { owners_met: 6, owners_persuaded: 2 } },
  ];
  for (const c of cases) {
    assert.deepEqual(countedBy(c.source).sort(), Object.keys(c.expect).sort(), c.source);
    const tally = tallyByKey(statements({ [c.source]: [c.row] })).get(10)!;
    assert.deepEqual(tally.actual, counts(c.expect), c.source);
  }
});

test('every count measure is read from exactly one statement, and every share from grade counts', () => {
  const counted = (['years', 'founded', 'attendees', 'surveyed', 'owners'] as const).flatMap(countedBy);
  assert.deepEqual([...counted].sort(), MEASURES.filter((m) => !SHARE_MEASURES.includes(m)).sort());
  assert.deepEqual([...SHARE_MEASURES].sort(), ['members_good_share', 'orgs_good_share']);
});

test('the dashboard: rows per child, the own row, the total and the shares', () => {
  const cases: {
    name: string;
    statements: StatementRows;
    targets?: { unitId: number; measure: Measure; value: number }[];
    rows: { unit: number | null; actual: Partial<Record<Measure, number | null>>; target?: Partial<Record<Measure, number>>; percent?: Partial<Record<Measure, number | null>> }[];
    total: { actual: Partial<Record<Measure, number | null>>; target?: Partial<Record<Measure, number>>; percent?: Partial<Record<Measure, number | null>> };
    shares?: { members: { rated: number; goodOrAbove: number; percent: number | null }; orgs: { rated: number; goodOrAbove: number; percent: number | null } };
  }[] = [
    {
      name: 'nothing recorded: zero counts, no shares, no own row',
      statements: none(),
      rows: [
        { unit: A.id, actual: {} },
        { unit: B.id, actual: {} },
      ],
      total: { actual: {} },
      shares: { members: { rated: 0, goodOrAbove: 0, percent: null }, orgs: { rated: 0, goodOrAbove: 0, percent: null } },
    },
    {
      name: 'counts under each child, the unit’s own records in a row of their own, all summed in the total',
      statements: statements({
        founded: [
          { k: A.id, orgs_founded: 2, orgs_founded_fdi: 1 },
          { k: ROOT, orgs_founded: 1, orgs_founded_fdi: 0 },
        ],
        owners: [{ k: B.id, owners_met: 4, owners_persuaded: 3 }],
      }),
      rows: [
        { unit: A.id, actual: { orgs_founded: 2, orgs_founded_fdi: 1 } },
        { unit: B.id, actual: { owners_met: 4, owners_persuaded: 3 } },
        { unit: null, actual: { orgs_founded: 1 } },
      ],
      total: { actual: { orgs_founded: 3, orgs_founded_fdi: 1, owners_met: 4, owners_persuaded: 3 } },
    },
    {
      name: 'a key that is no child (a unit since closed) still counts in the total',
      statements: statements({ attendees: [{ k: 99, awareness_attendees: 40 }] }),
      rows: [
        { unit: A.id, actual: {} },
        { unit: B.id, actual: {} },
      ],
      total: { actual: { awareness_attendees: 40 } },
    },
    {
      name: 'ratings only at the unit itself: shares in the total, no own row (it has no counts)',
      statements: statements({ years: [{ ...grades(ROOT, [1, 2, 1, 0], [1, 0, 0, 1]), admitted: 0, admitted_nonstate: 0, admitted_owners: 0, admitted_workers: 0, introduced: 0 }] }),
      rows: [
        { unit: A.id, actual: {} },
        { unit: B.id, actual: {} },
      ],
      total: { actual: { members_good_share: 75, orgs_good_share: 50 } },
      shares: { members: { rated: 4, goodOrAbove: 3, percent: 75 }, orgs: { rated: 2, goodOrAbove: 1, percent: 50 } },
    },
    {
      name: 'shares per child from its grades, the total’s from the summed grades (one decimal)',
      statements: statements({
        years: [
          { ...grades(A.id, [1, 0, 0, 0]), admitted: 1, admitted_nonstate: 0, admitted_owners: 0, admitted_workers: 0, introduced: 0 },
          { ...grades(B.id, [0, 0, 1, 1]), admitted: 2, admitted_nonstate: 1, admitted_owners: 0, admitted_workers: 1, introduced: 3 },
        ],
      }),
      rows: [
        { unit: A.id, actual: { admitted: 1, members_good_share: 100 } },
        { unit: B.id, actual: { admitted: 2, admitted_nonstate: 1, admitted_workers: 1, introduced: 3, members_good_share: 0 } },
      ],
      total: { actual: { admitted: 3, admitted_nonstate: 1, admitted_workers: 1, introduced: 3, members_good_share: 33.3 } },
    },
    {
      name: 'targets: a child’s on its row, the unit’s on the total, progress rounded half up, none without a target',
      statements: statements({
        years: [{ ...grades(A.id, [1, 1, 0, 0]), admitted: 31, admitted_nonstate: 0, admitted_owners: 0, admitted_workers: 0, introduced: 0 }],
        founded: [{ k: ROOT, orgs_founded: 1, orgs_founded_fdi: 0 }],
      }),
      targets: [
        { unitId: A.id, measure: 'admitted', value: 26 },
        { unitId: A.id, measure: 'members_good_share', value: 80 },
        { unitId: ROOT, measure: 'admitted', value: 62 },
        { unitId: ROOT, measure: 'orgs_founded', value: 0 },
      ],
      rows: [
        { unit: A.id, actual: { admitted: 31, members_good_share: 100 }, target: { admitted: 26, members_good_share: 80 }, percent: { admitted: 119, members_good_share: 125 } },
        { unit: B.id, actual: {}, target: {}, percent: {} },
        { unit: null, actual: { orgs_founded: 1 }, target: {}, percent: {} },
      ],
      total: { actual: { admitted: 31, orgs_founded: 1, members_good_share: 100 }, target: { admitted: 62, orgs_founded: 0 }, percent: { admitted: 50, orgs_founded: null, members_good_share: null } },
    },
  ];
  for (const c of cases) {
    const d = aggregateDashboard({ rootId: ROOT, children: [A, B], statements: c.statements, targets: c.targets ?? [] });
    const full = (actual: Partial<Record<Measure, number | null>>) => ({ ...counts({}), ...actual });
    // No progress without a target.
    const progress = (given: Partial<Record<Measure, number | null>>) => Object.fromEntries(MEASURES.map((m) => [m, given[m] ?? null]));
    assert.deepEqual(
      d.rows.map((r) => r.unit?.id ?? null),
      c.rows.map((r) => r.unit),
      c.name,
    );
    c.rows.forEach((want, i) => {
      const got = d.rows[i];
      assert.deepEqual(got.actual, full(want.actual), `${c.name}: row ${want.unit}`);
      if (want.target) assert.deepEqual(got.target, want.target, `${c.name}: row ${want.unit} target`);
      if (want.percent) assert.deepEqual(got.percent, progress(want.percent), `${c.name}: row ${want.unit} percent`);
    });
    assert.deepEqual(d.total.unit, null);
    assert.deepEqual(d.total.actual, full(c.total.actual), `${c.name}: total`);
    if (c.total.target) assert.deepEqual(d.total.target, c.total.target, `${c.name}: total target`);
    if (c.total.percent) assert.deepEqual(d.total.percent, progress(c.total.percent), `${c.name}: total percent`);
    if (c.shares) assert.deepEqual(d.shares, c.shares, `${c.name}: shares`);
  }
});

test('each measure’s label and the list its figure opens', () => {
  const d = { window: 'wUnit=8&wFrom=2025-01-01&wTo=2025-12-31', start: '2025-01-01', end: '2025-12-31', lastYear: 2025 };
  const cases: [Measure, string][] = [
    ['admitted', '/members?wUnit=8&wFrom=2025-01-01&wTo=2025-12-31'],
    ['admitted_nonstate', '/members?wUnit=8&wFrom=2025-01-01&wTo=2025-12-31&inEnterprise=1'],
    ['admitted_owners', '/members?wUnit=8&wFrom=2025-01-01&wTo=2025-12-31&occupation=owner'],
    ['admitted_workers', '/members?wUnit=8&wFrom=2025-01-01&wTo=2025-12-31&occupation=direct_worker'],
    ['orgs_founded', '/founding?wUnit=8&wFrom=2025-01-01&wTo=2025-12-31'],
    ['orgs_founded_fdi', '/founding?wUnit=8&wFrom=2025-01-01&wTo=2025-12-31&fdi=1'],
    ['introduced', '/cases?wUnit=8&wFrom=2025-01-01&wTo=2025-12-31'],
    ['awareness_attendees', '/classes?kind=awareness&wUnit=8&wFrom=2025-01-01&wTo=2025-12-31'],
    ['enterprises_surveyed', '/engagement?from=2025-01-01&to=2025-12-31'],
    ['owners_met', '/engagement?from=2025-01-01&to=2025-12-31'],
    ['owners_persuaded', '/engagement?from=2025-01-01&to=2025-12-31'],
    ['orgs_good_share', '/ratings?year=2025'],
    ['members_good_share', '/ratings?year=2025'],
  ];
  assert.deepEqual(
    cases.map(([m]) => m),
    [...MEASURES],
  );
  for (const [m, href] of cases) {
    assert.equal(MEASURE_TABLE[m].list(d), href, m);
    assert.equal(MEASURE_TABLE[m].label, `reports.m.${m}`);
  }
});
