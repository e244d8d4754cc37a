import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { expectRefused, setupTestDb, TEST_APP_ROLE, type TestDb } from '@/lib/test/db';
import { startupProblems } from '@/db/roles';
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

const rows = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await t.db.execute(query));

/** The owner connection answers postgres.js errors (PostgreSQL) or Drizzle's (PGlite). */
function refusedAsAppendOnlyOwner(err: unknown): boolean {
  const e = err as { message?: string; code?: string; cause?: { message?: string; code?: string } };
  assert.match(`${e.message} ${e.cause?.message}`, /audit_log is append-only/);
  assert.equal(e.code ?? e.cause?.code, '42501'); // insufficient_privilege
  return true;
}

describe('audit log', () => {
  test('the database refuses UPDATE, DELETE and TRUNCATE on audit_log, even from its owner', async () => {
    const before = await t.snapshot();
    assert.ok(before.audit_log.rows >= 2);
    await assert.rejects(t.ownerExecute(`update audit_log set action = 'forged'`), refusedAsAppendOnlyOwner);
    await assert.rejects(t.ownerExecute(`update audit_log set after = null where id = (select min(id) from audit_log)`), refusedAsAppendOnlyOwner);
    await assert.rejects(t.ownerExecute(`delete from audit_log`), refusedAsAppendOnlyOwner);
    await assert.rejects(t.ownerExecute(`truncate audit_log`), refusedAsAppendOnlyOwner);
    assert.deepEqual(await t.snapshot(), before);
  });

  // PGlite is embedded: the portal's own process is its only client, so there is no server role to
  // restrict; on PostgreSQL the data layer runs as the restricted role (lib/test/db.ts).
  test('the application role cannot rewrite the audit log by any route', { skip: process.env.TEST_DB === 'postgres' ? false : 'PGlite has no separate server roles' }, async () => {
    const [{ user }] = await rows<{ user: string }>(sql`select current_user as user`);
    assert.equal(user, TEST_APP_ROLE);
    const before = await t.snapshot();
    const refused = [
      `update audit_log set action = 'forged'`,
      `delete from audit_log`,
      `truncate audit_log`,
      `set session_replication_role = replica`,
      `alter table audit_log disable trigger all`,
      `alter table audit_log disable trigger audit_log_no_update_delete`,
      `drop trigger audit_log_no_update_delete on audit_log`,
      `create or replace function audit_log_refuse_change() returns trigger language plpgsql as $$ begin return old; end $$`,
      `alter table audit_log owner to current_user`,
      `drop table audit_log`,
      `alter table audit_log rename to audit_log_old`,
      `create table public.audit_log_copy (id int)`,
      `create role hatnhan_forged_owner`,
      `set role postgres`,
      `create temp table audit_log (id bigserial primary key)`,
    ];
    for (const text of refused) {
      await assert.rejects(t.db.execute(sql.raw(text)), (err: unknown) => {
        const e = err as { cause?: { code?: string; message?: string } };
        // 42501 insufficient_privilege; 42883 a function it may not replace is reported as owned by another.
        assert.ok(['42501', '42883'].includes(e.cause?.code ?? ''), `${text}: expected a privilege error, got ${e.cause?.code} ${e.cause?.message}`);
        return true;
      }, text);
    }
    // GRANT by a role without the grant option only warns "no privileges were granted".
    await t.db.execute(sql`grant update, delete, truncate on audit_log to current_user`);
    const [granted] = await rows<{ any: boolean }>(
      sql`select has_table_privilege('audit_log', 'UPDATE') or has_table_privilege('audit_log', 'DELETE') or has_table_privilege('audit_log', 'TRUNCATE') as any`,
    );
    assert.equal(granted.any, false);
    // It cannot backdate an entry or plant an id ahead of the sequence: the database stamps both.
    await t.db.execute(sql`insert into audit_log (id, at, action, entity, entity_id) values (999999, '2020-01-01', 'test.forged', 'test', '1')`);
    const [forged] = await rows<{ id: number; recent: boolean }>(sql`select id::int as id, at > now() - interval '1 minute' as recent from audit_log where action = 'test.forged'`);
    assert.ok(Number(forged.id) < 999999 && forged.recent, `the forged id and time were kept: ${JSON.stringify(forged)}`);
    // What it may do: read and append.
    await t.db.execute(sql`insert into audit_log (action, entity, entity_id) values ('test.append', 'test', '1')`);
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'test.append'`);
    assert.equal(Number(n), 1);
    const after = await t.snapshot();
    assert.equal(after.audit_log.rows, before.audit_log.rows + 2);
    // Everything else unchanged.
    assert.deepEqual({ ...after, audit_log: before.audit_log }, before);
    // The start-up check (instrumentation.ts) passes for this role, and refuses the owner, and the
    // owner's URL in the server's environment.
    assert.deepEqual(await startupProblems({ DATABASE_URL: process.env.DATABASE_URL }), []);
    const asOwner = await startupProblems({ DATABASE_URL: t.ownerUrl });
    for (const reason of ['is a superuser', 'owns tables', 'may update, delete or truncate audit_log', 'may set session_replication_role'])
      assert.ok(asOwner.some((p) => p.includes(reason)), `the owner is refused: ${reason}`);
    assert.deepEqual(await startupProblems({ DATABASE_URL: process.env.DATABASE_URL, DATABASE_OWNER_URL: t.ownerUrl }), [
      "DATABASE_OWNER_URL (the owner's credentials) is in the server's environment",
    ]);
    // A member of a role that may create roles (and so grant itself the owner's) is refused.
    await t.ownerExecute(`do $$ begin create role hatnhan_test_creator nologin createrole; exception when duplicate_object or unique_violation then null; end $$`);
    await t.ownerExecute(`grant hatnhan_test_creator to ${TEST_APP_ROLE}`);
    try {
      assert.deepEqual(await startupProblems({ DATABASE_URL: process.env.DATABASE_URL }), [
        "the role in DATABASE_URL may create roles, or become a role that may (CREATEROLE can grant itself the owner's role)",
      ]);
    } finally {
      await t.ownerExecute(`revoke hatnhan_test_creator from ${TEST_APP_ROLE}`);
      await t.ownerExecute(`drop role hatnhan_test_creator`);
    }
    // A role that is not a superuser but owns the tables is refused too.
    await t.ownerExecute(`do $$ begin create role hatnhan_test_owner nologin; exception when duplicate_object or unique_violation then null; end $$`);
    await t.ownerExecute(`grant hatnhan_test_owner to ${TEST_APP_ROLE}`);
    await t.ownerExecute(`alter table units owner to hatnhan_test_owner`);
    try {
      const member = await startupProblems({ DATABASE_URL: process.env.DATABASE_URL });
      assert.deepEqual(member, ['the role in DATABASE_URL owns tables (or is a member of their owner)']);
    } finally {
      await t.ownerExecute(`alter table units owner to current_user`);
      await t.ownerExecute(`revoke hatnhan_test_owner from ${TEST_APP_ROLE}`);
      await t.ownerExecute(`drop role hatnhan_test_owner`);
    }
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
