import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { expectRefused, setupTestDb, type TestDb } from '@/lib/test/db';
import { listAudit } from './audit';
import { createUnit, updateUnit } from './units';

let t: TestDb;
before(async () => {
  t = await setupTestDb();
  // One change in Mỹ Tho, one in Châu Thành.
  const p4 = await t.unitId('TG-MYTHO-P4');
  await t.run('mytho.admin', () => createUnit({ parentId: p4, kind: 'cell', name: 'Chi bộ Khu phố 5', code: 'TG-MYTHO-P4-KP5', effectiveOn: '2027-01-15' }));
  const tanhuong = await t.unit('TG-CHAUTHANH-TANHUONG');
  await t.run('chauthanh.admin', () =>
    updateUnit({ id: tanhuong.id, version: tanhuong.version, name: 'Đảng ủy xã Tân Hương (mới)', code: tanhuong.code, effectiveOn: '2027-01-15' }),
  );
});
after(async () => {
  await t?.teardown();
});

/** Drizzle wraps the driver's error; the database's own message is in `cause`. */
function refusedAsAppendOnly(err: unknown): boolean {
  const e = err as { message?: string; cause?: { message?: string; code?: string } };
  assert.match(`${e.message} ${e.cause?.message}`, /audit_log is append-only/);
  assert.equal(e.cause?.code, '42501'); // insufficient_privilege
  return true;
}

describe('audit log', () => {
  test('the database refuses UPDATE, DELETE and TRUNCATE on audit_log', async () => {
    const before = await t.snapshot();
    assert.ok(before.audit_log.rows >= 2);
    await assert.rejects(t.db.execute(sql`update audit_log set action = 'forged'`), refusedAsAppendOnly);
    await assert.rejects(t.db.execute(sql`update audit_log set after = null where id = (select min(id) from audit_log)`), refusedAsAppendOnly);
    await assert.rejects(t.db.execute(sql`delete from audit_log`), refusedAsAppendOnly);
    await assert.rejects(t.db.execute(sql`truncate audit_log`), refusedAsAppendOnly);
    assert.deepEqual(await t.snapshot(), before);
  });

  test('an admin reads the entries of its own subtree only', async () => {
    const mytho = await t.run('mytho.admin', () => listAudit());
    assert.deepEqual(mytho.items.map((e) => e.action), ['unit.create']);
    const chauthanh = await t.run('chauthanh.admin', () => listAudit());
    assert.deepEqual(chauthanh.items.map((e) => e.action), ['unit.update']);
    const tinh = await t.run('tinh.admin', () => listAudit());
    assert.deepEqual(tinh.items.map((e) => e.action), ['unit.update', 'unit.create']);
  });

  test('non-admins may not read the audit log', async () => {
    for (const username of ['mytho.leader', 'mytho.officer', 'tinh.viewer', 'tinh.leader', 'p4.leader']) {
      await expectRefused(t, username, () => listAudit(), 'forbidden');
    }
  });
});
