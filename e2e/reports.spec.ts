import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { pick, screenshotDir, signedIn } from './helpers';

test('[REPORTS] the city sets a target for a ward, sees progress move after an admission there, and drills down two levels', async ({ browser }) => {
  const year = new Date().getFullYear();
  const leader = await signedIn(browser, 'mytho.leader');
  await leader.getByRole('link', { name: 'Chỉ tiêu, báo cáo' }).click();
  await expect(leader.getByTestId('report-heading')).toHaveText(`Thành ủy Mỹ Tho · Năm ${year}`);
  await leader.getByTestId('set-targets').click();
  const form = leader.getByTestId('targets-form');
  await form.getByLabel('Kết nạp đảng viên mới: Thành ủy Mỹ Tho').fill('10');
  await form.getByLabel('Kết nạp đảng viên mới: Đảng ủy Phường 4').fill('2');
  await form.getByLabel('Số văn bản (ví dụ 301-NQ/TU)').fill('301-NQ/TU');
  await form.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
  await expect(form.getByTestId('form-success')).toContainText('Đã lưu 2 chỉ tiêu.');

  await leader.goto('/reports');
  const p4Row = () => leader.getByTestId('report-children').getByRole('row').filter({ hasText: 'Đảng ủy Phường 4' });
  await expect(p4Row()).toContainText('/ 2');
  const actualOf = async () => Number((await p4Row().locator('td').nth(1).locator('span').first().textContent())?.trim());
  const before = await actualOf();
  await expect(leader.getByTestId('target-admitted')).toHaveText('10');

  // A cell under the ward registers a member admitted this year.
  const cell = await signedIn(browser, 'cb.phuongnam');
  await cell.goto('/members/new');
  const m = cell.getByTestId('member-form');
  await m.getByLabel('Họ và tên').fill('Lương Văn Tiến');
  await m.getByLabel('Ngày sinh *', { exact: true }).fill('02/02/1995');
  await m.getByLabel('Giới tính').selectOption('male');
  await pick(m, 'Chi bộ', 'may phuong', 'Chi bộ Công ty TNHH May Phương Nam');
  await m.getByLabel('Nghề nghiệp').selectOption({ label: 'Công nhân trực tiếp sản xuất' });
  await m.getByLabel('Ngày vào Đảng').fill(`10/03/${year}`);
  await m.getByRole('button', { name: 'Lưu đảng viên' }).click();
  await expect(cell).toHaveURL(/\/members\/\d+$/);

  await leader.reload();
  expect(await actualOf()).toBe(before + 1);
  await leader.screenshot({ path: path.join(screenshotDir, 'reports.png'), fullPage: true });

  await expect(leader.getByTestId('chart-monthly')).toBeVisible();
  await expect(leader.getByTestId('chart-pipeline')).toBeVisible();
  await expect(leader.getByTestId('chart-coverage')).toContainText('Đảng ủy Phường 4');
  const admittedCity = (await leader.getByTestId('actual-admitted').textContent())?.trim();
  await expect(leader.getByTestId('forecast')).toContainText(`đã kết nạp ${admittedCity}`);
  // The figure opens the list it was counted from, with as many members.
  await leader.getByTestId('actual-admitted').getByRole('link').click();
  await expect(leader.getByTestId('admitted-filter')).toBeVisible();
  await expect(leader.getByTestId('member-count')).toHaveText(`${admittedCity} đảng viên`);
  await leader.goBack();

  // The export opens as a workbook: the title, the unit and year, and the ward's row with its target.
  const [download] = await Promise.all([leader.waitForEvent('download'), leader.getByTestId('report-export').click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  expect(wb.worksheets[0].getCell('A2').value).toBe(`Đơn vị: Thành ủy Mỹ Tho · Năm ${year}`);
  expect(wb.worksheets[0].getCell('A6').value).toBe('Kết nạp đảng viên mới');
  expect(wb.worksheets[0].getCell('C6').value).toBe(10);
  const byUnit = wb.worksheets[1];
  let p4 = 0;
  byUnit.eachRow((row, n) => {
    if (row.getCell(1).value === 'Đảng ủy Phường 4') p4 = n;
  });
  expect(p4).toBeGreaterThan(5);
  expect(byUnit.getRow(p4).getCell(2).value).toBe(before + 1);
  expect(byUnit.getRow(p4).getCell(3).value).toBe(2);

  // Drill down: the city → Phường 4 → the Phương Nam cell.
  await p4Row().getByRole('link', { name: 'Đảng ủy Phường 4' }).click();
  await expect(leader.getByTestId('report-heading')).toHaveText(`Đảng ủy Phường 4 · Năm ${year}`);
  await expect(leader.getByTestId('actual-admitted')).toHaveText(String(before + 1));
  await expect(leader.getByTestId('target-admitted')).toHaveText('2');
  await leader.getByTestId('report-children').getByRole('link', { name: 'Chi bộ Công ty TNHH May Phương Nam' }).click();
  await expect(leader.getByTestId('report-heading')).toHaveText(`Chi bộ Công ty TNHH May Phương Nam · Năm ${year}`);

  // A ward cannot open its neighbour's dashboard.
  const p6 = await signedIn(browser, 'p6.leader');
  const url = new URL(leader.url());
  expect((await p6.goto(`/reports?unit=${url.searchParams.get('unit')}`))?.status()).toBe(404);
});
