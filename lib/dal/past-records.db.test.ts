import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { demoTaxCode } from '@/db/seed/enterprises';
import { EARLIER_RULE_SETS, INITIAL_RULE_SET } from '@/db/seed/reference';
import { yearPeriod } from '@/lib/reports/maths';
import { expectRefused, registerTestDb, ROOT_ADMIN, seedEnterprisesAndMembers, withAudit } from '@/lib/test/db';
import { foundingOptions, listFoundingProposals, proposeFounding } from './founding';
import { recordPastFounding, type PastFoundingInput } from './founding-records';
import { createMember, getMember, type CreateMemberInput } from './members';
import { getDashboard } from './reports';
import { createRuleSet, listRuleSets, rulesOn } from './rules';

/**
 * Past years on record (issue 13, part 4): the rule-set versions in force before the portal, a
 * version added with a past date (needs a reason, audited), "no rule set in force on dd/mm/yyyy"
 * as a field error, and past decisions (a founding in 2021, an admission in 2019) entered as
 * records that count in their year's figures.
 */

const t = registerTestDb(seedEnterprisesAndMembers, { day: '2026-11-23' });

const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.db.execute(q))[0];
const firmId = async (serial: string) => Number((await one<{ id: number }>(sql`select id from enterprises where tax_code = ${demoTaxCode(serial)}`)).id);
const version = (effectiveFrom: string, reason?: string) => ({ effectiveFrom, label: 'Văn bản thử nghiệm', values: { ...INITIAL_RULE_SET.values, certificateValidityMonths: 36 }, reason });

describe('earlier rule-set versions', () => {
  test('the versions in force before 2022 are seeded, oldest first, with their sources and unconfirmed figures', async () => {
    const { versions, inForce } = await t.run('mytho.leader', () => listRuleSets());
    assert.deepEqual(
      versions.map((v) => v.effectiveFrom),
      ['2016-07-25', '2021-07-30', '2022-06-01'],
    );
    assert.match(versions[0].label, /29-QĐ\/TW/);
    assert.match(versions[1].label, /24-QĐ\/TW/);
    assert.deepEqual(versions[0].unconfirmed, EARLIER_RULE_SETS[0].unconfirmed);
    assert.ok(versions[0].unconfirmed!.includes('ratingBands'));
    assert.deepEqual(versions[2].unconfirmed, []);
    assert.equal(inForce?.effectiveFrom, '2022-06-01');
    assert.equal((await t.run('mytho.leader', () => rulesOn('2021-03-10'))).effectiveFrom, '2016-07-25');
    assert.equal((await t.run('mytho.leader', () => rulesOn('2021-07-30'))).effectiveFrom, '2021-07-30');
    assert.equal((await t.run('mytho.leader', () => rulesOn('2019-05-19'))).values.minAgeMonths, 216);
  });

  test('a date before the earliest version: "no rule set in force on dd/mm/yyyy" on the form’s date field', async () => {
    const err = await expectRefused(t, 'mytho.leader', () => rulesOn('2016-07-24', 'effectiveOn'), 'invalid');
    assert.equal(err.key, 'errors.noRuleSetOn');
    assert.deepEqual(err.fieldErrors, { effectiveOn: 'errors.noRuleSetOn' });
    assert.deepEqual(err.fieldParams, { effectiveOn: { date: '24/07/2016' } });
  });

  test('a founding proposal dated before the earliest version: a field error on its date, nothing changed', async () => {
    const vietHan = await firmId('0067733');
    const official = (await t.run('mytho.officer', () => foundingOptions(vietHan))).members.filter((m) => m.official).map((m) => m.id);
    const city = await t.unitId('TG-MYTHO');
    const err = await expectRefused(
      t,
      'mytho.officer',
      () => proposeFounding({ enterpriseId: vietHan, parentUnitId: city, cellName: 'Chi bộ Việt Hàn', memberIds: official.slice(0, 4), proposedOn: '2015-03-10' }),
      'invalid',
    );
    assert.deepEqual(err.fieldErrors, { proposedOn: 'errors.noRuleSetOn' });
    assert.deepEqual(err.fieldParams, { proposedOn: { date: '10/03/2015' } });
  });
});

describe('a rule-set version with a past date', () => {
  test('without a reason: a field error, nothing written', async () => {
    for (const reason of [undefined, '', '   ']) {
      const err = await expectRefused(t, ROOT_ADMIN, () => createRuleSet(version('2011-11-01', reason)), 'invalid');
      assert.deepEqual(err.fieldErrors, { reason: 'errors.ruleSetPastReason' });
    }
  });

  test('with a reason: kept with the version, written in the audit row, and in force for its dates', async () => {
    const reason = 'Nhập bổ sung Quy định 45-QĐ/TW (2011) để đối chiếu hồ sơ kết nạp năm 2012–2016.';
    const { audit } = await withAudit(t, () => t.run(ROOT_ADMIN, () => createRuleSet(version('2011-11-01', reason))));
    assert.deepEqual(
      audit.map((a) => a.action),
      ['ruleset.create'],
    );
    const after = audit[0].after as { effectiveFrom: string; reason: string; pastDate: boolean };
    assert.equal(after.effectiveFrom, '2011-11-01');
    assert.equal(after.reason, reason);
    assert.equal(after.pastDate, true);
    const [stored] = rowsOf<{ reason: string }>(await t.db.execute(sql`select reason from rule_sets where effective_from = '2011-11-01'`));
    assert.equal(stored.reason, reason);
    const v = await t.run('mytho.leader', () => rulesOn('2015-03-10'));
    assert.equal(v.values.certificateValidityMonths, 36);
    assert.equal(v.reason, reason);
    // The versions after it are untouched.
    assert.equal((await t.run('mytho.leader', () => rulesOn('2021-03-10'))).effectiveFrom, '2016-07-25');
  });

  test('a date that already has a version is refused, past or not', async () => {
    const err = await expectRefused(t, ROOT_ADMIN, () => createRuleSet(version('2016-07-25', 'Một lý do')), 'invalid');
    assert.deepEqual(err.fieldErrors, { effectiveFrom: 'errors.ruleSetDateTaken' });
  });

  for (const who of ['tinh.admin', 'mytho.admin', 'khoi.admin', 'tinh.leader', 'mytho.leader', 'tinh.viewer', 'tw.viewer']) {
    test(`${who} may not add a past version: refused, nothing changed`, async () => {
      await expectRefused(t, who, () => createRuleSet(version('2012-01-01', 'Một lý do')), 'forbidden');
    });
  }
});

describe('a founding decided before the portal, entered as a record', () => {
  const foundedIn2021 = async (who: string) => (await t.run(who, () => getDashboard({ period: yearPeriod(2021) }))).total.actual.orgs_founded ?? 0;
  let input: PastFoundingInput;

  before(async () => {
    input = {
      enterpriseId: await firmId('0067733'),
      parentUnitId: await t.unitId('TG-MYTHO'),
      cellName: 'Chi bộ Công ty TNHH Điện tử Việt Hàn',
      decisionNo: '125-QĐ/TU',
      decisionOn: '2021-03-10',
    };
  });

  test('refused with nothing changed: a viewer, an officer, a union branch, another committee, a ward leader, a future date', async () => {
    await expectRefused(t, 'tinh.viewer', () => recordPastFounding(input), 'forbidden');
    await expectRefused(t, 'mytho.officer', () => recordPastFounding(input), 'forbidden');
    // The province's leader is not the deciding committee of a cell under the city.
    await expectRefused(t, 'tinh.leader', () => recordPastFounding(input), 'forbidden');
    // Out of scope: the parent is not found.
    for (const who of ['cd.mekong', 'khoi.leader', 'p4.leader']) {
      const err = await expectRefused(t, who, () => recordPastFounding(input), 'invalid');
      assert.deepEqual(err.fieldErrors, { parentUnitId: 'errors.targetNotFound' });
    }
    const future = await expectRefused(t, 'mytho.leader', () => recordPastFounding({ ...input, decisionOn: '2026-11-24' }), 'invalid');
    assert.deepEqual(future.fieldErrors, { decisionOn: 'errors.dateInFuture' });
    // An enterprise out of the leader's scope (the bloc's Việt Phát) is not found.
    const vietPhat = Number((await one<{ id: number }>(sql`select id from enterprises where party_unit_id = ${await t.unitId('TG-KHOIDN-VIETPHAT')}`)).id);
    await expectRefused(t, 'mytho.leader', () => recordPastFounding({ ...input, enterpriseId: vietPhat }), ['not_found', 'invalid']);
  });

  test('the city’s leader records the 2021 decision: the cell, the link, a decided proposal from records, counted in 2021', async () => {
    const before2021 = await foundedIn2021('mytho.leader');
    const before2022 = (await t.run('mytho.leader', () => getDashboard({ period: yearPeriod(2022) }))).total.actual.orgs_founded ?? 0;
    const provinceBefore = await foundedIn2021('tinh.leader');
    const { result, audit } = await withAudit(t, () => t.run('mytho.leader', () => recordPastFounding(input)));
    assert.deepEqual(audit.map((a) => a.action).sort(), ['founding.record', 'founding.record.createUnit']);
    const unit = await one<{ kind: string; name: string; parent: number; event_on: string }>(
      sql`select u.kind, u.name, u.parent_id as parent, (select effective_on::text from unit_events e where e.unit_id = u.id and e.kind = 'created') as event_on from units u where u.id = ${result.unitId}`,
    );
    assert.deepEqual({ ...unit, parent: Number(unit.parent) }, { kind: 'cell', name: input.cellName, parent: input.parentUnitId, event_on: '2021-03-10' });
    const ent = await one<{ party_unit_id: number }>(sql`select party_unit_id from enterprises where id = ${input.enterpriseId}`);
    assert.equal(Number(ent.party_unit_id), result.unitId);
    const row = await one<{ state: string; from_records: boolean; decision_no: string; decision_on: string }>(
      sql`select state, from_records, decision_no, decision_on::text from founding_proposals where id = ${result.id}`,
    );
    assert.deepEqual(row, { state: 'decided', from_records: true, decision_no: '125-QĐ/TU', decision_on: '2021-03-10' });
    assert.equal(await foundedIn2021('mytho.leader'), before2021 + 1);
    assert.equal(await foundedIn2021('tinh.leader'), provinceBefore + 1);
    assert.equal((await t.run('mytho.leader', () => getDashboard({ period: yearPeriod(2022) }))).total.actual.orgs_founded ?? 0, before2022);
    const listed = (await t.run('mytho.officer', () => listFoundingProposals({ q: 'viet han' }))).items.find((p) => p.id === result.id);
    assert.equal(listed?.fromRecords, true);
    assert.equal(listed?.decisionOn, '2021-03-10');
  });

  test('the same enterprise again: it already has its cell, refused with nothing changed', async () => {
    const err = await expectRefused(t, 'mytho.leader', () => recordPastFounding({ ...input, decisionNo: '126-QĐ/TU' }), 'invalid');
    assert.deepEqual(err.fieldErrors, { enterpriseId: 'errors.foundingNotNeeded' });
  });
});

describe('an admission decided before the portal, entered with the member', () => {
  const admittedIn2019 = async (who: string) => (await t.run(who, () => getDashboard({ period: yearPeriod(2019) }))).total.actual.admitted ?? 0;
  let input: CreateMemberInput;

  before(async () => {
    input = {
      fullName: 'Lê Văn Thành',
      birthDate: '1988-04-02',
      gender: 'male',
      cellUnitId: await t.unitId('TG-MYTHO-P4-PHUONGNAM'),
      occupation: 'direct_worker',
      admittedOn: '2019-05-19',
      officialOn: '2020-05-19',
      admissionDecisionNo: '342-QĐ/TU',
    };
  });

  test('refused with nothing changed: a viewer, a union branch, another cell, another district, a future date', async () => {
    await expectRefused(t, 'tinh.viewer', () => createMember(input), 'forbidden');
    for (const who of ['cd.phuongnam', 'cb.mekong', 'chauthanh.admin']) await expectRefused(t, who, () => createMember(input), 'invalid');
    const future = await expectRefused(t, 'cb.phuongnam', () => createMember({ ...input, admittedOn: '2026-11-24', officialOn: undefined }), 'invalid');
    assert.deepEqual(future.fieldErrors, { admittedOn: 'errors.dateInFuture' });
  });

  test('the cell registers a member admitted in 2019 with the decision number: counted as admitted in 2019', async () => {
    const [cityBefore, provinceBefore, wardBefore] = await Promise.all([admittedIn2019('mytho.leader'), admittedIn2019('tinh.leader'), admittedIn2019('p4.leader')]);
    const before2020 = (await t.run('mytho.leader', () => getDashboard({ period: yearPeriod(2020) }))).total.actual.admitted ?? 0;
    const { result, audit } = await withAudit(t, () => t.run('cb.phuongnam', () => createMember(input)));
    assert.deepEqual(
      audit.map((a) => a.action),
      ['member.create'],
    );
    assert.equal((audit[0].after as { admissionDecisionNo: string }).admissionDecisionNo, '342-QĐ/TU');
    const m = await one<{ admission_decision_no: string; admitted_on: string }>(sql`select admission_decision_no, admitted_on::text from party_members where id = ${result.id}`);
    assert.deepEqual(m, { admission_decision_no: '342-QĐ/TU', admitted_on: '2019-05-19' });
    assert.equal((await t.run('mytho.leader', () => getMember(result.id))).admissionDecisionNo, '342-QĐ/TU');
    assert.equal(await admittedIn2019('mytho.leader'), cityBefore + 1);
    assert.equal(await admittedIn2019('tinh.leader'), provinceBefore + 1);
    assert.equal(await admittedIn2019('p4.leader'), wardBefore + 1);
    assert.equal((await t.run('mytho.leader', () => getDashboard({ period: yearPeriod(2020) }))).total.actual.admitted ?? 0, before2020);
  });
});
