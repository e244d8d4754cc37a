import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { screenshotDir, signedIn } from './helpers';

/**
 * The figures published in the press (shared/DOMAIN.md, "Targets and reports"), read off the
 * dashboards of the demo units that play each part, each signed in as that unit's demo account.
 * The demo data was built to reproduce them (db/seed/published.ts); the dashboard computes them
 * from the records. This project runs before the other specs (playwright.config.ts), which add
 * members, cases and organisations to the same database.
 */

async function dashboard(page: Page, period: string): Promise<void> {
  await page.getByRole('link', { name: 'Chỉ tiêu, báo cáo' }).click();
  await page.getByTestId('period').selectOption(period);
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
}

/** The actual figure of a unit's row in the per-unit table, for the first measure (admissions) or another column. */
function rowFigure(page: Page, unitName: string, column = 1) {
  return page.getByTestId('report-children').getByRole('row').filter({ hasText: unitName }).locator('td').nth(column).locator('span').first();
}

test('[PUBLISHED] Mỹ Tho: 18 enterprises with organisations (4 under wards, 14 under the city), 205 members; in 2024 32 admitted (10 / 10 / 12) and 36 introduced', async ({ browser }) => {
  const page = await signedIn(browser, 'mytho.leader');
  await dashboard(page, '2024');
  await expect(page.getByTestId('report-heading')).toHaveText('Thành ủy Mỹ Tho · Năm 2024');
  await expect(page.getByTestId('headline-note')).toContainText('kết quả và chỉ tiêu dưới đây tính trong năm 2024.');
  await expect(page.getByTestId('h-enterprises-party')).toHaveText('18');
  await expect(page.getByTestId('h-organisations')).toHaveText('18');
  await expect(page.getByTestId('h-organisations-levels')).toHaveText('14 trực thuộc cấp huyện/khối · 4 trực thuộc đảng ủy cơ sở');
  await expect(page.getByTestId('h-members')).toHaveText('205');
  await expect(page.getByTestId('actual-admitted')).toHaveText('32');
  await expect(page.getByTestId('actual-introduced')).toHaveText('36');
  // By route: the labour federation's cell, the enterprise cells directly under the city, the cells under ward committees.
  await expect(rowFigure(page, 'Chi bộ Liên đoàn Lao động thành phố Mỹ Tho')).toHaveText('10');
  await expect(rowFigure(page, 'Chi bộ Công ty TNHH Thực phẩm Mekong')).toHaveText('10');
  await expect(rowFigure(page, 'Đảng ủy Phường 4')).toHaveText('12');
  await page.screenshot({ path: path.join(screenshotDir, 'published-mytho.png'), fullPage: true });

  // Each figure opens the list it was counted from.
  await page.getByTestId('actual-introduced').getByRole('link').click();
  await expect(page.getByTestId('figure-filter')).toContainText('36 người được giới thiệu (hồ sơ gửi lần đầu) từ 01/01/2024 đến 31/12/2024.');
  await page.goBack();
  await page.getByTestId('h-members').click();
  await expect(page.getByTestId('member-count')).toHaveText('205 đảng viên');
});

test("[PUBLISHED] the province: the resolution's yearly targets of 200 new members in non-state enterprises, 5 owners, 10 organisations, 90% and 85% rated good", async ({ browser }) => {
  const page = await signedIn(browser, 'tinh.leader');
  const year = new Date().getFullYear();
  await dashboard(page, String(year));
  await expect(page.getByTestId('report-heading')).toHaveText(`Tỉnh ủy Tiền Giang · Năm ${year}`);
  await expect(page.getByTestId('target-admitted_nonstate')).toHaveText('200');
  await expect(page.getByTestId('target-admitted_owners')).toHaveText('5');
  await expect(page.getByTestId('target-orgs_founded')).toHaveText('10');
  await expect(page.getByTestId('target-orgs_good_share')).toHaveText('90%');
  await expect(page.getByTestId('target-members_good_share')).toHaveText('85%');
  // The directive the targets come from is on the target sheet.
  await page.getByTestId('set-targets').click();
  await expect(page.getByTestId('targets-form').getByLabel('— trong đó ở doanh nghiệp ngoài khu vực nhà nước: Tỉnh ủy Tiền Giang')).toHaveValue('200');
});

test('[PUBLISHED] the bloc committee: 83 grassroots organisations (42 cells, 41 committees), 5,426 members, about 150 direct production workers', async ({ browser }) => {
  const page = await signedIn(browser, 'khoi.leader');
  await dashboard(page, String(new Date().getFullYear()));
  await expect(page.getByTestId('h-organisations')).toHaveText('83');
  await expect(page.getByTestId('h-organisations-kinds')).toHaveText('42 chi bộ cơ sở, 41 đảng bộ cơ sở');
  await expect(page.getByTestId('h-members')).toHaveText('5.426');
  await expect(page.getByTestId('h-members-kinds')).toContainText('150 công nhân trực tiếp sản xuất');
  await page.screenshot({ path: path.join(screenshotDir, 'published-bloc.png'), fullPage: true });
});

test('[PUBLISHED] a bloc over the 2020–2025 term: 25 awareness classes for 1,270, 22 new-member classes for 1,087, 1,147 admitted (27% above the plan of 903), 173 in non-state enterprises', async ({
  browser,
}) => {
  const page = await signedIn(browser, 'tqkhoi.leader');
  await dashboard(page, '2020-2025');
  await expect(page.getByTestId('report-heading')).toHaveText('Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Tuyên Quang · Nhiệm kỳ 2020–2025');
  await expect(page.getByTestId('h-awareness-classes')).toHaveText('25 lớp nhận thức, 1.270 học viên');
  await expect(page.getByTestId('h-new-member-classes')).toHaveText('22 lớp đảng viên mới, 1.087 học viên');
  await expect(page.getByTestId('actual-admitted')).toHaveText('1.147');
  await expect(page.getByTestId('target-admitted')).toHaveText('903');
  await expect(page.getByTestId('percent-admitted')).toContainText('127%');
  await expect(page.getByTestId('above-admitted')).toHaveText('vượt kế hoạch 27%');
  await expect(page.getByTestId('actual-admitted_nonstate')).toHaveText('173');
  await expect(page.getByTestId('actual-awareness_attendees')).toHaveText('1.270');
  await page.screenshot({ path: path.join(screenshotDir, 'published-term.png'), fullPage: true });

  // The export carries the same figures: the measures with target and percentage, and the headline counts.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const row = (sheet: ExcelJS.Worksheet, label: string) => {
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (!found && r.getCell(1).value === label) found = r;
    });
    if (!found) throw new Error(`no row "${label}" in ${sheet.name}`);
    return [2, 3, 4].map((c) => found!.getCell(c).value);
  };
  expect(wb.worksheets[0].getCell('A2').value).toBe('Đơn vị: Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Tuyên Quang · Nhiệm kỳ 2020–2025');
  expect(row(wb.worksheets[0], 'Kết nạp đảng viên mới')).toEqual([1147, 903, 127]);
  expect(row(wb.worksheets[0], '— trong đó ở doanh nghiệp ngoài khu vực nhà nước')[0]).toBe(173);
  const headline = wb.worksheets[2];
  expect(headline.name).toBe('So lieu chung');
  expect(row(headline, 'Lớp bồi dưỡng nhận thức về Đảng')[0]).toBe(25);
  expect(row(headline, 'Lớp bồi dưỡng lý luận chính trị cho đảng viên mới')[0]).toBe(22);

  // The figures open the lists they were counted from: the 173 members, the classes and their attendees.
  await page.getByTestId('actual-admitted_nonstate').getByRole('link').click();
  await expect(page.getByTestId('member-count')).toHaveText('173 đảng viên');
  await page.goBack();
  await page.getByTestId('actual-awareness_attendees').getByRole('link').click();
  await expect(page.getByTestId('figure-filter')).toContainText('Bồi dưỡng nhận thức về Đảng — khai giảng từ 01/01/2020 đến 31/12/2025: 25 lớp, 1.270 học viên.');
  await expect(page.getByTestId('class-list').getByRole('listitem')).toHaveCount(25);
});
