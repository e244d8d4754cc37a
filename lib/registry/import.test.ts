import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { searchKey } from '@/lib/people/identity';
import { cellText, COLUMNS, ENTERPRISE_COLUMNS, MEMBER_COLUMNS, strictDate, validateEnterpriseRows, validateMemberRows, type ImportLookups } from './import';
import { readWorkbook, templateWorkbook } from './import-xlsx';

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

/** Fill the downloaded template's data sheet with rows and read it back as an upload. */
async function upload(kind: 'enterprises' | 'members', rows: Record<string, string | number | Date>[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await templateWorkbook(kind)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  // A loaded workbook has no column keys: rows go in by the template's column order.
  for (const r of rows) ws.addRow(COLUMNS[kind].map((c) => r[c.key] ?? null));
  return readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), kind);
}

describe('import: reading cells and dates', () => {
  test('cells read as a person sees them', () => {
    assert.equal(cellText(new Date(Date.UTC(2015, 4, 19))), '19/05/2015');
    assert.equal(cellText(320), '320');
    assert.equal(cellText({ richText: [{ text: 'Nguye\u0302\u0303n ' }, { text: 'Lan' }] }), 'Nguyễn Lan');
    assert.equal(cellText({ formula: 'A1', result: 5 } as ExcelJS.CellValue), '5');
    assert.equal(cellText(null), '');
  });
  test('dates must be dd/mm/yyyy and real', () => {
    assert.equal(strictDate('19/05/2015'), '2015-05-19');
    assert.equal(strictDate('1/2/2020'), '2020-02-01');
    // A date pasted into a text column arrives as Excel's serial day number.
    assert.equal(strictDate('33243'), '1991-01-05');
    assert.equal(strictDate('120'), undefined);
    for (const bad of ['2015-05-19', '31/02/2020', '19/05/15', '05.19.2015', '']) assert.equal(strictDate(bad), undefined, bad);
  });
});

describe('import: a template with every kind of bad enterprise row', () => {
  test('each bad cell is named by row, column and reason; good rows are parsed', async () => {
    const good = { name: 'Công ty TNHH Bình Minh', taxCode: '0314409058', type: 'Công ty TNHH', address: '1 Lê Lợi', managingUnit: 'Đảng ủy Phường 4', workforce: 120 };
    const { rows, missingHeaders } = await upload('enterprises', [
      good,
      { ...good, taxCode: '0314409050' }, // row 3: wrong check digit
      { ...good, taxCode: '12345' }, // row 4: not 10/13 digits
      { ...good, taxCode: '0100233488' }, // row 5: already registered
      { ...good, taxCode: '0314409058' }, // row 6: twice in the file
      { ...good, taxCode: '0312687878', managingUnit: 'Phường 99' }, // row 7: unknown ward
      { ...good, taxCode: '0312687878-001', type: 'Tập đoàn', workforce: 'nhiều' as unknown as number }, // row 8: type, number
      { ...good, taxCode: '0312687878-002', name: '', address: '', foreignInvested: 'Có lẽ' }, // row 9: required, yes/no
    ]);
    assert.deepEqual(missingHeaders, []);
    const { valid, errors } = validateEnterpriseRows(rows, look);
    assert.deepEqual(valid.map((v) => [v.row, v.taxCode, v.managingUnitId, v.workforce]), [[2, '0314409058', 10, 120]]);
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

  test('a sheet without the required headers is refused as a whole', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['Tên', 'MST']);
    const { missingHeaders } = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'enterprises');
    assert.deepEqual(missingHeaders, ENTERPRISE_COLUMNS.filter((c) => c.required).map((c) => c.header));
  });

  test('a file that is not a workbook is unreadable', async () => {
    assert.equal((await readWorkbook(Buffer.from('not a zip'), 'members')).unreadable, true);
  });
});

describe('import: a template with every kind of bad member row', () => {
  test('dates, CCCD, duplicates in the portal and in the file, unknown cell and enterprise', async () => {
    const good = {
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
    const { rows } = await upload('members', [
      good,
      { ...good, nationalId: '082190009999', cardNo: '82.1' }, // 3: CCCD already in the portal
      { ...good, nationalId: '082190001234', cardNo: '82.2' }, // 4: CCCD twice in the file
      { ...good, nationalId: '12345', cardNo: '82.3' }, // 5: bad CCCD
      { ...good, fullName: 'Lê Thị Sáu', nationalId: '', birthDate: '1990-08-12', cardNo: '82.4' }, // 6: date not dd/mm/yyyy
      { ...good, fullName: 'Lê Thị Bảy', nationalId: '', cell: 'Chi bộ không có', enterpriseTaxCode: '0314409058', cardNo: '82.5' }, // 7: unknown cell, unknown enterprise
      { ...good, fullName: 'Lê Thị Tám', nationalId: '', officialOn: '19/05/2014', cardNo: '82.000001' }, // 8: official before admitted; card taken
      { ...good, nationalId: '', fullName: 'Trần Văn An', birthDate: '01/01/1985', gender: 'Nam', cardNo: '82.6' }, // 9: same name and birth in the portal
      { ...good, nationalId: '', fullName: 'Trần Văn An', birthDate: '01/01/1985', gender: 'Nam', cardNo: '82.7', notDuplicate: 'Có' }, // 10: confirmed
      { ...good, fullName: 'Lê Thị Mười', nationalId: '', gender: 'Không rõ', occupation: 'Thợ', cardNo: '82.8' }, // 11: choices
      { ...good, fullName: 'Lê Thị Mười Một', nationalId: '', cardNo: '82.012345' }, // 12: card twice in the file
      { ...good, fullName: 'Lê Thị Mười Hai', nationalId: '', birthDate: new Date(Date.UTC(1991, 0, 5)), cardNo: '82.9' }, // 13: an Excel date cell is fine
      { ...good, fullName: 'le thi muoi hai', nationalId: '', birthDate: '05/01/1991', cardNo: '82.10' }, // 14: same person as row 13?
    ]);
    const { valid, errors } = validateMemberRows(rows, look);
    assert.deepEqual(valid.map((v) => v.row), [2, 10, 13]);
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
