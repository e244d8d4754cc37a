import ExcelJS from 'exceljs';
import { COLUMNS, readRows, type ImportKind, type RawRow } from './import';

/** The template a unit downloads: a data sheet with the headers, and a sheet explaining each column. */
export async function templateWorkbook(kind: ImportKind): Promise<Buffer> {
  const columns = COLUMNS[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hạt nhân';
  const data = wb.addWorksheet('Dữ liệu');
  data.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 18 }));
  data.getRow(1).font = { bold: true };
  data.getRow(1).eachCell((cell, col) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: columns[col - 1].required ? 'FFFDE68A' : 'FFF5F5F4' } };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  // Dates and codes are typed as text, so Excel does not turn 0100233488 into a number or 12/08 into a US date.
  for (let i = 1; i <= columns.length; i++) data.getColumn(i).numFmt = '@';
  data.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', key: 'header', width: 36 },
    { header: 'Bắt buộc', key: 'required', width: 10 },
    { header: 'Ví dụ', key: 'example', width: 36 },
    { header: 'Ghi chú', key: 'note', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) help.addRow({ header: c.header, required: c.required ? 'Có' : '', example: c.example, note: c.note ?? '' });
  help.addRow({});
  help.addRow({ header: 'Ngày ghi theo dạng dd/mm/yyyy. Cột tô vàng là bắt buộc. Nhập dữ liệu ở trang “Dữ liệu”, từ dòng 2.' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The rows of the first sheet of an uploaded workbook; `unreadable` when it is not an .xlsx file. */
export async function readWorkbook(buffer: ArrayBuffer | Buffer, kind: ImportKind): Promise<{ rows: RawRow[]; missingHeaders: string[]; unreadable?: boolean }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as ArrayBuffer);
  } catch {
    return { rows: [], missingHeaders: [], unreadable: true };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], missingHeaders: [], unreadable: true };
  return readRows(ws, COLUMNS[kind]);
}
