import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setClock } from '@/lib/clock';
import { expectRefused, setupTestDb, withAudit, type TestDb } from '@/lib/test/db';
import { INITIAL_RULE_SET } from '@/db/seed/reference';
import { createRuleSet, listRuleSets, loadHolidays, rulesOn } from './rules';

let t: TestDb;
before(async () => {
  t = await setupTestDb();
  setClock(() => new Date('2026-11-23T09:00:00+07:00'));
});
after(async () => {
  setClock(undefined);
  await t?.teardown();
});

const next = (effectiveFrom: string, certificateValidityMonths = 48) => ({
  effectiveFrom,
  label: 'Sửa đổi thử nghiệm',
  values: { ...INITIAL_RULE_SET.values, certificateValidityMonths },
});

describe('rule sets', () => {
  test('reference data: one version in force and the holidays are seeded', async () => {
    const { versions, inForce, canManage } = await t.run('mytho.leader', () => listRuleSets());
    assert.equal(versions.length, 1);
    assert.equal(inForce?.values.certificateValidityMonths, 60);
    assert.equal(canManage, false);
    const holidays = await t.run('mytho.leader', () => loadHolidays());
    assert.ok(holidays.has('2026-02-17'));
  });

  test('a province administrator adds a version; each date gets its own version', async () => {
    assert.equal((await t.run('tinh.admin', () => listRuleSets())).canManage, true);
    const { audit } = await withAudit(t, () => t.run('tinh.admin', () => createRuleSet(next('2027-01-01'))));
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'ruleset.create');
    assert.equal((audit[0].after as { values: { certificateValidityMonths: number } }).values.certificateValidityMonths, 48);
    assert.equal((await t.run('tinh.admin', () => rulesOn('2026-12-31'))).values.certificateValidityMonths, 60);
    assert.equal((await t.run('tinh.admin', () => rulesOn('2027-01-01'))).values.certificateValidityMonths, 48);
  });

  test('no version in the past, none twice on one date, no inverted ages', async () => {
    await expectRefused(t, 'tinh.admin', () => createRuleSet(next('2026-11-22')), 'invalid');
    await expectRefused(t, 'tinh.admin', () => createRuleSet(next('2027-01-01')), 'invalid');
    await expectRefused(
      t,
      'tinh.admin',
      () => createRuleSet({ ...next('2027-03-01'), values: { ...INITIAL_RULE_SET.values, minAgeMonths: 800 } }),
      'invalid',
    );
  });

  for (const who of ['mytho.admin', 'khoi.admin', 'tinh.leader', 'tinh.viewer', 'cd.mekong']) {
    test(`${who} may not add a version: refused, nothing changed`, async () => {
      await expectRefused(t, who, () => createRuleSet(next('2027-06-01')), 'forbidden');
    });
  }
});
