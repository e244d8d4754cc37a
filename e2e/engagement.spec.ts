import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { logIn, pick, screenshotDir, sidewaysOverflow, signedIn } from './helpers';

const FIRMS = [
  { typed: 'phuong nam', name: 'Công ty TNHH May Phương Nam', outcome: 'Chủ doanh nghiệp đồng ý tạo điều kiện thành lập tổ chức đảng' },
  { typed: 'thanh dat', name: 'Công ty TNHH Xây dựng Thành Đạt', outcome: 'Chủ doanh nghiệp đang cân nhắc' },
  { typed: 'giay thai binh', name: 'Công ty TNHH Giày Thái Bình Mỹ Tho', outcome: 'Chủ doanh nghiệp đồng ý tạo điều kiện thành lập tổ chức đảng' },
];

/** The dashboard's three engagement figures for the user's own unit and this year. */
async function figures(page: Page) {
  await page.goto('/reports');
  const read = async (m: string) => Number((await page.getByTestId(`actual-${m}`).innerText()).replace(/\./g, ''));
  return { surveyed: await read('enterprises_surveyed'), met: await read('owners_met'), persuaded: await read('owners_persuaded') };
}

/** No part of the page is wider than the screen (a phone shows no sideways scroll). */
async function expectNoSidewaysScroll(page: Page) {
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
}

test('[ENGAGEMENT] a ward officer records a survey with 14 ward committees and the tax office, logs meetings with three enterprises from a list, and the dashboard counts them', async ({
  browser,
}) => {
  const page = await signedIn(browser, 'p4.officer');
  await page.setViewportSize({ width: 1366, height: 900 });
  const before = await figures(page);

  // A survey round: how many of each partner took part; a number that is not one is refused beside its field.
  await page.goto('/engagement');
  await page.locator('summary', { hasText: 'Tạo đợt khảo sát' }).click();
  const survey = page.getByTestId('survey-form');
  await survey.getByLabel('Tên đợt khảo sát').fill('Khảo sát doanh nghiệp chưa có tổ chức đảng, Phường 4');
  await survey.getByLabel('Đảng ủy phường, xã').fill('14,5');
  await survey.getByLabel('Cơ quan thuế').fill('1');
  await survey.getByRole('button', { name: 'Tạo đợt khảo sát' }).click();
  await expect(survey.getByTestId('error-partner_ward_committees')).toContainText('Phải là số nguyên');
  await expect(survey.getByLabel('Tên đợt khảo sát')).toHaveValue('Khảo sát doanh nghiệp chưa có tổ chức đảng, Phường 4');
  await expect(survey.getByLabel('Cơ quan thuế')).toHaveValue('1');
  await page.screenshot({ path: path.join(screenshotDir, 'engagement-survey-error.png'), fullPage: true });
  await survey.getByLabel('Đảng ủy phường, xã').fill('14');
  await survey.getByRole('button', { name: 'Tạo đợt khảo sát' }).click();
  await expect(page.getByTestId('survey-title')).toHaveText('Khảo sát doanh nghiệp chưa có tổ chức đảng, Phường 4');
  await expect(page.getByTestId('survey-partners-text')).toHaveText('14 Đảng ủy phường, xã · Cơ quan thuế');
  // Its findings at two enterprises.
  for (const firm of FIRMS.slice(0, 2)) {
    const finding = page.getByTestId('finding-form');
    await pick(finding, 'Doanh nghiệp', firm.typed, firm.name);
    await finding.getByLabel('Thái độ của chủ doanh nghiệp').selectOption({ label: 'Ủng hộ' });
    await finding.getByRole('button', { name: 'Ghi kết quả khảo sát một doanh nghiệp' }).click();
    await expect(page.getByTestId('findings-table')).toContainText(firm.name);
  }
  await page.screenshot({ path: path.join(screenshotDir, 'engagement-survey.png'), fullPage: true });

  // The list shows the partners with their counts.
  await page.goto('/engagement');
  await expect(page.getByTestId('survey-rounds').locator('li', { hasText: 'Phường 4' }).getByTestId('survey-partners-text')).toContainText('14 Đảng ủy phường, xã · Cơ quan thuế');

  // One meeting round with three enterprises chosen from the picker, an outcome for each.
  await page.locator('summary', { hasText: 'Ghi nhận buổi gặp với nhiều doanh nghiệp' }).click();
  const round = page.getByTestId('meeting-round-form');
  await round.getByLabel('Thành phần làm việc').fill('Đảng ủy Phường 4, Liên đoàn Lao động thành phố');
  for (const firm of FIRMS) await pick(round, 'Doanh nghiệp đã gặp', firm.typed, firm.name);
  await round.getByLabel('Thành phần làm việc').click(); // close the list of matches
  const rows = round.getByTestId('meeting-round-row');
  await expect(rows).toHaveCount(3);
  for (const firm of FIRMS) await rows.filter({ hasText: firm.name }).getByLabel('Kết quả').selectOption({ label: firm.outcome });
  await rows.filter({ hasText: FIRMS[0].name }).getByLabel('Ghi chú (nếu có)').fill('Bố trí phòng sinh hoạt chi bộ');
  await page.screenshot({ path: path.join(screenshotDir, 'engagement-meeting-round.png'), fullPage: true });
  await round.getByRole('button', { name: 'Ghi nhận các buổi gặp' }).click();
  await expect(round.getByTestId('form-success')).toHaveText('Đã ghi nhận 3 buổi gặp.');
  const table = page.getByTestId('meetings-table');
  for (const firm of FIRMS) await expect(table).toContainText(firm.name);

  // The dashboard: two more enterprises surveyed, three more owners met, two more persuaded.
  const after = await figures(page);
  expect(after).toEqual({ surveyed: before.surveyed + 2, met: before.met + 3, persuaded: before.persuaded + 2 });
  await expect(page.getByTestId('total-owners_met')).toContainText('Chủ doanh nghiệp được gặp gỡ');
  await page.screenshot({ path: path.join(screenshotDir, 'engagement-dashboard.png'), fullPage: true });
});

test('[ENGAGEMENT] on a phone the meeting round form fits the screen and keeps what was chosen when refused', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await context.newPage();
  await logIn(phone, 'p4.officer');
  await phone.goto('/engagement');
  await phone.locator('summary', { hasText: 'Ghi nhận buổi gặp với nhiều doanh nghiệp' }).click();
  const round = phone.getByTestId('meeting-round-form');
  for (const firm of FIRMS.slice(0, 2)) await pick(round, 'Doanh nghiệp đã gặp', firm.typed, firm.name);
  await round.getByLabel('Ngày gặp').click();
  const rows = round.getByTestId('meeting-round-row');
  await expect(rows).toHaveCount(2);
  await rows.filter({ hasText: FIRMS[1].name }).getByLabel('Kết quả').selectOption({ label: 'Chủ doanh nghiệp chưa đồng ý' });
  await expectNoSidewaysScroll(phone);
  // Who took part is missing: refused beside the field, the enterprises and their outcomes kept.
  await round.getByRole('button', { name: 'Ghi nhận các buổi gặp' }).click();
  await expect(round.getByTestId('error-attendees')).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: FIRMS[1].name }).getByLabel('Kết quả')).toHaveValue('declined');
  await expectNoSidewaysScroll(phone);
  await phone.screenshot({ path: path.join(screenshotDir, 'engagement-meeting-round-phone.png'), fullPage: true });
  await context.close();
});
