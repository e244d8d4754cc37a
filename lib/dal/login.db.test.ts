import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD } from '@/db/seed/demo';
import { clientAddress, deviceToken, isKnownDevice } from '@/lib/auth/device';
import { LOGIN_CLIENT_MAX_FAILURES, LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES } from '@/lib/auth/policy';
import { setClock } from '@/lib/clock';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { setupTestDb, withAudit, type TestDb } from '@/lib/test/db';
import { resetClientFailures, verifyLogin } from './login';

let t: TestDb;
before(async () => {
  t = await setupTestDb();
});
after(async () => {
  setClock(undefined);
  await t?.teardown();
});
afterEach(() => setClock(undefined));

const START = new Date('2027-01-15T02:00:00Z').getTime();
const MINUTE = 60_000;
/** Fix the clock at `minutes` after START. */
const at = (minutes: number) => setClock(() => new Date(START + minutes * MINUTE));

const INVALID = { ok: false, reason: 'invalid' } as const;
const THROTTLED = { ok: false, reason: 'throttled' } as const;

describe('verifyLogin', () => {
  test('the right password signs in, with the current session version, and is audited', async () => {
    at(0);
    const user = await t.user('mytho.admin');
    const { result, audit } = await withAudit(t, () => verifyLogin('mytho.admin', DEMO_PASSWORD));
    assert.deepEqual(result, { ok: true, userId: user.id, sessionVersion: user.sessionVersion, fullName: 'Phạm Thị Thu Trang' });
    assert.equal(audit.length, 1);
    assert.equal(audit[0].action, 'auth.login');
    assert.equal(audit[0].actorId, user.id);
  });

  test('the username is trimmed and case-insensitive', async () => {
    at(0);
    assert.equal((await verifyLogin('  MyTho.Admin ', DEMO_PASSWORD)).ok, true);
  });

  test('a wrong password and an unknown user get the same answer', async () => {
    at(0);
    const wrongPassword = await verifyLogin('p4.leader', 'not-the-password');
    const unknownUser = await verifyLogin('no.such.user', DEMO_PASSWORD);
    assert.deepEqual(wrongPassword, INVALID);
    assert.deepEqual(unknownUser, INVALID);
    assert.deepEqual(await verifyLogin('', ''), INVALID);
  });

  test(`after ${LOGIN_MAX_FAILURES} failures the next attempt is throttled even with the right password, until ${LOGIN_LOCK_MINUTES} minutes pass`, async () => {
    assert.equal(LOGIN_MAX_FAILURES, 5);
    assert.equal(LOGIN_LOCK_MINUTES, 15);
    for (let i = 0; i < 5; i++) {
      at(100 + i);
      assert.deepEqual(await verifyLogin('p6.leader', `wrong-${i}`), INVALID, `attempt ${i + 1}`);
    }
    at(105);
    const { result, audit } = await withAudit(t, () => verifyLogin('p6.leader', DEMO_PASSWORD));
    assert.deepEqual(result, THROTTLED);
    assert.equal(audit.length, 0, 'a throttled attempt signs nobody in');
    // Other users are not affected.
    assert.equal((await verifyLogin('p4.leader', DEMO_PASSWORD)).ok, true);
    // Still locked just before the oldest failure leaves the window (and a throttled attempt does not extend it).
    at(100 + 15 - 0.01);
    assert.deepEqual(await verifyLogin('p6.leader', DEMO_PASSWORD), THROTTLED);
    at(100 + 15);
    const again = await verifyLogin('p6.leader', DEMO_PASSWORD);
    assert.equal(again.ok, true, JSON.stringify(again));
  });

  test('a success clears the failures', async () => {
    for (let i = 0; i < 4; i++) {
      at(200 + i);
      assert.deepEqual(await verifyLogin('cb.ldld', 'wrong'), INVALID);
    }
    at(204);
    assert.equal((await verifyLogin('cb.ldld', DEMO_PASSWORD)).ok, true);
    for (let i = 0; i < 4; i++) {
      at(205 + i);
      assert.deepEqual(await verifyLogin('cb.ldld', 'wrong'), INVALID);
    }
    at(209);
    assert.equal((await verifyLogin('cb.ldld', DEMO_PASSWORD)).ok, true, 'four new failures do not lock the account');
  });

  test('an unknown username is throttled exactly like a real one', async () => {
    for (let i = 0; i < 5; i++) {
      at(300 + i);
      assert.deepEqual(await verifyLogin('ghost.user', 'x'), INVALID);
    }
    at(305);
    assert.deepEqual(await verifyLogin('ghost.user', 'x'), THROTTLED);
    at(320);
    assert.deepEqual(await verifyLogin('ghost.user', 'x'), INVALID);
  });

  test('failures spelled in other cases count against the same username', async () => {
    for (let i = 0; i < 5; i++) {
      at(400 + i);
      await verifyLogin(i % 2 ? 'KHOI.Leader' : ' khoi.leader', 'wrong');
    }
    at(405);
    assert.deepEqual(await verifyLogin('khoi.leader', DEMO_PASSWORD), THROTTLED);
  });

  test('parallel guesses cannot get past the limit', async () => {
    at(500);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => verifyLogin('tinh.viewer', `guess-${i}`)));
    const reasons = results.map((r) => (r.ok ? 'ok' : r.reason));
    assert.equal(reasons.filter((r) => r === 'invalid').length, LOGIN_MAX_FAILURES, reasons.join(' '));
    assert.equal(reasons.filter((r) => r === 'throttled').length, 12 - LOGIN_MAX_FAILURES, reasons.join(' '));
    const [{ n }] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from login_failures where username = 'tinh.viewer'`));
    assert.equal(Number(n), LOGIN_MAX_FAILURES);
  });
});

describe('throttling per client and per account, without locking the owner out', () => {
  test(`${LOGIN_CLIENT_MAX_FAILURES} wrong passwords spread over 8 accounts from one client: that client is refused, even with a right password; another client is not`, async () => {
    at(600);
    const accounts = ['p1.leader', 'p4.officer', 'p6.leader', 'cb.mekong', 'cb.phuongnam', 'cd.mekong', 'cd.phuongnam', 'cd.viethan'];
    for (let i = 0; i < LOGIN_CLIENT_MAX_FAILURES; i++) {
      assert.deepEqual(await verifyLogin(accounts[i % accounts.length], `spray-${i}`, { client: '203.0.113.7' }), INVALID, `guess ${i + 1}`);
    }
    assert.deepEqual(await verifyLogin('mytho.leader', DEMO_PASSWORD, { client: '203.0.113.7' }), THROTTLED);
    assert.equal((await verifyLogin('mytho.leader', DEMO_PASSWORD, { client: '198.51.100.9' })).ok, true);
    await resetClientFailures('203.0.113.7');
  });

  test('guesses that lock an account to unknown devices do not lock its owner out of a browser that signed in before', async () => {
    at(700);
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) assert.deepEqual(await verifyLogin('tinh.leader', `guess-${i}`, { client: `10.0.0.${i}` }), INVALID);
    // The guesser, from anywhere new, is refused, right password or not.
    assert.deepEqual(await verifyLogin('tinh.leader', DEMO_PASSWORD, { client: '10.0.0.99' }), THROTTLED);
    // The owner's own browser still signs in; the guesses stay counted against unknown devices.
    assert.equal((await verifyLogin('tinh.leader', DEMO_PASSWORD, { client: '192.0.2.10', knownDevice: true })).ok, true);
    assert.deepEqual(await verifyLogin('tinh.leader', DEMO_PASSWORD, { client: '10.0.0.98' }), THROTTLED);
  });

  test('the known-device cookie is bound to its account and signed', async () => {
    const token = deviceToken('tinh.leader');
    assert.equal(isKnownDevice(token, 'tinh.leader'), true);
    assert.equal(isKnownDevice(token, 'mytho.leader'), false);
    assert.equal(isKnownDevice(`${token.split('.')[0]}.forged`, 'tinh.leader'), false);
    assert.equal(isKnownDevice(undefined, 'tinh.leader'), false);
    assert.equal(clientAddress('1.2.3.4, 10.0.0.1'), '10.0.0.1');
    assert.equal(clientAddress(null), 'unknown');
  });
});
