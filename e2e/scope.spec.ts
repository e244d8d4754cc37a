import { expect, test, type Page } from '@playwright/test';
import { account, AS, idFromLink, pageAs, stateFile, unitName } from './helpers';

const WARD4 = unitName('TG-MYTHO-P4');
const WARD6 = unitName('TG-MYTHO-P6');
const WARD6_CELL = unitName('TG-MYTHO-P6-TANPHU');

async function expectNotFound(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toHaveText('Không tìm thấy.');
  await expect(page.getByTestId('unit-name')).toHaveCount(0);
  await expect(page.getByTestId('user-name')).toHaveCount(0);
}

test.describe(() => {
  test.use({ storageState: stateFile(AS.ward4Leader) });

  test('[SCOPE] a ward leader cannot open another ward or its cells by URL', async ({ page, browser }) => {
    // The ids, as the city admin (who may see both wards) finds them.
    const admin = await pageAs(browser, AS.cityAdmin);
    await admin.goto('/');
    const ward4Id = await idFromLink(admin, WARD4);
    const ward6Id = await idFromLink(admin, WARD6);
    await admin.goto(`/units/${ward6Id}`);
    const ward6CellId = await idFromLink(admin, WARD6_CELL);
    const cityId = await admin
      .getByTestId('breadcrumb')
      .getByRole('link', { name: unitName('TG-MYTHO') })
      .getAttribute('href');
    await admin.context().close();

    // Own ward: visible.
    await page.goto(`/units/${ward4Id}`);
    await expect(page.getByTestId('unit-name')).toHaveText(WARD4);

    // The neighbouring ward, one of its cells, and the city above: "not found", nothing leaked.
    await expectNotFound(page, `/units/${ward6Id}`);
    await expect(page.getByText(WARD6)).toHaveCount(0);
    await expectNotFound(page, `/units/${ward6CellId}`);
    await expectNotFound(page, cityId ?? '/units/0');
    // A made-up id looks the same as an existing one out of scope.
    await expectNotFound(page, '/units/999999');
  });

  test('[SCOPE] a non-admin opening a forged /users/<id> gets "not found"', async ({ page, browser }) => {
    // The id of an officer in the leader's own ward, as an admin sees it.
    const officer = account('p4.officer');
    const admin = await pageAs(browser, AS.cityAdmin);
    await admin.goto('/users');
    const officerId = await idFromLink(admin, officer.fullName);
    const ownId = await idFromLink(admin, account(AS.ward4Leader).fullName);
    await admin.context().close();

    // No "Users" menu for a leader, and every user page answers "not found".
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Người dùng' })).toHaveCount(0);
    await expectNotFound(page, `/users/${officerId}`);
    await expect(page.getByText(officer.username)).toHaveCount(0);
    await expectNotFound(page, `/users/${ownId}`);
    await expectNotFound(page, '/users');
    await expectNotFound(page, '/users/new');
  });
});

test.describe(() => {
  test.use({ storageState: stateFile(AS.otherDistrictAdmin) });

  test('[SCOPE] an admin of another district cannot open Mỹ Tho users or units by URL', async ({ page, browser }) => {
    const admin = await pageAs(browser, AS.cityAdmin);
    await admin.goto('/users');
    const officerId = await idFromLink(admin, account('p4.officer').fullName);
    await admin.goto('/');
    const ward4Id = await idFromLink(admin, WARD4);
    await admin.context().close();

    await expectNotFound(page, `/users/${officerId}`);
    await expectNotFound(page, `/units/${ward4Id}`);
    // Their own users list holds only their own district.
    await page.goto('/users');
    await expect(page.getByTestId('users-table')).toContainText('chauthanh.admin');
    await expect(page.getByTestId('users-table')).not.toContainText('p4.officer');
  });
});
