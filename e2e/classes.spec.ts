import path from 'node:path';
import { expect, test } from '@playwright/test';
import { pick, screenshotDir, signedIn } from './helpers';

test('[CLASSES] the city opens an awareness class, enrols two candidates, issues their certificates, and the admission case carries it', async ({ browser }) => {
  const page = await signedIn(browser, 'mytho.officer');
  await page.goto('/classes');
  await page.locator('summary', { hasText: 'Mở lớp' }).click();
  const form = page.getByTestId('class-form');
  await form.getByLabel('Loại lớp').selectOption({ label: 'Bồi dưỡng nhận thức về Đảng' });
  await form.getByLabel('Tên lớp').fill('Lớp bồi dưỡng nhận thức về Đảng khóa III/2026');
  await form.getByLabel('Ngày khai giảng').fill('16/11/2026');
  await form.getByLabel('Ngày bế giảng').fill('10/11/2026');
  await form.getByRole('button', { name: 'Mở lớp' }).click();
  await expect(form.getByTestId('error-endOn')).toBeVisible();
  await form.getByLabel('Ngày bế giảng').fill('20/11/2026');
  await form.getByRole('button', { name: 'Mở lớp' }).click();
  await expect(page.getByTestId('class-title')).toHaveText('Lớp bồi dưỡng nhận thức về Đảng khóa III/2026');

  // Enrol: nobody chosen is refused; then two candidates.
  const enrol = page.getByTestId('enrol-form');
  await enrol.getByRole('button', { name: 'Ghi danh học viên' }).click();
  await expect(enrol.getByTestId('error-personIds')).toHaveText('Vui lòng chọn ít nhất một người.');
  await pick(enrol, /^Người ghi danh/, 'huynh quoc', /^Huỳnh Quốc Cường/);
  await pick(enrol, /^Người ghi danh/, 'pham ngoc anh', /^Phạm Ngọc Ánh/);
  await expect(enrol.getByRole('list', { name: 'Người ghi danh' }).getByRole('listitem')).toHaveCount(2);
  await enrol.getByRole('button', { name: 'Ghi danh học viên' }).click();
  await expect(page.getByTestId('enrolments-table').locator('tbody tr')).toHaveCount(2);

  const issue = page.getByTestId('issue-form');
  await issue.getByLabel('Huỳnh Quốc Cường').check();
  await issue.getByLabel('Phạm Ngọc Ánh').check();
  await issue.getByLabel('Số giấy chứng nhận đầu tiên').fill('BDNT-2026-041');
  await issue.getByLabel('Ngày cấp').fill('20/11/2026');
  await issue.getByRole('button', { name: 'Cấp giấy chứng nhận' }).click();
  await expect(page.getByTestId('enrolments-table')).toContainText('BDNT-2026-041 · 20/11/2026');
  await expect(page.getByTestId('enrolments-table')).toContainText('BDNT-2026-042 · 20/11/2026');
  await page.screenshot({ path: path.join(screenshotDir, 'class.png'), fullPage: true });

  // The cell leader sees the certificate on the candidate's case.
  const cell = await signedIn(browser, 'cb.phuongnam');
  await cell.goto('/cases?q=huynh%20quoc%20cuong');
  await cell.getByTestId('cases-table').getByRole('link', { name: 'Huỳnh Quốc Cường' }).click();
  await expect(cell.locator('dl')).toContainText(/BDNT-2026-04[12] · 20\/11\/2026/);
});

test('[RATINGS] a cell leader rates members by score; the share rated good or above follows the rule set’s bands', async ({ browser }) => {
  const page = await signedIn(browser, 'cb.phuongnam');
  await page.goto('/ratings');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Đánh giá, xếp loại năm \d{4}/);
  const sheet = page.getByTestId('rating-members');
  const rows = sheet.locator('tbody tr');
  const n = await rows.count();
  expect(n).toBeGreaterThanOrEqual(4);
  const scores = ['95', '80', '60', '101'];
  for (let i = 0; i < 4; i++) await rows.nth(i).locator('input[name^=score_]').fill(scores[i]);
  await sheet.getByRole('button', { name: 'Lưu xếp loại' }).click();
  await expect(sheet.getByTestId('form-error')).toContainText('Vui lòng sửa');
  await expect(rows.nth(3).locator('input[name^=score_]')).toHaveValue('101');
  await rows.nth(3).locator('input[name^=score_]').fill('40');
  await sheet.getByRole('button', { name: 'Lưu xếp loại' }).click();
  await expect(page.getByTestId('rating-share-members')).toHaveText('2/4 xếp loại tốt trở lên (50%)');
  await page.screenshot({ path: path.join(screenshotDir, 'ratings.png'), fullPage: true });
});
