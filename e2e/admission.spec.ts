import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { setServerClock } from './clock';
import { attachPaper, FIXTURES, pick, referCandidate, screenshotDir, signedIn } from './helpers';

async function openAction(page: Page, transition: string) {
  const box = page.getByTestId(`action-${transition}`);
  if ((await box.getAttribute('open')) === null) await box.locator('summary').click();
  return box;
}

test('[ADMISSION] a union officer refers a person; the cell leader returns it with a reason the officer sees; the inbox counts', async ({ browser }) => {
  const union = await signedIn(browser, 'cd.viethan');
  await union.getByRole('link', { name: 'Hồ sơ kết nạp' }).click();
  await union.getByRole('link', { name: 'Giới thiệu quần chúng ưu tú' }).click();

  // A bad citizen ID and a date that is not dd/mm/yyyy are refused next to their fields.
  const form = union.getByTestId('referral-form');
  const name = `Nguyễn Thị Lan ${Date.now() % 100000}`;
  await form.getByLabel('Họ và tên').fill(name);
  await form.getByLabel('Ngày sinh').fill('1996-13-45');
  await form.getByLabel('Giới tính').selectOption('female');
  await form.getByLabel('Số CCCD (12 chữ số)').fill('12345');
  await form.getByLabel('Doanh nghiệp, nơi làm việc').fill('Công ty TNHH Điện tử Việt Hàn');
  await pick(form, 'Chi bộ tiếp nhận, giúp đỡ', 'may phuong', 'Chi bộ Công ty TNHH May Phương Nam');
  await form.getByRole('button', { name: 'Lưu hồ sơ nháp' }).click();
  await expect(form.getByTestId('error-birthDate')).toHaveText('Ngày không hợp lệ.');
  await expect(form.getByTestId('error-nationalId')).toContainText('Số CCCD không hợp lệ');
  await expect(form.getByLabel('Họ và tên')).toHaveValue(name);

  await form.getByLabel('Ngày sinh').fill('12/08/1996');
  await form.getByLabel('Số CCCD (12 chữ số)').fill('');
  await form.getByLabel('Ngày cấp giấy chứng nhận').fill('15/01/2025');
  await form.getByRole('button', { name: 'Lưu hồ sơ nháp' }).click();
  await expect(union).toHaveURL(/\/cases\/\d+$/);
  const caseUrl = union.url();
  await expect(union.getByTestId('case-state')).toHaveText('Nháp giới thiệu');
  await expect(union.getByTestId('case-chain')).toContainText('Đảng ủy Phường 4');

  // Sending without the papers names what is missing; then attach them and send.
  let submit = await openAction(union, 'submit');
  await submit.getByRole('button', { name: 'Gửi giới thiệu lên chi bộ' }).click();
  await expect(submit.getByTestId('form-error')).toContainText('Còn thiếu tài liệu');
  for (const kind of ['Giấy chứng nhận bồi dưỡng nhận thức về Đảng', 'Đơn xin vào Đảng (1-KNĐ)', 'Lý lịch người xin vào Đảng (2-KNĐ)', 'Nghị quyết giới thiệu của đoàn thể (4-KNĐ)']) {
    await attachPaper(union, kind, FIXTURES.scanPdf, `${kind} của ${name}`);
    await expect(union.getByTestId('case-documents')).toContainText(`${kind} của ${name}`);
  }
  submit = await openAction(union, 'submit');
  await submit.getByRole('button', { name: 'Gửi giới thiệu lên chi bộ' }).click();
  await expect(union.getByTestId('case-state')).toHaveText('Đã giới thiệu, chờ chi bộ tiếp nhận');
  await expect(union.getByTestId('no-actions')).toBeVisible();

  // The cell leader sees it in the inbox, with the count in the navigation.
  const cell = await signedIn(browser, 'cb.phuongnam');
  const count = Number(await cell.getByTestId('inbox-count').textContent());
  expect(count).toBeGreaterThanOrEqual(1);
  await cell.getByTestId('nav-inbox').click();
  await expect(cell.getByTestId('inbox-table').locator('tbody tr')).toHaveCount(count);
  await cell.screenshot({ path: path.join(screenshotDir, 'inbox.png'), fullPage: true });
  await cell.getByTestId('inbox-table').getByRole('link', { name }).click();
  await expect(cell).toHaveURL(caseUrl);
  const ret = await openAction(cell, 'return');
  await ret.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
  await expect(ret.getByTestId('error-reason')).toHaveText('Vui lòng ghi rõ lý do.');
  await ret.getByLabel('Lý do (hiển thị cho cấp dưới)').fill('Bổ sung ý kiến nhận xét của nơi cư trú');
  await ret.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
  await expect(cell.getByTestId('case-state')).toHaveText('Nháp giới thiệu');
  await cell.reload();
  await expect(cell.getByTestId('inbox-count')).toHaveCount(count - 1 === 0 ? 0 : 1);

  // The union officer sees the reason, in the list and on the case, and can send it again.
  await union.goto('/cases');
  await expect(union.getByTestId('cases-table').getByRole('row').filter({ hasText: name })).toContainText('Bổ sung ý kiến nhận xét của nơi cư trú');
  await union.goto(caseUrl);
  await expect(union.getByTestId('return-reason')).toContainText('Bổ sung ý kiến nhận xét của nơi cư trú');
  await expect(union.getByTestId('case-timeline')).toContainText('Trả lại để bổ sung');
  await union.screenshot({ path: path.join(screenshotDir, 'case-returned.png'), fullPage: true });
  submit = await openAction(union, 'submit');
  await submit.getByRole('button', { name: 'Gửi giới thiệu lên chi bộ' }).click();
  await expect(union.getByTestId('case-state')).toHaveText('Đã giới thiệu, chờ chi bộ tiếp nhận');

  // Outsiders get "not found" for the case address.
  const other = await signedIn(browser, 'cd.mekong');
  const response = await other.goto(caseUrl);
  expect(response?.status()).toBe(404);
});

/** The number in the navigation's "Chờ xử lý" badge (no badge: 0), checked against the inbox's rows. */
async function inboxCount(page: Page): Promise<number> {
  await page.goto('/cases/inbox');
  const badge = page.getByTestId('inbox-count');
  const count = (await badge.count()) ? Number(await badge.textContent()) : 0;
  if (count === 0) await expect(page.getByTestId('inbox-table-empty')).toBeVisible();
  else await expect(page.getByTestId('inbox-table').locator('tbody tr')).toHaveCount(count);
  return count;
}

async function attach(page: Page, kinds: string[], name: string) {
  for (const kind of kinds) {
    await attachPaper(page, kind, FIXTURES.scanPdf, `${kind} — ${name}`);
    await expect(page.getByTestId('case-documents')).toContainText(`${kind} — ${name}`);
  }
}

/** Take a step through its form on the case page and wait for the new state. */
async function step(page: Page, transition: string, button: string, state: string, fill?: (box: ReturnType<Page['getByTestId']>) => Promise<void>) {
  const box = await openAction(page, transition);
  await fill?.(box);
  await box.getByRole('button', { name: button }).click();
  await expect(page.getByTestId('case-state')).toHaveText(state);
}

async function votes(box: ReturnType<Page['getByTestId']>, votesFor: number, eligible: number) {
  await box.getByLabel('Số phiếu tán thành').fill(String(votesFor));
  await box.getByLabel('Số người có quyền biểu quyết').fill(String(eligible));
}

test.describe('[ADMISSION] with the server clock', () => {
  test.afterAll(() => setServerClock(null));

  test('[ADMISSION] the full path from a union referral to official membership, across twelve months of probation, with every leader’s inbox count', async ({ browser }) => {
    test.setTimeout(180_000);
    const name = `Trần Văn Hậu ${Date.now() % 100000}`;
    const union = await signedIn(browser, 'cd.viethan');
    const cell = await signedIn(browser, 'cb.phuongnam');
    const ward = await signedIn(browser, 'p4.leader');
    const city = await signedIn(browser, 'mytho.leader');
    const openCase = async (page: Page) => {
      await page.goto('/cases/inbox');
      await page.getByTestId('inbox-table').getByRole('link', { name }).click();
      await expect(page.getByTestId('case-name')).toHaveText(name);
    };

    // 01/03/2027: the union branch refers the person and sends the papers.
    setServerClock('2027-03-01 09:00');
    const cellBefore = await inboxCount(cell);
    await referCandidate(union, {
      fullName: name,
      birthDate: '03/02/1994',
      sex: 'male',
      workplace: 'Công ty TNHH Điện tử Việt Hàn',
      cellTyped: 'may phuong',
      cell: 'Chi bộ Công ty TNHH May Phương Nam',
      certificateOn: '20/11/2026',
    });
    await expect(union).toHaveURL(/\/cases\/\d+$/);
    const caseUrl = union.url();
    await attach(union, ['Giấy chứng nhận bồi dưỡng nhận thức về Đảng', 'Đơn xin vào Đảng (1-KNĐ)', 'Lý lịch người xin vào Đảng (2-KNĐ)', 'Nghị quyết giới thiệu của đoàn thể (4-KNĐ)'], name);
    await step(union, 'submit', 'Gửi giới thiệu lên chi bộ', 'Đã giới thiệu, chờ chi bộ tiếp nhận', async (box) => {
      await expect(box.getByLabel('Ngày thực hiện (ngày họp, ngày ký)')).toHaveValue('01/03/2027');
    });
    expect(await inboxCount(cell)).toBe(cellBefore + 1);

    // 15/03/2027: the cell accepts, attaches its papers and records its resolution. 4 of 7 is
    // short of two-thirds: refused with the rule's explanation; 5 of 7 passes.
    setServerClock('2027-03-15 09:00');
    const wardBefore = await inboxCount(ward);
    await openCase(cell);
    await step(cell, 'accept', 'Tiếp nhận', 'Chi bộ đang xem xét');
    await attach(cell, ['Giấy giới thiệu của đảng viên (3-KNĐ)', 'Kết quả thẩm tra lý lịch', 'Tổng hợp ý kiến nhận xét', 'Nghị quyết chi bộ'], name);
    let box = await openAction(cell, 'cellResolve');
    await votes(box, 4, 7);
    await box.getByLabel('Đảng viên giới thiệu (mỗi dòng một người)').fill('Tạ Văn Hiếu\nLê Thị Ngọc Hà');
    await box.getByRole('button', { name: 'Ghi nghị quyết chi bộ' }).click();
    await expect(box.getByTestId('error-override_cellVote')).toHaveText('Cần ít nhất 5/7 đảng viên chính thức tán thành (mới có 4).');
    await expect(cell.getByTestId('case-state')).toHaveText('Chi bộ đang xem xét');
    await votes(box, 5, 7);
    await box.getByRole('button', { name: 'Ghi nghị quyết chi bộ' }).click();
    await expect(cell.getByTestId('case-state')).toHaveText('Chờ đảng ủy cơ sở');
    expect(await inboxCount(cell)).toBe(cellBefore);
    expect(await inboxCount(ward)).toBe(wardBefore + 1);

    // 22/03/2027: the ward committee endorses.
    setServerClock('2027-03-22 09:00');
    const cityBefore = await inboxCount(city);
    await openCase(ward);
    await attach(ward, ['Nghị quyết đảng ủy cơ sở (8-KNĐ)'], name);
    await step(ward, 'committeeEndorse', 'Ghi nghị quyết đảng ủy cơ sở', 'Chờ quyết định kết nạp', (b) => votes(b, 8, 9));
    expect(await inboxCount(ward)).toBe(wardBefore);
    expect(await inboxCount(city)).toBe(cityBefore + 1);

    // 05/04/2027: the city's standing committee decides.
    setServerClock('2027-04-05 09:00');
    await openCase(city);
    await attach(city, ['Quyết định kết nạp'], name);
    await step(city, 'decide', 'Ghi quyết định kết nạp', 'Chờ lễ kết nạp', (b) => b.getByLabel('Số quyết định').fill('125-QĐ/TU'));
    expect(await inboxCount(city)).toBe(cityBefore);

    // 19/04/2027: the ceremony; probation runs to 19/04/2028.
    setServerClock('2027-04-19 09:00');
    await openCase(cell);
    await step(cell, 'recordCeremony', 'Ghi ngày lễ kết nạp', 'Đảng viên dự bị');
    await expect(cell.getByText('19/04/2028').first()).toBeVisible();

    // 10/04/2028: too early to open the recognition.
    setServerClock('2028-04-10 09:00');
    await cell.goto(caseUrl);
    box = await openAction(cell, 'openRecognition');
    await box.getByRole('button', { name: 'Mở xét công nhận chính thức' }).click();
    await expect(box.getByTestId('error-override_probationEnded')).toHaveText('Chưa hết thời gian dự bị (đến 19/04/2028).');
    await expect(cell.getByTestId('case-state')).toHaveText('Đảng viên dự bị');

    // 20/04/2028: probation is over; the same chain recognises the member.
    setServerClock('2028-04-20 09:00');
    await cell.goto(caseUrl);
    await step(cell, 'openRecognition', 'Mở xét công nhận chính thức', 'Chi bộ xét công nhận chính thức');
    await attach(cell, ['Bản tự kiểm điểm của đảng viên dự bị', 'Nghị quyết chi bộ đề nghị công nhận'], name);
    await step(cell, 'cellResolveRecognition', 'Ghi nghị quyết chi bộ đề nghị công nhận', 'Đảng ủy cơ sở xét công nhận', (b) => votes(b, 6, 7));
    expect(await inboxCount(ward)).toBe(wardBefore + 1);

    setServerClock('2028-04-24 09:00');
    await openCase(ward);
    await step(ward, 'committeeEndorseRecognition', 'Ghi nghị quyết đảng ủy cơ sở về công nhận', 'Chờ quyết định công nhận', (b) => votes(b, 9, 9));
    expect(await inboxCount(city)).toBe(cityBefore + 1);

    setServerClock('2028-05-08 09:00');
    await openCase(city);
    await attach(city, ['Quyết định công nhận đảng viên chính thức'], name);
    await step(city, 'decideRecognition', 'Ghi quyết định công nhận / xóa tên', 'Đảng viên chính thức', (b) => b.getByLabel('Số quyết định').fill('310-QĐ/TU'));
    expect(await inboxCount(city)).toBe(cityBefore);
    expect(await inboxCount(ward)).toBe(wardBefore);

    // The union officer follows the whole story: ten steps, each dated, with who took it.
    await union.goto(caseUrl);
    await expect(union.getByTestId('case-state')).toHaveText('Đảng viên chính thức');
    const timeline = union.getByTestId('case-timeline').locator('li');
    await expect(timeline).toHaveCount(10);
    await expect(timeline.first()).toContainText('01/03/2027');
    await expect(timeline.first()).toContainText('Hồ Thị Thanh Hương');
    await expect(timeline.last()).toContainText('08/05/2028');
    await expect(timeline.last()).toContainText('Võ Văn Đức');
    await union.screenshot({ path: path.join(screenshotDir, 'case-official.png'), fullPage: true });
  });
});
