import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectDalError, expectRefused, registerTestDb, withAudit } from '@/lib/test/db';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { seedDemoEnterprises } from '@/db/seed/enterprises';
import { seedDemoMembers } from '@/db/seed/members';
import { runAs } from './session';
import type { PickOption } from './pick';
import { createUnit, dissolveUnit, getHomeOverview, getUnit, mergeUnit, moveUnit, searchUnits, updateUnit } from './units';

/**
 * The unit actions against a real database, as each kind of caller. Tests in this file run in
 * order and share one database; each one works on its own part of the demo tree.
 */
const t = registerTestDb();

const DAY = '2027-01-15';
const MISSING_ID = 987_654;

/** The codes of the units a picker offered, sorted. */
async function codesOf(options: PickOption[]): Promise<string[]> {
  if (!options.length) return [];
  const rows = rowsOf<{ code: string }>(
    await t.db.execute(
      sql`select code from units where id in (${sql.join(
        options.map((o) => sql`${Number(o.value)}`),
        sql`, `,
      )})`,
    ),
  );
  return rows.map((r) => r.code).sort();
}

/** Callers who must never change a Mỹ Tho unit: lower roles there, other branches, units below, read-only roles above. */
const NOT_MYTHO_ADMINS = ['mytho.leader', 'mytho.officer', 'chauthanh.admin', 'khoi.admin', 'p4.leader', 'p4.officer', 'cb.mekong', 'cd.mekong', 'tinh.leader', 'tinh.viewer'];

describe('getUnit', () => {
  test('an admin reads its own unit and the units below; reading writes nothing', async () => {
    const before = await t.snapshot();
    const [mytho, p4] = [await t.unitId('TG-MYTHO'), await t.unitId('TG-MYTHO-P4')];
    const own = await t.run('mytho.admin', () => getUnit(mytho));
    assert.equal(own.code, 'TG-MYTHO');
    assert.deepEqual(own.allowed, { create: true, update: true, move: false, merge: false, dissolve: false, manageUsers: true });
    assert.ok(own.children.items.some((c) => c.code === 'TG-MYTHO-P4'));
    const below = await t.run('mytho.admin', () => getUnit(p4));
    assert.equal(below.code, 'TG-MYTHO-P4');
    assert.deepEqual(below.allowed, { create: true, update: true, move: true, merge: true, dissolve: true, manageUsers: true });
    assert.deepEqual(await t.snapshot(), before);
  });

  test('every role reads its subtree, with no action allowed to non-admins', async () => {
    const cell = await t.unitId('TG-MYTHO-P4-PHUONGNAM');
    for (const username of ['tinh.viewer', 'tinh.leader', 'mytho.leader', 'mytho.officer', 'p4.leader', 'p4.officer', 'cb.phuongnam']) {
      const unit = await t.run(username, () => getUnit(cell));
      assert.equal(unit.code, 'TG-MYTHO-P4-PHUONGNAM', username);
      assert.ok(
        Object.values(unit.allowed).every((v) => v === false),
        `${username} is offered an action`,
      );
    }
  });

  test('the breadcrumb stops at the top of what the user may see', async () => {
    const cell = await t.unitId('TG-MYTHO-P4-PHUONGNAM');
    const p4View = await t.run('p4.leader', () => getUnit(cell));
    assert.deepEqual(
      p4View.breadcrumb.map((u) => u.code),
      ['TG-MYTHO-P4', 'TG-MYTHO-P4-PHUONGNAM'],
    );
    const tinhView = await t.run('tinh.viewer', () => getUnit(cell));
    assert.deepEqual(
      tinhView.breadcrumb.map((u) => u.code),
      ['TG', 'TG-MYTHO', 'TG-MYTHO-P4', 'TG-MYTHO-P4-PHUONGNAM'],
    );
  });

  test('units above, beside or outside the subtree, and missing ids, are not found', async () => {
    const cases: [string, string][] = [
      ['p4.leader', 'TG-MYTHO'],
      ['p4.leader', 'TG'],
      ['p4.leader', 'TG-MYTHO-P6'],
      ['cd.mekong', 'TG-MYTHO-MEKONG'],
      ['chauthanh.admin', 'TG-MYTHO-P4'],
      ['chauthanh.admin', 'TG-MYTHO'],
      ['khoi.admin', 'TG-MYTHO-MEKONG'],
      ['mytho.admin', 'TG'],
      ['mytho.admin', 'TG-CHAUTHANH-TANHUONG'],
    ];
    for (const [username, code] of cases) {
      const id = await t.unitId(code);
      await expectRefused(t, username, () => getUnit(id), 'not_found');
    }
    await expectRefused(t, 'tinh.admin', () => getUnit(MISSING_ID), 'not_found');
  });

  test('the unit picker and the home overview stay inside the subtree', async () => {
    const options = await t.run('p4.leader', () => searchUnits());
    assert.deepEqual(await codesOf(options), ['TG-CD-PHUONGNAM', 'TG-MYTHO-P4', 'TG-MYTHO-P4-KP3', 'TG-MYTHO-P4-PHUONGNAM']);
    // Typed without diacritics, by kind; the unit above tells alike names apart.
    const found = await t.run('p4.leader', () => searchUnits({ q: 'PHUONG NAM', kinds: ['cell'] }));
    assert.deepEqual(await codesOf(found), ['TG-MYTHO-P4-PHUONGNAM']);
    assert.equal(found[0].detail, 'Đảng ủy Phường 4');
    assert.deepEqual(await t.run('p4.leader', () => searchUnits({ q: 'mekong' })), [], 'a cell of the city is not in the ward’s scope');
    // Transfer targets may lie anywhere in the user's tree, never in another tree.
    assert.deepEqual(await codesOf(await t.run('p4.leader', () => searchUnits({ q: 'mekong', kinds: ['cell'], scope: 'tree' }))), ['TG-MYTHO-MEKONG']);
    // A unit cannot be moved into itself: the picker leaves its subtree out.
    const p4 = await t.unitId('TG-MYTHO-P4');
    assert.deepEqual(
      await codesOf(await t.run('mytho.admin', () => searchUnits({ q: 'phuong', notUnder: p4 }))),
      (await codesOf(await t.run('mytho.admin', () => searchUnits({ q: 'phuong' })))).filter((c) => !c.startsWith('TG-MYTHO-P4') && c !== 'TG-CD-PHUONGNAM'),
    );
    // A LIKE wildcard typed by the user is only a character.
    assert.deepEqual(await t.run('p4.leader', () => searchUnits({ q: '%' })), []);
    // The whole tree is for a transfer's receiving cell: cells only, and only for those who manage members.
    await expectRefused(t, 'p4.leader', () => searchUnits({ kinds: ['ward', 'district'], scope: 'tree' }), 'forbidden');
    await expectRefused(t, 'cd.viethan', () => searchUnits({ kinds: ['cell'], scope: 'tree' }), 'forbidden');
    await expectRefused(t, 'tinh.viewer', () => searchUnits({ kinds: ['cell'], scope: 'tree' }), 'forbidden');
    const tree = await t.run('p4.leader', () => searchUnits({ scope: 'tree' }));
    assert.ok(tree.length > 0);
    const home = await t.run('p4.leader', () => getHomeOverview());
    assert.equal(home.unit.code, 'TG-MYTHO-P4');
    assert.equal(home.user.username, 'p4.leader');
  });
});

describe('createUnit', () => {
  test('an admin creates a unit below its own; one audit row, one event, path under the parent', async () => {
    const parent = await t.unit('TG-MYTHO-P6');
    const before = await t.snapshot();
    const { result, audit } = await withAudit(t, () =>
      t.run('mytho.admin', () => createUnit({ parentId: parent.id, kind: 'cell', name: 'Chi bộ Khu phố 1, Phường 6', code: 'tg-mytho-p6-kp1'.toUpperCase(), effectiveOn: DAY })),
    );
    const created = await t.unit('TG-MYTHO-P6-KP1');
    assert.equal(created.id, result.id);
    assert.equal(created.path, `${parent.path}.${created.id}`);
    assert.equal(created.parentId, parent.id);
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'unit.create');
    assert.equal(audit[0].entityId, String(created.id));
    assert.equal(audit[0].actorId, (await t.user('mytho.admin')).id);
    assert.equal(audit[0].before, null);
    assert.deepEqual(
      { ...(audit[0].after as object) },
      { id: created.id, parentId: parent.id, path: created.path, kind: 'cell', name: 'Chi bộ Khu phố 1, Phường 6', code: 'TG-MYTHO-P6-KP1', description: null, effectiveOn: DAY },
    );
    const afterSnap = await t.snapshot();
    assert.equal(afterSnap.units.rows, before.units.rows + 1);
    assert.equal(afterSnap.unit_events.rows, before.unit_events.rows + 1);
    assert.equal(afterSnap.users.md5, before.users.md5);
    // The admin of the unit above can create under the new unit too (any depth below).
    const deeper = await t.run('tinh.admin', () => createUnit({ parentId: created.id, kind: 'youth_branch', name: 'Chi đoàn Khu phố 1', effectiveOn: DAY }));
    assert.equal((await t.run('p6.leader', () => getUnit(deeper.id))).path, `${created.path}.${deeper.id}`);
  });

  test('everyone else is refused and nothing changes', async () => {
    const p6 = await t.unitId('TG-MYTHO-P6');
    const mytho = await t.unitId('TG-MYTHO');
    const input = (parentId: number) => ({ parentId, kind: 'cell' as const, name: 'Chi bộ mới', code: 'NEW-CELL', effectiveOn: DAY });
    for (const username of NOT_MYTHO_ADMINS) {
      await expectRefused(t, username, () => createUnit(input(p6)));
      await expectRefused(t, username, () => createUnit(input(mytho)));
    }
    // Refusals for units out of scope say "not found", whatever the role.
    await expectRefused(t, 'chauthanh.admin', () => createUnit(input(p6)), 'not_found');
    await expectRefused(t, 'p4.leader', () => createUnit(input(mytho)), 'not_found');
    await expectRefused(t, 'mytho.leader', () => createUnit(input(p6)), 'forbidden');
    await expectRefused(t, 'mytho.admin', () => createUnit(input(MISSING_ID)), 'not_found');
    const tg = await t.unitId('TG');
    await expectRefused(t, 'mytho.admin', () => createUnit(input(tg)), 'not_found'); // the province above
  });

  test('kind rules, duplicate codes and ended parents are refused with nothing changed', async () => {
    const union = await t.unitId('TG-CD-MEKONG');
    const p6 = await t.unitId('TG-MYTHO-P6');
    await expectRefused(t, 'mytho.admin', () => createUnit({ parentId: union, kind: 'cell', name: 'X', effectiveOn: DAY }), 'invalid');
    await expectRefused(t, 'mytho.admin', () => createUnit({ parentId: p6, kind: 'province', name: 'X', effectiveOn: DAY }), 'invalid');
    await expectRefused(t, 'mytho.admin', () => createUnit({ parentId: p6, kind: 'cell', name: 'X', code: 'TG-MYTHO-P4', effectiveOn: DAY }), 'invalid');
    await expectRefused(t, 'mytho.admin', () => createUnit({ parentId: p6, kind: 'cell', name: 'X', code: 'tg-mytho-p4', effectiveOn: DAY }), 'invalid');
  });
});

describe('updateUnit', () => {
  test('an admin renames a unit below; one audit row with before and after, version bumped', async () => {
    const unit = await t.unit('TG-MYTHO-P1-KP2');
    const { audit } = await withAudit(t, () =>
      t.run('mytho.admin', () => updateUnit({ id: unit.id, version: unit.version, name: 'Chi bộ Khu phố 2 (mới)', code: unit.code, description: 'Đổi tên', effectiveOn: DAY })),
    );
    const now = await t.unit('TG-MYTHO-P1-KP2');
    assert.equal(now.name, 'Chi bộ Khu phố 2 (mới)');
    assert.equal(now.version, unit.version + 1);
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'unit.update');
    assert.deepEqual(audit[0].before, { name: unit.name, code: unit.code, description: null });
    assert.deepEqual(audit[0].after, { name: 'Chi bộ Khu phố 2 (mới)', code: unit.code, description: 'Đổi tên', effectiveOn: DAY });
    const detail = await t.run('mytho.admin', () => getUnit(unit.id));
    assert.equal(detail.events[0].kind, 'renamed');
  });

  test('an admin may edit its own unit', async () => {
    const unit = await t.unit('TG-MYTHO');
    const { audit } = await withAudit(t, () =>
      t.run('mytho.admin', () => updateUnit({ id: unit.id, version: unit.version, name: unit.name, code: unit.code, description: 'Thành phố Mỹ Tho', effectiveOn: DAY })),
    );
    assert.equal(audit.length, 1);
    assert.equal((await t.unit('TG-MYTHO')).version, unit.version + 1);
  });

  test('everyone else is refused and nothing changes', async () => {
    for (const code of ['TG-MYTHO', 'TG-MYTHO-P6', 'TG-MYTHO-P4']) {
      const unit = await t.unit(code);
      const input = { id: unit.id, version: unit.version, name: 'Bị đổi tên', code: unit.code, effectiveOn: DAY };
      for (const username of NOT_MYTHO_ADMINS) {
        // p4.* may read TG-MYTHO-P4 but not edit it; for them the other two are out of scope.
        await expectRefused(t, username, () => updateUnit(input));
      }
    }
    const p4 = await t.unit('TG-MYTHO-P4');
    await expectRefused(t, 'mytho.leader', () => updateUnit({ id: p4.id, version: p4.version, name: 'X', code: p4.code, effectiveOn: DAY }), 'forbidden');
    await expectRefused(t, 'chauthanh.admin', () => updateUnit({ id: p4.id, version: p4.version, name: 'X', code: p4.code, effectiveOn: DAY }), 'not_found');
    await expectRefused(t, 'mytho.admin', () => updateUnit({ id: MISSING_ID, version: 1, name: 'X', code: 'X', effectiveOn: DAY }), 'not_found');
    const tg = await t.unit('TG');
    await expectRefused(t, 'mytho.admin', () => updateUnit({ id: tg.id, version: tg.version, name: 'X', code: tg.code, effectiveOn: DAY }), 'not_found');
  });

  test('a stale version is a conflict and changes nothing', async () => {
    const unit = await t.unit('TG-MYTHO-P1-KP2');
    await expectRefused(t, 'mytho.admin', () => updateUnit({ id: unit.id, version: unit.version - 1, name: 'Cũ', code: unit.code, effectiveOn: DAY }), 'conflict');
  });

  test('two updates from the same version: exactly one wins, the other is a conflict', async () => {
    const unit = await t.unit('TG-MYTHO-P4-KP3');
    const [a, b] = [await t.as('mytho.admin'), await t.as('tinh.admin')];
    const from = await t.lastAuditId();
    const results = await Promise.allSettled([
      runAs(a, () => updateUnit({ id: unit.id, version: unit.version, name: 'Tên A', code: unit.code, effectiveOn: DAY })),
      runAs(b, () => updateUnit({ id: unit.id, version: unit.version, name: 'Tên B', code: unit.code, effectiveOn: DAY })),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1, JSON.stringify(results));
    assert.equal(lost.length, 1);
    await expectDalError(Promise.reject(lost[0].reason), 'conflict');
    const now = await t.unit('TG-MYTHO-P4-KP3');
    assert.equal(now.version, unit.version + 1);
    assert.equal(now.name, results[0].status === 'fulfilled' ? 'Tên A' : 'Tên B');
    assert.equal((await t.auditSince(from)).length, 1);
  });

  test('a code already used by another unit is refused', async () => {
    const unit = await t.unit('TG-MYTHO-P4-KP3');
    await expectRefused(t, 'mytho.admin', () => updateUnit({ id: unit.id, version: unit.version, name: unit.name, code: 'TG-MYTHO-P6', effectiveOn: DAY }), 'invalid');
  });
});

describe('moveUnit', () => {
  test('everyone else is refused and nothing changes', async () => {
    const cell = await t.unit('TG-MYTHO-P4-PHUONGNAM');
    const p6 = await t.unitId('TG-MYTHO-P6');
    const mytho = await t.unit('TG-MYTHO');
    const [tg, khoi, viethan] = [await t.unitId('TG'), await t.unitId('TG-KHOIDN'), await t.unitId('TG-CD-VIETHAN')];
    for (const username of NOT_MYTHO_ADMINS) {
      await expectRefused(t, username, () => moveUnit({ id: cell.id, version: cell.version, newParentId: p6, effectiveOn: DAY }));
      await expectRefused(t, username, () => moveUnit({ id: mytho.id, version: mytho.version, newParentId: tg, effectiveOn: DAY }));
    }
    // An admin may not move its own unit (out of its own scope), nor move a unit out of its scope.
    await expectRefused(t, 'mytho.admin', () => moveUnit({ id: mytho.id, version: mytho.version, newParentId: khoi, effectiveOn: DAY }), 'forbidden');
    await expectRefused(t, 'mytho.admin', () => moveUnit({ id: MISSING_ID, version: 1, newParentId: p6, effectiveOn: DAY }), 'not_found');
    const outside = await t.unitId('TG-CHAUTHANH-TANHUONG');
    const refusedOutside = await expectRefused(t, 'mytho.admin', () => moveUnit({ id: cell.id, version: cell.version, newParentId: outside, effectiveOn: DAY }), 'invalid');
    const refusedMissing = await expectRefused(t, 'mytho.admin', () => moveUnit({ id: cell.id, version: cell.version, newParentId: MISSING_ID, effectiveOn: DAY }), 'invalid');
    assert.deepEqual([refusedOutside.key, refusedOutside.fieldErrors], [refusedMissing.key, refusedMissing.fieldErrors], 'an out-of-scope target must look like a missing one');
    // Into itself or its own subtree, under a unit that cannot hold it, or from a stale version.
    await expectRefused(t, 'mytho.admin', () => moveUnit({ id: cell.id, version: cell.version, newParentId: cell.id, effectiveOn: DAY }), 'invalid');
    await expectRefused(t, 'mytho.admin', () => moveUnit({ id: cell.id, version: cell.version, newParentId: cell.parentId!, effectiveOn: DAY }), 'invalid');
    await expectRefused(t, 'mytho.admin', () => moveUnit({ id: cell.id, version: cell.version, newParentId: viethan, effectiveOn: DAY }), 'invalid');
    const p4 = await t.unit('TG-MYTHO-P4');
    await expectRefused(t, 'mytho.admin', () => moveUnit({ id: p4.id, version: p4.version, newParentId: cell.id, effectiveOn: DAY }), 'invalid');
    await expectRefused(t, 'mytho.admin', () => moveUnit({ id: cell.id, version: cell.version + 1, newParentId: p6, effectiveOn: DAY }), 'conflict');
  });

  test('moving a subtree changes who sees it at once', async () => {
    const cell = await t.unit('TG-MYTHO-P4-PHUONGNAM');
    const union = await t.unit('TG-CD-PHUONGNAM');
    const p6 = await t.unit('TG-MYTHO-P6');
    const p4Leader = await t.as('p4.leader');
    const p6Leader = await t.as('p6.leader');
    const cellLeader = await t.as('cb.phuongnam');

    assert.equal((await runAs(p4Leader, () => getUnit(cell.id))).code, 'TG-MYTHO-P4-PHUONGNAM');
    await expectDalError(
      runAs(p6Leader, () => getUnit(cell.id)),
      'not_found',
    );

    const { audit } = await withAudit(t, () => t.run('mytho.admin', () => moveUnit({ id: cell.id, version: cell.version, newParentId: p6.id, effectiveOn: DAY })));
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'unit.move');
    assert.deepEqual(audit[0].before, { parentId: cell.parentId, path: cell.path });
    assert.deepEqual(audit[0].after, { parentId: p6.id, path: `${p6.path}.${cell.id}`, effectiveOn: DAY });

    const moved = await t.unit('TG-MYTHO-P4-PHUONGNAM');
    assert.equal(moved.parentId, p6.id);
    assert.equal(moved.path, `${p6.path}.${cell.id}`);
    assert.equal(moved.version, cell.version + 1);
    assert.equal((await t.unit('TG-CD-PHUONGNAM')).path, `${p6.path}.${cell.id}.${union.id}`, 'the child follows its parent');

    // Same identities as before the move: no new login needed, the scope follows the tree.
    await expectDalError(
      runAs(p4Leader, () => getUnit(cell.id)),
      'not_found',
    );
    await expectDalError(
      runAs(p4Leader, () => getUnit(union.id)),
      'not_found',
    );
    assert.equal((await runAs(p6Leader, () => getUnit(cell.id))).code, 'TG-MYTHO-P4-PHUONGNAM');
    assert.equal((await runAs(p6Leader, () => getUnit(union.id))).code, 'TG-CD-PHUONGNAM');
    assert.equal((await runAs(cellLeader, () => getUnit(union.id))).code, 'TG-CD-PHUONGNAM');
    const p4Options = await runAs(p4Leader, () => searchUnits());
    assert.ok(!(await codesOf(p4Options)).some((code) => code.includes('PHUONGNAM')));
    const p6View = await runAs(p6Leader, () => getUnit(p6.id));
    assert.ok(p6View.children.items.some((c) => c.code === 'TG-MYTHO-P4-PHUONGNAM'));
    const p4View = await runAs(p4Leader, () => getUnit(cell.parentId!));
    assert.ok(!p4View.children.items.some((c) => c.code === 'TG-MYTHO-P4-PHUONGNAM'));
    assert.deepEqual(
      (await runAs(cellLeader, () => getUnit(cell.id))).breadcrumb.map((u) => u.code),
      ['TG-MYTHO-P4-PHUONGNAM'],
    );
  });
});

describe('mergeUnit', () => {
  test('everyone else is refused and nothing changes', async () => {
    const p1 = await t.unit('TG-MYTHO-P1');
    const p6 = await t.unitId('TG-MYTHO-P6');
    for (const username of NOT_MYTHO_ADMINS) {
      await expectRefused(t, username, () => mergeUnit({ id: p1.id, version: p1.version, intoId: p6, effectiveOn: DAY }));
    }
    const mytho = await t.unit('TG-MYTHO');
    await expectRefused(t, 'mytho.admin', () => mergeUnit({ id: mytho.id, version: mytho.version, intoId: p6, effectiveOn: DAY }), 'forbidden');
    await expectRefused(t, 'p4.leader', () => mergeUnit({ id: mytho.id, version: mytho.version, intoId: p6, effectiveOn: DAY }), 'not_found');
    await expectRefused(t, 'mytho.admin', () => mergeUnit({ id: MISSING_ID, version: 1, intoId: p6, effectiveOn: DAY }), 'not_found');
    const [tanhuong, kp2, viethan] = [await t.unitId('TG-CHAUTHANH-TANHUONG'), await t.unitId('TG-MYTHO-P1-KP2'), await t.unitId('TG-CD-VIETHAN')];
    await expectRefused(t, 'mytho.admin', () => mergeUnit({ id: p1.id, version: p1.version, intoId: tanhuong, effectiveOn: DAY }), 'invalid');
    const gocong = await t.unit('TG-KHOIDN-GOCONG');
    await expectRefused(t, 'khoi.admin', () => mergeUnit({ id: gocong.id, version: gocong.version, intoId: p6, effectiveOn: DAY }), 'invalid');
    await expectRefused(t, 'mytho.admin', () => mergeUnit({ id: p1.id, version: p1.version, intoId: kp2, effectiveOn: DAY }), 'invalid');
    await expectRefused(t, 'mytho.admin', () => mergeUnit({ id: p1.id, version: p1.version, intoId: p1.id, effectiveOn: DAY }), 'invalid');
    await expectRefused(t, 'mytho.admin', () => mergeUnit({ id: p1.id, version: p1.version + 1, intoId: p6, effectiveOn: DAY }), 'conflict');
    // A ward's cells cannot pass to a union branch.
    await expectRefused(t, 'mytho.admin', () => mergeUnit({ id: p1.id, version: p1.version, intoId: viethan, effectiveOn: DAY }), 'invalid');
  });

  test("merging moves the units below and the users, and ends the moved users' sessions", async () => {
    const p1 = await t.unit('TG-MYTHO-P1');
    const p6 = await t.unit('TG-MYTHO-P6');
    const kp2 = await t.unit('TG-MYTHO-P1-KP2');
    const p1Leader = await t.user('p1.leader');
    const oldIdentity = await t.as('p1.leader');
    const p6LeaderBefore = await t.user('p6.leader');
    assert.equal((await runAs(oldIdentity, () => getUnit(kp2.id))).code, 'TG-MYTHO-P1-KP2');

    const { audit } = await withAudit(t, () => t.run('mytho.admin', () => mergeUnit({ id: p1.id, version: p1.version, intoId: p6.id, effectiveOn: DAY })));
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'unit.merge');
    assert.deepEqual(audit[0].before, { status: 'active', childIds: [kp2.id], userIds: [p1Leader.id] });
    assert.deepEqual(audit[0].after, { status: 'merged', mergedIntoId: p6.id, effectiveOn: DAY });

    const merged = await t.unit('TG-MYTHO-P1');
    assert.equal(merged.status, 'merged');
    assert.equal(merged.path, p1.path, 'the merged unit keeps its place in history');
    const kp2After = await t.unit('TG-MYTHO-P1-KP2');
    assert.equal(kp2After.parentId, p6.id);
    assert.equal(kp2After.path, `${p6.path}.${kp2.id}`);
    const moved = await t.user('p1.leader');
    assert.equal(moved.unitId, p6.id);
    assert.equal(moved.sessionVersion, p1Leader.sessionVersion + 1);
    assert.deepEqual(await t.user('p6.leader'), p6LeaderBefore, 'users already at the receiving unit keep their sessions');
    assert.equal((await t.unit('TG-MYTHO-P6')).version, p6.version + 1);

    await expectDalError(
      runAs(oldIdentity, () => getUnit(kp2.id)),
      'unauthenticated',
    );
    const fresh = await t.as('p1.leader');
    assert.equal((await runAs(fresh, () => getHomeOverview())).unit.code, 'TG-MYTHO-P6');
    assert.equal((await runAs(fresh, () => getUnit(kp2.id))).code, 'TG-MYTHO-P1-KP2');
    await expectDalError(
      runAs(fresh, () => getUnit(p1.id)),
      'not_found',
    );
    // The ended unit refuses further changes.
    await expectRefused(t, 'mytho.admin', () => updateUnit({ id: p1.id, version: merged.version, name: 'X', code: merged.code, effectiveOn: DAY }), 'invalid');
    await expectRefused(t, 'mytho.admin', () => createUnit({ parentId: p1.id, kind: 'cell', name: 'X', effectiveOn: DAY }), 'invalid');
    const detail = await t.run('mytho.admin', () => getUnit(p1.id));
    assert.equal(detail.mergedInto?.code, 'TG-MYTHO-P6');
    assert.ok(Object.values(detail.allowed).every((v) => v === false));
  });
});

describe('dissolveUnit', () => {
  test('everyone else is refused and nothing changes', async () => {
    const duoc = await t.unit('TG-MYTHO-DUOC');
    for (const username of NOT_MYTHO_ADMINS) {
      await expectRefused(t, username, () => dissolveUnit({ id: duoc.id, version: duoc.version, effectiveOn: DAY, reason: 'Giải thể' }));
    }
    const mytho = await t.unit('TG-MYTHO');
    await expectRefused(t, 'p4.leader', () => dissolveUnit({ id: mytho.id, version: mytho.version, effectiveOn: DAY, reason: 'X' }), 'not_found');
    await expectRefused(t, 'chauthanh.admin', () => dissolveUnit({ id: duoc.id, version: duoc.version, effectiveOn: DAY, reason: 'X' }), 'not_found');
    await expectRefused(t, 'mytho.admin', () => dissolveUnit({ id: mytho.id, version: mytho.version, effectiveOn: DAY, reason: 'X' }), 'forbidden');
    await expectRefused(t, 'mytho.admin', () => dissolveUnit({ id: MISSING_ID, version: 1, effectiveOn: DAY, reason: 'X' }), 'not_found');
    await expectRefused(t, 'mytho.admin', () => dissolveUnit({ id: duoc.id, version: duoc.version + 1, effectiveOn: DAY, reason: 'X' }), 'conflict');
    // Units with active units or users below are not dissolved.
    const p4 = await t.unit('TG-MYTHO-P4');
    await expectRefused(t, 'mytho.admin', () => dissolveUnit({ id: p4.id, version: p4.version, effectiveOn: DAY, reason: 'X' }), 'invalid');
    const ldld = await t.unit('TG-MYTHO-LDLD');
    await expectRefused(t, 'mytho.admin', () => dissolveUnit({ id: ldld.id, version: ldld.version, effectiveOn: DAY, reason: 'X' }), 'invalid');
  });

  test('an admin dissolves an empty unit below; one audit row; it leaves the pickers', async () => {
    const duoc = await t.unit('TG-MYTHO-DUOC');
    const { audit } = await withAudit(t, () => t.run('mytho.admin', () => dissolveUnit({ id: duoc.id, version: duoc.version, effectiveOn: DAY, reason: 'Công ty giải thể' })));
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'unit.dissolve');
    assert.deepEqual(audit[0].before, { status: 'active' });
    assert.deepEqual(audit[0].after, { status: 'dissolved', endedOn: DAY, reason: 'Công ty giải thể' });
    const now = await t.unit('TG-MYTHO-DUOC');
    assert.equal(now.status, 'dissolved');
    assert.equal(now.version, duoc.version + 1);
    const options = await t.run('mytho.admin', () => searchUnits({ q: 'duoc' }));
    assert.ok(!(await codesOf(options)).includes('TG-MYTHO-DUOC'), 'a dissolved unit is not offered');
    await expectRefused(t, 'mytho.admin', () => dissolveUnit({ id: duoc.id, version: now.version, effectiveOn: DAY, reason: 'X' }), 'invalid');
    const p6 = await t.unitId('TG-MYTHO-P6');
    await expectRefused(t, 'mytho.admin', () => moveUnit({ id: duoc.id, version: now.version, newParentId: p6, effectiveOn: DAY }), 'invalid');
  });
});

describe('concurrent writers (PostgreSQL only: PGlite runs one transaction at a time)', { skip: process.env.TEST_DB !== 'postgres' }, () => {
  test('a unit added below while its subtree is being moved moves with it', async () => {
    const raw = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
    try {
      const vietphat = await t.unit('TG-KHOIDN-VIETPHAT');
      const px1 = await t.unit('TG-KHOIDN-VIETPHAT-PX1');
      const mytho = await t.unit('TG-MYTHO');
      let holdLock!: () => void;
      const locked = new Promise<void>((resolve) => (holdLock = resolve));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      // Another writer (as createUnit does) locks the parent cell and adds a unit under it...
      const writer = raw.begin(async (tx) => {
        const [parent] = await tx`select path::text as path from units where id = ${px1.id} for update`;
        const [{ id }] = await tx`select nextval(pg_get_serial_sequence('units', 'id'))::int as id`;
        await tx`insert into units (id, parent_id, path, kind, name, code)
          values (${id}, ${px1.id}, ${`${parent.path}.${id}`}::ltree, 'union_branch', 'Công đoàn Phân xưởng 1', 'TG-CD-VIETPHAT-PX1')`;
        holdLock();
        await gate;
        return Number(id);
      });
      await locked;
      // ...while the province admin moves the whole grassroots committee into Mỹ Tho.
      const move = t.run('tinh.admin', () => moveUnit({ id: vietphat.id, version: vietphat.version, newParentId: mytho.id, effectiveOn: DAY }));
      for (let i = 0; ; i++) {
        const [{ n }] = await raw`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
        if (Number(n) > 0) break;
        assert.ok(i < 200, 'the move never waited for the other writer');
        await new Promise((r) => setTimeout(r, 10));
      }
      release();
      const childId = await writer;
      await move;
      const child = await t.unit('TG-CD-VIETPHAT-PX1');
      assert.equal(child.id, childId);
      assert.equal(child.path, `${mytho.path}.${vietphat.id}.${px1.id}.${childId}`, 'the new unit was left behind at its old place in the tree');
      assert.equal((await t.run('mytho.admin', () => getUnit(childId))).code, 'TG-CD-VIETPHAT-PX1');
      await expectDalError(
        t.run('khoi.admin', () => getUnit(childId)),
        'not_found',
      );
    } finally {
      await raw.end({ timeout: 5 });
    }
  });
});

describe('units that hold members, enterprises or cases', () => {
  before(async () => {
    await seedDemoEnterprises(t.db, '2026-11-23');
    await seedDemoMembers(t.db);
  });
  const membersOf = async (code: string) =>
    Number(rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from party_members m join units u on u.id = m.cell_unit_id where u.code = ${code}`))[0].n);

  test('a cell with members is not dissolved, nor merged into a unit of another kind: nothing changes', async () => {
    const kp3 = await t.unit('TG-MYTHO-P4-KP3');
    assert.equal(await membersOf('TG-MYTHO-P4-KP3'), 5);
    const dissolved = await expectRefused(t, 'mytho.admin', () => dissolveUnit({ id: kp3.id, version: kp3.version, effectiveOn: DAY, reason: 'X' }), 'invalid');
    assert.equal(dissolved.key, 'errors.dissolveHasRecords');
    const merged = await expectRefused(t, 'mytho.admin', () => mergeUnit({ id: kp3.id, version: kp3.version, intoId: kp3.parentId as number, effectiveOn: DAY }), 'invalid');
    assert.equal(merged.fieldErrors?.intoId, 'errors.mergeNeedsSameKind');
  });

  test('merging a cell into another moves its members with a dated event each, and its enterprise link', async () => {
    const tanPhu = await t.unit('TG-MYTHO-P6-TANPHU');
    const into = await t.unit('TG-MYTHO-MEKONG');
    const before = await membersOf('TG-MYTHO-MEKONG');
    await t.run('mytho.admin', () => mergeUnit({ id: tanPhu.id, version: tanPhu.version, intoId: into.id, effectiveOn: DAY }));
    assert.equal(await membersOf('TG-MYTHO-P6-TANPHU'), 0);
    assert.equal(await membersOf('TG-MYTHO-MEKONG'), before + 5);
    const [{ n }] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from member_events where kind = 'transfer_in' and from_unit_id = ${tanPhu.id} and to_unit_id = ${into.id} and effective_on = ${DAY}`),
    );
    assert.equal(Number(n), 5);
    const [firm] = rowsOf<{ party: number }>(await t.db.execute(sql`select party_unit_id as party from enterprises where name = 'Công ty TNHH Cơ khí Tân Phú'`));
    assert.equal(Number(firm.party), into.id);
  });
});
