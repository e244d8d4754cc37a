import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { searchKey } from '@/lib/people/identity';
import { COLUMNS, ENTERPRISE_COLUMNS, IMPORT_LIMITS, MEMBER_COLUMNS, validateEnterpriseRows, validateMemberRows, type ImportKind, type ImportLookups, type RawRow } from './import';
import { taxCodeCheckDigit } from './tax-code';
import { readWorkbook, serialToIsoDate, templateWorkbook, type WorkbookRead } from './import-xlsx';

const look: ImportLookups = {
  unit: (ref, kinds) => {
    const units: Record<string, number> = kinds === 'managing' ? { 'dang uy phuong 4': 10, 'tg-mytho-p4': 10 } : { 'chi bo cong ty tnhh may phuong nam': 20 };
    return units[searchKey(ref)];
  },
  enterpriseByTaxCode: (code) => (code === '0100233488' ? 7 : undefined),
  taxCodeExists: (code) => code === '0100233488',
  cccdExists: (id) => id === '082190009999',
  cardExists: (card) => card === '82.000001',
  nameAndBirthExists: (name, birth) => name === 'tran van an' && birth === '1985-01-01',
};

type CellInput = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };

const GOOD_MEMBER: Record<string, CellInput> = {
  fullName: 'Nguyễn Thị Lan',
  birthDate: '12/08/1990',
  gender: 'Nữ',
  nationalId: '082190001234',
  cell: 'Chi bộ Công ty TNHH May Phương Nam',
  enterpriseTaxCode: '0100233488',
  occupation: 'Công nhân trực tiếp sản xuất',
  admittedOn: '19/05/2015',
  officialOn: '19/05/2016',
  cardNo: '82.012345',
};

/** Put rows into a sheet by the template's column order; a cell may carry its own number format. */
function fill(ws: ExcelJS.Worksheet, kind: ImportKind, rows: Record<string, CellInput>[], firstRow: number) {
  rows.forEach((r, i) => {
    const row = ws.getRow(firstRow + i);
    COLUMNS[kind].forEach((c, col) => {
      const v = r[c.key];
      if (v === undefined) return;
      const cell = row.getCell(col + 1);
      if (v && typeof v === 'object' && 'numFmt' in v) {
        cell.value = v.value;
        cell.numFmt = v.numFmt;
      } else cell.value = v as ExcelJS.CellValue;
    });
    row.commit?.();
  });
}

const bufferOf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** The downloaded template, filled from row 2 and uploaded back. */
async function templateWith(kind: ImportKind, rows: Record<string, CellInput>[], edit?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await templateWorkbook(kind)) as unknown as ArrayBuffer);
  fill(wb.worksheets[0], kind, rows, 2);
  edit?.(wb);
  return bufferOf(wb);
}

function rowsOf(read: WorkbookRead): RawRow[] {
  assert.ok(read.ok, `the workbook was refused: ${JSON.stringify(read)}`);
  return read.rows;
}

/** Re-zip a workbook with its entries in another order (as LibreOffice and other tools write them). */
async function reorder(buffer: Buffer, order: (paths: string[]) => string[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const paths = Object.keys(zip.files).filter((p) => !zip.files[p].dir);
  const out = new JSZip();
  for (const p of order(paths)) out.file(p, await zip.files[p].async('nodebuffer'));
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A 10-digit tax code with a right check digit. */
function validTaxCode(n: number): string {
  for (let s = n; ; s++) {
    const nine = `03${String(s).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

const errorsOf = (rows: RawRow[]) => validateMemberRows(rows, look).errors.map((e) => [e.row, e.column, e.reason, e.value]);

describe('import: every kind of cell exceljs can return becomes the value shown, or a row error naming the cell', () => {
  test('error, formulas with and without a result, shared formula, rich text, hyperlink, date, boolean', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateWorkbook('members')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    fill(
      ws,
      'members',
      [
        { ...GOOD_MEMBER, cardNo: { error: '#N/A' } as ExcelJS.CellErrorValue }, // 2: a failed VLOOKUP
        { ...GOOD_MEMBER, nationalId: '', fullName: { formula: 'PROPER("trần văn bình")', result: 'Trần Văn Bình' } as ExcelJS.CellFormulaValue, cardNo: '82.2' }, // 3: formula with its result
        { ...GOOD_MEMBER, nationalId: '', fullName: 'Lê Văn Cường', cardNo: { formula: 'CONCAT("82.","3")' } as ExcelJS.CellFormulaValue }, // 4: formula never computed
        { ...GOOD_MEMBER, nationalId: '', fullName: { richText: [{ text: 'Phạm ', font: { bold: true } }, { text: 'Thị Dung' }] }, cardNo: '82.4' }, // 5: rich text
        { ...GOOD_MEMBER, nationalId: '', fullName: { text: 'Hoàng Văn Em', hyperlink: 'mailto:em@example.vn' }, cardNo: '82.5' }, // 6: hyperlink
        { ...GOOD_MEMBER, nationalId: '', fullName: 'Đỗ Thị Giang', birthDate: new Date(Date.UTC(1991, 0, 5)), cardNo: '82.6' }, // 7: a date cell
        { ...GOOD_MEMBER, nationalId: '', fullName: 'Vũ Văn Hải', cardNo: '82.7', notDuplicate: true }, // 8: a boolean cell (TRUE)
        { ...GOOD_MEMBER, nationalId: '', fullName: 'Bùi Thị Khánh', cardNo: { formula: 'VLOOKUP(A9,X:Y,2,0)', result: { error: '#N/A' } } as unknown as ExcelJS.CellFormulaValue }, // 9: formula whose result is an error
      ],
      2,
    );
    // 10 and 11: a shared formula (the master in K10, K11 shares it), with cached results
    fill(
      ws,
      'members',
      [
        { ...GOOD_MEMBER, nationalId: '', fullName: 'Ngô Văn Long' },
        { ...GOOD_MEMBER, nationalId: '', fullName: 'Ngô Văn Minh' },
      ],
      10,
    );
    const card = MEMBER_COLUMNS.findIndex((c) => c.key === 'cardNo') + 1;
    ws.getRow(10).getCell(card).value = { formula: '"82."&"10"', result: '82.10' } as ExcelJS.CellFormulaValue;
    ws.getRow(11).getCell(card).value = { sharedFormula: ws.getRow(10).getCell(card).address, result: '82.11' } as ExcelJS.CellSharedFormulaValue;
    // Excel saves a formula whose result is an error as <c t="e"><f>…</f><v>#N/A</v></c> (exceljs writes the same).
    const zip = await JSZip.loadAsync(await bufferOf(wb));
    assert.match(await zip.file('xl/worksheets/sheet1.xml')!.async('string'), /<c r="K9"[^>]* t="e"><f>VLOOKUP[^<]*<\/f><v>#N\/A<\/v><\/c>/);
    const rows = rowsOf(await readWorkbook(await bufferOf(wb), 'members'));
    const byRow = new Map(rows.map((r) => [r.row, r]));
    assert.equal(byRow.get(3)!.cells.fullName, 'Trần Văn Bình');
    assert.equal(byRow.get(5)!.cells.fullName, 'Phạm Thị Dung');
    assert.equal(byRow.get(6)!.cells.fullName, 'Hoàng Văn Em');
    assert.equal(byRow.get(7)!.cells.birthDate, '05/01/1991');
    assert.equal(byRow.get(8)!.cells.notDuplicate, 'Có');
    assert.equal(byRow.get(10)!.cells.cardNo, '82.10');
    assert.equal(byRow.get(11)!.cells.cardNo, '82.11');
    const { valid, errors } = validateMemberRows(rows, look);
    assert.deepEqual(
      valid.map((v) => v.row),
      [3, 5, 6, 7, 8, 10, 11],
    );
    assert.deepEqual(
      errors.map((e) => [e.row, e.column, e.reason, e.value, e.params?.error]),
      [
        [2, 'Số thẻ đảng viên', 'cellError', '#N/A', '#N/A'],
        [4, 'Số thẻ đảng viên', 'formulaNoResult', '', undefined],
        [9, 'Số thẻ đảng viên', 'cellError', '#N/A', '#N/A'],
      ],
    );
    assert.ok(!JSON.stringify(rows).includes('[object Object]'));
  });

  test('the same workbook with its entries in LibreOffice’s order (sheets before shared strings and styles) reads the same', async () => {
    const original = await templateWith('members', [{ ...GOOD_MEMBER, birthDate: new Date(Date.UTC(1990, 7, 12)), nationalId: { value: 82190001234, numFmt: '000000000000' } }]);
    const late = (p: string) => (p.includes('sharedStrings') || p.includes('styles') || p === 'xl/workbook.xml' ? 1 : 0);
    const shuffled = await reorder(original, (paths) => [...paths].sort((a, b) => late(a) - late(b)));
    for (const file of [original, shuffled]) {
      const [row] = rowsOf(await readWorkbook(file, 'members'));
      assert.equal(row.cells.birthDate, '12/08/1990');
      assert.equal(row.cells.nationalId, '082190001234');
      assert.equal(row.cells.fullName, 'Nguyễn Thị Lan');
    }
  });
});

describe('import: a hyperlink holds any kind of shown value', () => {
  test('rich text and a number-formatted code behind a hyperlink read as shown', async () => {
    const rows = rowsOf(
      await readWorkbook(
        await templateWith('members', [
          {
            ...GOOD_MEMBER,
            fullName: { text: { richText: [{ text: 'Trần ', font: { bold: true } }, { text: 'Thị Liên Kết' }] }, hyperlink: 'mailto:lien@example.vn' } as unknown as ExcelJS.CellValue,
            nationalId: { value: { text: 82189004321, hyperlink: 'https://example.vn' } as unknown as ExcelJS.CellValue, numFmt: '000000000000' },
          },
        ]),
        'members',
      ),
    );
    assert.equal(rows[0].cells.fullName, 'Trần Thị Liên Kết');
    assert.equal(rows[0].cells.nationalId, '082189004321');
    assert.ok(!JSON.stringify(rows).includes('[object Object]'));
  });
});

describe('import: codes whose leading zeros exist only in the number format', () => {
  test('a CCCD typed as a number in a cell formatted 000000000000 is read as Excel shows it', async () => {
    const rows = rowsOf(await readWorkbook(await templateWith('members', [{ ...GOOD_MEMBER, nationalId: { value: 82190001234, numFmt: '000000000000' } }]), 'members'));
    assert.equal(rows[0].cells.nationalId, '082190001234');
    assert.deepEqual(errorsOf(rows), []);
  });
  test('a CCCD, a phone or a tax code kept as a bare number lost its zeros: refused, saying so', async () => {
    const rows = rowsOf(
      await readWorkbook(
        await templateWith('members', [
          { ...GOOD_MEMBER, nationalId: 1090012345 },
          { ...GOOD_MEMBER, nationalId: '', fullName: 'Lê Văn Phong', phone: 912345678, enterpriseTaxCode: 100233488, cardNo: '82.9' },
        ]),
        'members',
      ),
    );
    const errors = validateMemberRows(rows, look).errors;
    assert.deepEqual(
      errors.map((e) => [e.row, e.column, e.reason, e.value]),
      [
        [2, 'Số CCCD', 'leadingZerosLost', '1090012345'],
        [3, 'Điện thoại', 'leadingZerosLost', '912345678'],
        [3, 'Mã số thuế doanh nghiệp nơi làm việc', 'leadingZerosLost', '100233488'],
      ],
    );
    assert.deepEqual(errors[0].params, { shown: '1090012345', digits: '12' });
  });
  test('a tax code formatted 0000000000 in the enterprise file', async () => {
    const rows = rowsOf(
      await readWorkbook(
        await templateWith('enterprises', [
          { name: 'Công ty TNHH Bình Minh', taxCode: { value: 100233488, numFmt: '0000000000' }, type: 'Công ty TNHH', address: '1 Lê Lợi', managingUnit: 'Đảng ủy Phường 4', workforce: 120 },
        ]),
        'enterprises',
      ),
    );
    assert.equal(rows[0].cells.taxCode, '0100233488');
  });
});

describe('import: the workbook’s date system', () => {
  test('Excel serial days in the 1900 and 1904 systems', () => {
    assert.equal(serialToIsoDate(32732, false), '1989-08-12');
    assert.equal(serialToIsoDate(31270, true), '1989-08-12');
    assert.equal(serialToIsoDate(33243, false), '1991-01-05');
    assert.equal(serialToIsoDate(1, false), '1900-01-01');
    assert.equal(serialToIsoDate(61, false), '1900-03-01');
    assert.equal(serialToIsoDate(0, false), undefined);
  });
  test('a bare number in a General cell of a 1904 workbook (Excel for Mac) is read with the 1904 epoch', async () => {
    const file = await templateWith('members', [{ ...GOOD_MEMBER, nationalId: '', birthDate: { value: 31270, numFmt: 'General' } }], (wb) => {
      wb.properties.date1904 = true;
    });
    const rows = rowsOf(await readWorkbook(file, 'members'));
    assert.equal(rows[0].cells.birthDate, '12/08/1989');
    assert.equal(validateMemberRows(rows, look).valid[0].birthDate, '1989-08-12');
  });
  test('the same number in a 1900 workbook is 11/08/1985', async () => {
    const rows = rowsOf(await readWorkbook(await templateWith('members', [{ ...GOOD_MEMBER, nationalId: '', birthDate: { value: 31270, numFmt: 'General' } }]), 'members'));
    assert.equal(rows[0].cells.birthDate, '11/08/1985');
  });
});

describe('import: what one file may cost', () => {
  test('one stray cell in A1048576 costs one row, not a million (time printed, not asserted)', async () => {
    const file = await templateWith('members', [GOOD_MEMBER], (wb) => {
      wb.worksheets[0].getCell('A1048576').value = ' ';
    });
    const started = performance.now();
    const read = await readWorkbook(file, 'members');
    const ms = performance.now() - started;
    console.log(`[import] template with a stray cell in A1048576 (${file.length} bytes): read in ${ms.toFixed(0)} ms`);
    assert.deepEqual(
      rowsOf(read).map((r) => r.row),
      [2],
    );
  });
  test('a file declaring more uncompressed data, rows or cells than the limits is refused, naming the limit', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ ...GOOD_MEMBER, nationalId: '', fullName: `Người ${i}` }));
    const file = await templateWith('members', rows);
    assert.deepEqual(await readWorkbook(file, 'members', { ...IMPORT_LIMITS, uncompressedBytes: 1000 }), { ok: false, problem: 'tooLarge', megabytes: 1 });
    assert.deepEqual(await readWorkbook(file, 'members', { ...IMPORT_LIMITS, rows: 20 }), { ok: false, problem: 'tooManyRows' });
    assert.deepEqual(await readWorkbook(file, 'members', { ...IMPORT_LIMITS, cells: 100 }), { ok: false, problem: 'tooManyCells' });
    // More cells than allowed because of too many rows: the rows are named.
    assert.deepEqual(await readWorkbook(file, 'members', { ...IMPORT_LIMITS, cells: 100, rows: 5 }), { ok: false, problem: 'tooManyRows' });
    assert.deepEqual(await readWorkbook(file, 'members', { ...IMPORT_LIMITS, seconds: 0 }), { ok: false, problem: 'tooSlow' });
    assert.equal(rowsOf(await readWorkbook(file, 'members')).length, 30);
  });
  test('a zip bomb: 100 MB of one repeated row in a small file is refused before it is read', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dữ liệu');
    ws.addRow(MEMBER_COLUMNS.map((c) => c.header));
    const zip = await JSZip.loadAsync(await bufferOf(wb));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const filler = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(2_600_000); // ~130 MB of XML
    zip.file('xl/worksheets/sheet1.xml', sheet.replace('</sheetData>', `${filler}</sheetData>`));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    const started = performance.now();
    const read = await readWorkbook(bomb, 'members');
    console.log(`[import] zip bomb of ${bomb.length} bytes refused in ${(performance.now() - started).toFixed(0)} ms`);
    assert.equal(read.ok, false);
    assert.equal(!read.ok && read.problem, 'tooLarge');
  });
  test('a zip that lies about its size (declares 100 bytes for 130 MB) is stopped by the bytes that come out', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Dữ liệu').addRow(MEMBER_COLUMNS.map((c) => c.header));
    const zip = await JSZip.loadAsync(await bufferOf(wb));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', sheet.replace('</sheetData>', `${'<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(2_600_000)}</sheetData>`));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    // Every central-directory entry (PK\x01\x02) now declares an uncompressed size of 100 bytes.
    for (let i = bomb.indexOf('PK\x01\x02'); i >= 0; i = bomb.indexOf('PK\x01\x02', i + 4)) bomb.writeUInt32LE(100, i + 24);
    const started = performance.now();
    const read = await readWorkbook(bomb, 'members');
    console.log(`[import] lying zip bomb of ${bomb.length} bytes refused in ${(performance.now() - started).toFixed(0)} ms`);
    assert.equal(!read.ok && read.problem, 'tooLarge');
  });
  test('not a workbook: unreadable', async () => {
    assert.deepEqual(await readWorkbook(Buffer.from('not a zip'), 'members'), { ok: false, problem: 'unreadable' });
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    assert.deepEqual(await readWorkbook(await zip.generateAsync({ type: 'nodebuffer' }), 'members'), { ok: false, problem: 'unreadable' });
  });
});

describe('import: which sheet, which row holds the headers', () => {
  test('a hidden first sheet of drop-down values is skipped; the visible sheet is read', async () => {
    const wb = new ExcelJS.Workbook();
    const lists = wb.addWorksheet('DanhMuc', { state: 'hidden' });
    lists.addRow(['Nam', 'Công nhân trực tiếp sản xuất']);
    lists.addRow(['Nữ', 'Cán bộ quản lý']);
    const ws = wb.addWorksheet('Đảng viên');
    ws.addRow(MEMBER_COLUMNS.map((c) => c.header));
    fill(ws, 'members', [GOOD_MEMBER], 2);
    const read = await readWorkbook(await bufferOf(wb), 'members');
    assert.ok(read.ok);
    assert.equal(read.sheet, 'Đảng viên');
    assert.equal(read.rows[0].cells.fullName, 'Nguyễn Thị Lan');
  });
  test('a merged title in row 1, headers in row 3 written with line breaks, notes and other case', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.getCell('A1').value = 'DANH SÁCH ĐẢNG VIÊN CHI BỘ CÔNG TY TNHH MAY PHƯƠNG NAM';
    ws.mergeCells('A1:L1');
    ws.getRow(3).values = [
      'HỌ VÀ TÊN',
      'Ngày sinh\n(dd/mm/yyyy)',
      'Giới tính *',
      'Số CCCD',
      'SĐT',
      'Chi bộ:',
      'MST doanh nghiệp',
      'Nghề nghiệp',
      'Ngày vào Đảng\n(dd/mm/yyyy)',
      'Ngày chính thức',
      'Số thẻ Đảng',
    ];
    const values: Record<string, CellInput> = { ...GOOD_MEMBER, phone: '0912345678', enterpriseTaxCode: '0100233488' };
    ws.getRow(4).values = ['fullName', 'birthDate', 'gender', 'nationalId', 'phone', 'cell', 'enterpriseTaxCode', 'occupation', 'admittedOn', 'officialOn', 'cardNo'].map(
      (k) => values[k] as ExcelJS.CellValue,
    );
    const rows = rowsOf(await readWorkbook(await bufferOf(wb), 'members'));
    assert.deepEqual(
      rows.map((r) => r.row),
      [4],
    );
    assert.equal(rows[0].cells.phone, '0912345678');
    assert.deepEqual(errorsOf(rows), []);
  });
  test('a missing column: the message lists the columns found and the ones missing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['Tên doanh nghiệp', 'MST', 'Địa chỉ']);
    assert.deepEqual(await readWorkbook(await bufferOf(wb), 'enterprises'), {
      ok: false,
      problem: 'missingHeaders',
      sheet: 'x',
      missing: ['Loại hình', 'Đơn vị quản lý', 'Số lao động'],
      found: ['Tên doanh nghiệp', 'Mã số thuế', 'Địa chỉ trụ sở'],
    });
  });
  test('no header row anywhere: the expected columns are named', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['a', 'b']);
    const read = await readWorkbook(await bufferOf(wb), 'enterprises');
    assert.deepEqual(read, { ok: false, problem: 'noHeaderRow', expected: ENTERPRISE_COLUMNS.filter((c) => c.required).map((c) => c.header) });
  });
  test('headers but no data: empty, naming the sheet', async () => {
    const read = await readWorkbook(await templateWith('members', []), 'members');
    assert.deepEqual(read, { ok: false, problem: 'empty', sheet: 'Dữ liệu' });
  });
});

describe('import: text as old files give it', () => {
  test('names in TCVN3 and VNI are refused with the Unicode reading; NFD text is read as NFC', async () => {
    const rows = rowsOf(
      await readWorkbook(
        await templateWith('members', [
          { ...GOOD_MEMBER, nationalId: '', fullName: 'NguyÔn V¨n Hïng', cardNo: '82.1' },
          { ...GOOD_MEMBER, nationalId: '', fullName: 'Nguyeãn Vaên Huøng', cardNo: '82.2' },
          { ...GOOD_MEMBER, nationalId: '', fullName: 'Nguye\u0302\u0303n Va\u0306n Hu\u0300ng', cardNo: '82.3' },
        ]),
        'members',
      ),
    );
    const { valid, errors } = validateMemberRows(rows, look);
    assert.deepEqual(
      errors.map((e) => [e.row, e.column, e.reason, e.params]),
      [
        [2, 'Họ và tên', 'legacyEncoding', { charset: 'TCVN3', suggestion: 'Nguyễn Văn Hùng' }],
        [3, 'Họ và tên', 'legacyEncoding', { charset: 'VNI', suggestion: 'Nguyễn Văn Hùng' }],
      ],
    );
    assert.equal(valid[0].fullName, 'Nguyễn Văn Hùng');
    assert.equal(valid[0].fullName, 'Nguyễn Văn Hùng'.normalize('NFC'));
  });
});

describe('import: dates and numbers typed the usual ways', () => {
  test('01-02-1990, 01.02.1990, 1/2/1990 and 1990-02-01 are the same date; 01/02/90 is refused', async () => {
    const dates = ['01-02-1990', '01.02.1990', '1/2/1990', '1990-02-01', '01 / 02 / 1990', '01/02/90'];
    const rows = rowsOf(
      await readWorkbook(
        await templateWith(
          'members',
          dates.map((d, i) => ({ ...GOOD_MEMBER, nationalId: '', fullName: `Người ${i}`, birthDate: d, cardNo: `82.${i}` })),
        ),
        'members',
      ),
    );
    const { valid, errors } = validateMemberRows(rows, look);
    assert.deepEqual(
      valid.map((v) => v.birthDate),
      ['1990-02-01', '1990-02-01', '1990-02-01', '1990-02-01', '1990-02-01'],
    );
    assert.deepEqual(
      errors.map((e) => [e.row, e.reason, e.value]),
      [[7, 'date', '01/02/90']],
    );
  });
  test('workforce: 1.147 and 1 147 are 1147; 1,5 and 1.5 are not whole; 0x10 is not a number; a decimal number cell is not whole', async () => {
    const good = { name: 'Công ty TNHH Bình Minh', type: 'Công ty TNHH', address: '1 Lê Lợi', managingUnit: 'Đảng ủy Phường 4' };
    const tax = Array.from({ length: 6 }, (_, i) => validTaxCode(i * 1000 + 1));
    const workforce: CellInput[] = ['1.147', '1 147', '1,5', '1.5', '0x10', 1.5];
    const rows = rowsOf(
      await readWorkbook(
        await templateWith(
          'enterprises',
          workforce.map((w, i) => ({ ...good, taxCode: tax[i], workforce: w })),
        ),
        'enterprises',
      ),
    );
    const { valid, errors } = validateEnterpriseRows(rows, { ...look, taxCodeExists: () => false });
    assert.deepEqual(
      valid.map((v) => v.workforce),
      [1147, 1147],
      JSON.stringify(errors),
    );
    assert.deepEqual(
      errors.map((e) => [e.row, e.column, e.reason, e.value]),
      [
        [4, 'Số lao động', 'notWhole', '1,5'],
        [5, 'Số lao động', 'notWhole', '1.5'],
        [6, 'Số lao động', 'number', '0x10'],
        [7, 'Số lao động', 'notWhole', '1.5'],
      ],
    );
  });
});

describe('import: a template with every kind of bad enterprise row', () => {
  test('each bad cell is named by row, column and reason; good rows are parsed', async () => {
    const good = { name: 'Công ty TNHH Bình Minh', taxCode: '0314409058', type: 'Công ty TNHH', address: '1 Lê Lợi', managingUnit: 'Đảng ủy Phường 4', workforce: 120 };
    const rows = rowsOf(
      await readWorkbook(
        await templateWith('enterprises', [
          good,
          { ...good, taxCode: '0314409050' }, // row 3: wrong check digit
          { ...good, taxCode: '12345' }, // row 4: not 10/13 digits
          { ...good, taxCode: '0100233488' }, // row 5: already registered
          { ...good, taxCode: '0314409058' }, // row 6: twice in the file
          { ...good, taxCode: '0312687878', managingUnit: 'Phường 99' }, // row 7: unknown ward
          { ...good, taxCode: '0312687878-001', type: 'Tập đoàn', workforce: 'nhiều' }, // row 8: type, number
          { ...good, taxCode: '0312687878-002', name: '', address: '', foreignInvested: 'Có lẽ' }, // row 9: required, yes/no
        ]),
        'enterprises',
      ),
    );
    const { valid, errors } = validateEnterpriseRows(rows, look);
    assert.deepEqual(
      valid.map((v) => [v.row, v.taxCode, v.managingUnitId, v.workforce]),
      [[2, '0314409058', 10, 120]],
    );
    assert.deepEqual(
      errors.map((e) => [e.row, e.column, e.reason]),
      [
        [3, 'Mã số thuế', 'taxCodeChecksum'],
        [4, 'Mã số thuế', 'taxCode'],
        [5, 'Mã số thuế', 'taxCodeTaken'],
        [6, 'Mã số thuế', 'taxCodeRepeated'],
        [7, 'Đơn vị quản lý', 'unknownUnit'],
        [8, 'Loại hình', 'choice'],
        [8, 'Số lao động', 'number'],
        [9, 'Tên doanh nghiệp', 'required'],
        [9, 'Có vốn đầu tư nước ngoài', 'choice'],
        [9, 'Địa chỉ trụ sở', 'required'],
      ],
    );
    assert.deepEqual(errors[3].params, { row: '2' });
    assert.equal(errors[4].value, 'Phường 99');
  });
});

describe('import: a template with every kind of bad member row', () => {
  test('dates, CCCD, duplicates in the portal and in the file, unknown cell and enterprise', async () => {
    const good = GOOD_MEMBER;
    const rows = rowsOf(
      await readWorkbook(
        await templateWith('members', [
          good,
          { ...good, nationalId: '082190009999', cardNo: '82.1' }, // 3: CCCD already in the portal
          { ...good, nationalId: '082190001234', cardNo: '82.2' }, // 4: CCCD twice in the file
          { ...good, nationalId: '12345', cardNo: '82.3' }, // 5: bad CCCD
          { ...good, fullName: 'Lê Thị Sáu', nationalId: '', birthDate: '12/8/90', cardNo: '82.4' }, // 6: a two-digit year
          { ...good, fullName: 'Lê Thị Bảy', nationalId: '', cell: 'Chi bộ không có', enterpriseTaxCode: '0314409058', cardNo: '82.5' }, // 7: unknown cell, unknown enterprise
          { ...good, fullName: 'Lê Thị Tám', nationalId: '', officialOn: '19/05/2014', cardNo: '82.000001' }, // 8: official before admitted; card taken
          { ...good, nationalId: '', fullName: 'Trần Văn An', birthDate: '01/01/1985', gender: 'Nam', cardNo: '82.6' }, // 9: same name and birth in the portal
          { ...good, nationalId: '', fullName: 'Trần Văn An', birthDate: '01/01/1985', gender: 'Nam', cardNo: '82.7', notDuplicate: 'Có' }, // 10: confirmed
          { ...good, fullName: 'Lê Thị Mười', nationalId: '', gender: 'Không rõ', occupation: 'Thợ', cardNo: '82.8' }, // 11: choices
          { ...good, fullName: 'Lê Thị Mười Một', nationalId: '', cardNo: '82.012345' }, // 12: card twice in the file
          { ...good, fullName: 'Lê Thị Mười Hai', nationalId: '', birthDate: new Date(Date.UTC(1991, 0, 5)), cardNo: '82.9' }, // 13: an Excel date cell is fine
          { ...good, fullName: 'le thi muoi hai', nationalId: '', birthDate: '05/01/1991', cardNo: '82.10' }, // 14: same person as row 13?
        ]),
        'members',
      ),
    );
    const { valid, errors } = validateMemberRows(rows, look);
    assert.deepEqual(
      valid.map((v) => v.row),
      [2, 10, 13],
    );
    assert.equal(valid[2].birthDate, '1991-01-05');
    assert.deepEqual(valid[0], {
      row: 2,
      fullName: 'Nguyễn Thị Lan',
      birthDate: '1990-08-12',
      gender: 'female',
      nationalId: '082190001234',
      phone: undefined,
      cellUnitId: 20,
      enterpriseId: 7,
      occupation: 'direct_worker',
      admittedOn: '2015-05-19',
      officialOn: '2016-05-19',
      cardNo: '82.012345',
    });
    assert.deepEqual(
      errors.map((e) => [e.row, e.column, e.reason]),
      [
        [3, 'Số CCCD', 'cccdTaken'],
        [4, 'Số CCCD', 'cccdRepeated'],
        [5, 'Số CCCD', 'cccd'],
        [6, 'Ngày sinh', 'date'],
        [7, 'Chi bộ', 'unknownUnit'],
        [7, 'Mã số thuế doanh nghiệp nơi làm việc', 'unknownEnterprise'],
        [8, 'Ngày chính thức', 'officialBeforeAdmitted'],
        [8, 'Số thẻ đảng viên', 'cardTaken'],
        [9, 'Xác nhận khác người trùng tên', 'possibleDuplicate'],
        [11, 'Giới tính', 'choice'],
        [11, 'Nghề nghiệp', 'choice'],
        [12, 'Số thẻ đảng viên', 'cardRepeated'],
        [14, 'Xác nhận khác người trùng tên', 'possibleDuplicate'],
      ],
    );
    assert.equal(MEMBER_COLUMNS.length, 12);
  });
});
