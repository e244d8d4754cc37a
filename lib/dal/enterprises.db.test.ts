import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { DEMO_ENTERPRISES, demoTaxCode, seedDemoEnterprises } from '@/db/seed/enterprises';
import { expectDalError, expectRefused, seedEnterprises, registerTestDb, withAudit } from '@/lib/test/db';
import { createEnterprise, getEnterprise, listEnterprises, updateEnterprise, type EnterpriseInput } from './enterprises';

const t = registerTestDb(seedEnterprises);

const idOf = async (serial: string) => Number(rowsOf<{ id: number }>(await t.db.execute(sql`select id from enterprises where tax_code = ${demoTaxCode(serial)}`))[0].id);

async function input(over: Partial<EnterpriseInput> = {}): Promise<EnterpriseInput> {
  return {
    name: 'Công ty TNHH Cơ điện Đông Á',
    taxCode: '0100233488',
    type: 'llc',
    foreignInvested: false,
    address: '15 Đinh Bộ Lĩnh, Phường 4, TP Mỹ Tho',
    managingUnitId: await t.unitId('TG-MYTHO-P4'),
    zone: 'Khu công nghiệp Mỹ Tho',
    workforce: 320,
    hasTradeUnion: true,
    hasYouthUnion: false,
    ownerName: 'Nguyễn Đông Á',
    ownerIsMember: false,
    status: 'operating',
    ...over,
  };
}

describe('enterprises', () => {
  test('the demo enterprises carry valid tax codes and are seeded once', async () => {
    assert.equal(await seedDemoEnterprises(t.db, '2026-11-23'), 0);
    const [{ n }] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from enterprises`));
    assert.equal(Number(n), DEMO_ENTERPRISES.length);
  });

  test('scope: a ward sees the enterprises it manages and those whose organisations sit below it, never a sibling’s', async () => {
    const p4 = (await t.run('p4.leader', () => listEnterprises())).items.map((e) => e.name);
    assert.ok(p4.includes('Công ty TNHH May Phương Nam'));
    assert.ok(!p4.includes('Công ty TNHH Nhựa Hưng Thịnh'), 'managed by Phường 6');
    const p6 = (await t.run('p6.leader', () => listEnterprises())).items.map((e) => e.name);
    assert.ok(p6.includes('Công ty TNHH Nhựa Hưng Thịnh'));
    assert.ok(!p6.includes('Công ty TNHH May Phương Nam'));
    // The Mekong cell sits directly under the city, its enterprise is managed by Phường 6: both see it.
    assert.ok((await t.run('cb.mekong', () => listEnterprises())).items.some((e) => e.name === 'Công ty TNHH Thực phẩm Mekong'));
    assert.equal(
      (await t.run('chauthanh.admin', () => listEnterprises())).items.every((e) => e.managingUnitName === 'Đảng ủy xã Tân Hương'),
      true,
    );
    const phuongNam = await idOf('0045871');
    await expectDalError(
      t.run('p6.leader', () => getEnterprise(phuongNam)),
      'not_found',
    );
    await expectDalError(
      t.run('khoi.admin', () => getEnterprise(phuongNam)),
      'not_found',
    );
  });

  test('filters and a diacritic-free search, with totals', async () => {
    const city = (f: Parameters<typeof listEnterprises>[0]) => t.run('mytho.leader', () => listEnterprises(f));
    assert.deepEqual(
      (await city({ q: 'viet han' })).items.map((e) => e.name),
      ['Công ty TNHH Điện tử Việt Hàn'],
    );
    assert.deepEqual((await city({ q: demoTaxCode('0067733').slice(0, 6) })).items.length >= 1, true);
    const noParty = await city({ hasParty: false });
    assert.ok(noParty.items.every((e) => e.partyUnitName === null) && noParty.total === noParty.items.length && noParty.total >= 6);
    assert.ok((await city({ type: 'fdi' })).items.every((e) => e.type === 'fdi'));
    assert.ok((await city({ workforceMin: 1000 })).items.every((e) => e.workforce >= 1000));
    assert.ok((await city({ zone: '-' })).items.every((e) => e.zone === null));
    assert.ok((await city({ zone: 'Khu công nghiệp Mỹ Tho' })).items.every((e) => e.zone === 'Khu công nghiệp Mỹ Tho'));
    assert.ok((await city({ managingUnitId: await t.unitId('TG-MYTHO-P1') })).items.every((e) => e.managingUnitName === 'Đảng ủy Phường 1'));
    assert.ok((await city({ hasUnion: false })).items.every((e) => !e.hasTradeUnion));
  });

  test('a ward officer registers an enterprise: stored compact and NFC-searchable, one audit row', async () => {
    const data = await input({ taxCode: '0314409058002' });
    const { result, audit } = await withAudit(t, () => t.run('p4.officer', () => createEnterprise(data)));
    const e = await t.run('p4.officer', () => getEnterprise(result.id));
    assert.equal(e.taxCode, '0314409058-002');
    assert.equal(e.canEdit, true);
    assert.deepEqual(
      audit.map((a) => a.action),
      ['enterprise.create'],
    );
    assert.equal((await t.run('p4.leader', () => listEnterprises({ q: 'dong a' }))).total, 1);
  });

  test('a duplicate tax code, a unit out of scope or of the wrong kind: field errors, nothing written', async () => {
    const dup = await expectRefused(t, 'p4.officer', async () => createEnterprise(await input({ taxCode: '0314409058002' })), 'invalid');
    assert.deepEqual(dup.fieldErrors, { taxCode: 'errors.taxCodeTaken' });
    const p6 = await t.unitId('TG-MYTHO-P6');
    const out = await expectRefused(t, 'p4.officer', async () => createEnterprise(await input({ taxCode: '0100233488', managingUnitId: p6 })), 'invalid');
    assert.deepEqual(out.fieldErrors, { managingUnitId: 'errors.targetNotFound' });
    const cell = await t.unitId('TG-MYTHO-P4-KP3');
    const kind = await expectRefused(t, 'p4.officer', async () => createEnterprise(await input({ taxCode: '0100233488', managingUnitId: cell, tradeUnionUnitId: cell })), 'invalid');
    assert.deepEqual(kind.fieldErrors, { managingUnitId: 'errors.targetNotFound', tradeUnionUnitId: 'errors.targetNotFound' });
  });

  test('refused: a viewer, a union officer for a ward, another district; nothing changes', async () => {
    await expectRefused(t, 'tinh.viewer', async () => createEnterprise(await input({ taxCode: '0100233488' })), 'forbidden');
    await expectRefused(t, 'cd.mekong', async () => createEnterprise(await input({ taxCode: '0100233488' })), 'invalid');
    await expectRefused(t, 'chauthanh.admin', async () => createEnterprise(await input({ taxCode: '0100233488' })), 'invalid');
  });

  test('editing: the managing ward and the city may; the enterprise’s own cell, a sibling ward and a stale version may not', async () => {
    const id = await idOf('0045871');
    const current = await t.run('p4.leader', () => getEnterprise(id));
    const base = await input({
      name: current.name,
      taxCode: current.taxCode.replace('-', ''),
      address: current.address,
      managingUnitId: current.managingUnit.id,
      zone: undefined,
      workforce: 900,
      partyUnitId: current.partyUnit!.id,
      tradeUnionUnitId: current.tradeUnionUnit!.id,
    });
    const cellView = await t.run('cb.phuongnam', () => getEnterprise(id));
    assert.equal(cellView.canEdit, false);
    await expectRefused(t, 'cb.phuongnam', () => updateEnterprise({ ...base, id, version: current.version }), 'forbidden');
    await expectRefused(t, 'p6.leader', () => updateEnterprise({ ...base, id, version: current.version }), 'not_found');
    await t.run('mytho.officer', () => updateEnterprise({ ...base, id, version: current.version }));
    const after = await t.run('p4.leader', () => getEnterprise(id));
    assert.equal(after.workforce, 900);
    assert.equal(after.version, current.version + 1);
    await expectRefused(t, 'p4.officer', () => updateEnterprise({ ...base, workforce: 1, id, version: current.version }), 'conflict');
  });

  test('a link to a unit outside the editor’s scope stays as it is: kept on a save, refused when cleared or changed', async () => {
    // Mekong is managed by Phường 6; its cell sits directly under the city, outside the ward's subtree.
    const id = await idOf('0031265');
    const current = await t.run('p6.leader', () => getEnterprise(id));
    assert.equal(current.canEdit, true);
    const cell = current.partyUnit!.id;
    const base = await input({
      name: current.name,
      taxCode: current.taxCode.replace('-', ''),
      address: current.address,
      managingUnitId: current.managingUnit.id,
      zone: current.zone ?? undefined,
      workforce: current.workforce,
      partyUnitId: cell,
      tradeUnionUnitId: current.tradeUnionUnit?.id,
      youthUnionUnitId: current.youthUnionUnit?.id,
    });
    const cleared = await expectRefused(t, 'p6.leader', () => updateEnterprise({ ...base, partyUnitId: undefined, id, version: current.version }), 'invalid');
    assert.equal(cleared.fieldErrors?.partyUnitId, 'errors.linkOutsideScope');
    const tanPhu = await t.unitId('TG-MYTHO-P6-TANPHU');
    const moved = await expectRefused(t, 'p6.leader', () => updateEnterprise({ ...base, partyUnitId: tanPhu, id, version: current.version }), 'invalid');
    assert.equal(moved.fieldErrors?.partyUnitId, 'errors.linkOutsideScope');
    // Saved with the link unchanged: the rest is written, the city's cell stays.
    await t.run('p6.leader', () => updateEnterprise({ ...base, workforce: 1500, id, version: current.version }));
    const after = await t.run('p6.leader', () => getEnterprise(id));
    assert.deepEqual([after.workforce, after.partyUnit?.id], [1500, cell]);
  });

  test('an enterprise seen through two trees shows only the meetings and findings its reader’s subtree recorded', async () => {
    const id = await idOf('0067733'); // Việt Hàn, managed by Phường 6; the city met its owner twice
    assert.equal((await t.run('mytho.leader', () => getEnterprise(id))).meetings.length, 2);
    assert.equal((await t.run('mytho.leader', () => getEnterprise(id))).findings.length, 1);
    const ward = await t.run('p6.leader', () => getEnterprise(id));
    assert.deepEqual([ward.meetings.length, ward.findings.length], [0, 0]);
  });
});
