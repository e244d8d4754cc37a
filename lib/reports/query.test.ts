import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drillDown, reportQuery, type ReportParams } from './query';

test('the dashboard’s query: unit, period and sort from the search parameters', () => {
  const cases: [ReportParams, ReturnType<typeof reportQuery>][] = [
    [{}, { unitId: undefined, period: { kind: 'year', from: 2026, to: 2026 }, sort: undefined }],
    [
      { unit: '8', year: '2025' },
      { unitId: 8, period: { kind: 'year', from: 2025, to: 2025 }, sort: undefined },
    ],
    [
      { unit: 'x', year: '25' },
      { unitId: undefined, period: { kind: 'year', from: 2026, to: 2026 }, sort: undefined },
    ],
    [{ unit: '1234567890' }, { unitId: undefined, period: { kind: 'year', from: 2026, to: 2026 }, sort: undefined }],
    [
      { from: '2020', to: '2025' },
      { unitId: undefined, period: { kind: 'term', from: 2020, to: 2025 }, sort: undefined },
    ],
    [
      { from: '2025', to: '2020', year: '2024' },
      { unitId: undefined, period: { kind: 'year', from: 2024, to: 2024 }, sort: undefined },
    ],
    [{ from: '2020' }, { unitId: undefined, period: { kind: 'year', from: 2026, to: 2026 }, sort: undefined }],
    // ?period= (the period picker) wins over the rest.
    [
      { period: '2021-2025', year: '2024' },
      { unitId: undefined, period: { kind: 'term', from: 2021, to: 2025 }, sort: undefined },
    ],
    [
      { period: '2023', from: '2020', to: '2025' },
      { unitId: undefined, period: { kind: 'year', from: 2023, to: 2023 }, sort: undefined },
    ],
    [
      { period: 'bad', year: '2022' },
      { unitId: undefined, period: { kind: 'year', from: 2022, to: 2022 }, sort: undefined },
    ],
    [{ sort: 'owners_met' }, { unitId: undefined, period: { kind: 'year', from: 2026, to: 2026 }, sort: 'owners_met' }],
    [{ sort: 'drop table' }, { unitId: undefined, period: { kind: 'year', from: 2026, to: 2026 }, sort: undefined }],
  ];
  for (const [params, want] of cases) assert.deepEqual(reportQuery(params, 2026), want, JSON.stringify(params));
});

test('a figure’s drill-down: the report window of the unit and the period', () => {
  assert.deepEqual(drillDown(8, { kind: 'term', from: 2021, to: 2025 }), { window: 'wUnit=8&wFrom=2021-01-01&wTo=2025-12-31', start: '2021-01-01', end: '2025-12-31', lastYear: 2025 });
});
