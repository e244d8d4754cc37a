import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { expectDalError, seedEnterprises, registerTestDb } from '@/lib/test/db';
import type { RawRow } from '@/lib/registry/import';
import { taxCodeCheckDigit } from '@/lib/registry/tax-code';
import ExcelJS from 'exceljs';
import { MEMBER_COLUMNS } from '@/lib/registry/import';
import { templateWorkbook } from '@/lib/registry/import-xlsx';
import { importFile, importRows } from './imports';

const t = registerTestDb(seedEnterprises);

/** n member rows for the Phương Nam cell, each a distinct valid person (CCCD 0821xx + serial). */
function memberRows(n: number, offset = 0): RawRow[] {
  return Array.from({ length: n }, (_, i) => {
    const k = offset + i;
    const year = 1970 + (k % 30);
    return {
      row: i + 2,
      cells: {
        fullName: `Đảng viên Nhập ${k}`,
        birthDate: `${String(1 + (k % 28)).padStart(2, '0')}/${String(1 + (k % 12)).padStart(2, '0')}/${year}`,
        gender: k % 2 ? 'Nữ' : 'Nam',
        nationalId: `082${k % 2 ? 1 : 0}${String(year).slice(2)}${String(700000 + k).padStart(6, '0')}`,
        phone: '',
        cell: 'Chi bộ Công ty TNHH May Phương Nam',
        enterpriseTaxCode: '',
        occupation: 'Công nhân trực tiếp sản xuất',
        admittedOn: '19/05/2015',
        officialOn: '19/05/2016',
        cardNo: `82.9${String(k).padStart(6, '0')}`,
        notDuplicate: '',
      },
    };
  });
}

function taxCode(n: number): string {
  for (let s = n; ; s++) {
    const nine = `13${String(s).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

const count = async (table: string) => Number(rowsOf<{ n: number }>(await t.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0].n);

describe('Excel import in the data layer', () => {
  test('5,000 member rows with one bad date: nothing is written, the report names the row and the cell', async () => {
    const rows = memberRows(5000);
    rows[3456].cells.admittedOn = '19/05/15';
    const before = await t.snapshot();
    const started = Date.now();
    const result = await t.run('cb.phuongnam', () => importRows('members', rows));
    const ms = Date.now() - started;
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.row, e.column, e.value, e.reason]),
      [[3458, 'Ngày vào Đảng', '19/05/15', 'date']],
    );
    assert.deepEqual(await t.snapshot(), before);
    console.log(`[measure] ${t.driver}: validating 5,000 member rows with one bad row took ${ms} ms; nothing written`);
  });

  test('5,000 clean member rows are written in one transaction, each with its history and audit row', async () => {
    const [members, audit] = [await count('party_members'), await count('audit_log')];
    const result = await t.run('cb.phuongnam', () => importRows('members', memberRows(5000)));
    assert.ok(result.ok);
    assert.equal(result.created, 5000);
    assert.equal((await count('party_members')) - members, 5000);
    assert.equal((await count('audit_log')) - audit, 5000);
    assert.equal(await count(`member_events where note = 'Nhập từ tệp Excel'`), 5000);
    console.log(`[measure] ${t.driver}: importing 5,000 member rows took ${result.ms} ms`);
    // Imported again: every row is now a duplicate CCCD (and card), and nothing is written.
    const again = await t.run('cb.phuongnam', () => importRows('members', memberRows(3)));
    assert.ok(!again.ok);
    assert.deepEqual([...new Set(again.errors.map((e) => e.reason))].sort(), ['cardTaken', 'cccdTaken']);
  });

  test('enterprises: a bad row stops the file; a clean file lands', async () => {
    const rows: RawRow[] = Array.from({ length: 50 }, (_, i) => ({
      row: i + 2,
      cells: {
        name: `Công ty TNHH Nhập Khẩu ${i}`,
        taxCode: taxCode(1000 + i * 3),
        type: 'Công ty TNHH',
        foreignInvested: '',
        address: `${i} Lê Lợi`,
        managingUnit: 'Đảng ủy Phường 4',
        zone: '',
        workforce: String(50 + i),
        hasTradeUnion: 'Có',
        hasYouthUnion: '',
        ownerName: '',
        ownerIsMember: '',
        status: '',
      },
    }));
    const bad = structuredClone(rows);
    bad[10].cells.managingUnit = 'Phường 99';
    const before = await t.snapshot();
    const refused = await t.run('p4.officer', () => importRows('enterprises', bad));
    assert.ok(!refused.ok);
    assert.deepEqual(
      refused.errors.map((e) => [e.row, e.reason]),
      [[12, 'unknownUnit']],
    );
    assert.deepEqual(await t.snapshot(), before);
    const done = await t.run('p4.officer', () => importRows('enterprises', rows));
    assert.ok(done.ok);
    assert.equal(done.created, 50);
  });

  test('refused: a viewer; a ward officer naming another ward’s cell finds it "unknown", nothing written', async () => {
    const before = await t.snapshot();
    await expectDalError(
      t.run('tinh.viewer', () => importRows('members', memberRows(2, 9000))),
      'forbidden',
    );
    const other = await t.run('p6.leader', () => importRows('members', memberRows(2, 9100)));
    assert.ok(!other.ok);
    assert.deepEqual([...new Set(other.errors.map((e) => e.reason))], ['unknownUnit']);
    const union = await t.run('cd.mekong', () => importRows('members', memberRows(1, 9200)));
    assert.ok(!union.ok);
    assert.deepEqual(await t.snapshot(), before);
  });

  test('a file with a bad kind of cell writes nothing and names row, column, value and reason', async () => {
    const rows = memberRows(3, 9400);
    rows[1].cells.fullName = 'NguyÔn V¨n Hïng';
    rows[2].problems = { cardNo: { reason: 'cellError', params: { error: '#N/A' } } };
    rows[2].cells.cardNo = '#N/A';
    const before = await t.snapshot();
    const refused = await t.run('cb.phuongnam', () => importRows('members', rows));
    assert.ok(!refused.ok);
    assert.deepEqual(
      refused.errors.map((e) => [e.row, e.column, e.value, e.reason]),
      [
        [3, 'Họ và tên', 'NguyÔn V¨n Hïng', 'legacyEncoding'],
        [4, 'Số thẻ đảng viên', '#N/A', 'cellError'],
      ],
    );
    assert.deepEqual(await t.snapshot(), before);
  });

  test('an uploaded file: one stray cell in A1048576 costs nothing; an #N/A card number writes nothing and is named', async () => {
    const file = async (card: ExcelJS.CellValue, stray: boolean) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await templateWorkbook('members')) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      const [row] = memberRows(1, 9500);
      ws.getRow(2).values = MEMBER_COLUMNS.map((c) => (c.key === 'cardNo' ? card : row.cells[c.key] || null));
      if (stray) ws.getCell('A1048576').value = ' ';
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const before = await t.snapshot();
    const refused = await t.run('cb.phuongnam', async () => importFile('members', await file({ error: '#N/A' }, false)));
    assert.ok(!refused.ok && 'errors' in refused);
    assert.deepEqual(
      refused.errors.map((e) => [e.row, e.column, e.value, e.reason]),
      [[2, 'Số thẻ đảng viên', '#N/A', 'cellError']],
    );
    assert.deepEqual(await t.snapshot(), before);

    const stray = await file('82.9509500', true);
    const started = performance.now();
    const done = await t.run('cb.phuongnam', () => importFile('members', stray));
    console.log(`[import] member template with one row and a stray cell in A1048576 (${stray.length} bytes) imported in ${(performance.now() - started).toFixed(0)} ms`);
    assert.ok(done.ok && 'created' in done);
    assert.equal(done.created, 1);
  });
});
