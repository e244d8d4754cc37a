import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AS, hydrated, idFromLink, pageAs, pick, screenshotDir, stateFile, unitName } from './helpers';

const CITY = unitName('TG-MYTHO');
const WARD4 = unitName('TG-MYTHO-P4');
const WARD6 = unitName('TG-MYTHO-P6');
const CELL = unitName('TG-MYTHO-P4-PHUONGNAM'); // Chi bộ Công ty TNHH May Phương Nam
const MOVE_TARGET = 'Chuyển về trực thuộc';

/** Move the unit shown on `page` under the unit named `parent` (found by typing `typed`) through the move card and its dialog. */
async function moveThroughUi(page: Page, typed: string, parent: string) {
  await hydrated(page);
  const card = page.getByTestId('unit-move');
  await pick(card, MOVE_TARGET, typed, parent);
  await expect(card.locator('input[name=effectiveOn]')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await card.locator('button[type=submit]').click();
  const dialog = card.getByTestId('confirm-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(CELL);
  await dialog.getByRole('button', { name: 'Đồng ý' }).click();
  await expect(card.getByTestId('form-success')).toBeVisible();
}

test.describe(() => {
  test.use({ storageState: stateFile(AS.cityAdmin) });

  test('[UNITS] a city admin moves a cell from Phường 4 to Phường 6; the wards see the change', async ({ page, browser }) => {
    await page.goto('/');
    const ward4Id = await idFromLink(page, WARD4);
    await page.goto(`/units/${ward4Id}`);
    const cellId = await idFromLink(page, CELL);

    await test.step('the unit page shows the admin cards', async () => {
      await page.goto(`/units/${cellId}`);
      await expect(page.getByTestId('unit-name')).toHaveText(CELL);
      await expect(page.getByTestId('breadcrumb')).toHaveText(`${CITY}›${WARD4}›${CELL}`);
      for (const card of ['unit-create', 'unit-update', 'unit-move', 'unit-merge', 'unit-dissolve']) {
        await expect(page.getByTestId(card)).toBeVisible();
      }
      await page.screenshot({ path: path.join(screenshotDir, 'unit-admin.png'), fullPage: true });
    });

    await test.step('cancelling the confirmation changes nothing', async () => {
      await hydrated(page);
      const card = page.getByTestId('unit-move');
      await pick(card, MOVE_TARGET, 'phuong 6', WARD6);
      await card.locator('button[type=submit]').click();
      await card.getByTestId('confirm-dialog').getByRole('button', { name: 'Hủy' }).click();
      await expect(card.getByTestId('confirm-dialog')).toBeHidden();
      await page.reload();
      await expect(page.getByTestId('breadcrumb')).toHaveText(`${CITY}›${WARD4}›${CELL}`);
    });

    await test.step('move to Phường 6 (select, confirm, success)', async () => {
      await moveThroughUi(page, 'phuong 6', WARD6);
      await page.reload();
      await expect(page.getByTestId('breadcrumb')).toHaveText(`${CITY}›${WARD6}›${CELL}`);
      await expect(page.getByTestId('unit-history')).toContainText(WARD6);
    });

    await test.step('Phường 4 no longer sees the cell', async () => {
      const p4 = await pageAs(browser, AS.ward4Leader);
      await p4.goto('/');
      await expect(p4.getByTestId('children-table')).toContainText(unitName('TG-MYTHO-P4-KP3'));
      await expect(p4.getByTestId('children-table')).not.toContainText(CELL);
      await p4.goto(`/units/${cellId}`);
      await expect(p4.getByTestId('not-found')).toBeVisible();
      await p4.context().close();
    });

    await test.step('Phường 6 does', async () => {
      const p6 = await pageAs(browser, AS.ward6Leader);
      await p6.goto('/');
      await expect(p6.getByTestId('children-table')).toContainText(CELL);
      await p6.goto(`/units/${cellId}`);
      await expect(p6.getByTestId('unit-name')).toHaveText(CELL);
      await expect(p6.getByTestId('breadcrumb')).toHaveText(`${WARD6}›${CELL}`);
      await p6.context().close();
    });

    await test.step('move it back (the database is left as seeded)', async () => {
      await page.reload();
      await moveThroughUi(page, 'phuong 4', WARD4);
      await page.reload();
      await expect(page.getByTestId('breadcrumb')).toHaveText(`${CITY}›${WARD4}›${CELL}`);
    });
  });
});
