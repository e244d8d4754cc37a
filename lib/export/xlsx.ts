import ExcelJS from 'exceljs';
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

/** A file name in plain ASCII for old clients: "Quyết định - Tạ Thị Tâm.docx" → "Quyet-dinh-Ta-Thi-Tam.docx". */
export function asciiFileName(name: string): string {
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-(?=\.)|-$/g, '');
  return plain || 'download';
}

/**
 * A file to download: Content-Disposition "attachment" with the name in UTF-8 (filename*, RFC 6266
 * and 5987, which browsers use) and an ASCII fallback (filename) for the rest; never cached.
 */
export function attachmentResponse(bytes: Uint8Array, fileName: string, contentType: string): Response {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encoded}`,
      'Cache-Control': 'no-store',
    },
  });
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A workbook to download, e.g. "uu-tien-2026-11-23.xlsx". */
export function xlsxResponse(buffer: Buffer, fileName: string): Response {
  return attachmentResponse(buffer, fileName, XLSX_TYPE);
}
