import { expect, test } from '@playwright/test';
import { AS, hydrated, logIn, pick, ROLE_VI, stateFile, unitName } from './helpers';

const WARD4 = unitName('TG-MYTHO-P4');

test.describe(() => {
  test.use({ storageState: stateFile(AS.cityAdmin) });

  test('[USERS] an admin creates a user, changes their role, and the user is signed out at once', async ({ page, browser }) => {
    const username = `e2e.${Date.now().toString(36)}`;
    const fullName = 'Nguyễn Thị Thử Nghiệm';
    const password = 'ThuNghiem@2026';

    await test.step('create the user in Phường 4 as a viewer', async () => {
      await page.goto('/users/new');
      await hydrated(page);
      const form = page.getByTestId('user-create');
      await form.locator('input[name=fullName]').fill(fullName);
      await form.locator('input[name=username]').fill(username);
      await pick(form, 'Đơn vị', 'phuong 4', WARD4);
      await form.locator('select[name=role]').selectOption('viewer');
      await form.locator('input[name=password]').fill(password);
      await form.locator('button[type=submit]').click();
      await expect(page).toHaveURL(/\/users\/\d+\?created=1$/);
      await expect(page.getByTestId('user-name')).toHaveText(fullName);
      await expect(page.getByText(username, { exact: true })).toBeVisible();
    });

    // The new user, in a browser of their own (not the admin's cookies this file's tests use).
    const userContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const userPage = await userContext.newPage();

    await test.step('the new user logs in and sees their unit as a viewer', async () => {
      await logIn(userPage, username, password);
      await expect(userPage.getByTestId('home-unit-name')).toHaveText(WARD4);
      await expect(userPage.getByTestId('home-role')).toHaveText(ROLE_VI.viewer);
    });

    await test.step('the admin makes them a leader', async () => {
      await page.reload();
      await hydrated(page);
      const form = page.getByTestId('user-edit');
      await form.locator('select[name=role]').selectOption('leader');
      await form.locator('button[type=submit]').click();
      await expect(form.getByTestId('form-success')).toBeVisible();
      await page.reload();
      await expect(page.getByTestId('user-edit').locator('select[name=role]')).toHaveValue('leader');
    });

    await test.step('the user is sent to the login page at their next request', async () => {
      await userPage.goto('/');
      await expect(userPage).toHaveURL(/\/login\?expired=1$/);
      await expect(userPage.getByTestId('session-expired')).toBeVisible();
      await userPage.goto('/units/1');
      await expect(userPage).toHaveURL(/\/login/);
      await expect(userPage.getByTestId('unit-name')).toHaveCount(0);
    });

    await test.step('logging in again gives the new role', async () => {
      await logIn(userPage, username, password);
      await expect(userPage.getByTestId('home-role')).toHaveText(ROLE_VI.leader);
    });
    await userContext.close();
  });
});
