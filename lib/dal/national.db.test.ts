import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { seedDemo } from '@/db/seed/demo';
import { adoptRootProvinces } from '@/db/seed/national';
import { assertNoDrift, expectRefused, ROOT_ADMIN, registerTestDb, withAudit } from '@/lib/test/db';
import { createUnit, getHomeOverview, searchUnits } from './units';
import { createUser, listUsers } from './users';
import { isWholeTree } from './session';

/**
 * The national level (issue 13): the one root of the tree, whose administrator creates provinces
 * and their administrators, and nobody else does. Tests run in order on one database.
 */
const t = registerTestDb();

const DAY = '2027-01-15';

describe('the national level', () => {
  test('the demo tree has one root, TW, with the province under it; the national administrator sees the whole tree', async () => {
    const tw = await t.unit('TW');
    const tg = await t.unit('TG');
    assert.equal(tw.parentId, null);
    assert.equal(tg.parentId, tw.id);
    assert.equal(tg.path, `${tw.path}.${tg.id}`);
    assert.equal(await isWholeTree(tw.path), true);
    assert.equal(await isWholeTree(tg.path), false);
    const home = await t.run(ROOT_ADMIN, () => getHomeOverview());
    assert.equal(home.unit.kind, 'national');
    assert.equal(home.unit.allowed.create, true);
    assert.deepEqual(
      home.unit.children.items.map((c) => c.code),
      ['TG'],
    );
    assert.equal((await t.run('tw.viewer', () => getHomeOverview())).unit.allowed.create, false);
  });

  test('the national administrator creates a province, then its administrator, who works in the new province only', async () => {
    const tw = await t.unit('TW');
    const { result, audit } = await withAudit(t, () => t.run(ROOT_ADMIN, () => createUnit({ parentId: tw.id, kind: 'province', name: 'Tỉnh ủy Long An', code: 'LA', effectiveOn: DAY })));
    assert.deepEqual(
      audit.map((a) => a.action),
      ['unit.create'],
    );
    const la = await t.unit('LA');
    assert.equal(la.id, result.id);
    assert.equal(la.path, `${tw.path}.${la.id}`);
    const created = await withAudit(t, () => t.run(ROOT_ADMIN, () => createUser({ username: 'la.admin', fullName: 'Nguyễn Văn Long', unitId: la.id, role: 'admin', password: 'LongAn@2027x' })));
    assert.deepEqual(
      created.audit.map((a) => a.action),
      ['user.create'],
    );
    // The new administrator adds a district in their province, and sees nothing of Tiền Giang.
    const district = await t.run('la.admin', () => createUnit({ parentId: la.id, kind: 'district', name: 'Thành ủy Tân An', code: 'LA-TANAN', effectiveOn: DAY }));
    assert.ok(district.id > 0);
    assert.deepEqual(
      (await t.run('la.admin', () => listUsers())).items.map((u) => u.username),
      ['la.admin'],
    );
    assert.deepEqual(await t.run('la.admin', () => searchUnits({ q: 'Tien Giang' })), []);
    await assertNoDrift(t);
  });

  test('a province sits only under the national unit; a national unit is never created', async () => {
    const tw = await t.unit('TW');
    const tg = await t.unit('TG');
    const mytho = await t.unit('TG-MYTHO');
    // Even the national administrator cannot put a province under a province or a district, nor add a second national unit.
    await expectRefused(t, ROOT_ADMIN, () => createUnit({ parentId: tg.id, kind: 'province', name: 'Tỉnh ủy X', effectiveOn: DAY }), 'invalid');
    await expectRefused(t, ROOT_ADMIN, () => createUnit({ parentId: mytho.id, kind: 'province', name: 'Tỉnh ủy X', effectiveOn: DAY }), 'invalid');
    await expectRefused(t, ROOT_ADMIN, () => createUnit({ parentId: tw.id, kind: 'national', name: 'Trung ương 2', effectiveOn: DAY }), 'invalid');
    await expectRefused(t, ROOT_ADMIN, () => createUnit({ parentId: tw.id, kind: 'district', name: 'Huyện ủy X', effectiveOn: DAY }), 'invalid');
  });

  test('a province administrator cannot create a province (sibling or below), a national unit, or accounts above the province', async () => {
    const tw = await t.unit('TW');
    const tg = await t.unit('TG');
    const la = await t.unit('LA');
    const mytho = await t.unit('TG-MYTHO');
    // A sibling province (under TW, out of scope: not found) or one in their own province (a kind it cannot hold).
    await expectRefused(t, 'tinh.admin', () => createUnit({ parentId: tw.id, kind: 'province', name: 'Tỉnh ủy Bến Tre', effectiveOn: DAY }), 'not_found');
    await expectRefused(t, 'tinh.admin', () => createUnit({ parentId: tg.id, kind: 'province', name: 'Tỉnh ủy Bến Tre', effectiveOn: DAY }), 'invalid');
    await expectRefused(t, 'tinh.admin', () => createUnit({ parentId: mytho.id, kind: 'province', name: 'Tỉnh ủy Bến Tre', effectiveOn: DAY }), 'invalid');
    for (const parentId of [tw.id, tg.id, mytho.id, la.id])
      await expectRefused(t, 'tinh.admin', () => createUnit({ parentId, kind: 'national', name: 'Trung ương', effectiveOn: DAY }), ['invalid', 'not_found']);
    // Nor a unit, nor an account, in another province or at the national level.
    await expectRefused(t, 'tinh.admin', () => createUnit({ parentId: la.id, kind: 'district', name: 'Huyện ủy Đức Hòa', effectiveOn: DAY }), 'not_found');
    await expectRefused(t, 'tinh.admin', () => createUser({ username: 'x.admin', fullName: 'X', unitId: la.id, role: 'admin', password: 'Attacker@2027' }), 'invalid');
  });

  test('only the national administrator: its viewer and the province leaders are refused', async () => {
    const tw = await t.unit('TW');
    for (const who of ['tw.viewer', 'tinh.leader', 'tinh.viewer', 'mytho.admin']) {
      await expectRefused(t, who, () => createUnit({ parentId: tw.id, kind: 'province', name: 'Tỉnh ủy Bến Tre', effectiveOn: DAY }));
      await expectRefused(t, who, () => createUser({ username: 'tw.admin2', fullName: 'X', unitId: tw.id, role: 'admin', password: 'Attacker@2027' }), ['invalid', 'forbidden']);
    }
  });

  test('a transfer may now reach a cell of another province (one tree); the picker offers cells only', async () => {
    const la = await t.unit('LA');
    await t.run(ROOT_ADMIN, () => createUnit({ parentId: la.id, kind: 'cell', name: 'Chi bộ Công ty TNHH Dệt Long An', code: 'LA-DET', effectiveOn: DAY }));
    const found = await t.run('p4.leader', () => searchUnits({ q: 'det long an', kinds: ['cell'], scope: 'tree' }));
    assert.deepEqual(
      found.map((o) => o.label),
      ['Chi bộ Công ty TNHH Dệt Long An'],
    );
    assert.deepEqual(await t.run('p4.leader', () => searchUnits({ q: 'long an' })), [], 'outside a transfer, the user’s own scope');
    await expectRefused(t, 'p4.leader', () => searchUnits({ q: 'long an', kinds: ['province'], scope: 'tree' }), 'forbidden');
  });
});

describe('a database made before the national level', () => {
  test('the seed creates TW and moves the root provinces under it, keeping derived data; a second run changes nothing', async () => {
    // Make the provinces roots again, as they were, and retire the TW code (as the owner: no application path does this).
    const oldTw = await t.unit('TW');
    await t.ownerExecute(`update units set path = subpath(path, 1) where path <@ '${oldTw.path}'::ltree and id <> ${oldTw.id}`);
    await t.ownerExecute(`update units set parent_id = null where parent_id = ${oldTw.id}`);
    await t.ownerExecute(`update units set code = 'TW-CU', status = 'dissolved', ended_on = '2026-01-01' where id = ${oldTw.id}`);
    const tgBefore = await t.unit('TG');
    assert.equal(tgBefore.parentId, null);
    const unitsBefore = Number(rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from units where path <@ ${tgBefore.path}::ltree`))[0].n);

    const { result: adopted, audit } = await withAudit(t, () => t.db.transaction((tx) => adoptRootProvinces(tx, DAY)));
    assert.equal(adopted, 2, 'Tiền Giang and Long An');
    const tw = await t.unit('TW');
    assert.equal(tw.parentId, null);
    const tg = await t.unit('TG');
    assert.equal(tg.parentId, tw.id);
    assert.equal(tg.path, `${tw.path}.${tg.id}`);
    assert.equal((await t.unit('LA')).parentId, tw.id);
    assert.equal((await t.unit('TG-MYTHO-P4-KP3')).path.startsWith(`${tw.path}.${tg.id}.`), true);
    assert.equal(Number(rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from units where path <@ ${tg.path}::ltree`))[0].n), unitsBefore);
    assert.deepEqual(
      audit.map((a) => a.action),
      ['unit.move', 'unit.move'],
    );
    const events = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from unit_events where kind = 'moved' and unit_id in (${tg.id}, ${(await t.unit('LA')).id})`));
    assert.equal(Number(events[0].n), 2);
    // Scopes, tallies and counts follow the move.
    await assertNoDrift(t);

    const again = await seedDemo(t.db);
    assert.deepEqual(again, { unitsCreated: 0, usersCreated: 0 });
    assert.equal(await t.db.transaction((tx) => adoptRootProvinces(tx, DAY)), 0);
  });
});
