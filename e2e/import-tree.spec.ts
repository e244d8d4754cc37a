import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { fillTemplate as fill, importDir, importUnitRow as unit, uploadImport as upload } from './import-helpers';
import { screenshotDir, signedIn } from './helpers';
import { taxCodeCheckDigit } from '../lib/registry/tax-code';

function taxCode(n: number): string {
  for (let s = n; ; s++) {
    const nine = `15${String(s).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

test('[IMPORT] the province administrator imports a unit tree and enterprises linked to it, and sees them on the dashboard', async ({ browser }) => {
  mkdirSync(importDir, { recursive: true });
  const page = await signedIn(browser, 'tinh.admin');
  await page.goto('/reports');
  const withPartyBefore = Number((await page.getByTestId('h-enterprises-party').textContent())!.replace(/\D/g, ''));

  // A refused file: each bad row named, nothing written.
  await page.goto('/import');
  const bad = await fill(
    page,
    'units',
    [
      unit('Đảng ủy Phường 11', 'Đảng ủy phường, xã', 'Thành ủy Mỹ Thoại', '01/07/2025'),
      unit('Đảng ủy cơ sở Công ty TNHH Dệt Cửu Long', 'Đảng ủy cơ sở', 'Đảng ủy cơ sở Công ty TNHH Nhuộm Cửu Long', '05/03/2021'),
      unit('Đảng ủy cơ sở Công ty TNHH Nhuộm Cửu Long', 'Đảng ủy cơ sở', 'Đảng ủy cơ sở Công ty TNHH Dệt Cửu Long', '05/03/2021'),
      unit('Đảng ủy Phường 12', 'Đảng ủy phường, xã', 'TG-MYTHO-P4-KP3', '01/07/2025'),
      unit('Chi bộ Công ty TNHH Gốm Mỹ Tho', 'Chi bộ', 'Thành ủy Mỹ Tho', '01/07/2025', 'TG-MYTHO-P4'),
    ],
    'cay-don-vi-loi.xlsx',
  );
  const refused = await upload(page, 'units', bad);
  await expect(refused.getByTestId('import-message')).toContainText('Chưa nhập gì: 5 lỗi ở 5 trong 5 dòng');
  const report = refused.getByTestId('import-report').locator('tbody tr');
  await expect(report).toHaveCount(5);
  await expect(report.nth(0)).toContainText('Không tìm thấy đơn vị cấp trên');
  await expect(report.nth(1)).toContainText('Các dòng 3, 4 lấy nhau làm đơn vị cấp trên');
  await expect(report.nth(3)).toContainText('Đảng ủy phường, xã không thể trực thuộc Chi bộ');
  await expect(report.nth(4)).toContainText('Mã đơn vị này đã được dùng');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(refused.getByTestId('import-report-list').locator('li')).toHaveCount(5);
  await expect(refused.getByTestId('import-report-list').locator('li').nth(1)).toContainText('Dòng 3');
  await page.screenshot({ path: path.join(screenshotDir, 'import-tree-errors-phone.png'), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1366, height: 900 });

  // The tree, then enterprises linked to it.
  const good = await fill(
    page,
    'units',
    [
      unit('Chi bộ Công ty TNHH Dệt Cửu Long', 'Chi bộ', 'Đảng ủy Phường 11', '05/03/2021'),
      unit('Đảng ủy Phường 11', 'Đảng ủy phường, xã', 'Thành ủy Mỹ Tho', '01/07/2025'),
      unit('Công đoàn cơ sở Công ty TNHH Dệt Cửu Long', 'Công đoàn cơ sở', 'Chi bộ Công ty TNHH Dệt Cửu Long', '10/03/2021'),
      unit('Chi đoàn Công ty TNHH Dệt Cửu Long', 'Đoàn Thanh niên', 'Chi bộ Công ty TNHH Dệt Cửu Long', '12/03/2021'),
      unit('Chi bộ Công ty Cổ phần Gạch Tiền Giang', 'chi bo', 'Đảng ủy Phường 11', '20/11/2019', 'TG-GACH'),
    ],
    'cay-don-vi.xlsx',
  );
  await page.goto('/import');
  const done = await upload(page, 'units', good);
  await expect(done.getByTestId('import-message')).toContainText('Đã nhập 5 dòng');

  const firm = (i: number, name: string, party: string, union = '', youth = '') => ({
    'Tên doanh nghiệp': name,
    'Mã số thuế': taxCode(3000 + i * 7),
    'Loại hình': 'Công ty TNHH',
    'Địa chỉ trụ sở': `${i} Ấp Bắc, Phường 11`,
    'Đơn vị quản lý': 'Đảng ủy Phường 11',
    'Số lao động': String(300 + i),
    'Tổ chức đảng': party,
    'Công đoàn cơ sở': union,
    'Đoàn thanh niên': youth,
  });
  const firms = await fill(
    page,
    'enterprises',
    [
      firm(1, 'Công ty TNHH Dệt Cửu Long', 'Chi bộ Công ty TNHH Dệt Cửu Long', 'Công đoàn cơ sở Công ty TNHH Dệt Cửu Long', 'Chi đoàn Công ty TNHH Dệt Cửu Long'),
      firm(2, 'Công ty Cổ phần Gạch Tiền Giang', 'TG-GACH'),
    ],
    'doanh-nghiep.xlsx',
  );
  const imported = await upload(page, 'enterprises', firms);
  await expect(imported.getByTestId('import-message')).toContainText('Đã nhập 2 dòng');

  await page.goto('/reports');
  await expect(page.getByTestId('h-enterprises-party')).toHaveText(String(withPartyBefore + 2));
  await page.screenshot({ path: path.join(screenshotDir, 'import-tree-dashboard.png'), fullPage: true });

  // The new ward, with its readable code and the units below it.
  await page.goto('/');
  await page.getByRole('link', { name: 'Thành ủy Mỹ Tho' }).first().click();
  await page.getByRole('link', { name: 'Đảng ủy Phường 11' }).first().click();
  await expect(page.getByText('TG-MYTHO-P11', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Chi bộ Công ty TNHH Dệt Cửu Long' })).toBeVisible();
  await expect(page.getByText('01/07/2025').first()).toBeVisible();
  await page.screenshot({ path: path.join(screenshotDir, 'import-tree-ward.png'), fullPage: true });
});
