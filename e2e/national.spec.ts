import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { AS, hydrated, logIn, pick, ROLE_VI, screenshotDir, stateFile, unitName } from './helpers';

const PROVINCE = 'Tỉnh ủy Long An';
const NATIONAL = unitName('TW');
const KP3 = unitName('TG-MYTHO-P4-KP3'); // Chi bộ Khu phố 3, Phường 4
const PHUONGNAM_CELL = unitName('TG-MYTHO-P4-PHUONGNAM');
// Phường 4's enterprises without a party organisation in the demo (db/seed/enterprises.ts).
const TRAI_CAY = 'Công ty Cổ phần Chế biến Trái cây Tiền Giang';
const THAI_BINH = 'Công ty TNHH Giày Thái Bình Mỹ Tho';
const THANH_DAT = 'Công ty TNHH Xây dựng Thành Đạt';

test.describe.configure({ timeout: 180_000 });

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** No page wider than the screen. */
async function fitsWidth(page: Page): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, 'the page is no wider than the screen').toBeLessThanOrEqual(client);
}

test.describe(() => {
  test.use({ storageState: stateFile(AS.rootAdmin) });

  test('[NATIONAL] the national administrator creates a province and its administrator, who signs in and sees the province', async ({ page, browser }) => {
    const stamp = Date.now().toString(36);
    const code = `LA-${stamp}`.toUpperCase();
    const username = `la.admin.${stamp}`;
    const password = 'LongAn@2027';

    await test.step('the national unit offers a province, and only a province, as a unit to add', async () => {
      await page.goto('/');
      await expect(page.getByTestId('home-unit-name')).toHaveText(NATIONAL);
      await expect(page.getByTestId('children-table')).toContainText(unitName('TG'));
      await page.getByRole('link', { name: 'Xem chi tiết đơn vị' }).click();
      await hydrated(page);
      const card = page.getByTestId('unit-create');
      const kinds = await card.locator('select[name=kind] option').allTextContents();
      expect(kinds.slice(1)).toEqual(['Tỉnh ủy / Thành ủy']);
      await card.locator('select[name=kind]').selectOption('province');
      await card.locator('input[name=name]').fill(PROVINCE);
      await card.locator('input[name=code]').fill(code);
      await expect(card.locator('input[name=effectiveOn]')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
      await card.locator('button[type=submit]').click();
      await expect(card.getByTestId('form-success')).toBeVisible();
      await expect(page.getByTestId('children-table')).toContainText(PROVINCE);
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.screenshot({ path: path.join(screenshotDir, 'national-unit.png'), fullPage: true });
    });

    await test.step('then an administrator account for the province', async () => {
      await page.goto('/users/new');
      await hydrated(page);
      const form = page.getByTestId('user-create');
      await form.locator('input[name=fullName]').fill('Nguyễn Văn Long');
      await form.locator('input[name=username]').fill(username);
      await pick(form, 'Đơn vị', 'tinh uy long an', PROVINCE);
      await form.locator('select[name=role]').selectOption('admin');
      await form.locator('input[name=password]').fill(password);
      await form.locator('button[type=submit]').click();
      await expect(page).toHaveURL(/\/users\/\d+\?created=1$/);
    });

    await test.step('the new administrator signs in and sees the province, nothing above it', async () => {
      // A context of its own, signed out (the test's storage state is the national administrator's).
      const other = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
      await logIn(other, username, password);
      await expect(other.getByTestId('home-unit-name')).toHaveText(PROVINCE);
      await expect(other.getByTestId('home-role')).toHaveText(ROLE_VI.admin);
      await expect(other.getByTestId('breadcrumb')).toHaveText(PROVINCE);
      await expect(other.getByTestId('children-empty')).toBeVisible();
      // The province's own administrator may add units below it, never a province.
      await other.getByRole('link', { name: 'Xem chi tiết đơn vị' }).click();
      await other.waitForURL(/\/units\/\d+$/);
      const options = other.getByTestId('unit-create').locator('select[name=kind] option');
      await expect(options.filter({ hasText: 'Cấp huyện (Huyện ủy, Thành ủy thuộc tỉnh)' })).toHaveCount(1);
      const kinds = await options.allTextContents();
      expect(kinds).not.toContain('Tỉnh ủy / Thành ủy');
      expect(kinds.join('|')).not.toContain('Trung ương');
      await other.context().close();
    });
  });
});

/** The ward's dashboard figure "enterprises with a party organisation". */
async function withParty(page: Page): Promise<number> {
  await page.goto('/reports');
  const text = await page.getByTestId('h-enterprises-party').textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}

/** Phường 4's officer (who manages its enterprises), signed in on a desktop or a phone. */
async function officer(browser: Browser, phone: boolean): Promise<Page> {
  const context = await browser.newContext(phone ? PHONE : { viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await logIn(page, 'p4.officer');
  return page;
}

test('[NATIONAL] a ward officer links two enterprises to a cell at once; the dashboard counts them', async ({ browser }) => {
  const page = await officer(browser, false);
  const before = await withParty(page);

  await page.goto('/enterprises?party=no');
  await hydrated(page);
  const table = page.getByTestId('enterprises-table');
  await table.getByRole('row').filter({ hasText: TRAI_CAY }).getByRole('checkbox').check();
  await table.getByRole('row').filter({ hasText: THAI_BINH }).getByRole('checkbox').check();
  const panel = page.getByTestId('link-panel');
  await expect(panel.getByTestId('link-selected-count')).toHaveText('Đã chọn 2 doanh nghiệp');

  // Sent without an organisation: the error beside the picker, the selection kept.
  await panel.getByRole('button', { name: 'Liên kết các doanh nghiệp đã chọn' }).click();
  await expect(panel.getByText('Chọn một tổ chức để liên kết.')).toBeVisible();
  await expect(panel.getByTestId('link-selected-count')).toHaveText('Đã chọn 2 doanh nghiệp');

  await pick(panel, 'Tổ chức để liên kết', 'khu pho 3', KP3);
  await page.screenshot({ path: path.join(screenshotDir, 'enterprise-link.png'), fullPage: true });
  await panel.getByRole('button', { name: 'Liên kết các doanh nghiệp đã chọn' }).click();
  await expect(panel.getByTestId('form-success')).toHaveText('Đã liên kết 2 doanh nghiệp (0 doanh nghiệp đã có liên kết này).');
  await expect(panel.getByTestId('link-selected-count')).toHaveText('Chưa chọn doanh nghiệp nào: đánh dấu ô ở đầu mỗi dòng.');
  // The list (filtered on "no party organisation") no longer shows them; the whole list names their cell.
  await expect(table.getByRole('row').filter({ hasText: TRAI_CAY })).toHaveCount(0);
  await page.goto('/enterprises');
  await expect(table.getByRole('row').filter({ hasText: TRAI_CAY })).toContainText(KP3);
  await expect(table.getByRole('row').filter({ hasText: THAI_BINH })).toContainText(KP3);

  expect(await withParty(page)).toBe(before + 2);
  await page.screenshot({ path: path.join(screenshotDir, 'enterprise-link-dashboard.png'), fullPage: true });
  await page.context().close();
});

test('[NATIONAL] on a phone: linking one new and one already linked elsewhere asks to confirm the replacement', async ({ browser }) => {
  const page = await officer(browser, true);
  const before = await withParty(page);

  await page.goto('/enterprises');
  await hydrated(page);
  const table = page.getByTestId('enterprises-table');
  const panel = page.getByTestId('link-panel');
  await table.getByRole('row').filter({ hasText: THANH_DAT }).getByRole('checkbox').check();
  await table.getByRole('row').filter({ hasText: TRAI_CAY }).getByRole('checkbox').check();
  await expect(panel.getByTestId('link-selected-count')).toHaveText('Đã chọn 2 doanh nghiệp');
  await fitsWidth(page);

  await pick(panel, 'Tổ chức để liên kết', 'phuong nam', PHUONGNAM_CELL);
  await panel.getByRole('button', { name: 'Liên kết các doanh nghiệp đã chọn' }).click();
  // Trái cây is linked to Khu phố 3 already: the form asks to confirm, nothing is written yet.
  await expect(panel.getByTestId('error-replace')).toContainText('1 doanh nghiệp đã liên kết với đơn vị khác');
  await expect(panel.getByTestId('error-replace')).toContainText(TRAI_CAY);
  await expect(panel.getByTestId('link-selected-count')).toHaveText('Đã chọn 2 doanh nghiệp');
  await fitsWidth(page);
  await page.screenshot({ path: path.join(screenshotDir, 'enterprise-link-phone-confirm.png'), fullPage: true });

  await panel.getByLabel('Thay thế liên kết hiện có nếu khác').check();
  await panel.getByRole('button', { name: 'Liên kết các doanh nghiệp đã chọn' }).click();
  await expect(panel.getByTestId('form-success')).toHaveText('Đã liên kết 2 doanh nghiệp (0 doanh nghiệp đã có liên kết này).');
  await expect(table.getByRole('row').filter({ hasText: TRAI_CAY })).toContainText(PHUONGNAM_CELL);
  await expect(table.getByRole('row').filter({ hasText: THANH_DAT })).toContainText(PHUONGNAM_CELL);
  await page.screenshot({ path: path.join(screenshotDir, 'enterprise-link-phone.png'), fullPage: true });
  // One more enterprise with a party organisation (Trái cây only changed cell).
  expect(await withParty(page)).toBe(before + 1);
  await fitsWidth(page);
  await page.context().close();
});
