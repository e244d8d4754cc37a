import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import mammoth from 'mammoth';
import { AS, attachPaper, FIXTURES, referCandidate, screenshotDir, sidewaysOverflow, stateFile, unitName } from './helpers';

/**
 * Issue 15's papers as people use them, run on the desktop (e2e/papers.spec.ts) and on the phone
 * profile (e2e/phone/papers.spec.ts): the Mekong union officer refers a person and attaches the
 * four papers from files (a refused .exe on the way), then submits; the Mekong cell leader opens
 * one inline; the city leader, who decides, downloads the admission decision as .docx.
 */
export function papersScenario(device: 'desktop' | 'phone') {
  const name = `Phạm Thị Giấy Tờ ${device === 'phone' ? 'ĐT' : 'MT'} ${Date.now() % 100000}`;
  let caseUrl = '';
  const shot = (page: Page, what: string) => page.screenshot({ path: path.join(screenshotDir, `papers-${device}-${what}.png`), fullPage: true });

  test.describe.configure({ mode: 'serial' });

  test.describe(() => {
    test.use({ storageState: stateFile(AS.unionOfficer) });
    test(`[PAPERS] ${device}: a union officer attaches the four papers from files (an .exe renamed .pdf refused) and submits`, async ({ page }) => {
      await referCandidate(page, {
        fullName: name,
        birthDate: '12/08/1996',
        sex: 'female',
        workplace: 'Công ty TNHH Thực phẩm Mekong',
        cellTyped: 'mekong',
        cell: unitName('TG-MYTHO-MEKONG'),
        certificateOn: '15/01/2025',
      });
      await expect(page).toHaveURL(/\/cases\/\d+$/);
      caseUrl = new URL(page.url()).pathname;

      // The submit step lists what is missing, by name, before anything is attached.
      const submitBox = page.getByTestId('action-submit');
      await expect(submitBox.getByTestId('missing-papers')).toContainText('Đơn xin vào Đảng (1-KNĐ)');

      // A program renamed to look like a scan is refused, by its content, next to the file field.
      const attach = page.getByTestId('attach-form');
      await page.locator('summary', { hasText: 'Đính kèm tài liệu' }).click();
      await attach.getByLabel('Loại tài liệu').selectOption({ label: 'Đơn xin vào Đảng (1-KNĐ)' });
      await attach
        .getByLabel('Tệp scan, ảnh chụp hoặc bản Word')
        .setInputFiles({ name: 'don.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ\x90\x00\x03', 'latin1'), Buffer.alloc(300)]) });
      await attach.getByRole('button', { name: 'Đính kèm', exact: true }).click();
      await expect(attach.getByTestId('error-files')).toContainText('Tệp “don.pdf” không phải PDF');
      await expect(page.getByTestId('case-paper')).toHaveCount(0);

      await attachPaper(page, 'Giấy chứng nhận bồi dưỡng nhận thức về Đảng', FIXTURES.scanPdf);
      await attachPaper(page, 'Đơn xin vào Đảng (1-KNĐ)', FIXTURES.scanPdf);
      await attachPaper(page, 'Lý lịch người xin vào Đảng (2-KNĐ)', [FIXTURES.phonePhoto, FIXTURES.scanPdf]);
      await attachPaper(page, 'Nghị quyết giới thiệu của đoàn thể (4-KNĐ)', FIXTURES.draftDocx);
      // Two pages of one paper, each with its own link.
      await expect(page.getByTestId('case-paper').nth(2).getByTestId('paper-file')).toHaveCount(2);
      await expect(page.getByTestId('case-paper').nth(2)).toContainText('Trang 2');
      await expect(submitBox.getByTestId('missing-papers')).toHaveCount(0);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, 'attached');

      if ((await submitBox.getAttribute('open')) === null) await submitBox.locator('summary').click();
      await submitBox.getByRole('button', { name: 'Gửi giới thiệu lên chi bộ' }).click();
      await expect(page.getByTestId('case-state')).toHaveText('Đã giới thiệu, chờ chi bộ tiếp nhận');
    });
  });

  test.describe(() => {
    test.use({ storageState: stateFile(AS.cellLeader) });
    test(`[PAPERS] ${device}: the cell leader opens a paper's file in the browser`, async ({ page, context }) => {
      expect(caseUrl).not.toBe('');
      await page.goto(caseUrl);
      const paper = page.getByTestId('case-paper').filter({ hasText: 'Lý lịch người xin vào Đảng (2-KNĐ)' });
      await expect(paper).toContainText('Mai Văn Tâm');
      const photo = paper.getByTestId('paper-file').filter({ hasText: 'anh-chup-ly-lich.jpg' });
      const [opened] = await Promise.all([context.waitForEvent('page'), photo.click()]);
      await opened.waitForLoadState();
      expect(new URL(opened.url()).pathname).toMatch(/^\/cases\/\d+\/files\/\d+$/);
      // The browser shows the photo itself (an image document), not a download.
      await expect(opened.locator('img')).toBeVisible();
      expect(await opened.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(900);
      await opened.close();
      // The PDF is served to be shown inline too, under its own name, never sniffed.
      const href = (await page.getByTestId('case-paper').filter({ hasText: 'Đơn xin vào Đảng (1-KNĐ)' }).getByTestId('paper-file').getAttribute('href'))!;
      const response = await page.request.get(href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/pdf');
      expect(response.headers()['content-disposition']).toMatch(/^inline; filename="don-xin-vao-dang\.pdf"/);
      expect(response.headers()['x-content-type-options']).toBe('nosniff');
      await shot(page, 'cell');
    });
  });

  test.describe(() => {
    test.use({ storageState: stateFile(AS.cityLeader) });
    test(`[PAPERS] ${device}: the deciding level downloads the admission decision as an editable .docx`, async ({ page }) => {
      await page.goto('/cases?q=phan thi yen nhi');
      await page.getByRole('link', { name: 'Phan Thị Yến Nhi' }).first().click();
      await expect(page.getByTestId('case-name')).toHaveText('Phan Thị Yến Nhi');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('form-admission_decision').click()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const file = await download.path();
      const { value } = await mammoth.extractRawText({ path: file });
      expect(value).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(value).toContain('Phan Thị Yến Nhi');
      expect(value).toMatch(/QUYẾT ĐỊNH/);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, 'decider');
    });
  });
}
