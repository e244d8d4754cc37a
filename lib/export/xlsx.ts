import ExcelJS from 'exceljs';
import { fileResponse } from '@/lib/files/response';
import { formatDate } from '@/lib/format';

/**
 * A sheet a committee can file: the title, the unit, the date of export, then a table with
 * Vietnamese headers. exceljs writes real .xlsx files (numbers stay numbers).
 */
export type SheetSpec = {
  title: string;
  unitLine: string;
  dateLine: string;
  exportedOn: string;
  headers: { label: string; width?: number }[];
  rows: (string | number | null)[][];
  sheetName?: string;
};

export const TABLE_FIRST_ROW = 6;

export async function buildWorkbook(specs: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hạt nhân';
  for (const spec of specs) {
    const ws = wb.addWorksheet(spec.sheetName ?? 'Sheet1', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const last = Math.max(1, spec.headers.length);
    ws.mergeCells(1, 1, 1, last);
    ws.getCell(1, 1).value = spec.title;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.getCell(2, 1).value = spec.unitLine;
    ws.getCell(3, 1).value = `${spec.dateLine}: ${formatDate(spec.exportedOn)}`;
    const header = ws.getRow(TABLE_FIRST_ROW - 1);
    spec.headers.forEach((h, i) => {
      header.getCell(i + 1).value = h.label;
      ws.getColumn(i + 1).width = h.width ?? 18;
    });
    header.font = { bold: true };
    header.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F5F4' } };
      c.border = { bottom: { style: 'thin' } };
      c.alignment = { wrapText: true, vertical: 'middle' };
    });
    spec.rows.forEach((r, i) => {
      ws.getRow(TABLE_FIRST_ROW + i).values = r.map((v) => v ?? '');
    });
    ws.views = [{ state: 'frozen', ySplit: TABLE_FIRST_ROW - 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook to download, e.g. "uu-tien-2026-11-23.xlsx" (the one download helper: lib/files/response.ts). */
export function xlsxResponse(buffer: Buffer, fileName: string): Response {
  return fileResponse(buffer, { fileName, mimeType: XLSX_TYPE, download: true });
}
