import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startTestSmtp, type TestSmtp } from '../lib/test/smtp';
import { AS, hydrated, pageAs, screenshotDir, signedIn, stateFile } from './helpers';
import { E2E_SMTP_PORT } from './mail';

const shots = screenshotDir;
const XUAN = 'Đoàn Thị Xuân'; // a demo referral from Mekong's union branch, waiting for Mekong's cell
const REASON = 'Bổ sung nhận xét của chi ủy nơi cư trú';
const ADDRESS = 'mai.tam@mekong.example.vn';

/** A real SMTP server in this process, on the port the e2e server sends to (e2e/mail.ts). */
let smtp: TestSmtp;
test.beforeAll(async () => {
  smtp = await startTestSmtp(E2E_SMTP_PORT);
});
test.afterAll(async () => {
  await smtp?.close();
});

async function openAction(page: Page, transition: string) {
  const box = page.getByTestId(`action-${transition}`);
  if ((await box.getAttribute('open')) === null) await box.locator('summary').click();
  return box;
}

/** Screenshots of a page at 1366×768 and 390×844, each checked to be no wider than its viewport. */
async function shoot(browser: Browser, username: string, url: string, name: string) {
  mkdirSync(shots, { recursive: true });
  for (const [label, viewport] of [
    ['desktop', { width: 1366, height: 768 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    const context = await browser.newContext({ storageState: stateFile(username), viewport });
    const page = await context.newPage();
    await page.goto(url);
    // This page's own content never widens the page (the header is the navigation's concern).
    expect(await page.locator('#main').evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await page.screenshot({ path: path.join(shots, `${name}-${label}.png`), fullPage: true });
    await context.close();
  }
}

test('[REMINDERS] a case returned by the cell leader shows in the referring branch’s notifications, and the digest e-mail arrives with it', async ({ browser }) => {
  // Six signed-in pages, a digest and four screenshots: more than the default minute on a loaded machine.
  test.slow();
  // The cell's leader returns the referral with a reason.
  const cell = await pageAs(browser, AS.cellLeader);
  await cell.goto('/cases/inbox');
  await cell.getByTestId('inbox-table').getByRole('link', { name: XUAN }).click();
  await expect(cell).toHaveURL(/\/cases\/\d+$/);
  const caseUrl = cell.url();
  const ret = await openAction(cell, 'return');
  await ret.getByLabel('Lý do (hiển thị cho cấp dưới)').fill(REASON);
  await ret.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
  await expect(cell.getByTestId('case-state')).toHaveText('Nháp giới thiệu');

  // The branch officer's bell counts it; the list names the case, the stage and the reason.
  const union = await pageAs(browser, AS.unionOfficer);
  await union.goto('/');
  await expect(union.getByTestId('notification-count')).toBeVisible();
  await union.getByTestId('notification-bell').click();
  await expect(union).toHaveURL(/\/notifications$/);
  const item = union.getByTestId('notification').filter({ hasText: XUAN }).filter({ hasText: 'Hồ sơ bị trả lại để bổ sung' });
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-read', 'false');
  await expect(item).toContainText(`Lý do: ${REASON}`);
  await expect(item).toContainText('Giai đoạn: Nháp giới thiệu');

  // Another branch's officer sees nothing of it.
  const other = await signedIn(browser, 'cd.phuongnam');
  await other.goto('/notifications');
  await expect(other.getByTestId('notification').filter({ hasText: XUAN })).toHaveCount(0);

  // The officer asks for the daily digest on the profile page.
  await union.getByTestId('profile-link').click();
  await expect(union).toHaveURL(/\/profile$/);
  await expect(union.getByTestId('mail-status')).toContainText('Thư nhắc việc được gửi mỗi ngày');
  await hydrated(union);
  const form = union.getByTestId('profile-form');
  await form.getByLabel('Thư nhắc việc').selectOption('daily');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form.getByTestId('error-email')).toHaveText('Vui lòng nhập địa chỉ thư để nhận thư nhắc việc.');
  await form.getByLabel('Địa chỉ thư điện tử').fill('không phải địa chỉ');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form.getByTestId('error-email')).toContainText('Địa chỉ thư không hợp lệ');
  await expect(form.getByLabel('Địa chỉ thư điện tử')).toHaveValue('không phải địa chỉ');
  await form.getByLabel('Địa chỉ thư điện tử').fill(ADDRESS);
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form.getByText('Đã lưu.')).toBeVisible();

  // Only the root administrator may run the digest from the portal; the others are refused.
  const origin = new URL(union.url()).origin;
  expect((await union.request.post('/api/jobs/digest', { headers: { origin } })).status()).toBe(403);
  const cityAdmin = await pageAs(browser, AS.cityAdmin);
  expect((await cityAdmin.request.post('/api/jobs/digest', { headers: { origin } })).status()).toBe(403);
  expect(smtp.received).toHaveLength(0);

  const root = await pageAs(browser, AS.rootAdmin);
  const response = await root.request.post('/api/jobs/digest', { headers: { origin } });
  expect(response.status()).toBe(200);
  const result = (await response.json()) as { mailOff: boolean; sent: number; failed: number };
  expect(result.mailOff).toBe(false);
  expect(result.failed).toBe(0);
  const mail = smtp.received.find((m) => m.to && !Array.isArray(m.to) && m.to.text === ADDRESS);
  expect(mail, 'the digest reached the test’s SMTP server').toBeTruthy();
  expect(mail!.subject).toMatch(/^Hạt nhân: nhắc việc ngày \d{2}\/\d{2}\/\d{4}$/);
  expect(mail!.text).toContain('Kính gửi đồng chí Mai Văn Tâm');
  expect(mail!.text).toContain(`Hồ sơ bị trả lại để bổ sung — ${XUAN} — Nháp giới thiệu`);
  expect(mail!.text).toContain(`Lý do trả lại: ${REASON}`);
  expect(mail!.text).toContain(new URL(caseUrl).pathname);
  // Once a day: running it again sends nothing more to the officer.
  await root.request.post('/api/jobs/digest', { headers: { origin } });
  expect(smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === ADDRESS)).toHaveLength(1);

  await shoot(browser, AS.unionOfficer, '/notifications', 'notifications');
  await shoot(browser, AS.unionOfficer, '/profile', 'profile');

  // Opening the notification marks it read and shows the case; the officer sends it again.
  await union.goto('/notifications');
  await item.getByRole('button', { name: 'Mở hồ sơ' }).click();
  await expect(union).toHaveURL(caseUrl);
  await union.goto('/notifications');
  await expect(item).toHaveAttribute('data-read', 'true');
  await union.goto(caseUrl);
  const submit = await openAction(union, 'submit');
  await submit.getByRole('button', { name: 'Gửi giới thiệu lên chi bộ' }).click();
  await expect(union.getByTestId('case-state')).toHaveText('Đã giới thiệu, chờ chi bộ tiếp nhận');

  // The cell's leader is told it awaits the cell again.
  await cell.goto('/notifications');
  await expect(cell.getByTestId('notification').filter({ hasText: XUAN }).filter({ hasText: 'Hồ sơ chờ đơn vị xử lý' }).first()).toBeVisible();
});
