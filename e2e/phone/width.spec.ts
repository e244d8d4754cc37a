import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AS, logIn, screenshotDir, sidewaysOverflow, stateFile } from '../helpers';

/** One account of each role and kind of unit in the README's table (the saved ones, and four more). */
const ACCOUNTS: string[] = [...Object.values(AS), 'tinh.viewer', 'mytho.officer', 'dtn.longgiang', 'vietphat.leader'];

/** The links of the header's menu, and the registry's tabs (they lead to pages of the same rank). */
async function navigationOf(page: Page): Promise<string[]> {
  await page.goto('/');
  const main = await page
    .getByTestId('nav-menu')
    .locator('nav a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  await page.goto('/enterprises');
  const registry = await page
    .getByTestId('registry-nav')
    .locator('a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return [...new Set([...main, ...registry])];
}

for (const username of ACCOUNTS) {
  const saved = (Object.values(AS) as string[]).includes(username);
  test.describe(() => {
    // The page fixture (not a new context of the browser), so that the phone's profile applies.
    if (saved) test.use({ storageState: stateFile(username) });
    test(`[PHONE] no page of ${username}'s navigation is wider than the phone`, async ({ page }) => {
      test.setTimeout(180_000);
      if (!saved) await logIn(page, username);
      const pages = await navigationOf(page);
      expect(pages.length).toBeGreaterThanOrEqual(8);
      const wide: string[] = [];
      for (const href of pages) {
        await page.goto(href);
        await expect(page.getByTestId('nav-menu-button')).toBeVisible();
        const extra = await sidewaysOverflow(page);
        if (extra > 0) wide.push(`${href}: ${extra}px too wide`);
      }
      expect(wide).toEqual([]);
    });
  });
}

test.describe(() => {
  test.use({ storageState: stateFile(AS.cityAdmin) });
  test('[PHONE] the menu opens over the page, lists every link on screen, and closes', async ({ page }) => {
    await page.goto('/');
    const menu = page.getByTestId('nav-menu');
    await expect(menu.getByRole('link', { name: 'Người dùng' })).toBeHidden();
    await page.getByTestId('nav-menu-button').click();
    for (const link of await menu.locator('nav a').all()) {
      await expect(link).toBeVisible();
      const box = (await link.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await expect(page.getByTestId('current-user')).toBeVisible();
    await expect(page.getByTestId('logout')).toBeVisible();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshotDir, 'phone-menu-open.png') });
    await page.getByTestId('nav-menu-button').click();
    await expect(menu.getByRole('link', { name: 'Người dùng' })).toBeHidden();
  });
});

test.describe(() => {
  test.use({ storageState: stateFile(AS.cityLeader) });
  test('[PHONE] a search for pasted text without spaces finds nothing on a page no wider than the phone', async ({ page }) => {
    // The longest search the portal reads (100 characters), echoed in the "nothing found" line.
    await page.goto(`/search?q=${'x'.repeat(100)}`);
    await expect(page.getByTestId('search-none')).toBeVisible();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });
});
