import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { referCandidate, screenshotDir, signedIn } from './helpers';

const refer = (page: Page, fullName: string) =>
  referCandidate(page, { fullName, birthDate: '03/03/1997', sex: 'female', workplace: 'Công ty TNHH Điện tử Việt Hàn', cellTyped: 'may phuong', cell: 'Chi bộ Công ty TNHH May Phương Nam' });

test('[PEOPLE] the same person referred twice (typed once composed, once decomposed) is flagged with the open case, and saved only when confirmed as someone else', async ({ browser }) => {
  const union = await signedIn(browser, 'cd.viethan');
  const name = `Trần Thị Ngọc Mai ${String.fromCharCode(65 + (Date.now() % 26))}`;
  await refer(union, name);
  await expect(union).toHaveURL(/\/cases\/\d+$/);
  const caseId = union.url().split('/').pop();

  // The same name typed by a keyboard that sends decomposed letters, the same birth date.
  const form = await refer(union, name.normalize('NFD'));
  const flag = form.getByTestId('error-confirmNotDuplicate');
  await expect(flag).toContainText(`hồ sơ kết nạp số ${caseId}`);
  await expect(flag).toContainText('03/03/1997');
  await expect(union).toHaveURL(/\/cases\/new$/);
  await expect(form.getByLabel('Họ và tên')).toHaveValue(name.normalize('NFD'));
  for (const [width, height, file] of [
    [1366, 900, 'people-duplicate-desktop.png'],
    [390, 844, 'people-duplicate-phone.png'],
  ] as const) {
    await union.setViewportSize({ width, height });
    await flag.scrollIntoViewIfNeeded();
    expect(await union.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await union.screenshot({ path: path.join(screenshotDir, file), fullPage: true });
  }
  await union.setViewportSize({ width: 1366, height: 900 });

  // The list holds the one case only.
  await union.goto(`/cases?q=${encodeURIComponent('tran thi ngoc mai')}`);
  await expect(union.getByRole('link', { name })).toHaveCount(1);
});
