import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { seedDemoCases } from '@/db/seed/cases';
import { setClock } from '@/lib/clock';
import { systemSendDigests } from '@/lib/notify/digest';
import { smtpSettings } from '@/lib/notify/smtp';
import { startTestSmtp, type TestSmtp } from '@/lib/test/smtp';
import { assertNoDrift, expectRefused, ROOT_ADMIN, setupTestDb, type TestDb } from '@/lib/test/db';
import { applyTransition } from './admission';
import { listInbox } from './case-lists';
import { runJob } from './jobs';
import { countUnreadNotifications, getProfile, listNotifications, readAllNotifications, readNotification, systemRunReminders, updateProfile } from './notifications';

let t: TestDb;
const TODAY = '2026-11-23';
const fixClock = () => setClock(() => new Date(`${TODAY}T09:00:00+07:00`));

/** A real SMTP server on a random local port, in this process (lib/test/smtp.ts). */
let smtp: TestSmtp;

before(async () => {
  t = await setupTestDb();
  fixClock();
  await seedDemoCases(t.db); // the demo pipeline, through the data layer (its steps notify too); it resets the clock
  fixClock();
  smtp = await startTestSmtp();
});
after(async () => {
  setClock(undefined);
  delete process.env.SMTP_URL;
  await smtp?.close();
  await t?.teardown();
});

async function caseOf(fullName: string): Promise<{ id: number; version: number; state: string }> {
  const [row] = rowsOf<{ id: number; version: number; state: string }>(
    await t.db.execute(sql`select c.id, c.version, c.state from admission_cases c join persons p on p.id = c.person_id where p.full_name = ${fullName}`),
  );
  return { id: Number(row.id), version: Number(row.version), state: row.state };
}

const XUAN = 'Đoàn Thị Xuân'; // referred by cd.mekong to cb.mekong's cell, waiting for the cell
const REASON = 'Bổ sung ý kiến nhận xét của nơi cư trú';
let notificationId = 0;

describe('notifications written with the case step', () => {
  test('the cell returns a case: the referring branch is told, with the reason; the actor and other branches are not', async () => {
    const c = await caseOf(XUAN);
    assert.equal(c.state, 'referred');
    const unreadBefore = await t.run('cd.mekong', () => countUnreadNotifications());
    await t.run('cb.mekong', () => applyTransition({ caseId: c.id, version: c.version, transition: 'return', reason: REASON }));
    const page = await t.run('cd.mekong', () => listNotifications());
    const item = page.items.find((i) => i.caseId === c.id && i.kind === 'returned');
    assert.ok(item, 'the branch officer has a "returned" notification');
    assert.equal(item.fullName, XUAN);
    assert.equal(item.note, REASON);
    assert.equal(item.caseState, 'referral_draft');
    assert.equal(item.read, false);
    notificationId = item.id;
    assert.equal(await t.run('cd.mekong', () => countUnreadNotifications()), unreadBefore + 1);
    for (const other of ['cb.mekong', 'cd.phuongnam', 'cb.phuongnam', 'mytho.leader', 'tw.admin']) {
      const theirs = await t.run(other, () => listNotifications({ size: 100 }));
      assert.equal(
        theirs.items.some((i) => i.id === notificationId),
        false,
        `${other} must not see it`,
      );
      assert.equal(
        theirs.items.some((i) => i.caseId === c.id && i.kind === 'returned'),
        false,
        `${other} has no "returned" notice of it`,
      );
    }
  });

  test('a refused step writes no notification (nothing changes)', async () => {
    const c = await caseOf(XUAN);
    // The branch of another enterprise may not submit it; a viewer of the city may not either.
    await expectRefused(t, 'cd.phuongnam', () => applyTransition({ caseId: c.id, version: c.version, transition: 'submit' }));
    await expectRefused(t, 'mytho.officer', () => applyTransition({ caseId: c.id, version: c.version, transition: 'submit' }));
  });

  test('another user cannot open, or mark read, a notification that is not theirs: not found, nothing changed', async () => {
    for (const who of ['cd.phuongnam', 'cb.mekong', 'mytho.admin', ROOT_ADMIN]) {
      await expectRefused(t, who, () => readNotification(notificationId), 'not_found');
    }
    // "Mark all read" by someone else leaves it unread.
    await t.run('cd.phuongnam', () => readAllNotifications());
    const mine = await t.run('cd.mekong', () => listNotifications({ size: 100 }));
    assert.equal(mine.items.find((i) => i.id === notificationId)?.read, false);
  });
});

describe('the e-mail digest through a real SMTP server', () => {
  test('without SMTP configured, nothing is sent and the portal says e-mail is off', async () => {
    delete process.env.SMTP_URL;
    delete process.env.SMTP_HOST;
    assert.equal(smtpSettings(), null);
    const r = await systemSendDigests();
    assert.deepEqual(r, { mailOff: true, sent: 0, skipped: 0, failed: 0 });
    assert.equal(smtp.received.length, 0);
  });

  test('a daily digest needs an address; a user changes only their own profile', async () => {
    await expectRefused(t, 'cd.mekong', () => updateProfile({ digest: 'daily' }), 'invalid');
    const otherBefore = await t.run('cd.phuongnam', () => getProfile());
    await t.run('cd.mekong', () => updateProfile({ email: 'Mai.Tam@Mekong.example.vn', digest: 'daily' }));
    await t.run('cd.phuongnam', () => updateProfile({ email: 'ngoc@phuongnam.example.vn', digest: 'daily' }));
    const mine = await t.run('cd.mekong', () => getProfile());
    assert.equal(mine.email, 'mai.tam@mekong.example.vn');
    assert.equal(mine.digest, 'daily');
    assert.equal(otherBefore.email, null);
    assert.equal((await t.run('cb.mekong', () => getProfile())).email, null, 'nobody else changed');
    const [audit] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from audit_log where action = 'user.profile'`));
    assert.equal(Number(audit.n), 2);
  });

  test('the digest arrives with the right cases, in Vietnamese, once a day', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    process.env.SMTP_FROM = 'Hạt nhân <nhacviec@hatnhan.example.vn>';
    const r = await systemSendDigests();
    assert.equal(r.mailOff, false);
    assert.equal(r.failed, 0);
    assert.equal(r.sent, 2, 'cd.mekong and cd.phuongnam');
    const toMekong = smtp.received.find((m) => m.to && !Array.isArray(m.to) && m.to.text === 'mai.tam@mekong.example.vn');
    const toPhuongNam = smtp.received.find((m) => m.to && !Array.isArray(m.to) && m.to.text === 'ngoc@phuongnam.example.vn');
    assert.ok(toMekong && toPhuongNam);
    assert.equal(toMekong.subject, 'Hạt nhân: nhắc việc ngày 23/11/2026');
    assert.match(toMekong.text ?? '', /Kính gửi đồng chí Mai Văn Tâm/);
    assert.match(toMekong.text ?? '', /Hồ sơ bị trả lại để bổ sung — Đoàn Thị Xuân — Nháp giới thiệu/);
    assert.match(toMekong.text ?? '', new RegExp(`Lý do trả lại: ${REASON}`));
    const xuan = await caseOf(XUAN);
    assert.match(toMekong.text ?? '', new RegExp(`/cases/${xuan.id}\\b`));
    // Each user's e-mail holds their own cases only.
    assert.doesNotMatch(toPhuongNam.text ?? '', /Đoàn Thị Xuân/);
    assert.match(toPhuongNam.text ?? '', /Nguyễn Thị Thu Hà/, 'Phương Nam’s own draft waits for its branch');
    // Sent today already: a second run sends nothing.
    const again = await systemSendDigests();
    assert.equal(again.sent, 0);
    assert.equal(smtp.received.length, 2);
    // The next day, another one.
    setClock(() => new Date('2026-11-24T07:00:00+07:00'));
    try {
      assert.equal((await systemSendDigests()).sent, 2);
      assert.equal(smtp.received.length, 4);
    } finally {
      fixClock();
    }
  });

  test('a refusing server: the day is given back, so the next run sends it', async () => {
    setClock(() => new Date('2026-11-25T07:00:00+07:00'));
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:1`; // nothing listens there
      const failed = await systemSendDigests();
      assert.equal(failed.sent, 0);
      assert.equal(failed.failed, 2);
      process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
      assert.equal((await systemSendDigests()).sent, 2);
    } finally {
      fixClock();
    }
  });
});

describe('deadline reminders (the job)', () => {
  test('due soon and overdue reach the users whose inbox holds the case; running twice adds nothing', async () => {
    const first = await systemRunReminders();
    assert.ok(first.created > 0, 'the demo has cases past or near their deadlines');
    assert.equal((await systemRunReminders()).created, 0, 'idempotent');
    const rows = rowsOf<{ username: string; case_id: number; kind: string }>(
      await t.db.execute(sql`select u.username, n.case_id, n.kind from notifications n join users u on u.id = n.user_id where n.kind in ('due_soon', 'overdue')`),
    );
    const users = [...new Set(rows.map((r) => r.username))];
    assert.ok(users.length > 0);
    for (const username of users) {
      const inbox = await t.run(username, () => listInbox({ size: 100 }));
      const ids = new Set(inbox.items.map((i) => i.id));
      for (const r of rows.filter((x) => x.username === username)) assert.ok(ids.has(Number(r.case_id)), `${username}: case ${r.case_id} (${r.kind}) is in their inbox`);
    }
  });

  test('only the root administrator runs the jobs from the portal: everyone else is refused, nothing changed', async () => {
    for (const who of ['tinh.admin', 'mytho.admin', 'khoi.admin', 'tw.viewer', 'mytho.leader', 'cd.mekong']) {
      await expectRefused(t, who, () => runJob('notify'), 'forbidden');
      await expectRefused(t, who, () => runJob('digest'), 'forbidden');
    }
    assert.deepEqual(await t.run(ROOT_ADMIN, () => runJob('notify')), { created: 0 });
  });

  test('reading marks read and lowers the count', async () => {
    const before = await t.run('cd.mekong', () => countUnreadNotifications());
    const { caseId } = await t.run('cd.mekong', () => readNotification(notificationId));
    assert.equal(caseId, (await caseOf(XUAN)).id);
    assert.equal(await t.run('cd.mekong', () => countUnreadNotifications()), before - 1);
    await t.run('cd.mekong', () => readAllNotifications());
    assert.equal(await t.run('cd.mekong', () => countUnreadNotifications()), 0);
    assert.equal((await t.run('cd.mekong', () => listNotifications({}, { unread: true }))).items.length, 0);
    await assertNoDrift(t);
  });
});

describe('a notice overtaken by a later step', () => {
  test('stays in the list but leaves the bell, the unread filter and the digest once the case has moved on', async () => {
    const before = await t.run('cb.mekong', () => countUnreadNotifications());
    // The branch submits the returned case again: the cell's leader is told it awaits them.
    const c = await caseOf(XUAN);
    await t.run('cd.mekong', () => applyTransition({ caseId: c.id, version: c.version, transition: 'submit' }));
    const awaiting = (await t.run('cb.mekong', () => listNotifications({}, { unread: true }))).items.find((i) => i.caseId === c.id && i.kind === 'awaiting');
    assert.ok(awaiting, 'the cell leader has an outstanding "awaiting" notice');
    // (an earlier deadline notice about the same stage counts again too: the case is back at it)
    assert.ok((await t.run('cb.mekong', () => countUnreadNotifications())) > before);
    // A step taken on the case (here the return, by the leader without opening the notice) overtakes it.
    const moved = await caseOf(XUAN);
    await t.run('cb.mekong', () => applyTransition({ caseId: moved.id, version: moved.version, transition: 'return', reason: REASON }));
    assert.equal(await t.run('cb.mekong', () => countUnreadNotifications()), before);
    assert.equal(
      (await t.run('cb.mekong', () => listNotifications({}, { unread: true }))).items.some((i) => i.id === awaiting.id),
      false,
    );
    const listed = (await t.run('cb.mekong', () => listNotifications({ size: 100 }))).items.find((i) => i.id === awaiting.id);
    assert.equal(listed?.read, false, 'still listed, unread, with the stage it is at now');
    assert.notEqual(listed?.currentState, listed?.caseState);
  });
});
