import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { AS, attachPaper, FIXTURES, screenshotDir, stateFile } from '../helpers';

/** Every part of `box` lies within the phone's screen width (nothing cut off or off to the side). */
async function expectWithinWidth(page: Page, box: Locator) {
  const rect = await box.boundingBox();
  expect(rect).not.toBeNull();
  expect(rect!.x).toBeGreaterThanOrEqual(0);
  expect(rect!.x + rect!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/** The inbox, reached as on a phone: the menu button, then the link. */
async function openInbox(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('link', { name: /^Chờ xử lý/ })).toBeHidden();
  await page.getByTestId('nav-menu-button').click();
  await page.getByRole('link', { name: /^Chờ xử lý/ }).click();
  await expect(page).toHaveURL('/cases/inbox');
  await expect(page.getByTestId('nav-menu-button')).toBeVisible();
  // The menu folds again after the jump.
  await expect(page.getByTestId('nav-inbox')).toBeHidden();
}

/** The case's card in the inbox: its name, stage and deadline all on screen. */
async function caseCard(page: Page, name: string) {
  const card = page.getByTestId('inbox-table').locator('tr').filter({ hasText: name });
  await expect(card).toHaveCount(1);
  await expectWithinWidth(page, card);
  for (const cell of await card.locator('td').all()) if (await cell.isVisible()) await expectWithinWidth(page, cell);
  return card;
}

async function openAction(page: Page, transition: string) {
  const box = page.getByTestId(`action-${transition}`);
  if ((await box.getAttribute('open')) === null) await box.locator('summary').click();
  return box;
}

test.describe(() => {
  test.use({ storageState: stateFile(AS.ward4Leader) });

  test('[PHONE] a ward leader opens the inbox, reads a case with its documents and timeline, attaches the resolution and endorses it', async ({ page }) => {
    const name = 'Võ Thị Mỹ Duyên';
    await openInbox(page);
    const card = await caseCard(page, name);
    await expect(card).toContainText('Chờ đảng ủy cơ sở');
    await page.screenshot({ path: path.join(screenshotDir, 'phone-inbox.png'), fullPage: true });

    await card.getByRole('link', { name }).click();
    await expect(page.getByTestId('case-name')).toHaveText(name);
    await expect(page.getByTestId('case-documents')).toBeVisible();
    await expect(page.getByTestId('case-timeline')).toContainText('Ghi nghị quyết chi bộ');
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The committee's resolution, photographed with the phone and attached from it.
    await attachPaper(page, 'Nghị quyết đảng ủy cơ sở (8-KNĐ)', FIXTURES.phonePhoto, `Nghị quyết đề nghị kết nạp ${name}`);
    await expect(page.getByTestId('case-documents')).toContainText(`Nghị quyết đề nghị kết nạp ${name}`);

    const box = await openAction(page, 'committeeEndorse');
    await box.getByLabel('Số phiếu tán thành').fill('8');
    await box.getByLabel('Số người có quyền biểu quyết').fill('9');
    await expectWithinWidth(page, box.getByRole('button', { name: 'Ghi nghị quyết đảng ủy cơ sở' }));
    await page.screenshot({ path: path.join(screenshotDir, 'phone-case.png'), fullPage: true });
    await box.getByRole('button', { name: 'Ghi nghị quyết đảng ủy cơ sở' }).click();
    await expect(page.getByTestId('case-state')).toHaveText('Chờ quyết định kết nạp');
    await expect(page.getByTestId('case-timeline')).toContainText('Ghi nghị quyết đảng ủy cơ sở');

    // Gone from the ward's inbox.
    await page.goto('/cases/inbox');
    await expect(page.getByTestId('inbox-table').getByRole('link', { name })).toHaveCount(0);
  });
});

test.describe(() => {
  test.use({ storageState: stateFile(AS.cityLeader) });

  test('[PHONE] the city leader returns a case awaiting its decision, with a reason, from the phone', async ({ page }) => {
    const name = 'Trần Thị Kim Ngân';
    const reason = 'Bổ sung bản tự kiểm điểm của người vào Đảng';
    await openInbox(page);
    const card = await caseCard(page, name);
    await expect(card).toContainText('Chờ quyết định kết nạp');
    await card.getByRole('link', { name }).click();
    await expect(page.getByTestId('case-name')).toHaveText(name);
    await expect(page.getByTestId('case-documents')).toBeVisible();
    await expect(page.getByTestId('case-timeline')).toBeVisible();

    const box = await openAction(page, 'return');
    // A return without a reason is refused, the field marked.
    await box.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
    await expect(box.getByTestId('error-reason')).toHaveText('Vui lòng ghi rõ lý do.');
    await box.getByLabel('Lý do (hiển thị cho cấp dưới)').fill(reason);
    await box.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
    await expect(page.getByTestId('case-state')).not.toHaveText('Chờ quyết định kết nạp');
    await expect(page.getByTestId('case-timeline')).toContainText(reason);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
