import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { account, AS, DEMO_PASSWORD, hydrated, logIn, ROLE_VI, screenshotDir, stateFile, submitLogin, unitName, WRONG_LOGIN, type Username } from './helpers';

mkdirSync(screenshotDir, { recursive: true });

/** What each role sees on its home page: its own unit as the root, and a known unit below it. */
const HOMES: { username: Username; label: string; child: string | null }[] = [
  { username: AS.provinceAdmin, label: 'province admin', child: unitName('TG-MYTHO') },
  { username: AS.cityLeader, label: 'city leader', child: unitName('TG-MYTHO-P4') },
  { username: AS.ward4Leader, label: 'ward leader', child: unitName('TG-MYTHO-P4-KP3') },
  { username: AS.cellLeader, label: 'cell leader', child: unitName('TG-DTN-MEKONG') },
  { username: AS.unionOfficer, label: 'union branch officer', child: null },
  { username: AS.blocAdmin, label: 'bloc admin', child: unitName('TG-KHOIDN-GOCONG') },
];

for (const { username, label, child } of HOMES) {
  test.describe(() => {
    test.use({ storageState: stateFile(username) });

    test(`[AUTH] ${label} (${username}) sees their own unit, role and breadcrumb`, async ({ page }) => {
      const me = account(username);
      const myUnit = unitName(me.unitCode);
      await page.goto('/');
      await expect(page.getByTestId('current-user')).toContainText(me.fullName);
      await expect(page.getByTestId('home-unit-name')).toHaveText(myUnit);
      await expect(page.getByTestId('home-role')).toHaveText(ROLE_VI[me.role]);
      // The breadcrumb starts at the user's own unit: nothing above it is shown.
      await expect(page.getByTestId('breadcrumb')).toHaveText(myUnit);
      if (child) {
        await expect(page.getByTestId('children-table')).toContainText(child);
      } else {
        await expect(page.getByTestId('children-empty')).toBeVisible();
      }
      if (username === AS.provinceAdmin) {
        await page.screenshot({ path: path.join(screenshotDir, 'home-province-admin.png'), fullPage: true });
      }
    });
  });
}

test('[AUTH] login page renders in Vietnamese', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await expect(page.getByLabel('Tên đăng nhập')).toBeVisible();
  await expect(page.getByLabel('Mật khẩu')).toBeVisible();
  await page.screenshot({ path: path.join(screenshotDir, 'login.png'), fullPage: true });
});

test('[AUTH] a deep link survives the login; a link that points off the site lands on the home page', async ({ page }) => {
  await page.goto('/members?q=nguyen');
  await expect(page).toHaveURL(/\/login\?next=%2Fmembers%3Fq%3Dnguyen$/);
  await hydrated(page);
  await page.locator('input[name=username]').fill(AS.ward4Leader);
  await page.locator('input[name=password]').fill(DEMO_PASSWORD);
  await page.getByTestId('login-form').locator('button[type=submit]').click();
  await expect(page).toHaveURL(/\/members\?q=nguyen$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.context().clearCookies();
  await page.goto('/login?next=%2F%2Fevil.example%2Fx');
  await hydrated(page);
  await page.locator('input[name=username]').fill(AS.ward4Leader);
  await page.locator('input[name=password]').fill(DEMO_PASSWORD);
  await page.getByTestId('login-form').locator('button[type=submit]').click();
  await expect(page).toHaveURL(/^http:\/\/[^/]+\/$/);
});

test('[AUTH] production headers: a nonce-based script policy without unsafe-inline, and the session cookie is Secure', async ({ page }) => {
  const response = await page.goto('/login');
  const csp = response?.headers()['content-security-policy'] ?? '';
  const scriptSrc =
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src')) ?? '';
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(scriptSrc).not.toContain('unsafe-eval');
  // Next's own scripts carry the nonce in the HTML (browsers hide it from the DOM), so the page works: the form hydrates and logs in.
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
  expect((await response!.text()).split(`nonce="${nonce}"`).length - 1).toBeGreaterThan(0);
  const second = await page.goto('/login');
  expect(second?.headers()['content-security-policy']).not.toContain(nonce);
  await logIn(page, 'tinh.viewer', DEMO_PASSWORD);
  const session = (await page.context().cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(session?.name).toBe('__Secure-authjs.session-token');
  expect(session?.secure).toBe(true);
  expect(session?.httpOnly).toBe(true);
});

test('[AUTH] someone guessing an official’s password locks out new browsers, never the official’s own', async ({ browser }) => {
  const own = await browser.newContext();
  const ownPage = await own.newPage();
  await logIn(ownPage, 'p1.leader');
  await ownPage.getByTestId('logout').click();
  await expect(ownPage).toHaveURL(/\/login$/);

  const other = await browser.newContext();
  const guesser = await other.newPage();
  for (let i = 0; i < 5; i++) {
    await submitLogin(guesser, 'p1.leader', `DoanBua@${i}`);
    await expect(guesser.getByTestId('form-error')).toHaveText(WRONG_LOGIN);
  }
  await submitLogin(guesser, 'p1.leader', DEMO_PASSWORD);
  await expect(guesser.getByTestId('form-error')).toContainText('Đăng nhập sai quá');

  // The official's own browser signed in before: it still gets in.
  await logIn(ownPage, 'p1.leader');
  await expect(ownPage.getByTestId('home-role')).toBeVisible();
  await own.close();
  await other.close();
});

test('[AUTH] a wrong password is refused with the generic message, then the right one works', async ({ page }) => {
  await submitLogin(page, 'tinh.viewer', 'SaiMatKhau@1');
  await expect(page.getByTestId('form-error')).toHaveText(WRONG_LOGIN);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator('input[name=username]')).toHaveValue('tinh.viewer');
  // A successful login also clears the failure count (reruns stay below the lock-out).
  await logIn(page, 'tinh.viewer', DEMO_PASSWORD);
  await expect(page.getByTestId('home-role')).toHaveText(ROLE_VI.viewer);
});

test('[AUTH] an unknown username gets the same message as a wrong password', async ({ page }) => {
  await submitLogin(page, `khong.co.${Date.now().toString(36)}`, DEMO_PASSWORD);
  await expect(page.getByTestId('form-error')).toHaveText(WRONG_LOGIN);
  await expect(page).toHaveURL(/\/login$/);
});

test('[AUTH] empty fields are reported next to each field', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-form').locator('button[type=submit]').click();
  await expect(page.getByTestId('error-username')).toBeVisible();
  await expect(page.getByTestId('error-password')).toBeVisible();
});

test('[AUTH] the language switch shows English and back on the login page', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect(page.getByTestId('language-switch')).toHaveText('Tiếng Việt');
  await submitLogin(page, 'tinh.viewer', 'wrong-password');
  await expect(page.getByTestId('form-error')).toHaveText('Wrong username or password.');

  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await expect(page.getByTestId('language-switch')).toHaveText('English');
  await logIn(page, 'tinh.viewer'); // clears the failure just made
});

test.describe(() => {
  test.use({ storageState: stateFile(AS.provinceAdmin) });

  test('[AUTH] the language switch translates the portal and back', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('home-role')).toHaveText(ROLE_VI.admin);
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('home-role')).toHaveText('Administrator');
    await expect(page.getByTestId('logout')).toHaveText('Log out');
    // Unit names are data, not interface text: unchanged.
    await expect(page.getByTestId('home-unit-name')).toHaveText(unitName('TG'));
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('home-role')).toHaveText(ROLE_VI.admin);
    await expect(page.getByTestId('logout')).toHaveText('Đăng xuất');
  });
});

test('[AUTH] logout returns to the login page and the portal is closed afterwards', async ({ page }) => {
  await logIn(page, 'mytho.officer');
  await expect(page.getByTestId('home-role')).toHaveText(ROLE_VI.officer);
  const kept = await page.context().cookies();
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login$/);
  // A copy of the old cookie no longer opens anything: the session ended on the server.
  await page.context().addCookies(kept);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?expired=1$/);
  await expect(page.getByTestId('session-expired')).toBeVisible();
  await page.context().clearCookies();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/users');
  await expect(page).toHaveURL(/\/login\?next=%2Fusers$/);
});
