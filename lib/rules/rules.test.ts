import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { VN_CALENDAR_YEARS, VN_HOLIDAYS } from '@/db/seed/holidays';
import { addDays, addMonths, fullMonthsBetween } from './dates';
import { addWorkingDays, calendarOf, isWorkingDay, NO_HOLIDAYS, workingDaysBetween } from './working-days';
import { ageEligible, ageInMonths, certificateValid, ruleSetInForce, ruleValuesSchema, votePasses, votesNeeded, type RuleValues } from './rule-set';

// A rule set written out for the tests (the real versions are data in the database).
const RULES: RuleValues = ruleValuesSchema.parse({
  minAgeMonths: 18 * 12,
  maxAgeMonths: 60 * 12,
  certificateValidityMonths: 60,
  sponsorsRequired: 2,
  sponsorsWithUnionResolution: 1,
  cellVote: { numerator: 2, denominator: 3 },
  committeeVote: { numerator: 2, denominator: 3 },
  decisionDueWorkingDays: 60,
  decisionExtensionWorkingDays: 30,
  ceremonyDueWorkingDays: 30,
  probationMonths: 12,
  recognitionDueWorkingDays: 30,
  minMembersToFoundCell: 3,
  ratingBands: { excellent: 90, good: 70, completed: 50 },
});
const holidays = calendarOf(VN_HOLIDAYS);

describe('calendar arithmetic', () => {
  for (const [from, months, expected] of [
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2021-03-15', 60, '2026-03-15'],
    ['2025-12-10', 2, '2026-02-10'],
    ['2026-03-31', -1, '2026-02-28'],
  ] as const) {
    test(`addMonths(${from}, ${months}) = ${expected}`, () => assert.equal(addMonths(from, months), expected));
  }
  for (const [from, to, expected] of [
    ['2008-05-20', '2026-05-19', 215],
    ['2008-05-20', '2026-05-20', 216],
    ['2024-02-29', '2025-02-28', 12], // born on 29/02: the month completes on the month's last day
    ['2026-01-31', '2026-02-28', 1],
    ['2026-01-31', '2026-02-27', 0],
  ] as const) {
    test(`fullMonthsBetween(${from}, ${to}) = ${expected}`, () => assert.equal(fullMonthsBetween(from, to), expected));
  }
});

describe('age in months on the day the cell considers the case', () => {
  const cases: [birth: string, meeting: string, months: number, eligible: boolean][] = [
    ['2008-11-24', '2026-11-23', 215, false], // one day short of 18
    ['2008-11-23', '2026-11-23', 216, true], // 18 today
    ['1966-11-23', '2026-11-23', 720, true], // 60 today
    ['1966-10-23', '2026-11-22', 720, true], // 60 and 11 months minus a day: still 720 full months
    ['1966-10-22', '2026-11-22', 721, false], // over 60 (needs a provincial decision)
    ['1990-06-15', '2026-11-23', 437, true],
  ];
  for (const [birth, meeting, months, eligible] of cases) {
    test(`${birth} on ${meeting}: ${months} months, ${eligible ? 'eligible' : 'not eligible'}`, () => {
      assert.equal(ageInMonths(birth, meeting), months);
      assert.equal(ageEligible(birth, meeting, RULES), eligible);
    });
  }
});

describe('awareness certificate valid 60 months up to the cell meeting', () => {
  const cases: [issued: string, meeting: string, valid: boolean][] = [
    ['2021-03-15', '2026-03-14', true],
    ['2021-03-15', '2026-03-15', true], // expires on its 60th month: the day itself still counts
    ['2021-03-15', '2026-03-16', false],
    ['2021-08-31', '2026-08-31', true],
    ['2021-08-31', '2026-09-01', false],
    ['2026-12-01', '2026-11-23', false], // issued after the meeting
  ];
  for (const [issued, meeting, valid] of cases) {
    test(`issued ${issued}, meeting ${meeting}: ${valid ? 'valid' : 'expired'}`, () => assert.equal(certificateValid(issued, meeting, RULES), valid));
  }
});

describe('two-thirds votes', () => {
  const cases: [eligible: number, needed: number][] = [
    [3, 2],
    [7, 5],
    [10, 7],
    [11, 8],
  ];
  for (const [eligible, needed] of cases) {
    test(`${eligible} eligible need ${needed} for`, () => {
      assert.equal(votesNeeded(eligible, RULES.cellVote), needed);
      assert.equal(votePasses(needed, eligible, RULES.cellVote), true);
      assert.equal(votePasses(needed - 1, eligible, RULES.cellVote), false);
      assert.equal(votePasses(eligible, eligible, RULES.committeeVote), true);
    });
  }
  test('impossible counts never pass', () => {
    assert.equal(votePasses(5, 0, RULES.cellVote), false);
    assert.equal(votePasses(8, 7, RULES.cellVote), false);
    assert.equal(votePasses(-1, 3, RULES.cellVote), false);
    assert.equal(votePasses(2.5, 3, RULES.cellVote), false);
  });
});

describe('the official calendar: swapped days off and make-up Saturdays', () => {
  test('2024: Monday 29/4 off, Saturday 4/5 worked, so 3 working days after Friday 3/5 is Tuesday 7/5', () => {
    assert.equal(isWorkingDay('2024-04-29', holidays), false);
    assert.equal(isWorkingDay('2024-05-04', holidays), true);
    assert.equal(addWorkingDays('2024-05-03', 3, holidays), '2024-05-07');
    assert.equal(workingDaysBetween('2024-05-03', '2024-05-07', holidays), 3);
  });
  test('2025: Friday 2/5 off, Saturday 26/4 worked', () => {
    assert.equal(isWorkingDay('2025-05-02', holidays), false);
    assert.equal(isWorkingDay('2025-04-26', holidays), true);
    assert.equal(addWorkingDays('2025-04-25', 1, holidays), '2025-04-26');
    assert.equal(addWorkingDays('2025-04-29', 1, holidays), '2025-05-05'); // 30/4, 1/5, 2/5 off, then the weekend
  });
  test('2026: Friday 2/1 off, Saturday 10/1 worked (công văn 12729/VPCP-KGVX)', () => {
    assert.equal(isWorkingDay('2026-01-02', holidays), false);
    assert.equal(isWorkingDay('2026-01-10', holidays), true);
    assert.equal(addWorkingDays('2025-12-31', 1, holidays), '2026-01-05');
    assert.equal(addWorkingDays('2026-01-09', 1, holidays), '2026-01-10');
  });
  test('every seeded year is marked, and its entries are of the right kind: days off on weekdays, worked days on weekends', () => {
    const years = new Set(VN_HOLIDAYS.map((h) => Number(h.date.slice(0, 4))));
    assert.deepEqual([...years].sort(), VN_CALENDAR_YEARS.map((y) => y.year).sort());
    for (const h of VN_HOLIDAYS) {
      const wd = new Date(`${h.date}T00:00:00Z`).getUTCDay();
      if (h.kind === 'working_day') assert.ok(wd === 0 || wd === 6, `${h.date} is worked, so it must be a weekend day`);
      else assert.ok(wd !== 0 && wd !== 6, `${h.date} is a day off, so it must be a weekday`);
    }
    // A swap trades one day for another: as many make-up days as swapped days off.
    for (const { year } of VN_CALENDAR_YEARS) {
      const of = VN_HOLIDAYS.filter((h) => h.date.startsWith(String(year)));
      assert.equal(of.filter((h) => h.kind === 'working_day').length, of.filter((h) => /hoán đổi/.test(h.name)).length, String(year));
    }
  });
});

describe('working days with the holiday calendar', () => {
  test('weekends and holidays are not working days', () => {
    assert.equal(isWorkingDay('2026-11-21', holidays), false); // Saturday
    assert.equal(isWorkingDay('2026-11-23', holidays), true); // Monday
    assert.equal(isWorkingDay('2026-02-17', holidays), false); // Tết
    assert.equal(isWorkingDay('2026-09-02', holidays), false);
  });
  test('a deadline across Tết 2026 skips the whole holiday week', () => {
    // Friday 06/02/2026 + 10 working days: 9–13/02 (5), 16–20/02 is Tết, 23–27/02 (5) → 27/02.
    assert.equal(addWorkingDays('2026-02-06', 10, holidays), '2026-02-27');
    assert.equal(addWorkingDays('2026-02-06', 10, NO_HOLIDAYS), '2026-02-20');
    assert.equal(workingDaysBetween('2026-02-06', '2026-02-27', holidays), 10);
  });
  test('60 working days from a cell resolution in late 2025 land after Tết 2026', () => {
    const due = addWorkingDays('2025-12-15', 60, holidays);
    assert.equal(workingDaysBetween('2025-12-15', due, holidays), 60);
    assert.equal(isWorkingDay(due, holidays), true);
    assert.equal(due, '2026-03-17'); // counted by hand: 12 in Dec, 21 in Jan (1/1 off), 15 in Feb (Tết week off), 12 in Mar
  });
  test('n working days later is the day on which the n-th working day after the start falls, for every start of two years', () => {
    for (let from = '2025-01-01'; from <= '2026-12-31'; from = addDays(from, 1)) {
      for (const n of [1, 2, 5, 30, 60]) {
        let d = from;
        for (let left = n; left > 0;) {
          d = addDays(d, 1);
          if (isWorkingDay(d, holidays)) left -= 1;
        }
        assert.equal(addWorkingDays(from, n, holidays), d, `${from} + ${n}`);
      }
    }
  });
  test('zero working days is the day itself; negative is refused', () => {
    assert.equal(addWorkingDays('2026-11-23', 0, holidays), '2026-11-23');
    assert.throws(() => addWorkingDays('2026-11-23', -1, holidays), RangeError);
  });
});

describe('rule-set versions', () => {
  const v2022 = { effectiveFrom: '2022-01-01', label: 'HD 12-HD/BTCTW', values: RULES };
  const v2027 = { effectiveFrom: '2027-01-01', label: 'sửa đổi 2027', values: { ...RULES, certificateValidityMonths: 36 } };
  test('each date gets the version in force on that date', () => {
    assert.equal(ruleSetInForce([v2027, v2022], '2026-12-31'), v2022);
    assert.equal(ruleSetInForce([v2027, v2022], '2027-01-01'), v2027);
    assert.throws(() => ruleSetInForce([v2027, v2022], '2021-12-31'));
  });
  test('a case whose steps straddle a new version is checked against each step’s own version', () => {
    const issued = '2023-06-01';
    // The cell meets before the new version: 60 months apply; after it, 36 months.
    assert.equal(certificateValid(issued, '2026-12-15', ruleSetInForce([v2022, v2027], '2026-12-15').values), true);
    assert.equal(certificateValid(issued, '2027-01-15', ruleSetInForce([v2022, v2027], '2027-01-15').values), false);
  });
});
