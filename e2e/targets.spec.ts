import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { devices, expect, test, type Page } from '@playwright/test';
import { AS, hydrated, pageAs, screenshotDir, sidewaysOverflow } from './helpers';
import { fillTemplate, importDir, importUnitRow, uploadImport } from './import-helpers';

const UNITS = 60;

/** The sheet fits the page and scrolls inside its own box, the unit's name staying in sight. */
async function checkSheet(page: Page) {
  await page.goto('/reports/targets');
  const sheet = page.getByTestId('targets-sheet');
  // The ward itself, the units it had and the sixty imported.
  await expect(sheet.getByRole('rowheader').nth(UNITS + 1)).toBeAttached();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  const box = (await sheet.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  // Scrolled to the far right and bottom, the last unit's name is still at the left edge of the box.
  await sheet.evaluate((el) => {
    el.scrollIntoView({ block: 'end' });
    el.scrollTo(el.scrollWidth, el.scrollHeight);
  });
  const name = sheet.getByRole('rowheader').last();
  await expect(name).toBeInViewport();
  await expect.poll(async () => Math.round((await name.boundingBox())!.x - box.x)).toBeLessThanOrEqual(1);
}

test('[REPORTS] a ward with sixty units below it sets targets on a page no wider than the screen, at 1366 and at 390 px', async ({ browser }) => {
  test.setTimeout(180_000);
  mkdirSync(importDir, { recursive: true });
  const run = Date.now() % 100000;
  const names = Array.from({ length: UNITS }, (_, i) => `Chi bộ Công ty TNHH Sản xuất Thương mại Dịch vụ Xuất nhập khẩu Số ${i + 1} (${run})`);

  // The province imports sixty cells under Phường 1 in one file.
  const admin = await pageAs(browser, AS.provinceAdmin);
  await admin.goto('/import');
  const file = await fillTemplate(
    admin,
    'units',
    names.map((n, i) => importUnitRow(n, 'Chi bộ', 'TG-MYTHO-P1', '01/07/2025', `TG-MYTHO-P1-T${run}-${i + 1}`)),
    `targets-${run}.xlsx`,
  );
  const done = await uploadImport(admin, 'units', file);
  await expect(done.getByTestId('import-message')).toContainText(`Đã nhập ${UNITS} dòng`);

  // Desktop, 1366×768.
  // Its saved session: auth.spec locks new sign-ins of p1.leader out for 15 minutes.
  const leader = await pageAs(browser, AS.ward1Leader);
  await leader.setViewportSize({ width: 1366, height: 768 });
  await checkSheet(leader);
  await leader.screenshot({ path: path.join(screenshotDir, 'targets-desktop.png') });

  // A target for the 42nd unit, deep in the sheet, is saved, and the answer is in sight.
  const sheet = leader.getByTestId('targets-sheet');
  await sheet.getByLabel(`Kết nạp đảng viên mới: ${names[41]}`).fill('3');
  await leader.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
  await expect(leader.getByTestId('form-success')).toHaveText('Đã lưu 1 chỉ tiêu.');
  await expect(leader.getByTestId('form-success')).toBeInViewport();
  await leader.reload();
  await expect(sheet.getByLabel(`Kết nạp đảng viên mới: ${names[41]}`)).toHaveValue('3');
  // Saved again as it stands: nothing changed, and it says so (the filled cells are posted, not rewritten).
  await hydrated(leader);
  await leader.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
  await expect(leader.getByTestId('form-success')).toHaveText('Không có chỉ tiêu nào thay đổi.');
  // A share above 100% in that row, the sheet then scrolled back to its top: the refusal marks the
  // cell, and takes the official to it.
  const share = sheet.getByLabel(`Đảng viên xếp loại tốt trở lên (%): ${names[41]}`);
  await share.fill('150');
  await sheet.evaluate((el) => el.scrollTo(0, 0));
  await leader.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
  await expect(leader.getByTestId('form-error')).toHaveText('Vui lòng sửa các lỗi được đánh dấu.');
  await expect(share).toHaveAttribute('aria-invalid', 'true');
  await expect(share).toBeFocused();
  await expect(share).toBeInViewport();
  await expect(sheet.locator('[data-testid^="error-t_"]')).toHaveText('Chỉ tiêu phải là số không âm (tỷ lệ không quá 100%).');
  await expect(sheet.locator('[data-testid^="error-t_"]')).toBeInViewport();
  await leader.screenshot({ path: path.join(screenshotDir, 'targets-refused.png') });
  // A phone, 390×844, the same session.
  const phone = await (await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, storageState: await leader.context().storageState() })).newPage();
  await checkSheet(phone);
  await phone.screenshot({ path: path.join(screenshotDir, 'targets-phone.png') });
});
