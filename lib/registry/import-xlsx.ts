import path from 'node:path';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import * as numfmt from 'numfmt';
import unzipper from 'unzipper';
import { formatDate } from '@/lib/format';
import { CONTROL } from '@/lib/validation';
import { COLUMNS, columnForHeader, IMPORT_LIMITS, type CellProblem, type Column, type ImportKind, type ImportLimits, type RawRow } from './import';

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

// ------------------------------------------------------------------ reading an uploaded workbook

/** What reading a workbook gave: the data rows of the sheet holding the template's headers, or why not. */
export type WorkbookRead =
  | { ok: true; rows: RawRow[]; sheet: string; ms: number }
  | { ok: false; problem: 'unreadable' | 'busy' }
  | { ok: false; problem: 'tooLarge'; megabytes: number }
  | { ok: false; problem: 'tooManyRows' | 'tooManyCells' | 'tooSlow' }
  | { ok: false; problem: 'noHeaderRow'; expected: string[] }
  | { ok: false; problem: 'missingHeaders'; sheet: string; missing: string[]; found: string[] }
  | { ok: false; problem: 'empty'; sheet: string };

/**
 * yyyy-mm-dd of an Excel serial day in the workbook's date system: day 1 is 01/01/1900 in the
 * 1900 system (which counts Excel's phantom 29/02/1900, so serials from 61 on are one day ahead),
 * and 02/01/1904 in the 1904 system (Excel for Mac). Undefined outside 1900–2100.
 */
export function serialToIsoDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 1) return undefined;
  const day = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + day * 86_400_000);
  const y = date.getUTCFullYear();
  return y >= 1900 && y <= 2100 ? date.toISOString().slice(0, 10) : undefined;
}

/** dd/mm/yyyy, as Excel shows a date to a Vietnamese official. */
const dmy = (iso: string) => formatDate(iso);

type Read = { text: string; problem?: CellProblem };

/** A number as its column reads it. */
function numberCell(value: number, numFmt: string | undefined, column: Column, date1904: boolean): Read {
  const kind = column.kind ?? 'text';
  if (kind === 'date') {
    const iso = serialToIsoDate(value, date1904);
    return iso ? { text: dmy(iso) } : { text: String(value), problem: { reason: 'date' } };
  }
  if (kind === 'whole') return Number.isInteger(value) ? { text: String(value) } : { text: String(value), problem: { reason: 'notWhole' } };
  if (kind === 'code') {
    // What Excel shows: "000000000000" pads 1090012345 to 001090012345; General shows the digits.
    const custom = numFmt && numFmt !== 'General' && !numfmt.isTextFormat(numFmt) && !numfmt.isDateFormat(numFmt);
    const text = custom ? numfmt.format(numFmt, value) : Number.isInteger(value) ? BigInt(value).toString() : String(value);
    if (column.digits && /^\d+$/.test(text) && text.length < column.digits) return { text, problem: { reason: 'leadingZerosLost', params: { shown: text, digits: String(column.digits) } } };
    return { text };
  }
  return { text: String(value) };
}

/**
 * A cell as the text a person reads in Excel, or the reason it cannot be read: an error value
 * (#N/A), a formula whose result was never saved or is an error. Never "[object Object]".
 */
export function readCell(value: ExcelJS.CellValue, numFmt: string | undefined, column: Column, date1904: boolean): Read {
  const kind = column.kind ?? 'text';
  if (value === null || value === undefined) return { text: '' };
  // exceljs turns a number in a date-formatted cell into a Date (in the workbook's date system).
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { text: '', problem: { reason: 'date' } } : { text: dmy(value.toISOString().slice(0, 10)) };
  if (typeof value === 'number') {
    // A formula's date result arrives as its serial: the cell's date format says it is a date.
    if (numFmt && numfmt.isDateFormat(numFmt) && kind !== 'code' && kind !== 'whole') {
      const iso = serialToIsoDate(value, date1904);
      if (iso) return { text: dmy(iso) };
    }
    return numberCell(value, numFmt, column, date1904);
  }
  if (typeof value === 'boolean') return { text: value ? 'Có' : 'Không' };
  if (typeof value === 'string') return textCell(value, column, date1904);
  if (typeof value === 'object') {
    if ('error' in value) return { text: String(value.error), problem: { reason: 'cellError', params: { error: String(value.error) } } };
    if ('richText' in value) return textCell(value.richText.map((r) => r.text).join(''), column, date1904);
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      if (result === undefined || result === null) return { text: '', problem: { reason: 'formulaNoResult' } };
      if (typeof result === 'number' && Number.isNaN(result)) return { text: '', problem: { reason: 'formulaError' } };
      if (typeof result === 'object' && 'error' in result) return { text: String(result.error), problem: { reason: 'cellError', params: { error: String(result.error) } } };
      return readCell(result, numFmt, column, date1904);
    }
    // A hyperlink: its shown value (text, rich text, a number in the cell's format, an error) is read as any other.
    if ('hyperlink' in value && 'text' in value) {
      const shown = (value as { text: ExcelJS.CellValue }).text;
      // exceljs keeps a linked number as its digits in text: the cell's format still decides what Excel shows.
      const asNumber = typeof shown === 'string' && /^[1-9]\d{0,14}$/.test(shown) && (column.kind === 'code' || column.kind === 'whole' || column.kind === 'date') ? Number(shown) : shown;
      return readCell(asNumber, numFmt, column, date1904);
    }
    if ('text' in value) return textCell(String((value as { text: unknown }).text), column, date1904);
  }
  return { text: '', problem: { reason: 'cellError', params: { error: '?' } } };
}

function textCell(raw: string, column: Column, date1904: boolean): Read {
  const text = raw.normalize('NFC').trim();
  if (!text) return { text };
  if (CONTROL.test(text)) return { text: text.replace(CONTROL, '\ufffd'), problem: { reason: 'controlChars' } };
  // A date serial kept as text (a date column re-formatted as Text keeps the number).
  if ((column.kind ?? 'text') === 'date' && /^\d{5}$/.test(text)) {
    const iso = serialToIsoDate(Number(text), date1904);
    if (iso) return { text: dmy(iso) };
  }
  return { text };
}

type SheetRead = { name: string; state: string; rows: [number, [number, ExcelJS.CellValue, string | undefined][]][]; rowCount: number; cellCount: number };

/** The worker that parses a workbook (plain JavaScript, started from the file on disk; see its header). */
const WORKER_FILE = path.join(process.cwd(), 'lib', 'registry', 'xlsx-worker.mjs');

type WorkerAnswer =
  | { id: number; ok: false }
  | { id: number; ok: true; tooLarge: true; tooManyCells?: undefined }
  | { id: number; ok: true; tooLarge?: undefined; tooManyCells: true; tooManyRows: boolean }
  | { id: number; ok: true; tooLarge?: undefined; tooManyCells?: undefined; date1904: boolean; sheets: SheetRead[] };

/** Idle workers kept for the next file (starting one and loading exceljs costs a few hundred ms). */
const idle: Worker[] = [];
let nextId = 1;

/** Files parsed at once (each worker may use up to 1 GB); more wait their turn, and past QUEUE_MAX the server says it is busy. */
const PARSERS_MAX = 2;
const QUEUE_MAX = 6;
let parsing = 0;
const waiting: (() => void)[] = [];

async function parserSlot(): Promise<boolean> {
  if (parsing < PARSERS_MAX) {
    parsing += 1;
    return true;
  }
  if (waiting.length >= QUEUE_MAX) return false;
  await new Promise<void>((resolve) => waiting.push(resolve));
  return true;
}

function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else parsing -= 1;
}

/**
 * Parse the workbook in a worker thread: the request thread keeps serving others, a file that
 * takes longer than `limits.seconds` is stopped (its worker terminated), and one that needs more
 * than 1 GB is stopped by the worker's own heap limit. Only the first rows that can matter come
 * back (`limits.rows` data rows after the header search).
 */
async function parseOffThread(data: Buffer, limits: ImportLimits): Promise<{ ok: true; date1904: boolean; sheets: SheetRead[] } | Extract<WorkbookRead, { ok: false }>> {
  if (!(await parserSlot())) return { ok: false, problem: 'busy' };
  try {
    return await parseInWorker(data, limits);
  } finally {
    releaseSlot();
  }
}

async function parseInWorker(data: Buffer, limits: ImportLimits): Promise<{ ok: true; date1904: boolean; sheets: SheetRead[] } | Extract<WorkbookRead, { ok: false }>> {
  const worker = idle.pop() ?? new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
  const id = nextId++;
  const copy = new Uint8Array(data).buffer;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Awaited<ReturnType<typeof parseOffThread>>, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (reusable && idle.length < 2) idle.push(worker);
      else void worker.terminate();
      resolve(answer);
    };
    const onMessage = (m: WorkerAnswer) => {
      if (m.id !== id) return;
      if (!m.ok) finish({ ok: false, problem: 'unreadable' }, true);
      else if (m.tooLarge) finish({ ok: false, problem: 'tooLarge', megabytes: Math.ceil(limits.uncompressedBytes / 1024 / 1024) + 1 }, true);
      else if (m.tooManyCells) finish({ ok: false, problem: m.tooManyRows ? 'tooManyRows' : 'tooManyCells' }, true);
      else finish({ ok: true, date1904: m.date1904, sheets: m.sheets }, true);
    };
    const onError = (err: Error & { code?: string }) => {
      if (process.env.HATNHAN_DEBUG_IMPORT) console.error(err);
      // Out of memory within the byte limit: a workbook too complex to read whole.
      finish(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, problem: 'tooManyCells' } : { ok: false, problem: 'unreadable' }, false);
    };
    const onExit = () => finish({ ok: false, problem: 'unreadable' }, false);
    const timer = setTimeout(() => finish({ ok: false, problem: 'tooSlow' }, false), limits.seconds * 1000);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    // An idle worker must not keep a test or a script alive; a busy one is waited for.
    worker.ref();
    worker.postMessage({ id, buffer: copy, maxBytes: limits.uncompressedBytes, maxRows: limits.rows + limits.headerSearchRows + 1, maxCells: limits.cells }, [copy]);
  }).finally(() => {
    for (const w of idle) w.unref();
  }) as Promise<{ ok: true; date1904: boolean; sheets: SheetRead[] } | Extract<WorkbookRead, { ok: false }>>;
}

/**
 * The data rows of an uploaded .xlsx. Only rows that exist cost anything (one stray cell in row
 * 1,048,576 is one row, not a million). Before anything is parsed, the zip's directory is read and
 * a file declaring more than IMPORT_LIMITS.uncompressedBytes is refused (a 400 KB zip bomb
 * declares gigabytes); the workbook is parsed in a worker thread (parseOffThread), so other users
 * are served meanwhile. The sheet read is the first visible one whose header row
 * (found in its first IMPORT_LIMITS.headerSearchRows rows, matched leniently) names the
 * template's required columns; hidden sheets (drop-down lists) are skipped. Dates use the
 * workbook's date system (1900 or 1904). Also refused: not an .xlsx, more than
 * IMPORT_LIMITS.rows data rows or IMPORT_LIMITS.cells cells, parsing longer than IMPORT_LIMITS.seconds.
 *
 * Why exceljs's whole-workbook reader and not its stream reader: the stream reader (unzipper's
 * Parse) drops a zip entry about once in sixty reads of the same file here, so a sheet or the
 * workbook part goes missing; the whole-workbook reader goes through JSZip and the size cap
 * bounds what it holds.
 */
export async function readWorkbook(buffer: ArrayBuffer | Buffer, kind: ImportKind, limits: ImportLimits = IMPORT_LIMITS): Promise<WorkbookRead> {
  const started = Date.now();
  const data = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer);
  let declared = 0;
  try {
    const directory = await unzipper.Open.buffer(data);
    declared = directory.files.reduce((n, f) => n + (f.uncompressedSize || 0), 0);
    if (!directory.files.some((f) => f.path === 'xl/workbook.xml')) return { ok: false, problem: 'unreadable' };
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  if (declared > limits.uncompressedBytes) return { ok: false, problem: 'tooLarge', megabytes: Math.ceil(declared / 1024 / 1024) };

  const read = await parseOffThread(data, limits);
  if (!read.ok) return read;
  const { date1904 } = read;
  const columns = COLUMNS[kind];
  const required = columns.filter((c) => c.required);
  let best: { sheet: string; found: Column[] } | undefined;
  let cells = 0;
  for (const sheet of read.sheets) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue;
    cells += sheet.cellCount;
    if (cells > limits.cells) return { ok: false, problem: 'tooManyCells' };
    let header: Map<number, Column> | undefined;
    const rows: RawRow[] = [];
    for (const [number, rowCells] of sheet.rows) {
      const byCol = new Map(rowCells.map(([col, value, numFmt]) => [col, { value, numFmt }]));
      if (!header) {
        if (number > limits.headerSearchRows) break;
        const found = new Map<number, Column>();
        for (const [col, { value: v }] of byCol) {
          const text = typeof v === 'string' ? v : v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : '';
          const column = text ? columnForHeader(columns, text.normalize('NFC')) : undefined;
          if (column && ![...found.values()].includes(column)) found.set(col, column);
        }
        if (found.size >= 2) {
          const foundColumns = [...found.values()];
          if (required.every((c) => foundColumns.includes(c))) header = found;
          else if (!best || foundColumns.length > best.found.length) best = { sheet: sheet.name, found: foundColumns };
        }
        continue;
      }
      const raw: RawRow = { row: number, cells: {} };
      for (const [col, column] of header) {
        const cell = byCol.get(col);
        const result = readCell(cell?.value ?? null, cell?.numFmt, column, date1904);
        raw.cells[column.key] = result.text;
        if (result.problem) (raw.problems ??= {})[column.key] = result.problem;
      }
      for (const column of columns) raw.cells[column.key] ??= '';
      if (Object.values(raw.cells).some((v) => v !== '') || raw.problems) {
        rows.push(raw);
        if (rows.length > limits.rows) return { ok: false, problem: 'tooManyRows' };
      }
    }
    if (header) {
      if (sheet.rowCount > sheet.rows.length) return { ok: false, problem: 'tooManyRows' };
      return rows.length ? { ok: true, rows, sheet: sheet.name, ms: Date.now() - started } : { ok: false, problem: 'empty', sheet: sheet.name };
    }
  }
  if (best) return { ok: false, problem: 'missingHeaders', sheet: best.sheet, missing: required.filter((c) => !best.found.includes(c)).map((c) => c.header), found: best.found.map((c) => c.header) };
  return { ok: false, problem: 'noHeaderRow', expected: required.map((c) => c.header) };
}
