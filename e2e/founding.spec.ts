import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { pick, screenshotDir, signedIn } from './helpers';

test('[FOUNDING] from the priority list: export it, propose a cell (too few members refused), the city leader decides and the cell exists', async ({ browser }) => {
  const officer = await signedIn(browser, 'mytho.officer');
  await officer.goto('/enterprises');
  await officer.getByTestId('priority-link').click();
  const first = officer.getByTestId('priority-table').locator('tbody tr').first();
  await expect(first).toContainText('Công ty TNHH Điện tử Việt Hàn');
  await expect(first).toContainText('Đủ điều kiện thành lập chi bộ');
  await officer.screenshot({ path: path.join(screenshotDir, 'priority.png'), fullPage: true });

  // The export opens as a workbook with the title, the unit and the same first row.
  const [download] = await Promise.all([officer.waitForEvent('download'), officer.getByTestId('priority-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^uu-tien-thanh-lap-to-chuc-dang-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0];
  expect(ws.getCell('A1').value).toBe('Doanh nghiệp ưu tiên thành lập tổ chức đảng');
  expect(ws.getCell('A2').value).toBe('Đơn vị: Thành ủy Mỹ Tho');
  expect(ws.getCell('B5').value).toBe('Tên doanh nghiệp');
  expect(ws.getCell('A6').value).toBe(1);
  expect(ws.getCell('B6').value).toBe('Công ty TNHH Điện tử Việt Hàn');

  await first.getByRole('link', { name: 'Đề nghị thành lập' }).click();
  const form = officer.getByTestId('propose-form');
  await pick(form, 'Trực thuộc', 'my tho', 'Thành ủy Mỹ Tho');
  const boxes = form.locator('input[name=memberIds]');
  const total = await boxes.count();
  expect(total).toBeGreaterThanOrEqual(4);
  for (let i = 2; i < total; i++) await boxes.nth(i).uncheck();
  await form.getByRole('button', { name: 'Đề nghị thành lập chi bộ' }).click();
  await expect(form.getByTestId('error-memberIds')).toContainText('Cần ít nhất 3 đảng viên chính thức');
  for (let i = 0; i < total; i++) await boxes.nth(i).check();
  await form.getByRole('button', { name: 'Đề nghị thành lập chi bộ' }).click();
  await expect(officer).toHaveURL(/\/founding\/\d+$/);
  const url = officer.url();
  await expect(officer.getByTestId('founding-state')).toHaveText('Chờ quyết định');
  await expect(officer.getByTestId('decide-form')).toHaveCount(0);

  const leader = await signedIn(browser, 'mytho.leader');
  await leader.goto(url);
  const decide = leader.getByTestId('decide-form');
  await decide.getByLabel('Số quyết định').fill('215-QĐ/TU');
  await decide.getByLabel('Chỉ định bí thư chi bộ').selectOption({ index: 1 });
  await decide.getByRole('button', { name: 'Ra quyết định thành lập' }).click();
  await expect(leader.getByTestId('founding-state')).toHaveText('Đã thành lập');
  await leader.getByTestId('founding-new-unit').click();
  await expect(leader.getByRole('heading', { level: 1 })).toContainText('Chi bộ Công ty TNHH Điện tử Việt Hàn');

  // The enterprise now has its party organisation, and leaves the priority list.
  await leader.goto('/enterprises?q=viet%20han');
  await expect(leader.getByTestId('enterprises-table')).toContainText('Chi bộ Công ty TNHH Điện tử Việt Hàn');
  await leader.goto('/enterprises/priority');
  await expect(leader.getByTestId('priority-table')).not.toContainText('Công ty TNHH Điện tử Việt Hàn');

  // The city's report counts it this year (an FDI firm), and the figure opens the founding it counted.
  await leader.getByRole('link', { name: 'Chỉ tiêu, báo cáo' }).click();
  await expect(leader.getByTestId('actual-orgs_founded_fdi')).toHaveText('1');
  const founded = Number(await leader.getByTestId('actual-orgs_founded').textContent());
  await leader.getByTestId('actual-orgs_founded_fdi').getByRole('link').click();
  await expect(leader.getByTestId('figure-filter')).toContainText('1 tổ chức đảng ở doanh nghiệp FDI được quyết định thành lập');
  await expect(leader.getByTestId('founding-list')).toContainText('Chi bộ Công ty TNHH Điện tử Việt Hàn');
  await leader.goBack();
  await leader.getByTestId('actual-orgs_founded').getByRole('link').click();
  await expect(leader.getByTestId('figure-filter')).toContainText(`${founded} tổ chức đảng được quyết định thành lập`);
  await expect(leader.getByTestId('founding-list').getByRole('listitem')).toHaveCount(founded);
});
