import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { expectRefused, registerTestDb, withAudit } from '@/lib/test/db';
import { cancelTransfer, listIncomingTransfers, receiveTransfer, setTemporaryActivity, transferOut } from './member-transfers';
import { createMember, endMembership, getMember, listMembers, updateMember, type CreateMemberInput } from './members';

const t = registerTestDb();

async function memberInput(over: Partial<CreateMemberInput> = {}): Promise<CreateMemberInput> {
  return {
    fullName: 'Nguyễn Thị Bích Liên',
    birthDate: '1990-03-12',
    gender: 'female',
    nationalId: '082190001111',
    cellUnitId: await t.unitId('TG-MYTHO-P4-PHUONGNAM'),
    occupation: 'direct_worker',
    admittedOn: '2015-05-19',
    officialOn: '2016-05-19',
    cardNo: '82.012345',
    ...over,
  };
}

const cellsOf = async (memberId: number) =>
  rowsOf<{ cell: number; pending: number | null; host: number | null; version: number }>(
    await t.db.execute(sql`select cell_unit_id as cell, transfer_to_unit_id as pending, host_unit_id as host, version from party_members where id = ${memberId}`),
  )[0];

describe('party members', () => {
  let id: number;

  test('a cell leader registers a member: NFC name, masked CCCD in lists, access logged when opened', async () => {
    const { result, audit } = await withAudit(t, async () => t.run('cb.phuongnam', async () => createMember(await memberInput({ fullName: 'Nguye\u0302\u0303n Thị Bích Liên' }))));
    id = result.id;
    assert.deepEqual(
      audit.map((a) => a.action),
      ['member.create'],
    );
    assert.ok(!JSON.stringify(audit[0].after).includes('082190001111'), 'the audit row does not hold the full CCCD');
    const [item] = (await t.run('p4.leader', () => listMembers({ q: 'nguyen thi bich lien' }))).items;
    assert.equal(item.fullName, 'Nguyễn Thị Bích Liên');
    assert.equal(item.nationalIdMasked, '••••••••1111');
    const m = await t.run('mytho.leader', () => getMember(id));
    assert.equal(m.canManage, true);
    const [{ n }] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from person_access_log where person_id = ${m.personId}`));
    assert.equal(Number(n), 1);
  });

  test('duplicates are flagged, never merged: the same CCCD is refused, the same name and birth date needs a confirmation', async () => {
    const sameId = await expectRefused(t, 'cb.phuongnam', async () => createMember(await memberInput({ fullName: 'Trần Văn Khác', cardNo: undefined })), 'invalid');
    assert.deepEqual(sameId.fieldErrors, { nationalId: 'people.sameId.member' });
    const twin = await memberInput({ nationalId: undefined, cardNo: undefined, cellUnitId: await t.unitId('TG-MYTHO-MEKONG') });
    const flagged = await expectRefused(t, 'cb.mekong', () => createMember(twin), 'invalid');
    // Mekong's cell cannot see Phương Nam's member: it is told only that a record exists elsewhere.
    assert.deepEqual(flagged.fieldErrors, { confirmNotDuplicate: 'people.sameName.elsewhere' });
    await t.run('cb.mekong', () => createMember({ ...twin, confirmNotDuplicate: true }));
  });

  test('refused with nothing changed: a viewer, another cell, a union branch, another district, a forged cell', async () => {
    await expectRefused(t, 'tinh.viewer', async () => createMember(await memberInput({ nationalId: undefined, fullName: 'A B', cardNo: undefined })), 'forbidden');
    for (const who of ['cb.mekong', 'cd.phuongnam', 'chauthanh.admin', 'p6.leader'])
      await expectRefused(t, who, async () => createMember(await memberInput({ nationalId: undefined, fullName: 'A B', cardNo: undefined })), 'invalid');
    await expectRefused(t, 'cb.phuongnam', async () => createMember(await memberInput({ nationalId: undefined, fullName: 'A B', cardNo: undefined, cellUnitId: 999999 })), 'invalid');
    await expectRefused(t, 'cb.mekong', () => getMember(id), 'not_found');
  });

  test('a transfer keeps the member in exactly one cell: the old one until received, then the new one only', async () => {
    const mekong = await t.unitId('TG-MYTHO-MEKONG');
    const phuongNam = await t.unitId('TG-MYTHO-P4-PHUONGNAM');
    let v = (await cellsOf(id)).version;
    // Only the member's own side sends; the receiving cell cannot pull.
    await expectRefused(t, 'cb.mekong', () => transferOut({ memberId: id, version: v, effectiveOn: '2026-11-02', toCellUnitId: mekong }), 'not_found');
    await t.run('cb.phuongnam', () => transferOut({ memberId: id, version: v, effectiveOn: '2026-11-02', toCellUnitId: mekong }));
    assert.deepEqual(await cellsOf(id), { cell: phuongNam, pending: mekong, host: null, version: v + 1 });
    v++;
    assert.deepEqual(
      (await t.run('cb.mekong', () => listIncomingTransfers())).items.map((m) => m.id),
      [id],
    );
    assert.deepEqual((await t.run('cb.phuongnam', () => listIncomingTransfers())).items, []);
    // Counted in the sending cell while pending, not in the receiving one.
    assert.ok((await t.run('mytho.leader', () => listMembers({ unitId: phuongNam }))).items.some((m) => m.id === id));
    assert.ok(!(await t.run('mytho.leader', () => listMembers({ unitId: mekong }))).items.some((m) => m.id === id));
    // The sender cannot receive its own transfer; a third cell cannot see it; a receipt dated before the transfer is refused.
    await expectRefused(t, 'cb.phuongnam', () => receiveTransfer({ memberId: id, version: v, effectiveOn: '2026-11-05' }), 'forbidden');
    await expectRefused(t, 'cb.ldld', () => receiveTransfer({ memberId: id, version: v, effectiveOn: '2026-11-05' }), 'not_found');
    await expectRefused(t, 'cb.mekong', () => receiveTransfer({ memberId: id, version: v, effectiveOn: '2026-11-01' }), 'invalid');
    await t.run('cb.mekong', () => receiveTransfer({ memberId: id, version: v, effectiveOn: '2026-11-05' }));
    assert.deepEqual(await cellsOf(id), { cell: mekong, pending: null, host: null, version: v + 1 });
    await expectRefused(t, 'cb.phuongnam', () => getMember(id), 'not_found');
    const history = (await t.run('cb.mekong', () => getMember(id))).events.map((e) => e.kind);
    assert.deepEqual(history, ['registered', 'transfer_out', 'transfer_in']);
  });

  test('a pending transfer can be cancelled by its sender; a stale version is refused', async () => {
    const ldld = await t.unitId('TG-MYTHO-LDLD');
    const { version } = await cellsOf(id);
    await t.run('cb.mekong', () => transferOut({ memberId: id, version, effectiveOn: '2026-11-10', toCellUnitId: ldld }));
    await expectRefused(t, 'cb.mekong', () => cancelTransfer({ memberId: id, version, effectiveOn: '2026-11-11' }), 'conflict');
    await t.run('cb.mekong', () => cancelTransfer({ memberId: id, version: version + 1, effectiveOn: '2026-11-11' }));
    assert.equal((await cellsOf(id)).pending, null);
    await expectRefused(t, 'cb.ldld', () => receiveTransfer({ memberId: id, version: version + 2, effectiveOn: '2026-11-12' }), 'not_found');
  });

  test('temporary activity names a host cell without moving the member', async () => {
    const ldld = await t.unitId('TG-MYTHO-LDLD');
    const mekong = await t.unitId('TG-MYTHO-MEKONG');
    let { version } = await cellsOf(id);
    await t.run('cb.mekong', () => setTemporaryActivity({ memberId: id, version, effectiveOn: '2026-11-12', hostCellUnitId: ldld }));
    assert.deepEqual(await cellsOf(id), { cell: mekong, pending: null, host: ldld, version: version + 1 });
    version++;
    // The host sees them but does not count them; it cannot end the activity for the home cell.
    assert.equal((await t.run('cb.ldld', () => getMember(id))).status, 'temporary_elsewhere');
    assert.ok(!(await t.run('mytho.leader', () => listMembers({ unitId: ldld }))).items.some((m) => m.id === id));
    await expectRefused(t, 'cb.ldld', () => setTemporaryActivity({ memberId: id, version, effectiveOn: '2026-11-20' }), 'forbidden');
    await expectRefused(t, 'cb.mekong', () => transferOut({ memberId: id, version, effectiveOn: '2026-11-20', toCellUnitId: ldld }), 'invalid');
    await t.run('cb.mekong', () => setTemporaryActivity({ memberId: id, version, effectiveOn: '2026-11-20' }));
    assert.deepEqual(await cellsOf(id), { cell: mekong, pending: null, host: null, version: version + 1 });
  });

  test('the cell corrects the record and records a member leaving; others are refused, nothing changes', async () => {
    let { version } = await cellsOf(id);
    await expectRefused(t, 'cb.phuongnam', () => updateMember({ memberId: id, version, occupation: 'manager' }), 'not_found');
    await expectRefused(t, 'tinh.viewer', () => updateMember({ memberId: id, version, occupation: 'manager' }), 'forbidden');
    await expectRefused(t, 'cb.mekong', () => updateMember({ memberId: id, version, occupation: 'manager', officialOn: '2010-01-01' }), 'invalid');
    await t.run('cb.mekong', () => updateMember({ memberId: id, version, occupation: 'manager', cardNo: '82.099999' }));
    assert.equal((await t.run('cb.mekong', () => getMember(id))).occupation, 'manager');
    version++;
    await expectRefused(t, 'p4.leader', () => endMembership({ memberId: id, version, effectiveOn: '2026-11-22', status: 'deceased' }), 'not_found');
    await t.run('cb.mekong', () => endMembership({ memberId: id, version, effectiveOn: '2026-11-22', status: 'deceased', note: 'Từ trần' }));
    const m = await t.run('cb.mekong', () => getMember(id));
    assert.equal(m.status, 'deceased');
    assert.equal(m.events.at(-1)?.kind, 'left');
    assert.ok(!(await t.run('cb.mekong', () => listMembers({ status: 'active' }))).items.some((x) => x.id === id));
    await expectRefused(t, 'cb.mekong', () => endMembership({ memberId: id, version: version + 1, effectiveOn: '2026-11-23', status: 'removed' }), 'invalid');
  });

  test(
    'two cells acting at once on the same version: exactly one change happens',
    { skip: process.env.TEST_DB !== 'postgres' && 'concurrency needs a server with parallel connections (PGlite runs one query at a time)' },
    async () => {
      const ldld = await t.unitId('TG-MYTHO-LDLD');
      ({ id } = await t.run('cb.mekong', async () =>
        createMember(await memberInput({ fullName: 'Võ Văn Đồng Thời', nationalId: '082088002222', cardNo: '82.054321', cellUnitId: await t.unitId('TG-MYTHO-MEKONG') })),
      ));
      const { version } = await cellsOf(id);
      await t.run('cb.mekong', () => transferOut({ memberId: id, version, effectiveOn: '2026-11-21', toCellUnitId: ldld }));
      const results = await Promise.allSettled([
        t.run('cb.ldld', () => receiveTransfer({ memberId: id, version: version + 1, effectiveOn: '2026-11-22' })),
        t.run('cb.mekong', () => cancelTransfer({ memberId: id, version: version + 1, effectiveOn: '2026-11-22' })),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const after = await cellsOf(id);
      assert.equal(after.pending, null);
      assert.equal(after.version, version + 2);
    },
  );
});
