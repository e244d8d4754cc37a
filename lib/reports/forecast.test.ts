import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { VN_HOLIDAYS } from '@/db/seed/holidays';
import { calendarOf } from '@/lib/rules/working-days';
import { INITIAL_RULE_SET } from '@/db/seed/reference';
import { addWorkingDays } from '@/lib/rules/working-days';
import { addDays } from '@/lib/rules/dates';
import { countsForYear, forecastThresholds, latestCeremony, latestStart } from './forecast';

const rules = INITIAL_RULE_SET.values;
const holidays = calendarOf(VN_HOLIDAYS);
const END = '2026-12-31';

describe('the year’s forecast of admissions', () => {
  test('a decided case counts when its ceremony is due within the year', () => {
    assert.equal(latestCeremony({ state: 'ceremony_pending', cellMeetingOn: '2026-08-03', decisionOn: '2026-10-01' }, '2026-11-23', rules, holidays), addWorkingDays('2026-10-01', 30, holidays));
    assert.equal(countsForYear({ state: 'ceremony_pending', cellMeetingOn: null, decisionOn: '2026-10-01' }, '2026-11-23', END, rules, holidays), true);
    assert.equal(countsForYear({ state: 'ceremony_pending', cellMeetingOn: null, decisionOn: '2026-12-01' }, '2026-12-02', END, rules, holidays), false);
  });

  test('a case awaiting the decision counts when decision and ceremony both fit before 31 December', () => {
    const early = { state: 'decision_pending' as const, cellMeetingOn: '2026-06-01', decisionOn: null };
    const late = { state: 'decision_pending' as const, cellMeetingOn: '2026-10-01', decisionOn: null };
    assert.equal(countsForYear(early, '2026-11-23', END, rules, holidays), true);
    assert.equal(countsForYear(late, '2026-11-23', END, rules, holidays), false);
    assert.equal(latestCeremony(late, '2026-11-23', rules, holidays), addWorkingDays(addWorkingDays('2026-10-01', 60, holidays), 30, holidays));
  });

  test('a case still with the cell is counted from today; drafts and finished cases never count', () => {
    assert.equal(countsForYear({ state: 'cell_review', cellMeetingOn: null, decisionOn: null }, '2026-02-02', END, rules, holidays), true);
    assert.equal(countsForYear({ state: 'cell_review', cellMeetingOn: null, decisionOn: null }, '2026-09-01', END, rules, holidays), false);
    for (const state of ['referral_draft', 'probation', 'official', 'rejected'] as const)
      assert.equal(latestCeremony({ state, cellMeetingOn: null, decisionOn: null }, '2026-02-02', rules, holidays), null);
  });
});

describe('forecast thresholds agree with the case-by-case rule', () => {
  test('for cases at every stage and many dates', () => {
    const today = '2026-09-15';
    const th = forecastThresholds(today, END, rules, holidays);
    for (let day = 0; day < 300; day += 7) {
      const d = new Date(Date.parse('2026-03-01T00:00:00Z') + day * 86_400_000).toISOString().slice(0, 10);
      const ceremony = { state: 'ceremony_pending' as const, cellMeetingOn: null, decisionOn: d };
      assert.equal(countsForYear(ceremony, today, END, rules, holidays), addWorkingDays(d, 30, holidays) <= th.ceremonyBy, d);
      const deciding = { state: 'decision_pending' as const, cellMeetingOn: d, decisionOn: null };
      assert.equal(countsForYear(deciding, today, END, rules, holidays), addWorkingDays(d, 60, holidays) <= th.decisionBy, d);
    }
    assert.equal(th.cellCounts, countsForYear({ state: 'cell_review', cellMeetingOn: null, decisionOn: null }, today, END, rules, holidays));
  });
});

describe('latestStart', () => {
  test('is the last day from which n working days end by the date, for every end date of two years and several n', () => {
    for (let end = '2025-01-01'; end <= '2026-12-31'; end = addDays(end, 1)) {
      for (const n of [0, 1, 5, 30]) {
        const d = latestStart(end, n, holidays);
        assert.ok(addWorkingDays(d, n, holidays) <= end, `${end} n=${n}: ${d} overshoots`);
        assert.ok(addWorkingDays(addDays(d, 1), n, holidays) > end, `${end} n=${n}: ${d} is not the last`);
      }
    }
  });
});
