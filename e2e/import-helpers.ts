import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';

/** Where filled templates are written. */
export const importDir = path.join(import.meta.dirname, '..', 'test-results', 'import-tree');

/** The template the page offers, filled as a person would: each value under its header. */
export async function fillTemplate(page: Page, kind: 'units' | 'enterprises', rows: Record<string, string>[], name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`template-${kind}`).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.getWorksheet('Dữ liệu')!;
  const headers = (ws.getRow(1).values as (string | undefined)[]).slice(1);
  rows.forEach((r, i) => (ws.getRow(i + 2).values = headers.map((h) => r[h!] ?? '')));
  const file = path.join(importDir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

export async function uploadImport(page: Page, kind: 'units' | 'enterprises', file: string) {
  const form = page.getByTestId(`import-${kind}`);
  await form.locator('input[type=file]').setInputFiles(file);
  await form.getByRole('button', { name: 'Kiểm tra và nhập' }).click();
  return form;
}

/** A row of the unit template, under its Vietnamese headers. */
export const importUnitRow = (name: string, kind: string, parent: string, date: string, code = '') => ({
  'Tên đơn vị': name,
  Loại: kind,
  'Đơn vị cấp trên': parent,
  Mã: code,
  'Ngày thành lập / hiệu lực': date,
});
