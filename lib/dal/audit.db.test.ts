import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { expectRefused, setupTestDb, TEST_APP_ROLE, type TestDb } from '@/lib/test/db';
import { startupProblems } from '@/db/roles';
import { listPersonAccess, accessedPersonName } from './access-log';
import { listAudit, type AuditFilter } from './audit';
import { createMember, getMember } from './members';
import type { Page, PageRequest } from './paging';
import { createUnit, updateUnit } from './units';
import { getUserOption, searchUsers } from './users';

let t: TestDb;
before(async () => {
  t = await setupTestDb();
  // One change in Mỹ Tho, one in Châu Thành.
  const p4 = await t.unitId('TG-MYTHO-P4');
  await t.run('mytho.admin', () => createUnit({ parentId: p4, kind: 'cell', name: 'Chi bộ Khu phố 5', code: 'TG-MYTHO-P4-KP5', effectiveOn: '2027-01-15' }));
  const tanhuong = await t.unit('TG-CHAUTHANH-TANHUONG');
  await t.run('chauthanh.admin', () => updateUnit({ id: tanhuong.id, version: tanhuong.version, name: 'Đảng ủy xã Tân Hương (mới)', code: tanhuong.code, effectiveOn: '2027-01-15' }));
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
      await assert.rejects(
        t.db.execute(sql.raw(text)),
        (err: unknown) => {
          const e = err as { cause?: { code?: string; message?: string } };
          // 42501 insufficient_privilege; 42883 a function it may not replace is reported as owned by another.
          assert.ok(['42501', '42883'].includes(e.cause?.code ?? ''), `${text}: expected a privilege error, got ${e.cause?.code} ${e.cause?.message}`);
          return true;
        },
        text,
      );
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
      assert.ok(
        asOwner.some((p) => p.includes(reason)),
        `the owner is refused: ${reason}`,
      );
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
    assert.deepEqual(
      mytho.items.map((e) => e.action),
      ['unit.create'],
    );
    const chauthanh = await t.run('chauthanh.admin', () => listAudit());
    assert.deepEqual(
      chauthanh.items.map((e) => e.action),
      ['unit.update'],
    );
    const tinh = await t.run('tinh.admin', () => listAudit());
    assert.deepEqual(
      tinh.items.map((e) => e.action),
      ['unit.update', 'unit.create'],
    );
  });

  test('non-admins may not read the audit log', async () => {
    for (const username of ['mytho.leader', 'mytho.officer', 'tinh.viewer', 'tinh.leader', 'p4.leader']) {
      await expectRefused(t, username, () => listAudit(), 'forbidden');
    }
  });
});

/** Every page of a list, following "Trang sau" from the first; then back again by "Trang trước", which must give the same pages. */
async function allPages<T extends { id: number }>(read: (p: PageRequest) => Promise<Page<T>>, size: number): Promise<number[]> {
  const pages: number[][] = [];
  let page = await read({ size });
  pages.push(page.items.map((i) => i.id));
  assert.equal(page.prev, null);
  while (page.next) {
    page = await read({ after: page.next, size });
    pages.push(page.items.map((i) => i.id));
    assert.ok(pages.length < 100, 'paging ends');
  }
  // Back from the last page to the first.
  for (let i = pages.length - 2; i >= 0; i--) {
    page = await read({ before: page.prev!, size });
    assert.deepEqual(
      page.items.map((x) => x.id),
      pages[i],
      `page ${i + 1} read backwards`,
    );
  }
  assert.equal(page.prev, null);
  return pages.flat();
}

/** Today's date in Vietnam (the log's periods are Vietnamese days). */
const vnDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('the audit log as people read it: paging, filters, scope', () => {
  let p4: number;
  let chauthanh: number;
  let mythoAdmin: number;
  let chauthanhAdmin: number;
  before(async () => {
    p4 = await t.unitId('TG-MYTHO-P4');
    chauthanh = await t.unitId('TG-CHAUTHANH');
    mythoAdmin = (await t.user('mytho.admin')).id;
    chauthanhAdmin = (await t.user('chauthanh.admin')).id;
    // 120 entries in one statement (on PGlite they share one time: the id breaks the tie; on
    // PostgreSQL each has its own microsecond, which the cursor must keep).
    await t.db.execute(sql`insert into audit_log (actor_id, unit_id, action, entity, entity_id, before, after)
      select ${mythoAdmin}, ${p4}, 'unit.update', 'unit', ${String(p4)}, jsonb_build_object('name', 'Tên cũ ' || g), jsonb_build_object('name', 'Tên mới ' || g)
      from generate_series(1, 120) g`);
  });

  test('newest first, page after page and back, the same rows the scope holds', async () => {
    const ids = await t.run('mytho.admin', () => allPages((p) => listAudit({}, p), 50));
    const expected = await rows<{ id: number }>(
      sql`select a.id::int as id from audit_log a join units u on u.id = a.unit_id where u.path <@ (select path from units where code = 'TG-MYTHO') order by a.at desc, a.id desc`,
    );
    assert.equal(ids.length, 121);
    assert.deepEqual(
      ids,
      expected.map((r) => Number(r.id)),
    );
    // A tampered cursor starts again at the first page.
    const forged = await t.run('mytho.admin', () => listAudit({}, { after: Buffer.from('["not a time", 1]').toString('base64url') }));
    assert.equal(forged.prev, null);
    assert.equal(forged.items[0].id, ids[0]);
  });

  test('each filter: who, what, the unit and its subtree, the period', async () => {
    const actions = async (username: string, filter: AuditFilter) => (await t.run(username, () => listAudit(filter, { size: 100 }))).items.map((e) => e.action);
    // Who: the province admin sees both admins' changes, one at a time.
    assert.deepEqual(await actions('tinh.admin', { actorId: chauthanhAdmin }), ['unit.update']);
    assert.equal((await actions('tinh.admin', { actorId: mythoAdmin })).length, 100);
    // What.
    assert.deepEqual(await actions('tinh.admin', { action: 'unit.create' }), ['unit.create']);
    assert.deepEqual(await actions('tinh.admin', { action: 'user.create' }), []);
    // A unit and its subtree: the new cell's creation was written at the cell, which lies under Phường 4.
    const underP4 = await t.run('mytho.admin', () => allPages((p) => listAudit({ unitId: p4 }, p), 100));
    assert.equal(underP4.length, 121);
    assert.deepEqual(await actions('tinh.admin', { unitId: chauthanh }), ['unit.update']);
    // The period, in Vietnamese days: today has them all, yesterday and tomorrow none.
    assert.equal((await t.run('tinh.admin', () => allPages((p) => listAudit({ from: vnDay(), to: vnDay() }, p), 100))).length, 122);
    assert.deepEqual(await actions('tinh.admin', { to: vnDay(-1) }), []);
    assert.deepEqual(await actions('tinh.admin', { from: vnDay(1) }), []);
    // Filters together.
    assert.deepEqual(await actions('tinh.admin', { actorId: chauthanhAdmin, action: 'unit.update', unitId: chauthanh, from: vnDay(), to: vnDay() }), ['unit.update']);
    assert.deepEqual(await actions('tinh.admin', { actorId: chauthanhAdmin, unitId: p4 }), []);
  });

  test("a filter never reaches past the scope: another subtree's unit or actor finds nothing", async () => {
    const actions = async (username: string, filter: AuditFilter) => (await t.run(username, () => listAudit(filter))).items.map((e) => e.action);
    assert.deepEqual(await actions('mytho.admin', { unitId: chauthanh }), []);
    assert.deepEqual(await actions('mytho.admin', { actorId: chauthanhAdmin }), []);
    assert.deepEqual(await actions('chauthanh.admin', { unitId: p4 }), []);
    assert.deepEqual(await actions('chauthanh.admin', { actorId: mythoAdmin }), []);
    assert.deepEqual(await actions('chauthanh.admin', { unitId: 999_999 }), []);
    // The pickers behind the filter: users of one's own subtree only.
    const found = await t.run('chauthanh.admin', () => searchUsers('pham thi thu trang'));
    assert.deepEqual(found, []);
    assert.equal(await t.run('chauthanh.admin', () => getUserOption(mythoAdmin)), null);
    assert.deepEqual(
      (await t.run('mytho.admin', () => searchUsers('pham thi thu trang'))).map((u) => u.value),
      [String(mythoAdmin)],
    );
  });
});

describe("who opened which person's record (Decree 13/2023)", () => {
  let p4Member: { id: number; personId: number };
  let chauthanhMember: { id: number; personId: number };
  before(async () => {
    // One member under Phường 4, one in Châu Thành, each registered by its unit and opened by users of both districts.
    const member = (fullName: string, nationalId: string, cellUnitId: number) =>
      createMember({ fullName, birthDate: '1990-03-12', gender: 'female', nationalId, cellUnitId, occupation: 'direct_worker', admittedOn: '2015-05-19', officialOn: '2016-05-19' });
    const p4Id = (await t.run('cb.phuongnam', async () => member('Nguyễn Thị Bích Liên', '082190001111', await t.unitId('TG-MYTHO-P4-PHUONGNAM')))).id;
    const ctId = (await t.run('chauthanh.admin', async () => member('Lê Thị Hoa', '082190002222', await t.unitId('TG-CHAUTHANH-TANHUONG-KCN')))).id;
    [p4Member] = await rows<{ id: number; personId: number }>(sql`select id, person_id as "personId" from party_members where id = ${p4Id}`);
    [chauthanhMember] = await rows<{ id: number; personId: number }>(sql`select id, person_id as "personId" from party_members where id = ${ctId}`);
    await t.run('p4.officer', () => getMember(p4Member.id));
    await t.run('mytho.admin', () => getMember(p4Member.id));
    await t.run('chauthanh.admin', () => getMember(chauthanhMember.id));
  });

  test('an admin reads the openings by the users of its subtree, newest first, filtered by user, person and period', async () => {
    const p4Officer = (await t.user('p4.officer')).id;
    const mytho = await t.run('mytho.admin', () => listPersonAccess());
    assert.deepEqual(
      mytho.items.map((a) => [a.userName, a.personId]),
      [
        ['Phạm Thị Thu Trang', p4Member.personId],
        ['Bùi Thị Mỹ Linh', p4Member.personId],
      ],
    );
    const byUser = await t.run('mytho.admin', () => listPersonAccess({ userId: p4Officer }));
    assert.deepEqual(
      byUser.items.map((a) => a.userId),
      [p4Officer],
    );
    const byPerson = await t.run('mytho.admin', () => listPersonAccess({ personId: p4Member.personId, from: vnDay(), to: vnDay() }));
    assert.equal(byPerson.items.length, 2);
    assert.deepEqual((await t.run('mytho.admin', () => listPersonAccess({ to: vnDay(-1) }))).items, []);
    assert.equal(await t.run('mytho.admin', () => accessedPersonName(p4Member.personId)), mytho.items[0].personName);
    // The province sees every opening below it.
    const tinh = await t.run('tinh.admin', () => listPersonAccess());
    assert.equal(tinh.items.length, 3);
    assert.deepEqual(
      (await t.run('chauthanh.admin', () => listPersonAccess())).items.map((a) => a.personId),
      [chauthanhMember.personId],
    );
    // Paging: one row a page, forward and back.
    assert.deepEqual(
      await t.run('tinh.admin', () => allPages((p) => listPersonAccess({}, p), 1)),
      tinh.items.map((a) => a.id),
    );
  });

  test('an admin of another subtree sees none of them, whatever it filters by', async () => {
    const p4Officer = (await t.user('p4.officer')).id;
    const other = await t.run('chauthanh.admin', () => listPersonAccess());
    assert.ok(other.items.every((a) => a.personId !== p4Member.personId));
    assert.deepEqual((await t.run('chauthanh.admin', () => listPersonAccess({ userId: p4Officer }))).items, []);
    assert.deepEqual((await t.run('chauthanh.admin', () => listPersonAccess({ personId: p4Member.personId }))).items, []);
    assert.equal(await t.run('chauthanh.admin', () => accessedPersonName(p4Member.personId)), null);
  });

  test('refusals: no one but an administrator reads either log or the user picker', async () => {
    const calls: [string, () => Promise<unknown>][] = [
      ['listAudit', () => listAudit({ action: 'unit.update' })],
      ['listPersonAccess', () => listPersonAccess()],
      ['accessedPersonName', () => accessedPersonName(p4Member.personId)],
      ['searchUsers', () => searchUsers('a')],
      ['getUserOption', async () => getUserOption((await t.user('p4.officer')).id)],
    ];
    for (const username of ['mytho.leader', 'mytho.officer', 'tinh.viewer', 'p4.leader', 'cb.phuongnam', 'cd.phuongnam']) {
      for (const [name, fn] of calls) {
        const err = await expectRefused(t, username, fn, 'forbidden');
        assert.ok(err, `${username} ${name}`);
      }
    }
  });
});
