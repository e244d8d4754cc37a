import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRefused, ROOT_ADMIN, registerTestDb, withAudit } from '@/lib/test/db';
import { INITIAL_RULE_SET } from '@/db/seed/reference';
import { createRuleSet, listCalendar, listRuleSets, loadHolidays, removeCalendarDay, rulesOn, saveCalendarDay, setCalendarYear } from './rules';

const t = registerTestDb(undefined, { day: '2026-11-23' });

const next = (effectiveFrom: string, certificateValidityMonths = 48) => ({
  effectiveFrom,
  label: 'Sửa đổi thử nghiệm',
  values: { ...INITIAL_RULE_SET.values, certificateValidityMonths },
});

describe('rule sets', () => {
  test('reference data: the versions since 2016, one in force, and the holidays are seeded', async () => {
    const { versions, inForce, canManage } = await t.run('mytho.leader', () => listRuleSets());
    assert.deepEqual(
      versions.map((v) => v.effectiveFrom),
      ['2016-07-25', '2021-07-30', '2022-06-01'],
    );
    assert.equal(inForce?.values.certificateValidityMonths, 60);
    assert.equal(canManage, false);
    const holidays = await t.run('mytho.leader', () => loadHolidays());
    assert.ok(holidays.daysOff.has('2026-02-17'));
    assert.ok(holidays.workingDays.has('2024-05-04'));
  });

  test('the root (national) administrator adds a version; each date gets its own version', async () => {
    assert.equal((await t.run(ROOT_ADMIN, () => listRuleSets())).canManage, true);
    const { audit } = await withAudit(t, () => t.run(ROOT_ADMIN, () => createRuleSet(next('2027-01-01'))));
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'ruleset.create');
    assert.equal((audit[0].after as { values: { certificateValidityMonths: number } }).values.certificateValidityMonths, 48);
    assert.equal((await t.run(ROOT_ADMIN, () => rulesOn('2026-12-31'))).values.certificateValidityMonths, 60);
    assert.equal((await t.run(ROOT_ADMIN, () => rulesOn('2027-01-01'))).values.certificateValidityMonths, 48);
  });

  test('no version in the past without a reason, none twice on one date, no inverted ages', async () => {
    const past = await expectRefused(t, ROOT_ADMIN, () => createRuleSet(next('2026-11-22')), 'invalid');
    assert.deepEqual(past.fieldErrors, { reason: 'errors.ruleSetPastReason' });
    await expectRefused(t, ROOT_ADMIN, () => createRuleSet(next('2027-01-01')), 'invalid');
    await expectRefused(t, ROOT_ADMIN, () => createRuleSet({ ...next('2027-03-01'), values: { ...INITIAL_RULE_SET.values, minAgeMonths: 800 } }), 'invalid');
  });

  for (const who of ['tinh.admin', 'tw.viewer', 'mytho.admin', 'khoi.admin', 'tinh.leader', 'tinh.viewer', 'cd.mekong']) {
    test(`${who} may not add a version: refused, nothing changed`, async () => {
      await expectRefused(t, who, () => createRuleSet(next('2027-06-01')), 'forbidden');
    });
  }
});

describe('the official calendar', () => {
  test('seeded years and days are listed; 2024 has its make-up Saturday', async () => {
    const cal = await t.run('mytho.leader', () => listCalendar(2024));
    assert.equal(cal.canManage, false);
    assert.equal(cal.status?.status, 'announced');
    assert.deepEqual(
      cal.days.find((d) => d.date === '2024-05-04'),
      { date: '2024-05-04', name: 'Làm bù cho ngày 29/4', kind: 'working_day' },
    );
    assert.equal((await t.run('mytho.leader', () => listCalendar(2027))).status?.status, 'provisional');
  });

  test('a province administrator adds a make-up Saturday, renames it, marks the year announced and removes the day; each step audited', async () => {
    const { audit } = await withAudit(t, async () => {
      await t.run(ROOT_ADMIN, () => saveCalendarDay({ date: '2027-05-08', name: 'Làm bù', kind: 'working_day' }));
      await t.run(ROOT_ADMIN, () => saveCalendarDay({ date: '2027-05-08', name: 'Làm bù cho ngày 04/5', kind: 'working_day' }));
      await t.run(ROOT_ADMIN, () => setCalendarYear({ year: 2027, status: 'announced', source: 'Thông báo thử nghiệm' }));
    });
    assert.deepEqual(
      audit.map((a) => a.action),
      ['calendar.day.save', 'calendar.day.save', 'calendar.year.set'],
    );
    const cal = await t.run(ROOT_ADMIN, () => listCalendar(2027));
    assert.equal(cal.status?.status, 'announced');
    assert.equal(cal.days.find((d) => d.date === '2027-05-08')?.name, 'Làm bù cho ngày 04/5');
    assert.ok((await t.run(ROOT_ADMIN, () => loadHolidays())).workingDays.has('2027-05-08'));
    await t.run(ROOT_ADMIN, () => removeCalendarDay('2027-05-08'));
    assert.equal(
      (await t.run(ROOT_ADMIN, () => listCalendar(2027))).days.some((d) => d.date === '2027-05-08'),
      false,
    );
  });

  test('a worked weekday, a day off on a weekend, or removing a day not on the calendar: refused, nothing changed', async () => {
    await expectRefused(t, ROOT_ADMIN, () => saveCalendarDay({ date: '2027-05-07', name: 'x', kind: 'working_day' }), 'invalid');
    await expectRefused(t, ROOT_ADMIN, () => saveCalendarDay({ date: '2027-05-08', name: 'x', kind: 'day_off' }), 'invalid');
    await expectRefused(t, ROOT_ADMIN, () => removeCalendarDay('2027-05-10'), 'not_found');
  });

  for (const who of ['tinh.admin', 'tw.viewer', 'mytho.admin', 'khoi.admin', 'tinh.leader', 'tinh.viewer', 'cd.mekong']) {
    test(`${who} may not change the calendar: refused, nothing changed`, async () => {
      await expectRefused(t, who, () => saveCalendarDay({ date: '2027-05-08', name: 'x', kind: 'working_day' }), 'forbidden');
      await expectRefused(t, who, () => removeCalendarDay('2027-01-01'), 'forbidden');
      await expectRefused(t, who, () => setCalendarYear({ year: 2027, status: 'provisional', source: 'x' }), 'forbidden');
    });
  }
});
