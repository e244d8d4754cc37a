import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/db/seed/demo';
import { expectDalError, expectRefused, ROOT_ADMIN, registerTestDb, withAudit } from '@/lib/test/db';
import { verifyLogin } from './login';
import { endCurrentSession, runAs } from './session';
import { getUnit } from './units';
import { canManageUsers, createUser, endUserSessions, getUser, listUsers, resetPassword, setUserActive, updateUser } from './users';

/** The user actions against a real database. Tests run in order on one shared database. */
const t = registerTestDb();

const MISSING_ID = 987_654;
const NEW_PASSWORD = 'MatKhauMoi@2027';

/** Callers who must never manage a Mỹ Tho user. */
const NOT_MYTHO_ADMINS = ['mytho.leader', 'mytho.officer', 'chauthanh.admin', 'khoi.admin', 'p4.leader', 'p4.officer', 'cb.mekong', 'cd.mekong', 'tinh.leader', 'tinh.viewer'];

const MYTHO_SUBTREE_USERS = [
  'mytho.admin',
  'mytho.leader',
  'mytho.officer',
  'p4.leader',
  'p4.officer',
  'p6.leader',
  'p1.leader',
  'cb.mekong',
  'cb.phuongnam',
  'cb.ldld',
  'cd.mekong',
  'cd.phuongnam',
  'cd.viethan',
];

describe('listUsers and getUser', () => {
  test('an admin lists exactly the users of its subtree; reading writes nothing', async () => {
    const before = await t.snapshot();
    const all = (await t.run('mytho.admin', () => listUsers())).items;
    assert.deepEqual(all.map((u) => u.username).sort(), [...MYTHO_SUBTREE_USERS].sort());
    for (const u of all) assert.ok(!('passwordHash' in u) && !('sessionVersion' in u), 'no secrets in the list');
    const p4 = (await t.run('mytho.admin', () => listUsers({ unitId: all.find((u) => u.username === 'p4.leader')!.unitId }))).items;
    assert.deepEqual(p4.map((u) => u.username).sort(), ['cb.phuongnam', 'cd.phuongnam', 'p4.leader', 'p4.officer']);
    const search = (await t.run('mytho.admin', () => listUsers({ q: 'Dang Quoc' }))).items;
    assert.deepEqual(
      search.map((u) => u.username),
      ['p4.leader'],
      'search ignores Vietnamese accents',
    );
    assert.deepEqual(
      (await t.run('mytho.admin', () => listUsers({ q: 'P4.LEAD' }))).items.map((u) => u.username),
      ['p4.leader'],
      'or finds a username',
    );
    assert.equal((await t.run(ROOT_ADMIN, () => listUsers())).total, DEMO_ACCOUNTS.length, 'the national administrator sees every account');
    assert.equal((await t.run('tinh.admin', () => listUsers())).total, DEMO_ACCOUNTS.filter((a) => a.unitCode !== 'TW').length, 'a province administrator, none above the province');
    assert.deepEqual(await t.snapshot(), before);
    assert.equal(await t.run('mytho.admin', () => canManageUsers()), true);
  });

  test('a filter naming a unit outside the subtree lists nothing', async () => {
    const khoi = await t.unitId('TG-KHOIDN');
    const tg = await t.unitId('TG');
    assert.deepEqual((await t.run('mytho.admin', () => listUsers({ unitId: khoi }))).items, []);
    const fromAbove = (await t.run('mytho.admin', () => listUsers({ unitId: tg }))).items;
    assert.deepEqual(fromAbove.map((u) => u.username).sort(), [...MYTHO_SUBTREE_USERS].sort());
    assert.deepEqual((await t.run('mytho.admin', () => listUsers({ unitId: MISSING_ID }))).items, []);
  });

  test('non-admins may not list users', async () => {
    for (const username of ['mytho.leader', 'mytho.officer', 'p4.leader', 'tinh.leader', 'tinh.viewer', 'cd.mekong']) {
      await expectRefused(t, username, () => listUsers(), 'forbidden');
      assert.equal(await t.run(username, () => canManageUsers()), false);
    }
  });

  test('an admin reads a user of its subtree, with no secrets', async () => {
    const target = await t.user('cd.mekong');
    const dto = await t.run('mytho.admin', () => getUser(target.id));
    assert.equal(dto.username, 'cd.mekong');
    assert.deepEqual(Object.keys(dto).sort(), ['active', 'fullName', 'id', 'role', 'unitId', 'unitKind', 'unitName', 'unitPath', 'updatedAt', 'username', 'version']);
  });

  test('getUser refuses users outside the subtree (not found) and non-admins (forbidden)', async () => {
    const ids = async (...names: string[]) => Promise.all(names.map(async (n) => (await t.user(n)).id));
    const [tinhAdmin, khoiLeader, p4Leader, mythoAdmin, mythoOfficer] = await ids('tinh.admin', 'khoi.leader', 'p4.leader', 'mytho.admin', 'mytho.officer');
    await expectRefused(t, 'mytho.admin', () => getUser(tinhAdmin), 'not_found');
    await expectRefused(t, 'mytho.admin', () => getUser(khoiLeader), 'not_found');
    await expectRefused(t, 'mytho.admin', () => getUser(MISSING_ID), 'not_found');
    await expectRefused(t, 'chauthanh.admin', () => getUser(p4Leader), 'not_found');
    await expectRefused(t, 'p4.leader', () => getUser(mythoAdmin), 'not_found');
    await expectRefused(t, 'mytho.leader', () => getUser(p4Leader), 'forbidden');
    await expectRefused(t, 'mytho.officer', () => getUser(mythoOfficer), 'forbidden');
  });
});

describe('createUser', () => {
  test('an admin creates a user below; one audit row without the password; the user can sign in', async () => {
    const p4 = await t.unitId('TG-MYTHO-P4');
    const { result, audit } = await withAudit(t, () => t.run('mytho.admin', () => createUser({ username: 'P4.Admin', fullName: 'Trần Thị Mới', unitId: p4, role: 'admin', password: NEW_PASSWORD })));
    const created = await t.user('p4.admin');
    assert.equal(created.id, result.id);
    assert.deepEqual([created.unitId, created.role, created.active], [p4, 'admin', true]);
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'user.create');
    assert.equal(audit[0].entityId, String(created.id));
    assert.equal(audit[0].before, null);
    assert.deepEqual(audit[0].after, { username: 'p4.admin', fullName: 'Trần Thị Mới', unitId: p4, role: 'admin', active: true });
    const login = await verifyLogin('p4.admin', NEW_PASSWORD);
    assert.equal(login.ok, true);
    // The new admin manages P4 and nothing above it.
    const names = (await t.run('p4.admin', () => listUsers())).items.map((u) => u.username).sort();
    assert.deepEqual(names, ['cb.phuongnam', 'cd.phuongnam', 'p4.admin', 'p4.leader', 'p4.officer']);
  });

  test('everyone else is refused and nothing changes', async () => {
    const p4 = await t.unitId('TG-MYTHO-P4');
    const mytho = await t.unitId('TG-MYTHO');
    const input = (unitId: number) => ({ username: 'x.intruder', fullName: 'Kẻ lạ', unitId, role: 'admin' as const, password: NEW_PASSWORD });
    for (const username of NOT_MYTHO_ADMINS) {
      // Out of scope the unit is "not found" (reported on the unit field), in scope "forbidden".
      await expectRefused(t, username, () => createUser(input(p4)), ['not_found', 'forbidden', 'invalid']);
      await expectRefused(t, username, () => createUser(input(mytho)), ['not_found', 'forbidden', 'invalid']);
    }
    await expectRefused(t, 'mytho.leader', () => createUser(input(mytho)), 'forbidden');
    await expectRefused(t, 'p4.leader', () => createUser(input(p4)), 'forbidden');
    // A unit out of scope answers exactly like a unit that does not exist.
    const outside = await expectRefused(t, 'chauthanh.admin', () => createUser(input(p4)), 'invalid');
    const above = await expectRefused(t, 'p4.admin', () => createUser(input(mytho)), 'invalid');
    const missing = await expectRefused(t, 'mytho.admin', () => createUser(input(MISSING_ID)), 'invalid');
    for (const err of [outside, above]) assert.deepEqual([err.key, err.fieldErrors], [missing.key, missing.fieldErrors]);
    assert.equal(missing.key, 'errors.targetNotFound');
  });

  test('a taken username (in any case) is refused', async () => {
    const p4 = await t.unitId('TG-MYTHO-P4');
    await expectRefused(t, 'mytho.admin', () => createUser({ username: 'Tinh.Admin', fullName: 'X', unitId: p4, role: 'viewer', password: NEW_PASSWORD }), 'invalid');
  });
});

describe('updateUser', () => {
  test("a role change writes one audit row and ends the user's sessions at the next call", async () => {
    const target = await t.user('p4.officer');
    const oldIdentity = await t.as('p4.officer');
    const unitP4 = await t.unitId('TG-MYTHO-P4');
    assert.equal((await runAs(oldIdentity, () => getUnit(unitP4))).code, 'TG-MYTHO-P4');
    const dto = await t.run('mytho.admin', () => getUser(target.id));
    const { audit } = await withAudit(t, () => t.run('mytho.admin', () => updateUser({ id: target.id, version: dto.version, fullName: dto.fullName, unitId: dto.unitId, role: 'leader' })));
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'user.update');
    assert.deepEqual(audit[0].before, { fullName: dto.fullName, unitId: dto.unitId, role: 'officer' });
    assert.deepEqual(audit[0].after, { fullName: dto.fullName, unitId: dto.unitId, role: 'leader' });
    const now = await t.user('p4.officer');
    assert.equal(now.role, 'leader');
    assert.equal(now.sessionVersion, target.sessionVersion + 1);
    await expectDalError(
      runAs(oldIdentity, () => getUnit(unitP4)),
      'unauthenticated',
    );
    assert.equal((await t.run('p4.officer', () => getUnit(unitP4))).code, 'TG-MYTHO-P4');
  });

  test("a unit change moves the user's scope and ends their sessions", async () => {
    const target = await t.user('cd.viethan');
    const oldIdentity = await t.as('cd.viethan');
    const dto = await t.run('mytho.admin', () => getUser(target.id));
    const mekong = await t.unitId('TG-MYTHO-MEKONG');
    const { audit } = await withAudit(t, () => t.run('mytho.admin', () => updateUser({ id: target.id, version: dto.version, fullName: dto.fullName, unitId: mekong, role: dto.role })));
    assert.equal(audit.length, 1);
    assert.equal(audit[0].unitId, mekong);
    await expectDalError(
      runAs(oldIdentity, () => getUnit(target.unitId)),
      'unauthenticated',
    );
    await expectDalError(
      t.run('cd.viethan', () => getUnit(target.unitId)),
      'not_found',
    );
    assert.equal((await t.run('cd.viethan', () => getUnit(mekong))).code, 'TG-MYTHO-MEKONG');
  });

  test('a name change alone keeps the sessions', async () => {
    const target = await t.user('cb.ldld');
    const identity = await t.as('cb.ldld');
    const dto = await t.run('mytho.admin', () => getUser(target.id));
    const { audit } = await withAudit(t, () => t.run('mytho.admin', () => updateUser({ id: target.id, version: dto.version, fullName: 'Châu Thị Diễm Phương', unitId: dto.unitId, role: dto.role })));
    assert.equal(audit.length, 1);
    assert.equal((await t.user('cb.ldld')).sessionVersion, target.sessionVersion);
    assert.equal((await runAs(identity, () => getUnit(dto.unitId))).code, 'TG-MYTHO-LDLD');
  });

  test('everyone else is refused and nothing changes', async () => {
    for (const victim of ['mytho.officer', 'cb.mekong']) {
      const target = await t.user(victim);
      const input = { id: target.id, version: target.version, fullName: 'Bị sửa', unitId: target.unitId, role: 'admin' as const };
      for (const username of NOT_MYTHO_ADMINS) {
        if (username === victim) continue;
        await expectRefused(t, username, () => updateUser(input));
      }
    }
    const officer = await t.user('mytho.officer');
    const input = { id: officer.id, version: officer.version, fullName: 'X', unitId: officer.unitId, role: 'admin' as const };
    await expectRefused(t, 'mytho.leader', () => updateUser(input), 'forbidden');
    await expectRefused(t, 'chauthanh.admin', () => updateUser(input), 'not_found');
    await expectRefused(t, 'p4.admin', () => updateUser(input), 'not_found');
    await expectRefused(t, 'mytho.admin', () => updateUser({ ...input, id: MISSING_ID }), 'not_found');
    await expectRefused(t, 'mytho.admin', () => updateUser({ ...input, version: officer.version + 1 }), 'conflict');
    // Moving a user of the subtree out of it, or up above the admin, is refused like a missing unit.
    const [khoi, tg] = [await t.unitId('TG-KHOIDN'), await t.unitId('TG')];
    await expectRefused(t, 'mytho.admin', () => updateUser({ ...input, unitId: khoi }), 'invalid');
    await expectRefused(t, 'mytho.admin', () => updateUser({ ...input, unitId: tg }), 'invalid');
    // An admin does not change its own role or unit.
    const self = await t.user('mytho.admin');
    await expectRefused(t, 'mytho.admin', () => updateUser({ id: self.id, version: self.version, fullName: 'X', unitId: self.unitId, role: 'viewer' }), 'forbidden');
    // A lower admin may not promote someone into a unit above its own.
    const p4Leader = await t.user('p4.leader');
    await expectRefused(t, 'p4.admin', () => updateUser({ id: p4Leader.id, version: p4Leader.version, fullName: 'X', unitId: officer.unitId, role: 'admin' }), 'invalid');
  });
});

describe('setUserActive', () => {
  test('deactivation writes one audit row, ends the sessions and blocks sign-in; reactivation works', async () => {
    const target = await t.user('p6.leader');
    const oldIdentity = await t.as('p6.leader');
    const p6 = await t.unitId('TG-MYTHO-P6');
    const { audit } = await withAudit(t, () => t.run('mytho.admin', () => setUserActive({ id: target.id, version: target.version, active: false })));
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'user.deactivate');
    assert.deepEqual([audit[0].before, audit[0].after], [{ active: true }, { active: false }]);
    await expectDalError(
      runAs(oldIdentity, () => getUnit(p6)),
      'unauthenticated',
    );
    await expectDalError(
      t.run('p6.leader', () => getUnit(p6)),
      'unauthenticated',
    );
    assert.deepEqual(await verifyLogin('p6.leader', DEMO_PASSWORD), { ok: false, reason: 'invalid' });

    const off = await t.user('p6.leader');
    const back = await withAudit(t, () => t.run('mytho.admin', () => setUserActive({ id: target.id, version: off.version, active: true })));
    assert.equal(back.audit.length, 1);
    assert.equal(back.audit[0].action, 'user.activate');
    assert.equal((await t.run('p6.leader', () => getUnit(p6))).code, 'TG-MYTHO-P6');
  });

  test('everyone else is refused and nothing changes', async () => {
    const officer = await t.user('mytho.officer');
    const input = { id: officer.id, version: officer.version, active: false };
    for (const username of NOT_MYTHO_ADMINS) {
      if (username === 'mytho.officer') continue;
      await expectRefused(t, username, () => setUserActive(input));
    }
    await expectRefused(t, 'mytho.leader', () => setUserActive(input), 'forbidden');
    await expectRefused(t, 'chauthanh.admin', () => setUserActive(input), 'not_found');
    await expectRefused(t, 'p4.admin', () => setUserActive(input), 'not_found');
    await expectRefused(t, 'mytho.admin', () => setUserActive({ ...input, id: MISSING_ID }), 'not_found');
    await expectRefused(t, 'mytho.admin', () => setUserActive({ ...input, version: officer.version - 1 }), 'conflict');
    const self = await t.user('mytho.admin');
    await expectRefused(t, 'mytho.admin', () => setUserActive({ id: self.id, version: self.version, active: false }), 'forbidden');
  });
});

describe('resetPassword', () => {
  test('a reset writes one audit row without the password and ends the sessions', async () => {
    const target = await t.user('cb.mekong');
    const oldIdentity = await t.as('cb.mekong');
    const mekong = await t.unitId('TG-MYTHO-MEKONG');
    const { audit } = await withAudit(t, () => t.run('mytho.admin', () => resetPassword({ id: target.id, password: NEW_PASSWORD })));
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'user.resetPassword');
    assert.deepEqual([audit[0].before, audit[0].after], [null, { passwordReset: true }]);
    assert.ok(!JSON.stringify(audit[0]).includes('argon2'), 'no hash in the audit log');
    assert.equal((await t.user('cb.mekong')).sessionVersion, target.sessionVersion + 1);
    await expectDalError(
      runAs(oldIdentity, () => getUnit(mekong)),
      'unauthenticated',
    );
    assert.deepEqual(await verifyLogin('cb.mekong', DEMO_PASSWORD), { ok: false, reason: 'invalid' });
    const login = await verifyLogin('cb.mekong', NEW_PASSWORD);
    assert.ok(login.ok);
    assert.equal(login.sessionVersion, target.sessionVersion + 1);
    assert.equal((await runAs({ userId: login.userId, sessionVersion: login.sessionVersion }, () => getUnit(mekong))).code, 'TG-MYTHO-MEKONG');
  });

  test('everyone else is refused and nothing changes', async () => {
    const officer = await t.user('mytho.officer');
    const input = { id: officer.id, password: 'Attacker@2027' };
    for (const username of NOT_MYTHO_ADMINS) {
      if (username === 'mytho.officer') continue;
      await expectRefused(t, username, () => resetPassword(input));
    }
    await expectRefused(t, 'mytho.leader', () => resetPassword(input), 'forbidden');
    await expectRefused(t, 'chauthanh.admin', () => resetPassword(input), 'not_found');
    await expectRefused(t, 'p4.admin', () => resetPassword(input), 'not_found');
    const tinhAdmin = await t.user('tinh.admin');
    await expectRefused(t, 'mytho.admin', () => resetPassword({ id: tinhAdmin.id, password: 'Attacker@2027' }), 'not_found');
    await expectRefused(t, 'mytho.admin', () => resetPassword({ ...input, id: MISSING_ID }), 'not_found');
    const self = await t.user('mytho.admin');
    await expectRefused(t, 'mytho.admin', () => resetPassword({ id: self.id, password: 'Attacker@2027' }), 'forbidden');
    assert.equal((await verifyLogin('mytho.officer', DEMO_PASSWORD)).ok, true);
  });
});

describe('sessions', () => {
  test('an unknown user id or a stale session version is unauthenticated for every call', async () => {
    const officer = await t.user('mytho.officer');
    const calls: (() => Promise<unknown>)[] = [() => listUsers(), () => getUser(officer.id), () => getUnit(officer.unitId)];
    for (const identity of [
      { userId: MISSING_ID, sessionVersion: 1 },
      { userId: officer.id, sessionVersion: officer.sessionVersion + 1 },
    ]) {
      for (const call of calls) await expectDalError(runAs(identity, call), 'unauthenticated');
    }
    const admin = await t.user('mytho.admin');
    await expectDalError(
      runAs({ userId: admin.id, sessionVersion: admin.sessionVersion - 1 }, () => resetPassword({ id: officer.id, password: 'Attacker@2027' })),
      'unauthenticated',
    );
  });
});

describe('sessions end on the server', () => {
  test('logging out ends that session only: its token is refused, the same user’s other session goes on', async () => {
    const unitP4 = await t.unitId('TG-MYTHO-P4');
    const base = await t.as('p4.leader');
    const phone = { ...base, sessionId: 'phone-session' };
    const desktop = { ...base, sessionId: 'desktop-session' };
    assert.equal((await runAs(phone, () => getUnit(unitP4))).code, 'TG-MYTHO-P4');
    await runAs(phone, () => endCurrentSession());
    await expectDalError(
      runAs(phone, () => getUnit(unitP4)),
      'unauthenticated',
    );
    assert.equal((await runAs(desktop, () => getUnit(unitP4))).code, 'TG-MYTHO-P4');
  });

  test('an administrator ends every session of a user (audited); nobody else may', async () => {
    const target = await t.user('p4.officer');
    for (const username of NOT_MYTHO_ADMINS) await expectRefused(t, username, () => endUserSessions({ id: target.id }));
    await expectRefused(t, 'mytho.admin', () => endUserSessions({ id: MISSING_ID }), 'not_found');
    const unitP4 = await t.unitId('TG-MYTHO-P4');
    const old = { ...(await t.as('p4.officer')), sessionId: 'kept-cookie' };
    const { audit } = await withAudit(t, () => t.run('mytho.admin', () => endUserSessions({ id: target.id })));
    assert.deepEqual(
      audit.map((a) => [a.action, a.entityId]),
      [['user.endSessions', String(target.id)]],
    );
    await expectDalError(
      runAs(old, () => getUnit(unitP4)),
      'unauthenticated',
    );
    assert.equal((await t.run('p4.officer', () => getUnit(unitP4))).code, 'TG-MYTHO-P4', 'a new login works');
  });
});
