import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { logIn, screenshotDir } from './helpers';

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, username);
  return page;
}

async function openAction(page: Page, transition: string) {
  const box = page.getByTestId(`action-${transition}`);
  if ((await box.getAttribute('open')) === null) await box.locator('summary').click();
  return box;
}

test('[ADMISSION] a union officer refers a person; the cell leader returns it with a reason the officer sees; the inbox counts', async ({ browser }) => {
  const union = await signedIn(browser, 'cd.viethan');
  await union.getByRole('link', { name: 'Hồ sơ kết nạp' }).click();
  await union.getByRole('link', { name: 'Giới thiệu quần chúng ưu tú' }).click();

  // A bad citizen ID and a date that is not dd/mm/yyyy are refused next to their fields.
  const form = union.getByTestId('referral-form');
  const name = `Nguyễn Thị Lan ${Date.now() % 100000}`;
  await form.getByLabel('Họ và tên').fill(name);
  await form.getByLabel('Ngày sinh').fill('1996-13-45');
  await form.getByLabel('Giới tính').selectOption('female');
  await form.getByLabel('Số CCCD (12 chữ số)').fill('12345');
  await form.getByLabel('Doanh nghiệp, nơi làm việc').fill('Công ty TNHH Điện tử Việt Hàn');
  await form.getByLabel('Chi bộ tiếp nhận, giúp đỡ').selectOption({ label: 'Chi bộ Công ty TNHH May Phương Nam' });
  await form.getByRole('button', { name: 'Lưu hồ sơ nháp' }).click();
  await expect(form.getByTestId('error-birthDate')).toHaveText('Ngày không hợp lệ.');
  await expect(form.getByTestId('error-nationalId')).toContainText('Số CCCD không hợp lệ');
  await expect(form.getByLabel('Họ và tên')).toHaveValue(name);

  await form.getByLabel('Ngày sinh').fill('12/08/1996');
  await form.getByLabel('Số CCCD (12 chữ số)').fill('');
  await form.getByLabel('Ngày cấp giấy chứng nhận').fill('15/01/2025');
  await form.getByRole('button', { name: 'Lưu hồ sơ nháp' }).click();
  await expect(union).toHaveURL(/\/cases\/\d+$/);
  const caseUrl = union.url();
  await expect(union.getByTestId('case-state')).toHaveText('Nháp giới thiệu');
  await expect(union.getByTestId('case-chain')).toContainText('Đảng ủy Phường 4');

  // Sending without the papers names what is missing; then attach them and send.
  let submit = await openAction(union, 'submit');
  await submit.getByRole('button', { name: 'Gửi giới thiệu lên chi bộ' }).click();
  await expect(submit.getByTestId('form-error')).toContainText('Còn thiếu tài liệu');
  await union.locator('summary', { hasText: 'Đính kèm tài liệu' }).click();
  for (const kind of ['Giấy chứng nhận bồi dưỡng nhận thức về Đảng', 'Đơn xin vào Đảng (1-KNĐ)', 'Lý lịch người xin vào Đảng (2-KNĐ)', 'Nghị quyết giới thiệu của đoàn thể (4-KNĐ)']) {
    const attach = union.getByTestId('attach-form');
    await attach.getByLabel('Loại tài liệu').selectOption({ label: kind });
    await attach.getByLabel('Tên, trích yếu').fill(`${kind} của ${name}`);
    await attach.getByRole('button', { name: 'Đính kèm' }).click();
    await expect(union.getByTestId('case-documents')).toContainText(`${kind} của ${name}`);
  }
  submit = await openAction(union, 'submit');
  await submit.getByRole('button', { name: 'Gửi giới thiệu lên chi bộ' }).click();
  await expect(union.getByTestId('case-state')).toHaveText('Đã giới thiệu, chờ chi bộ tiếp nhận');
  await expect(union.getByTestId('no-actions')).toBeVisible();

  // The cell leader sees it in the inbox, with the count in the navigation.
  const cell = await signedIn(browser, 'cb.phuongnam');
  const count = Number(await cell.getByTestId('inbox-count').textContent());
  expect(count).toBeGreaterThanOrEqual(1);
  await cell.getByTestId('nav-inbox').click();
  await cell.getByTestId('inbox-table').getByRole('link', { name }).click();
  await expect(cell).toHaveURL(caseUrl);
  const ret = await openAction(cell, 'return');
  await ret.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
  await expect(ret.getByTestId('error-reason')).toHaveText('Vui lòng ghi rõ lý do.');
  await ret.getByLabel('Lý do (hiển thị cho cấp dưới)').fill('Bổ sung ý kiến nhận xét của nơi cư trú');
  await ret.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
  await expect(cell.getByTestId('case-state')).toHaveText('Nháp giới thiệu');
  await cell.reload();
  await expect(cell.getByTestId('inbox-count')).toHaveCount(count - 1 === 0 ? 0 : 1);

  // The union officer sees the reason, in the list and on the case, and can send it again.
  await union.goto('/cases');
  await expect(union.getByTestId('cases-table').getByRole('row').filter({ hasText: name })).toContainText('Bổ sung ý kiến nhận xét của nơi cư trú');
  await union.goto(caseUrl);
  await expect(union.getByTestId('return-reason')).toContainText('Bổ sung ý kiến nhận xét của nơi cư trú');
  await expect(union.getByTestId('case-timeline')).toContainText('Trả lại để bổ sung');
  await union.screenshot({ path: path.join(screenshotDir, 'case-returned.png'), fullPage: true });
  submit = await openAction(union, 'submit');
  await submit.getByRole('button', { name: 'Gửi giới thiệu lên chi bộ' }).click();
  await expect(union.getByTestId('case-state')).toHaveText('Đã giới thiệu, chờ chi bộ tiếp nhận');

  // Outsiders get "not found" for the case address.
  const other = await signedIn(browser, 'cd.mekong');
  const response = await other.goto(caseUrl);
  expect(response?.status()).toBe(404);
});
