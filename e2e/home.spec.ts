import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AS, hydrated, screenshotDir, signedIn, stateFile } from './helpers';

const PHUONG_NAM = 'Công ty TNHH May Phương Nam';

/** The steps the home page shows or counts equal the inbox badge in the navigation. */
async function expectInboxAccounted(page: Page) {
  const work = page.getByTestId('home-work');
  await expect(work).toBeVisible();
  const badge = Number(await page.getByTestId('inbox-count').innerText());
  expect(badge).toBeGreaterThan(0);
  await expect(page.getByTestId('home-work-empty')).toHaveCount(0);
  const shown = await work.getByTestId('home-case').count();
  const laterText = (await work.getByTestId('home-later').count()) ? await work.getByTestId('home-later').innerText() : '0';
  const later = Number(laterText.replace(/\D/g, '') || 0);
  expect(shown + later).toBe(badge);
  // Overdue ones come first, under their own heading.
  if (await work.getByTestId('home-overdue').count()) await expect(work.getByTestId('home-overdue').getByText('Quá hạn').first()).toBeVisible();
}

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: path.join(screenshotDir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(screenshotDir, `${name}-phone.png`), fullPage: true });
  // Nothing wider than the phone's screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1366, height: 768 });
}

test.describe('[HOME] the home page says what to do next', () => {
  test.describe(() => {
    test.use({ storageState: stateFile(AS.cityLeader) });
    test('[HOME] a leader sees the steps awaiting the city, overdue first, and opens one', async ({ page }) => {
      await page.goto('/');
      await expectInboxAccounted(page);
      await expect(page.getByTestId('home-progress')).toBeVisible();
      await expect(page.getByTestId('home-cases')).toBeVisible();
      await expect(page.getByTestId('home-unit-name')).toHaveText('Thành ủy Mỹ Tho');
      await shoot(page, 'home-leader');
      const first = page.getByTestId('home-work').getByTestId('home-case').first();
      const name = await first.innerText();
      await first.click();
      await expect(page).toHaveURL(/\/cases\/\d+$/);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    });
  });

  test('[HOME] a cell leader sees the steps awaiting the cell', async ({ browser }) => {
    const page = await signedIn(browser, 'cb.phuongnam');
    await page.goto('/');
    await expectInboxAccounted(page);
    await expect(page.getByTestId('home-referrals')).toHaveCount(0);
    await shoot(page, 'home-cell');
    await page.context().close();
  });

  test('[HOME] a union officer sees their referrals, where they stand, and their enterprise’s figures', async ({ browser }) => {
    const page = await signedIn(browser, 'cd.phuongnam');
    await page.goto('/');
    await expect(page.getByTestId('home-refer')).toBeVisible();
    const referrals = page.getByTestId('home-referrals');
    await expect(referrals.getByTestId('home-case').first()).toBeVisible();
    await expect(referrals.getByTestId('home-stages').getByRole('link').first()).toBeVisible();
    const enterprise = page.getByTestId('home-enterprise');
    await expect(enterprise.getByRole('link', { name: PHUONG_NAM })).toBeVisible();
    await expect(enterprise.getByTestId('home-enterprise-figures')).toContainText(/^1 doanh nghiệp · [1-9]\d* đảng viên/);
    await shoot(page, 'home-union');

    // Its dashboard counts the enterprise (it was all zeros).
    await page.goto('/reports');
    await expect(page.getByTestId('h-enterprises')).toHaveText('1');

    // Its member list no longer points at a button it does not have.
    await page.goto('/members');
    await expect(page.getByRole('link', { name: 'Thêm đảng viên' })).toHaveCount(0);
    await expect(page.getByText('Bấm “Thêm đảng viên”')).toHaveCount(0);
    await expect(page.getByText('Công đoàn, đoàn thanh niên không quản lý đảng viên')).toBeVisible();
    await page.context().close();
  });
});

test.describe('[SEARCH] one search from every page, by keyboard', () => {
  test.use({ storageState: stateFile(AS.cityLeader) });

  test('[SEARCH] "/" focuses the header search (not while typing), Enter shows the four kinds', async ({ page }) => {
    await page.goto('/members');
    await hydrated(page);
    const header = page.locator('#header-search');
    // "/" typed into another field stays there.
    const listSearch = page
      .getByRole('search')
      .filter({ hasNot: page.locator('#header-search') })
      .locator('input[name=q]')
      .first();
    await listSearch.click();
    await page.keyboard.type('a/b');
    await expect(listSearch).toHaveValue('a/b');
    await expect(header).not.toBeFocused();
    // Elsewhere, "/" jumps to the search box.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect(header).toBeFocused();
    await page.keyboard.type('phuong nam');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=phuong\+nam/);
    await expect(page.getByTestId('search-enterprises').getByRole('link', { name: PHUONG_NAM })).toBeVisible();
    await expect(page.getByTestId('search-units').getByRole('link', { name: `Chi bộ ${PHUONG_NAM}` })).toBeVisible();
    await expect(page.getByTestId('search-members')).toBeVisible();
    await expect(page.getByTestId('search-cases')).toBeVisible();
    await shoot(page, 'search');

    // Ctrl+K works from inside a field too; a common name says there is more and leads to the list's own search.
    await page.getByTestId('search-q').click();
    await page.keyboard.press('Control+k');
    await expect(header).toBeFocused();
    await page.keyboard.type('nguyen');
    await page.keyboard.press('Enter');
    const members = page.getByTestId('search-members');
    await expect(members.getByTestId('search-hit').first()).toContainText('Nguyễn');
    await members.getByTestId('search-members-more').click();
    await expect(page).toHaveURL(/\/members\?q=nguyen/);
  });
});
