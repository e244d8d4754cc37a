import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AS, optionNamed, pick, screenshotDir, sidewaysOverflow, stateFile, unitName } from './helpers';

const CELL = unitName('TG-MYTHO-P4-PHUONGNAM'); // Chi bộ Công ty TNHH May Phương Nam

/** The members a page of the list shows (their record links), top to bottom. */
async function shownNames(page: Page): Promise<string[]> {
  return page
    .getByTestId('members-table')
    .locator('tbody tr td:first-child a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/** No part of the page is wider than the screen (a phone shows no sideways scroll). */
async function expectNoSidewaysScroll(page: Page) {
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
}

test.describe(() => {
  test.use({ storageState: stateFile(AS.cityLeader) });

  test('[LISTS] the member list pages forward and back by cursor and comes back to the same rows', async ({ page }) => {
    await page.goto('/members');
    const first = await shownNames(page);
    expect(first).toHaveLength(50);
    const pager = page.getByTestId('pager');
    await expect(pager.getByTestId('pager-status')).toContainText('Trang 1 · 1–50 trong');
    await expect(pager.getByTestId('pager-prev')).toHaveCount(0);

    await pager.getByTestId('pager-next').click();
    await expect(page).toHaveURL(/[?&]after=[^&]+.*&n=2|[?&]n=2.*&after=/);
    await expect(pager.getByTestId('pager-status')).toContainText('Trang 2 · 51–100 trong');
    const second = await shownNames(page);
    expect(second).toHaveLength(50);
    expect(second.filter((m) => first.includes(m))).toEqual([]);

    await pager.getByTestId('pager-next').click();
    await expect(pager.getByTestId('pager-status')).toContainText('Trang 3 · 101–150 trong');
    const third = await shownNames(page);
    expect(third.filter((m) => first.includes(m) || second.includes(m))).toEqual([]);

    // Back: the very rows seen before, in the same order.
    await pager.getByTestId('pager-prev').click();
    await expect(pager.getByTestId('pager-status')).toContainText('Trang 2');
    expect(await shownNames(page)).toEqual(second);
    await pager.getByTestId('pager-prev').click();
    await expect(pager.getByTestId('pager-status')).toContainText('Trang 1');
    expect(await shownNames(page)).toEqual(first);
    await expect(pager.getByTestId('pager-prev')).toHaveCount(0);

    // "First page" from deep in the list; a filter stays on every page.
    await page.goto('/members?occupation=direct_worker');
    await page.getByTestId('pager').getByTestId('pager-next').click();
    await expect(page).toHaveURL(/occupation=direct_worker/);
    await expect(page.getByTestId('members-table').locator('tbody tr td:nth-child(4)').first()).toHaveText('Công nhân trực tiếp sản xuất');
    await page.getByTestId('pager').getByTestId('pager-first').click();
    await expect(page.getByTestId('pager').getByTestId('pager-status')).toContainText('Trang 1');
    await expect(page).toHaveURL(/occupation=direct_worker/);

    // A forged cursor starts again at the first page.
    await page.goto('/members?after=bm90IGEgY3Vyc29y&n=7');
    await expect(page.getByTestId('pager').getByTestId('pager-status')).toContainText('Trang 1 · 1–50');
    expect(await shownNames(page)).toEqual(first);
  });

  test('[LISTS] a picker finds a cell typed without diacritics, by mouse or keyboard, and the list keeps to it', async ({ page }) => {
    await page.goto('/members');
    const filters = page.getByTestId('member-filters');
    const box = filters.getByRole('combobox', { name: 'Đơn vị, chi bộ' });

    // Keyboard only: type, ↓ to the match, Enter; the combobox says what is active.
    await box.focus();
    await box.pressSequentially('phuong nam');
    const list = page.getByRole('listbox', { name: 'Đơn vị, chi bộ' });
    await expect(list.getByRole('option', { name: optionNamed(CELL) })).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    // The name of the option the combobox points at (the list may still be replaced by the matches of the last letters typed).
    const activeName = async () => {
      const id = await box.getAttribute('aria-activedescendant');
      return id ? page.locator(`[id="${id}"] span`).first().innerText() : '';
    };
    for (let i = 0; i < 30 && (await activeName()) !== CELL; i++) await box.press('ArrowDown');
    expect(await activeName()).toBe(CELL);
    await box.press('Enter');
    await expect(box).toHaveValue(CELL);
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await filters.getByRole('button', { name: 'Lọc' }).click();
    await expect(page).toHaveURL(/unit=\d+/);
    const cells = await page.getByTestId('members-table').locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c.split('\n')[0]).toBe(CELL);
    await expect(box).toHaveValue(CELL);

    // A name nobody has: the picker says so, and offers nothing to choose.
    await box.fill('khong co don vi nao ten the nay');
    await expect(page.getByRole('listbox', { name: 'Đơn vị, chi bộ' })).toContainText('Không tìm thấy');
    await expect(page.getByRole('listbox', { name: 'Đơn vị, chi bộ' }).getByRole('option')).toHaveCount(0);

    // Another ward's cell is in scope for the city; a cell of another district never is.
    await box.fill('');
    await pick(filters, 'Đơn vị, chi bộ', 'tan phu', unitName('TG-MYTHO-P6-TANPHU'));
    await box.fill('chau thanh');
    await expect(page.getByRole('listbox', { name: 'Đơn vị, chi bộ' })).toContainText('Không tìm thấy');
  });

  test('[LISTS] on a phone the member list, its filters, pager and a picker fit the screen', async ({ browser }) => {
    const context = await browser.newContext({ storageState: stateFile(AS.cityLeader), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    await phone.goto('/members');
    await expect(phone.getByTestId('pager')).toBeVisible();
    await expectNoSidewaysScroll(phone);
    const box = phone.getByTestId('member-filters').getByRole('combobox', { name: 'Đơn vị, chi bộ' });
    await box.tap();
    await box.fill('phuong nam');
    await expect(phone.getByRole('option', { name: optionNamed(CELL) })).toBeVisible();
    await expectNoSidewaysScroll(phone);
    await phone.screenshot({ path: path.join(screenshotDir, 'members-phone-picker.png') });
    await phone.getByRole('option', { name: optionNamed(CELL) }).tap();
    await phone.getByTestId('pager').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: path.join(screenshotDir, 'members-phone.png'), fullPage: true });
    await context.close();
  });
});
