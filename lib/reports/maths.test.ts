import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { abovePlan, parsePeriod, parseWindow, windowQuery, periodChoices, periodKey, periodWindow, progressPercent, sumBy, termPeriod, yearPeriod } from './maths';

describe('report maths', () => {
  const cases: [number, number | null, number | null][] = [
    [31, 26, 119], // the published example
    [32, 32, 100],
    [0, 10, 0],
    [1, 3, 33],
    [2, 3, 67], // 66.67 rounds up
    [1, 8, 13], // 12.5 rounds half up
    [1147, 903, 127], // the Tuyên Quang term: 27% above plan
    [5, null, null],
    [5, 0, null],
  ];
  for (const [actual, target, expected] of cases) test(`${actual} of ${target} is ${expected}%`, () => assert.equal(progressPercent(actual, target), expected));

  test('above plan', () => {
    assert.equal(abovePlan(1147, 903), 27);
    assert.equal(abovePlan(20, 25), -20);
  });

  test('a year runs 1 January to 31 December; a term from its first year to its last', () => {
    assert.deepEqual(periodWindow(yearPeriod(2026)), { start: '2026-01-01', end: '2026-12-31' });
    assert.deepEqual(periodWindow(termPeriod(2020, 2025)), { start: '2020-01-01', end: '2025-12-31' });
    assert.throws(() => termPeriod(2025, 2020));
  });

  test('a parent is the sum of its children', () => {
    const m = sumBy([
      { key: 'a', value: 2 },
      { key: 'b', value: 3 },
      { key: 'a', value: 5 },
    ]);
    assert.deepEqual(
      [...m.entries()],
      [
        ['a', 7],
        ['b', 3],
      ],
    );
  });

  test('periods as the forms write them', () => {
    assert.deepEqual(parsePeriod('2026'), yearPeriod(2026));
    assert.deepEqual(parsePeriod('2020-2025'), termPeriod(2020, 2025));
    for (const bad of ['2025-2020', '2020-2040', '20x6', undefined, '']) assert.equal(parsePeriod(bad), null, String(bad));
    // A forged link: PostgreSQL has no year 0 (the dashboard's query failed), and no date of the portal lies outside 1900–2100.
    for (const bad of ['0000', '0000-0005', '1899', '2101', '2100-2101']) assert.equal(parsePeriod(bad), null, bad);
    assert.equal(periodKey(termPeriod(2020, 2025)), '2020-2025');
    const choices = periodChoices(2026).map(periodKey);
    assert.ok(choices.includes('2026') && choices.includes('2020-2025') && choices.includes('2025-2030'));
    assert.deepEqual(
      choices.filter((c) => /^\d{4}$/.test(c)),
      ['2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027'],
    );
    // From the earliest rule set's year: the years of records entered from the past can be chosen.
    const fromRecords = periodChoices(2026, 2016)
      .map(periodKey)
      .filter((c) => /^\d{4}$/.test(c));
    assert.equal(fromRecords[0], '2016');
    assert.equal(fromRecords.at(-1), '2027');
    assert.equal(fromRecords.length, 12);
    // A later first year never hides the recent years.
    assert.equal(periodChoices(2026, 2024).map(periodKey)[0], '2020');
  });
});

describe('figure windows', () => {
  test('a link carries its unit and dates, and only well-formed ones are read back', () => {
    const w = { unitId: 12, from: '2024-01-01', to: '2024-12-31' };
    assert.equal(windowQuery(w), 'wUnit=12&wFrom=2024-01-01&wTo=2024-12-31');
    assert.deepEqual(parseWindow(Object.fromEntries(new URLSearchParams(windowQuery(w)))), w);
    assert.equal(parseWindow({ wUnit: '12', wFrom: '2024-01-01' }), undefined);
    assert.equal(parseWindow({ wUnit: 'x', wFrom: '2024-01-01', wTo: '2024-12-31' }), undefined);
    assert.equal(parseWindow({ wUnit: '12', wFrom: '2024-12-31', wTo: '2024-01-01' }), undefined);
    assert.equal(parseWindow({ wUnit: '12', wFrom: '01/01/2024', wTo: '2024-12-31' }), undefined);
    // Shaped like dates but not days of the calendar (PostgreSQL refused them: the list failed with a 500).
    for (const [wFrom, wTo] of [
      ['2026-02-31', '2026-03-01'],
      ['2026-13-45', '2026-14-01'],
      ['0000-01-01', '2024-12-31'],
    ])
      assert.equal(parseWindow({ wUnit: '12', wFrom, wTo }), undefined, wFrom);
  });
});
