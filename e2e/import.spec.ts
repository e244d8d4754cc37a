import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { hydrated, screenshotDir, signedIn } from './helpers';

const dir = path.join(import.meta.dirname, '..', 'test-results', 'import');

test('[IMPORT] a ward officer fills the member template, gets every bad cell reported with nothing imported, fixes it and imports', async ({ browser }) => {
  mkdirSync(dir, { recursive: true });
  const page = await signedIn(browser, 'p4.officer');
  await page.goto('/import');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-members').click()]);
  expect(download.suggestedFilename()).toBe('mau-nhap-dang-vien.xlsx');

  // Fill the template as a person would, in its column order, with one date written the wrong way.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.getWorksheet('Dữ liệu')!;
  expect(ws.getRow(1).getCell(1).value).toBe('Họ và tên');
  const rows = [
    ['Phan Văn Nhập', '03/04/1988', 'Nam', '082088123401', '', 'Chi bộ Công ty TNHH May Phương Nam', '', 'Công nhân trực tiếp sản xuất', '19/05/2012', '19/05/2013', ''],
    ['Lê Thị Nhập', '14/02/1993', 'Nữ', '082193123402', '', 'Chi bộ Công ty TNHH May Phương Nam', '', 'Nhân viên văn phòng', '02/03/19', '', ''],
    ['Đỗ Minh Nhập', '22/11/1990', 'Nam', '082090123403', '', 'Chi bộ Khu phố 3, Phường 4', '', 'Khác', '03/02/2020', '03/02/2021', ''],
  ];
  rows.forEach((r, i) => (ws.getRow(i + 2).values = r));
  const bad = path.join(dir, 'dang-vien-loi.xlsx');
  await wb.xlsx.writeFile(bad);

  const form = page.getByTestId('import-members');
  await form.locator('input[type=file]').setInputFiles(bad);
  await form.getByRole('button', { name: 'Kiểm tra và nhập' }).click();
  await expect(form.getByTestId('import-message')).toContainText('Chưa nhập gì: 1 lỗi ở 1 trong 3 dòng');
  const report = form.getByTestId('import-report').locator('tbody tr');
  await expect(report).toHaveCount(1);
  await expect(report.first()).toContainText('3');
  await expect(report.first()).toContainText('Ngày vào Đảng');
  await expect(report.first()).toContainText('Ngày không đúng dạng dd/mm/yyyy');
  await page.screenshot({ path: path.join(screenshotDir, 'import-report.png'), fullPage: true });
  await page.goto('/members?q=nhap');
  await expect(page.getByTestId('members-empty')).toBeVisible();

  // Fixed, the same file imports whole.
  ws.getRow(3).getCell(9).value = '02/03/2019';
  const good = path.join(dir, 'dang-vien.xlsx');
  await wb.xlsx.writeFile(good);
  await page.goto('/import');
  await page.getByTestId('import-members').locator('input[type=file]').setInputFiles(good);
  await page.getByTestId('import-members').getByRole('button', { name: 'Kiểm tra và nhập' }).click();
  await expect(page.getByTestId('import-members').getByTestId('import-message')).toContainText('Đã nhập 3 dòng');
  await page.goto('/members?q=nhap');
  await expect(page.getByTestId('members-table').locator('tbody tr')).toHaveCount(3);
});

test('[IMPORT] a file near or over the 10 MB limit gets the form’s Vietnamese message, never an error page', async ({ browser }) => {
  mkdirSync(dir, { recursive: true });
  const page = await signedIn(browser, 'p4.officer');
  await page.goto('/import');
  await hydrated(page);
  const form = page.getByTestId('import-members');
  // Just under 10 MB (10,485,460 bytes, the size that crashed the page): sent, read, refused as not a workbook.
  const near = path.join(dir, 'gan-10mb.xlsx');
  writeFileSync(near, Buffer.alloc(10_485_460, 7));
  await form.locator('input[type=file]').setInputFiles(near);
  await form.getByRole('button', { name: 'Kiểm tra và nhập' }).click();
  await expect(form.getByTestId('import-message')).toHaveText('Không đọc được tệp. Hãy dùng tệp .xlsx theo mẫu.');
  await expect(page.getByText('This page couldn’t load')).toHaveCount(0);
  // Over the limit: refused on the form before it is sent.
  const over = path.join(dir, 'tren-10mb.xlsx');
  writeFileSync(over, Buffer.alloc(11 * 1024 * 1024, 7));
  await form.locator('input[type=file]').setInputFiles(over);
  await form.getByRole('button', { name: 'Kiểm tra và nhập' }).click();
  await expect(form.getByTestId('import-message')).toHaveText('Tệp lớn hơn 10 MB. Hãy chia thành nhiều tệp.');
  await page.screenshot({ path: path.join(screenshotDir, 'import-too-big.png'), fullPage: true });
});
