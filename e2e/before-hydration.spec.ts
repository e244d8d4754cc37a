import { expect, test, type Page, type Route } from '@playwright/test';
import { AS, DEMO_PASSWORD, hydrated, idFromLink, stateFile, unitName } from './helpers';

/**
 * An official on a slow phone types before the page's scripts have loaded. The test holds every
 * script of the page back (as a slow network would) and checks that what was typed is kept and
 * saved: sent by the browser itself while no script runs, or by the enhanced form once they do.
 */
function holdScripts(page: Page): { release: () => Promise<void> } {
  const held: Route[] = [];
  let holding = true;
  const handler = (route: Route) => {
    if (holding) held.push(route);
    else void route.continue();
  };
  void page.route(/\/_next\/static\/.*\.js(\?.*)?$/, handler);
  return {
    async release() {
      holding = false;
      await Promise.all(held.splice(0).map((r) => r.continue().catch(() => undefined)));
    },
  };
}

const scriptsRan = (page: Page) => page.evaluate(() => Boolean((window as unknown as { next?: unknown }).next));

test('[HYDRATION] a login typed and sent before any script ran signs in', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const scripts = holdScripts(page);
  await page.goto('/login', { waitUntil: 'domcontentloaded' });
  await page.locator('input[name=username]').fill(AS.cityLeader);
  await page.locator('input[name=password]').fill(DEMO_PASSWORD);
  expect(await scriptsRan(page)).toBe(false);
  await page.getByTestId('login-form').locator('button[type=submit]').click();
  // The browser posted the form itself; the server signed in and sent the home page.
  await expect(page).toHaveURL('/');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await scripts.release();
});

test('[HYDRATION] a login typed while the scripts load is kept when they arrive, and sent by the enhanced form', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const scripts = holdScripts(page);
  await page.goto('/login', { waitUntil: 'domcontentloaded' });
  await page.locator('input[name=username]').fill(AS.cityLeader);
  await page.locator('input[name=password]').fill(DEMO_PASSWORD);
  await scripts.release();
  await hydrated(page);
  expect(await scriptsRan(page)).toBe(true);
  await expect(page.locator('input[name=username]')).toHaveValue(AS.cityLeader);
  await expect(page.locator('input[name=password]')).toHaveValue(DEMO_PASSWORD);
  await page.getByTestId('login-form').locator('button[type=submit]').click();
  await expect(page).toHaveURL('/');
  await expect(page.getByTestId('current-user')).toBeVisible();
});

test.describe(() => {
  test.use({ storageState: stateFile(AS.cityAdmin) });

  test('[HYDRATION] a unit form filled and sent before any script ran saves the unit; a refusal marks its field and keeps the rest', async ({ page }) => {
    await page.goto('/');
    const wardId = await idFromLink(page, unitName('TG-MYTHO-P6'));
    const name = `Chi bộ Công ty TNHH Gốm Sứ Chợ Gạo ${Date.now() % 100000}`;

    const scripts = holdScripts(page);
    await page.goto(`/units/${wardId}`, { waitUntil: 'domcontentloaded' });
    const card = page.getByTestId('unit-create');
    // First without a name: the server's answer marks the name and keeps the kind and the date typed.
    await card.locator('select[name=kind]').selectOption('cell');
    await card.locator('input[name=effectiveOn]').fill('02/11/2026');
    expect(await scriptsRan(page)).toBe(false);
    await card.locator('button[type=submit]').click();
    await expect(card.getByTestId('error-name')).toBeVisible();
    await expect(card.locator('select[name=kind]')).toHaveValue('cell');
    await expect(card.locator('input[name=effectiveOn]')).toHaveValue('02/11/2026');

    await card.locator('input[name=name]').fill(name);
    expect(await scriptsRan(page)).toBe(false);
    await card.locator('button[type=submit]').click();
    await expect(card.getByTestId('form-success')).toHaveText('Đã thêm đơn vị.');
    await scripts.release();
    await page.goto(`/units/${wardId}?q=${encodeURIComponent(name)}`);
    await expect(page.getByRole('link', { name })).toHaveCount(1);
  });
});
