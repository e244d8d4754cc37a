import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { VN_HOLIDAYS } from '@/db/seed/holidays';
import { calendarOf } from '@/lib/rules/working-days';
import { DEMO_CASES, demoNationalId, demoSchedule } from '@/db/seed/cases';
import { cccdProblem } from '@/lib/people/identity';
import { INITIAL_RULE_SET } from '@/db/seed/reference';
import type { RuleValues } from '@/lib/rules/rule-set';
import { addWorkingDays } from '@/lib/rules/working-days';
import { dueOnFor, runChecks, type CheckFacts } from './checks';
import { probationEnd } from './workflow';
import { STATES } from './states';

// The initial rule set (Quy định 2022): the values the statutes give, as seeded.
const RULES: RuleValues = INITIAL_RULE_SET.values;
const holidays = calendarOf(VN_HOLIDAYS);

const facts = (over: Partial<CheckFacts>): CheckFacts => ({
  effectiveOn: '2027-03-01',
  birthDate: '1995-05-10',
  certificateIssuedOn: '2025-01-15',
  sponsors: 2,
  withUnionResolution: true,
  cellMeetingOn: null,
  cellVotesFor: null,
  cellEligible: null,
  committeeVotesFor: null,
  committeeMembers: null,
  decisionOn: null,
  ceremonyOn: null,
  probationEndsOn: null,
  ...over,
});

describe('deadlines of the step a case waits for', () => {
  test('the decision is due 60 working days after the cell resolution, Tết 2027 skipped', () => {
    const due = dueOnFor('decision_pending', facts({ cellMeetingOn: '2026-12-15' }), RULES, holidays);
    assert.equal(due, addWorkingDays('2026-12-15', 60, holidays));
    assert.ok(due! > '2027-03-10', `${due} lies after the Tết week`);
  });
  test('the ceremony is due 30 working days after the decision', () => {
    assert.equal(dueOnFor('ceremony_pending', facts({ decisionOn: '2027-04-05' }), RULES, holidays), addWorkingDays('2027-04-05', 30, holidays));
  });
  test('a probationary member is not overdue the day probation ends: recognition is due 30 working days later', () => {
    const end = probationEnd('2027-04-19', RULES);
    assert.equal(end, '2028-04-19');
    const due = dueOnFor('probation', facts({ probationEndsOn: end }), RULES, holidays);
    assert.equal(due, addWorkingDays(end, 30, holidays));
    assert.equal(dueOnFor('recognition_cell_review', facts({ probationEndsOn: end }), RULES, holidays), due);
  });
  test('drafts and finished cases have no deadline', () => {
    for (const s of ['referral_draft', 'official', 'removed', 'rejected'] as const) assert.equal(dueOnFor(s, facts({}), RULES, holidays), null);
  });
});

describe('checks on the facts of a step', () => {
  test('a decision after its deadline fails with the deadline and the extension allowed', () => {
    const due = addWorkingDays('2026-12-15', 60, holidays);
    const [f] = runChecks(['decisionDeadline'], facts({ cellMeetingOn: '2026-12-15', decisionOn: '2027-06-01' }), RULES, holidays);
    assert.deepEqual(f, { check: 'decisionDeadline', detail: { due, extension: 30 } });
    assert.deepEqual(runChecks(['decisionDeadline'], facts({ cellMeetingOn: '2026-12-15', decisionOn: due }), RULES, holidays), []);
  });
  test('opening recognition the day before probation ends fails; on the day it passes', () => {
    assert.equal(runChecks(['probationEnded'], facts({ effectiveOn: '2028-04-18', probationEndsOn: '2028-04-19' }), RULES, holidays).length, 1);
    assert.deepEqual(runChecks(['probationEnded'], facts({ effectiveOn: '2028-04-19', probationEndsOn: '2028-04-19' }), RULES, holidays), []);
  });
  test('one sponsor is enough with the union resolution, two without', () => {
    assert.deepEqual(runChecks(['sponsors'], facts({ sponsors: 1 }), RULES, holidays), []);
    assert.deepEqual(runChecks(['sponsors'], facts({ sponsors: 1, withUnionResolution: false }), RULES, holidays), [{ check: 'sponsors', detail: { needed: 2, given: 1 } }]);
  });
});

describe('the demo pipeline (db/seed/cases.ts)', () => {
  test('holds a case at every stage of the workflow', () => {
    const stages = new Set(DEMO_CASES.map((c) => c.stage));
    assert.deepEqual(
      STATES.filter((s) => !stages.has(s)),
      [],
    );
  });
  test('every demo citizen ID is valid for its person', () => {
    for (const c of DEMO_CASES) {
      const id = demoNationalId(c);
      if (id) assert.equal(cccdProblem(id, c), null, `${c.fullName}: ${id}`);
    }
  });
  test('each schedule is in date order and fits before the day of seeding', () => {
    for (const c of DEMO_CASES) {
      const start = '2026-11-23';
      const steps = demoSchedule(c, start);
      const dates = steps.map((s) => s.on);
      assert.deepEqual(dates, [...dates].sort(), c.fullName);
      const span = (Date.parse(dates.at(-1)!) - Date.parse(start)) / 86_400_000;
      assert.ok(c.startedDaysAgo !== undefined && span <= c.startedDaysAgo, `${c.fullName}: ${span} days of steps, started ${c.startedDaysAgo} days ago`);
    }
  });
});
