import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AS, account, hydrated, idFromLink, pick, stateFile, unitName } from './helpers';

/** Where the screenshots of this branch go (looked at by hand; see the notes). */
const shots = process.env.SHOTS_DIR ?? path.join(import.meta.dirname, 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };

/** Today in Vietnam, as officials type it. */
const today = () => {
  const [y, m, d] = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
};

/** Nothing of the page's own content (below the navigation) is wider than the viewport. */
async function fitsWidth(page: Page, testIds: string[]) {
  const width = page.viewportSize()!.width;
  for (const id of testIds) {
    const boxes = await page.getByTestId(id).evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
    for (const b of boxes) expect(b.right, `${id} fits in ${width} px`).toBeLessThanOrEqual(width + 0.5);
  }
}

test.describe(() => {
  test.use({ storageState: stateFile(AS.otherDistrictAdmin) });

  test('[AUDIT] an admin filters the log by who, what and when, and reads the change as named fields with old and new values', async ({ page }) => {
    const TANHUONG = unitName('TG-CHAUTHANH-TANHUONG');
    const note = `Ghi chú kiểm tra nhật ký ${Date.now()}`;
    const admin = account(AS.otherDistrictAdmin);

    await test.step('a change: the admin writes a note on a unit', async () => {
      await page.goto('/');
      await page.goto(`/units/${await idFromLink(page, TANHUONG)}`);
      await hydrated(page);
      const card = page.getByTestId('unit-update');
      await card.getByLabel('Ghi chú').fill(note);
      await card.locator('button[type=submit]').click();
      await expect(card.getByTestId('form-success')).toBeVisible();
    });

    await test.step('the log, filtered by who, what and the day', async () => {
      await page.goto('/audit');
      await hydrated(page);
      const filters = page.getByTestId('audit-filters');
      await pick(filters, 'Người thực hiện', 'nguyen huu', admin.fullName);
      await filters.getByLabel('Thao tác').selectOption({ label: 'Sửa, đổi tên đơn vị' });
      await pick(filters, 'Đơn vị (cả các đơn vị trực thuộc)', 'tan huong', TANHUONG);
      await filters.getByLabel('Từ ngày').fill(today());
      await filters.getByLabel('Đến ngày').fill(today());
      await filters.getByRole('button', { name: 'Lọc' }).click();
      await expect(page).toHaveURL(/[?&]action=unit\.update/);
      await expect(page).toHaveURL(/[?&]actor=\d+/);
      await expect(page).toHaveURL(/[?&]unit=\d+/);
      const entries = page.getByTestId('audit-entry');
      await expect(entries.first()).toBeVisible();
      // Every entry is the chosen action by the chosen person.
      for (const e of await entries.all()) {
        await expect(e).toContainText('Sửa, đổi tên đơn vị');
        await expect(e).toContainText(admin.fullName);
      }
      // The newest: the note, by its Vietnamese name, with the old and the new value.
      const row = entries.first().locator('tr[data-field=description]');
      await expect(row.locator('th')).toHaveText('Ghi chú');
      await expect(row.locator('td').nth(1)).toHaveText(note);
      await expect(entries.first()).toContainText(TANHUONG);
      await expect(entries.first()).not.toContainText('description');
      // Vietnamese text is not set in a monospace font (its marks render detached there).
      const font = await row
        .locator('td')
        .nth(1)
        .evaluate((el) => getComputedStyle(el).fontFamily);
      expect(font).not.toMatch(/mono/i);
      // The filter is kept in the form.
      await expect(filters.getByRole('combobox', { name: 'Người thực hiện' })).toHaveValue(admin.fullName);
      await expect(filters.getByLabel('Từ ngày')).toHaveValue(today());
      for (const viewport of [DESKTOP, PHONE]) {
        await page.setViewportSize(viewport);
        await fitsWidth(page, ['audit-filters', 'audit-entry']);
        await page.screenshot({ path: path.join(shots, `audit-${viewport.width}.png`), fullPage: true });
      }
      await page.setViewportSize(DESKTOP);
    });

    await test.step('a period with nothing in it says so; a date it cannot read is named', async () => {
      await page.goto('/audit?to=01/01/2000');
      await expect(page.getByTestId('audit-empty')).toHaveText('Không có thay đổi nào khớp bộ lọc.');
      await page.goto('/audit?from=31/02/2026');
      await expect(page.getByTestId('audit-filters')).toContainText('Ngày không đọc được: “31/02/2026”');
    });
  });
});

test.describe(() => {
  test.use({ storageState: stateFile(AS.cityAdmin) });

  test("[AUDIT] an admin sees who opened which person's record", async ({ page }) => {
    const admin = account(AS.cityAdmin);
    await page.goto('/members');
    const first = page.getByTestId('members-table').getByRole('link').first();
    const person = (await first.textContent())!.trim();
    await first.click();
    await expect(page).toHaveURL(/\/members\/\d+$/);

    await page.goto('/audit/access');
    await hydrated(page);
    const filters = page.getByTestId('access-filters');
    await pick(filters, 'Người xem', 'pham thi thu', admin.fullName);
    await filters.getByLabel('Từ ngày').fill(today());
    await filters.getByRole('button', { name: 'Lọc' }).click();
    await expect(page).toHaveURL(/[?&]user=\d+/);
    const entry = page.getByTestId('access-entry').first();
    await expect(entry).toContainText(admin.fullName);
    await expect(entry).toContainText(person);
    // The person's name narrows the list to their record.
    await entry.getByRole('link', { name: person }).click();
    await expect(page.getByTestId('access-person-filter')).toContainText(person);
    for (const e of await page.getByTestId('access-entry').all()) await expect(e).toContainText(person);
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      await fitsWidth(page, ['access-filters', 'access-entry']);
      await page.screenshot({ path: path.join(shots, `audit-access-${viewport.width}.png`), fullPage: true });
    }
  });
});
