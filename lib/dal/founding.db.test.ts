import { before, describe, test } from 'node:test';
import { searchKey } from '@/lib/people/identity';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { demoTaxCode } from '@/db/seed/enterprises';
import { expectRefused, seedEnterprisesAndMembers, registerTestDb, withAudit } from '@/lib/test/db';
import { decideFounding, foundingOptions, getFoundingProposal, listFoundingProposals, proposeFounding, rejectFounding } from './founding';
import { listPriorityEnterprises } from './enterprises';
import { transferOut } from './member-transfers';

const t = registerTestDb(seedEnterprisesAndMembers);

const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.db.execute(q))[0];
const firmId = async (serial: string) => Number((await one<{ id: number }>(sql`select id from enterprises where tax_code = ${demoTaxCode(serial)}`)).id);

describe('founding a party organisation', () => {
  let vietHan: number;
  let official: number[];
  let proposalId: number;

  before(async () => {
    vietHan = await firmId('0067733');
    const opts = await t.run('mytho.officer', () => foundingOptions(vietHan));
    official = opts.members.filter((m) => m.official).map((m) => m.id);
    assert.ok(official.length >= 4, 'the demo has Việt Hàn members in the labour federation cell');
    assert.equal(opts.minMembers, 3);
  });

  test('the priority list puts Việt Hàn, with enough official members working there, first and ready', async () => {
    const { items, minMembers } = await t.run('mytho.leader', () => listPriorityEnterprises());
    assert.equal(minMembers, 3);
    assert.equal(items[0].name, 'Công ty TNHH Điện tử Việt Hàn');
    assert.equal(items[0].ready, true);
    assert.ok(items.every((e) => e.rank >= 1) && items.slice(1).every((e) => !e.ready));
    // A ward sees only its own enterprises in the list.
    const p4 = await t.run('p4.leader', () => listPriorityEnterprises());
    assert.ok(!p4.items.some((e) => e.name === 'Công ty TNHH Điện tử Việt Hàn'));
  });

  test('fewer official members than the rule set asks: refused with the rule, nothing changes', async () => {
    const city = await t.unitId('TG-MYTHO');
    const err = await expectRefused(
      t,
      'mytho.officer',
      () => proposeFounding({ enterpriseId: vietHan, parentUnitId: city, cellName: 'Chi bộ Công ty TNHH Điện tử Việt Hàn', memberIds: official.slice(0, 2), proposedOn: '2026-11-23' }),
      'invalid',
    );
    assert.equal(err.key, 'errors.foundingTooFew');
    assert.deepEqual(err.params, { min: 3, given: 2 });
  });

  test('refused: members outside the proposer’s scope, a viewer, an unrelated district', async () => {
    const p6 = await t.unitId('TG-MYTHO-P6');
    const input = { enterpriseId: vietHan, parentUnitId: p6, cellName: 'Chi bộ Việt Hàn', memberIds: official.slice(0, 4), proposedOn: '2026-11-23' };
    const err = await expectRefused(t, 'p6.leader', () => proposeFounding(input), 'invalid');
    assert.equal(err.key, 'errors.memberNotEligible');
    await expectRefused(t, 'tinh.viewer', () => proposeFounding(input), 'forbidden');
    await expectRefused(t, 'chauthanh.admin', () => proposeFounding(input), 'not_found');
  });

  test('the city proposes with four official members; a second open proposal is refused', async () => {
    const city = await t.unitId('TG-MYTHO');
    const input = { enterpriseId: vietHan, parentUnitId: city, cellName: 'Chi bộ Công ty TNHH Điện tử Việt Hàn', memberIds: official.slice(0, 4), proposedOn: '2026-11-23' };
    ({ id: proposalId } = await t.run('mytho.officer', () => proposeFounding(input)));
    const p = await t.run('mytho.leader', () => getFoundingProposal(proposalId));
    assert.equal(p.deciderName, 'Thành ủy Mỹ Tho');
    assert.equal(p.canDecide, true);
    assert.equal((await t.run('mytho.officer', () => getFoundingProposal(proposalId))).canDecide, false);
    await expectRefused(t, 'mytho.officer', () => proposeFounding(input), 'conflict');
  });

  test('only the deciding committee’s leader decides: officer, province, ward and cell are refused, nothing changes', async () => {
    const decision = { id: proposalId, version: 1, decisionNo: '215-QĐ/TU', decisionOn: '2026-11-23', secretaryMemberId: official[0] };
    await expectRefused(t, 'mytho.officer', () => decideFounding(decision), 'forbidden');
    await expectRefused(t, 'tinh.leader', () => decideFounding(decision), 'forbidden');
    await expectRefused(t, 'p6.leader', () => decideFounding(decision), 'not_found');
    await expectRefused(t, 'cb.ldld', () => decideFounding(decision), 'not_found');
    await expectRefused(t, 'mytho.leader', () => decideFounding({ ...decision, secretaryMemberId: official[5] ?? 999999 }), 'invalid');
    await expectRefused(t, 'mytho.leader', () => rejectFounding({ id: proposalId, version: 0, reason: 'x' }), 'conflict');
    await expectRefused(t, 'mytho.officer', () => rejectFounding({ id: proposalId, version: 1, reason: 'x' }), 'forbidden');
    await expectRefused(t, 'p6.leader', () => rejectFounding({ id: proposalId, version: 1, reason: 'x' }), 'not_found');
  });

  test('the decision creates the cell under the city, moves the four members in and links the enterprise, at once', async () => {
    const { result, audit } = await withAudit(t, () =>
      t.run('mytho.leader', () => decideFounding({ id: proposalId, version: 1, decisionNo: '215-QĐ/TU', decisionOn: '2026-11-23', secretaryMemberId: official[0] })),
    );
    const unit = await one<{ kind: string; parent: string; name: string }>(sql`select u.kind, p.code as parent, u.name from units u join units p on p.id = u.parent_id where u.id = ${result.unitId}`);
    assert.deepEqual(unit, { kind: 'cell', parent: 'TG-MYTHO', name: 'Chi bộ Công ty TNHH Điện tử Việt Hàn' });
    const moved = rowsOf<{ id: number; cell: number }>(await t.db.execute(sql`select id, cell_unit_id as cell from party_members where id in (${sql.join(official.slice(0, 4), sql`, `)})`));
    assert.ok(moved.every((m) => Number(m.cell) === result.unitId));
    const stayed = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from party_members where enterprise_id = ${vietHan} and cell_unit_id <> ${result.unitId}`));
    assert.ok(Number(stayed[0].n) >= 1, 'members not in the proposal stay where they were');
    assert.equal(Number((await one<{ p: number }>(sql`select party_unit_id as p from enterprises where id = ${vietHan}`)).p), result.unitId);
    assert.deepEqual(audit.map((a) => a.action).sort(), ['founding.createUnit', 'founding.decide']);
    assert.equal((await t.run('mytho.leader', () => listFoundingProposals())).items[0].state, 'decided');
    const decided = (await t.run('mytho.leader', () => listFoundingProposals({ state: 'decided' }))).items;
    assert.ok(decided.length >= 1 && decided.every((p) => p.state === 'decided'));
    const firm = decided[0].enterpriseName;
    assert.ok((await t.run('mytho.leader', () => listFoundingProposals({ q: searchKey(firm) }))).items.some((p) => p.id === decided[0].id));
    assert.deepEqual((await t.run('mytho.leader', () => listFoundingProposals({ q: 'khong co doanh nghiep nay' }))).items, []);
    await expectRefused(t, 'mytho.leader', () => decideFounding({ id: proposalId, version: 2, decisionNo: 'x', decisionOn: '2026-11-23', secretaryMemberId: official[0] }), 'conflict');
  });

  test('a member leaving between proposal and decision stops the whole decision: no cell, no member moved', async () => {
    const tanPhu = await t.unitId('TG-MYTHO-P6-TANPHU');
    const mekong = await t.unitId('TG-MYTHO-MEKONG');
    const city = await t.unitId('TG-MYTHO');
    const hungThinh = await firmId('0071254');
    // Three official members of the Mekong cell are recorded as working at Hưng Thịnh.
    const ids = rowsOf<{ id: number }>(
      await t.db.execute(sql`select id from party_members where cell_unit_id = ${mekong} and official_on is not null and occupation <> 'owner' order by id limit 3`),
    ).map((r) => Number(r.id));
    await t.db.execute(sql`update party_members set enterprise_id = ${hungThinh} where id in (${sql.join(ids, sql`, `)})`);
    const { id } = await t.run('mytho.officer', () =>
      proposeFounding({ enterpriseId: hungThinh, parentUnitId: city, cellName: 'Chi bộ Công ty TNHH Nhựa Hưng Thịnh', memberIds: ids, proposedOn: '2026-11-23' }),
    );
    const { version } = await one<{ version: number }>(sql`select version from party_members where id = ${ids[2]}`);
    await t.run('cb.mekong', () => transferOut({ memberId: ids[2], version: Number(version), effectiveOn: '2026-11-23', toCellUnitId: tanPhu }));
    const err = await expectRefused(t, 'mytho.leader', () => decideFounding({ id, version: 1, decisionNo: '216-QĐ/TU', decisionOn: '2026-11-23', secretaryMemberId: ids[0] }), 'invalid');
    assert.equal(err.key, 'errors.memberNotEligible');
    await t.run('mytho.leader', () => rejectFounding({ id, version: 1, reason: 'Một đảng viên đang chuyển sinh hoạt đi' }));
    assert.equal((await t.run('mytho.leader', () => getFoundingProposal(id))).state, 'rejected');
  });

  test('a proposal read through its parent ward names only the members in the ward’s own subtree', async () => {
    const mekong = await t.unitId('TG-MYTHO-MEKONG');
    const p6 = await t.unitId('TG-MYTHO-P6');
    const hungThinh = await firmId('0071254');
    const ids = rowsOf<{ id: number }>(
      await t.db.execute(sql`select id from party_members where cell_unit_id = ${mekong} and official_on is not null and occupation <> 'owner' and transfer_to_unit_id is null order by id limit 3`),
    ).map((r) => Number(r.id));
    await t.db.execute(sql`update party_members set enterprise_id = ${hungThinh} where id in (${sql.join(ids, sql`, `)})`);
    // The city proposes the cell under Phường 6 (which manages Hưng Thịnh) with members of its own Mekong cell.
    const { id } = await t.run('mytho.officer', () =>
      proposeFounding({ enterpriseId: hungThinh, parentUnitId: p6, cellName: 'Chi bộ Công ty TNHH Nhựa Hưng Thịnh', memberIds: ids, proposedOn: '2026-11-23' }),
    );
    assert.equal((await t.run('mytho.leader', () => getFoundingProposal(id))).memberList.length, 3);
    const ward = await t.run('p6.leader', () => getFoundingProposal(id));
    assert.deepEqual([ward.members, ward.memberList.length], [3, 0]);
  });
});
