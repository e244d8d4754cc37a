import { expect, test } from '@playwright/test';
import path from 'node:path';
import { AS, screenshotDir, stateFile } from './helpers';

test.describe(() => {
  test.use({ storageState: stateFile(AS.provinceAdmin) });

  test('[RULES] the province administrator adds a rule-set version, with field errors first', async ({ page }) => {
    await page.goto('/rules');
    await expect(page.getByRole('heading', { name: 'Bộ quy định (các mốc, thời hạn, ngưỡng)' })).toBeVisible();
    const table = page.getByTestId('rulesets-table');
    await expect(table).toContainText('01/06/2022');
    await expect(table).toContainText('Đang có hiệu lực');

    const form = page.getByTestId('ruleset-create');
    // A date that does not exist and a number with a decimal part are refused next to their fields.
    await form.getByLabel('Có hiệu lực từ ngày').fill('31/02/2031');
    await form.getByLabel('Căn cứ (số, ngày văn bản)').fill('Quy định thử nghiệm');
    await form.getByLabel('Giấy chứng nhận bồi dưỡng có giá trị (tháng)').fill('1,5');
    await form.getByRole('button', { name: 'Thêm phiên bản' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Đồng ý' }).click();
    await expect(form.getByTestId('error-effectiveFrom')).toHaveText('Ngày không hợp lệ.');
    await expect(form.getByTestId('error-certificateValidityMonths')).toHaveText('Phải là số nguyên, không có phần thập phân (dấu “,” hay “.” ở đây không phải dấu phân cách hàng nghìn).');
    await expect(form.getByLabel('Căn cứ (số, ngày văn bản)')).toHaveValue('Quy định thử nghiệm');

    // A unique future date per run, so the spec can run again on the same database.
    const day = 1 + Math.floor(Math.random() * 28);
    const date = `${String(day).padStart(2, '0')}/03/${2031 + Math.floor(Math.random() * 60)}`;
    await form.getByLabel('Có hiệu lực từ ngày').fill(date);
    await form.getByLabel('Giấy chứng nhận bồi dưỡng có giá trị (tháng)').fill('48');
    await form.getByRole('button', { name: 'Thêm phiên bản' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Đồng ý' }).click();
    await expect(form.getByTestId('form-success')).toHaveText('Đã thêm phiên bản quy định.');
    await expect(table.getByRole('row').filter({ hasText: date })).toContainText('chứng nhận 48 tháng');
    // The version in force today is still the 2022 one.
    await expect(table.getByRole('row').filter({ hasText: 'Đang có hiệu lực' })).toContainText('01/06/2022');
    await page.screenshot({ path: path.join(screenshotDir, 'rules.png'), fullPage: true });
  });
});

test.describe(() => {
  test.use({ storageState: stateFile(AS.cityAdmin) });

  test('[RULES] a city administrator reads the rules but gets no form', async ({ page }) => {
    await page.goto('/rules');
    await expect(page.getByTestId('rulesets-table')).toContainText('01/06/2022');
    await expect(page.getByTestId('ruleset-create')).toHaveCount(0);
  });
});
