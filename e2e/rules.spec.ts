import { expect, test } from '@playwright/test';
import path from 'node:path';
import { AS, hydrated, screenshotDir, stateFile } from './helpers';

test.describe(() => {
  test.use({ storageState: stateFile(AS.rootAdmin) });

  test('[RULES] the national administrator adds a rule-set version, with field errors first', async ({ page }) => {
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

test.describe(() => {
  test.use({ storageState: stateFile(AS.rootAdmin) });

  test('[RULES] the national administrator keeps the official calendar: a make-up Saturday added, a worked weekday refused, the day removed', async ({ page, browser }) => {
    await page.goto('/rules');
    await page.getByTestId('calendar-link').click();
    await expect(page.getByRole('heading', { name: 'Lịch nghỉ lễ và ngày làm bù' })).toBeVisible();
    await page.getByTestId('calendar-years').getByRole('link', { name: '2024' }).click();
    await expect(page.getByTestId('calendar-status')).toContainText('Đã theo thông báo chính thức');
    const saturday = page.getByTestId('calendar-day-2024-05-04');
    await expect(saturday).toContainText('04/05/2024');
    await expect(saturday).toContainText('Thứ Bảy');
    await expect(saturday).toContainText('Làm bù');
    await page.screenshot({ path: path.join(screenshotDir, 'calendar.png'), fullPage: true });

    await page.getByTestId('calendar-years').getByRole('link', { name: '2027' }).click();
    await expect(page.getByTestId('calendar-status')).toContainText('Dự kiến');
    const form = page.getByTestId('calendar-day-form');
    await form.getByLabel('Ngày').fill('07/05/2027');
    await form.getByLabel('Tên').fill('Làm bù thử');
    await form.getByLabel('Loại').selectOption('working_day');
    await form.getByRole('button', { name: 'Lưu ngày' }).click();
    await expect(form.getByTestId('error-date')).toHaveText('Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.');
    await form.getByLabel('Ngày').fill('08/05/2027');
    await form.getByRole('button', { name: 'Lưu ngày' }).click();
    await expect(page.getByTestId('calendar-day-2027-05-08')).toContainText('Thứ Bảy');

    await page.getByTestId('calendar-remove-2027-05-08').getByRole('button', { name: 'Xoá' }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Đồng ý' }).click();
    await expect(page.getByTestId('calendar-day-2027-05-08')).toHaveCount(0);

    const phone = await (await browser.newContext({ storageState: stateFile(AS.rootAdmin), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await phone.goto('/rules/calendar?year=2026');
    await expect(phone.getByTestId('calendar-day-2026-01-10')).toContainText('10/01/2026');
    await phone.screenshot({ path: path.join(screenshotDir, 'calendar-phone.png'), fullPage: true });
  });

  test('[RULES] a save whose Origin is another site, or absent, is refused with 403 and changes nothing', async ({ page, request }) => {
    for (const forge of [
      (h: Record<string, string>) => ({ ...h, origin: 'https://evil.example' }),
      (h: Record<string, string>) => {
        const { origin: _origin, ...rest } = h;
        return rest;
      },
    ]) {
      await page.goto('/rules/calendar?year=2027');
      await hydrated(page);
      const statuses: number[] = [];
      // The browser sets Origin itself: the forged post is sent from outside it, with the page's cookies.
      await page.route('**/rules/calendar**', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        const response = await route.fetch({ headers: forge(route.request().headers()) });
        statuses.push(response.status());
        await route.fulfill({ response });
      });
      const form = page.getByTestId('calendar-day-form');
      await form.getByLabel('Ngày').fill('15/05/2027');
      await form.getByLabel('Tên').fill('Giả mạo');
      await form.getByLabel('Loại').selectOption('working_day');
      await form.getByRole('button', { name: 'Lưu ngày' }).click();
      await expect.poll(() => statuses).toContain(403);
      await page.unroute('**/rules/calendar**');
      await page.goto('/rules/calendar?year=2027');
      await expect(page.getByTestId('calendar-day-2027-05-15')).toHaveCount(0);
    }
    // X-Forwarded-Host is not trusted unless configured: naming the forger's host there does not help.
    const forged = await request.post('/rules/calendar', { headers: { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' }, form: { date: '15/05/2027' } });
    expect(forged.status()).toBe(403);
  });
});
