import path from 'node:path';
import { expect, test } from '@playwright/test';
import { pick, screenshotDir, signedIn } from './helpers';

test('[REGISTRY] a ward officer registers an enterprise, finds it without diacritics, logs a meeting with the owner and a survey finding', async ({ browser }) => {
  const page = await signedIn(browser, 'p4.officer');
  await page.getByRole('link', { name: 'Doanh nghiệp', exact: true }).click();
  await expect(page.getByTestId('enterprises-table')).toBeVisible();
  await page.screenshot({ path: path.join(screenshotDir, 'enterprises.png'), fullPage: true });
  await page.getByRole('link', { name: 'Đăng ký doanh nghiệp' }).click();

  // A tax code with a wrong check digit and a missing unit are refused beside their fields.
  const form = page.getByTestId('enterprise-form');
  await form.getByLabel('Tên doanh nghiệp').fill('Công ty TNHH Cơ điện Đông Á');
  await form.getByLabel('Mã số thuế').fill('0100233480');
  await form.getByLabel('Loại hình').selectOption({ label: 'Công ty TNHH' });
  await form.getByLabel('Địa chỉ trụ sở').fill('15 Đinh Bộ Lĩnh, Phường 4, TP Mỹ Tho');
  await form.getByLabel('Khu, cụm công nghiệp (nếu có)').fill('Khu công nghiệp Mỹ Tho');
  await form.getByLabel('Số lao động').fill('320');
  await form.getByLabel('Chủ doanh nghiệp', { exact: true }).fill('Nguyễn Đông Á');
  await form.getByLabel('Có công đoàn cơ sở').check();
  await form.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(form.getByTestId('error-taxCode')).toContainText('sai chữ số kiểm tra');
  await expect(form.getByTestId('error-managingUnitId')).toBeVisible();
  await expect(form.getByLabel('Tên doanh nghiệp')).toHaveValue('Công ty TNHH Cơ điện Đông Á');

  await form.getByLabel('Mã số thuế').fill('0100233488');
  await pick(form, 'Đơn vị quản lý (đảng ủy phường, xã, khối…)', 'phuong 4', 'Đảng ủy Phường 4');
  await form.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(page).toHaveURL(/\/enterprises\/\d+$/);
  const url = page.url();
  await expect(page.getByTestId('enterprise-name')).toHaveText('Công ty TNHH Cơ điện Đông Á');
  await expect(page.getByTestId('enterprise-tax-code')).toHaveText('0100233488');
  await expect(page.getByTestId('enterprise-party')).toContainText('Chưa có tổ chức đảng');

  // The list finds it typed without diacritics, and among those without a party organisation.
  await page.goto('/enterprises?q=co%20dien%20dong%20a');
  await expect(page.getByTestId('enterprises-table').locator('tbody tr')).toHaveCount(1);
  await page.goto('/enterprises');
  const filters = page.getByTestId('enterprise-filters');
  await filters.getByLabel('Tổ chức đảng').selectOption({ label: 'Chưa có tổ chức đảng' });
  await filters.getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/party=no/);
  await expect(page.getByTestId('enterprises-table')).toContainText('Công ty TNHH Cơ điện Đông Á');
  await expect(page.getByTestId('enterprises-table')).not.toContainText('Chi bộ Công ty TNHH May Phương Nam');

  // A meeting with the owner, then the city-wide log counts it.
  await page.goto(url);
  await page.locator('summary', { hasText: 'Ghi nhận buổi gặp chủ doanh nghiệp' }).click();
  const meeting = page.getByTestId('meeting-form');
  await meeting.getByLabel('Kết quả').selectOption({ label: 'Chủ doanh nghiệp đồng ý tạo điều kiện thành lập tổ chức đảng' });
  await meeting.getByLabel('Thành phần làm việc').fill('Đảng ủy Phường 4, Công đoàn cơ sở');
  await meeting.getByLabel('Bước tiếp theo').fill('Chuyển sinh hoạt đảng viên về doanh nghiệp');
  await meeting.getByRole('button', { name: 'Ghi nhận buổi gặp chủ doanh nghiệp' }).click();
  await expect(page.getByTestId('enterprise-meetings')).toContainText('Chủ doanh nghiệp đồng ý');
  await page.screenshot({ path: path.join(screenshotDir, 'enterprise.png'), fullPage: true });

  await page.getByRole('link', { name: 'Khảo sát, vận động' }).click();
  await expect(page.getByTestId('meetings-table')).toContainText('Công ty TNHH Cơ điện Đông Á');
  await expect(page.getByTestId('meeting-summary')).toContainText('chủ doanh nghiệp đã đồng ý');

  // A survey round of the ward, with the finding at the new enterprise.
  await page.locator('summary', { hasText: 'Tạo đợt khảo sát' }).click();
  const survey = page.getByTestId('survey-form');
  await survey.getByLabel('Tên đợt khảo sát').fill('Khảo sát doanh nghiệp Phường 4, quý IV');
  await survey.getByLabel('Cơ quan thuế').fill('1');
  await survey.getByLabel('Bảo hiểm xã hội').fill('1');
  await survey.getByRole('button', { name: 'Tạo đợt khảo sát' }).click();
  await expect(page.getByTestId('survey-title')).toHaveText('Khảo sát doanh nghiệp Phường 4, quý IV');
  const finding = page.getByTestId('finding-form');
  await pick(finding, 'Doanh nghiệp', 'co dien dong a', 'Công ty TNHH Cơ điện Đông Á');
  await finding.getByLabel('Đảng viên đang làm việc').fill('3');
  await finding.getByLabel('Thái độ của chủ doanh nghiệp').selectOption({ label: 'Ủng hộ' });
  await finding.getByLabel('Có công đoàn', { exact: true }).check();
  await finding.getByRole('button', { name: 'Ghi kết quả khảo sát một doanh nghiệp' }).click();
  await expect(page.getByTestId('findings-table')).toContainText('Công ty TNHH Cơ điện Đông Á');
  await page.goto(url);
  await expect(page.getByTestId('enterprise-findings')).toContainText('Khảo sát doanh nghiệp Phường 4, quý IV');

  // Another ward cannot open it.
  const other = await signedIn(browser, 'p6.leader');
  expect((await other.goto(url))?.status()).toBe(404);
});
