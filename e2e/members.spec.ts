import path from 'node:path';
import { expect, test } from '@playwright/test';
import { pick, screenshotDir, signedIn } from './helpers';

test('[MEMBERS] a cell registers a member (a same-name twin needs a confirmation), transfers them, and the receiving cell takes them in', async ({ browser }) => {
  const sender = await signedIn(browser, 'cb.phuongnam');
  await sender.getByRole('link', { name: 'Đảng viên', exact: true }).click();
  await expect(sender.getByTestId('members-table')).toBeVisible();
  await sender.getByRole('link', { name: 'Thêm đảng viên' }).click();
  const form = sender.getByTestId('member-form');
  const fill = async (name: string) => {
    await form.getByLabel('Họ và tên').fill(name);
    await form.getByLabel('Ngày sinh *', { exact: true }).fill('07/09/1992');
    await form.getByLabel('Giới tính').selectOption('male');
    await form.getByLabel('Số CCCD (12 chữ số)').fill('082092777001');
    await pick(form, 'Chi bộ', 'may phuong', 'Chi bộ Công ty TNHH May Phương Nam');
    await form.getByLabel('Nghề nghiệp').selectOption({ label: 'Công nhân trực tiếp sản xuất' });
    await form.getByLabel('Ngày vào Đảng').fill('19/05/2018');
    await form.getByLabel('Ngày chính thức').fill('19/05/2017');
  };
  await fill('Trương Minh Khôi');
  await form.getByRole('button', { name: 'Lưu đảng viên' }).click();
  await expect(form.getByTestId('error-officialOn')).toHaveText('Ngày chính thức không thể trước ngày vào Đảng.');
  await form.getByLabel('Ngày chính thức').fill('19/05/2019');
  await form.getByRole('button', { name: 'Lưu đảng viên' }).click();
  await expect(sender).toHaveURL(/\/members\/\d+$/);
  const url = sender.url();
  await expect(sender.getByTestId('member-cell')).toHaveText('Chi bộ Công ty TNHH May Phương Nam');

  // A second person with the same name and birth date is flagged, then saved once confirmed.
  await sender.goto('/members/new');
  await fill('Trương Minh Khôi');
  await form.getByLabel('Số CCCD (12 chữ số)').fill('');
  await form.getByLabel('Ngày chính thức').fill('');
  await form.getByRole('button', { name: 'Lưu đảng viên' }).click();
  await expect(form.getByTestId('error-confirmNotDuplicate')).toContainText('cùng họ tên và ngày sinh');
  await form.getByLabel('Tôi đã kiểm tra').check();
  await form.getByRole('button', { name: 'Lưu đảng viên' }).click();
  await expect(sender).toHaveURL(/\/members\/\d+$/);
  expect(sender.url()).not.toBe(url);
  await sender.goto(url);

  // Transfer to the Mekong cell: pending, still in Phương Nam.
  await sender.locator('summary', { hasText: 'Chuyển sinh hoạt đảng đi' }).click();
  const out = sender.getByTestId('member-transferOut');
  await pick(out, 'Chi bộ nhận', 'thuc pham mekong', 'Chi bộ Công ty TNHH Thực phẩm Mekong');
  await out.getByRole('button', { name: 'Chuyển sinh hoạt đảng đi' }).click();
  await expect(sender.getByTestId('member-pending')).toContainText('Chi bộ Công ty TNHH Thực phẩm Mekong');
  await expect(sender.getByTestId('member-cell')).toHaveText('Chi bộ Công ty TNHH May Phương Nam');

  const receiver = await signedIn(browser, 'cb.mekong');
  await receiver.goto('/members');
  await receiver.getByTestId('incoming-table').getByRole('link', { name: 'Trương Minh Khôi' }).click();
  await receiver.locator('summary', { hasText: 'Tiếp nhận sinh hoạt đảng' }).click();
  await receiver.getByTestId('member-receive').getByRole('button', { name: 'Tiếp nhận sinh hoạt đảng' }).click();
  await expect(receiver.getByTestId('member-cell')).toHaveText('Chi bộ Công ty TNHH Thực phẩm Mekong');
  await expect(receiver.getByTestId('member-history')).toContainText('Tiếp nhận sinh hoạt');
  await receiver.screenshot({ path: path.join(screenshotDir, 'member.png'), fullPage: true });

  // The sending cell no longer sees the member.
  expect((await sender.goto(url))?.status()).toBe(404);
});
