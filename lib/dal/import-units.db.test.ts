import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { rowsOf } from '@/db';
import { assertNoDrift, expectDalError, expectRefused, seedEnterprises, registerTestDb } from '@/lib/test/db';
import { ENTERPRISE_COLUMNS, type RawRow } from '@/lib/registry/import';
import { taxCodeCheckDigit } from '@/lib/registry/tax-code';
import { importFile, importRows } from './imports';
import { createUnit } from './units';

const t = registerTestDb(seedEnterprises);

type U = [name: string, kind: string, parent: string, code: string, effectiveOn: string];
const unitRows = (list: U[]): RawRow[] => list.map(([name, kind, parent, code, effectiveOn], i) => ({ row: i + 2, cells: { name, kind, parent, code, effectiveOn } }));

const rowsOfSql = async <T>(q: string) => [...rowsOf<T>(await t.db.execute(sql.raw(q)))];
const unitByName = async (name: string) =>
  (await rowsOfSql<{ id: number; code: string; kind: string; parent_id: number; path: string }>(`select id, code, kind, parent_id, path::text as path from units where name = '${name}'`))[0];

function taxCode(n: number): string {
  for (let s = n; ; s++) {
    const nine = `14${String(s).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

function enterpriseRow(i: number, links: Partial<Record<'managingUnit' | 'partyUnit' | 'tradeUnionUnit' | 'youthUnionUnit', string>>): RawRow {
  const cells: Record<string, string> = Object.fromEntries(ENTERPRISE_COLUMNS.map((c) => [c.key, '']));
  Object.assign(
    cells,
    { name: `Công ty TNHH Liên Kết ${i}`, taxCode: taxCode(5000 + i * 3), type: 'Công ty TNHH', address: `${i} Ấp Bắc`, managingUnit: 'TG-MYTHO', workforce: String(40 + i) },
    links,
  );
  return { row: i + 2, cells };
}

describe('unit tree import', () => {
  test('a clean tree (parents above and below their children) is written with readable codes, dated events and audit rows', async () => {
    const rows = unitRows([
      ['Chi bộ Công ty TNHH Nhựa Sông Tiền', 'Chi bộ', 'Đảng ủy Phường 9', '', '05/03/2021'],
      ['Đảng ủy Phường 9', 'Đảng ủy phường, xã', 'TG-MYTHO', '', '01/07/2025'],
      ['Công đoàn cơ sở Công ty TNHH Nhựa Sông Tiền', 'cong doan co so', 'Chi bộ Công ty TNHH Nhựa Sông Tiền', 'TG-CD-SONGTIEN', '10/03/2021'],
      ['Chi bộ Khu phố 1, Phường 9', 'CELL', 'Đảng ủy Phường 9', '', '2024-01-15'],
    ]);
    const [audit0, events0] = [await t.lastAuditId(), (await rowsOfSql<{ n: number }>(`select count(*)::int as n from unit_events`))[0].n];
    const result = await t.run('mytho.admin', () => importRows('units', rows));
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.created, 4);
    const ward = await unitByName('Đảng ủy Phường 9');
    const cell = await unitByName('Chi bộ Công ty TNHH Nhựa Sông Tiền');
    const union = await unitByName('Công đoàn cơ sở Công ty TNHH Nhựa Sông Tiền');
    const kp = await unitByName('Chi bộ Khu phố 1, Phường 9');
    assert.equal(ward.code, 'TG-MYTHO-P9');
    assert.equal(ward.parent_id, await t.unitId('TG-MYTHO'));
    assert.equal(cell.code, 'TG-MYTHO-P9-NHUASONGTIEN');
    assert.equal(cell.path, `${ward.path}.${cell.id}`);
    assert.equal(union.code, 'TG-CD-SONGTIEN');
    assert.equal(union.parent_id, cell.id);
    assert.equal(kp.code, 'TG-MYTHO-P9-KP1');
    const events = await rowsOfSql<{ unit_id: number; effective_on: string }>(
      `select unit_id, effective_on::text from unit_events where kind = 'created' and unit_id in (${[ward.id, cell.id, union.id, kp.id]}) order by unit_id`,
    );
    assert.deepEqual(
      new Map(events.map((e) => [Number(e.unit_id), e.effective_on])),
      new Map([
        [ward.id, '2025-07-01'],
        [cell.id, '2021-03-05'],
        [union.id, '2021-03-10'],
        [kp.id, '2024-01-15'],
      ]),
    );
    assert.equal((await rowsOfSql<{ n: number }>(`select count(*)::int as n from unit_events`))[0].n - events0, 4);
    const audit = await t.auditSince(audit0);
    assert.deepEqual(
      audit.map((a) => a.action),
      ['unit.import', 'unit.import', 'unit.import', 'unit.import'],
    );
    await assertNoDrift(t);
  });

  test('a bad parent, a cycle, a duplicate code and a kind not allowed: nothing written, each named with its row and column', async () => {
    const rows = unitRows([
      ['Chi bộ Công ty A', 'Chi bộ', 'Đảng ủy Phường 99', '', '01/01/2022'], // 2: no such parent
      ['Đảng ủy cơ sở X', 'Đảng ủy cơ sở', 'Đảng ủy cơ sở Y', '', '01/01/2022'], // 3: cycle with 4
      ['Đảng ủy cơ sở Y', 'Đảng ủy cơ sở', 'Đảng ủy cơ sở X', '', '01/01/2022'], // 4
      ['Chi bộ Công ty B', 'Chi bộ', 'TG-MYTHO-P4', 'TG-MYTHO-P4-PHUONGNAM', '01/01/2022'], // 5: code taken
      ['Chi bộ Công ty C', 'Chi bộ', 'TG-MYTHO-P4', 'TG-NEW-C', '01/01/2022'], // 6
      ['Chi bộ Công ty D', 'Chi bộ', 'TG-MYTHO-P4', 'tg-new-c', '01/01/2022'], // 7: code repeated (case ignored)
      ['Đảng ủy Phường 12', 'Đảng ủy phường, xã', 'Chi bộ Khu phố 3, Phường 4', '', '01/01/2022'], // 8: a ward under a cell
      ['Chi bộ Công ty E', 'Chi bộ', 'Thành ủy Mỹ Tho', '', '01/01/2099'], // 9: date in the future
      ['Chi bộ Công ty F', 'Tổ chức khác', 'Thành ủy Mỹ Tho', '', '31/02/2022'], // 10: unknown kind, unreal date
    ]);
    const before = await t.snapshot();
    const result = await t.run('mytho.admin', () => importRows('units', rows));
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.row, e.column, e.reason]).sort((a, b) => Number(a[0]) - Number(b[0])),
      [
        [2, 'Đơn vị cấp trên', 'parentNotFound'],
        [3, 'Đơn vị cấp trên', 'parentCycle'],
        [4, 'Đơn vị cấp trên', 'parentCycle'],
        [5, 'Mã', 'codeTaken'],
        [7, 'Mã', 'codeRepeated'],
        [8, 'Loại', 'kindNotAllowed'],
        [9, 'Ngày thành lập / hiệu lực', 'dateInFuture'],
        [10, 'Loại', 'choice'],
        [10, 'Ngày thành lập / hiệu lực', 'date'],
      ],
    );
    assert.deepEqual(result.errors.find((e) => e.row === 3)?.params, { rows: '3, 4' });
    assert.deepEqual(result.errors.find((e) => e.row === 7)?.params, { row: '6' });
    assert.deepEqual(result.errors.find((e) => e.row === 8)?.params, { kind: 'Đảng ủy phường, xã', parent: 'Chi bộ' });
    assert.deepEqual(await t.snapshot(), before);
  });

  test('an ambiguous parent name, a parent outside the scope: named, nothing written', async () => {
    const rows = unitRows([
      ['Chi bộ Công ty G', 'Chi bộ', 'Chi bộ Trùng', '', '01/01/2022'], // two rows share the name
      ['Chi bộ Trùng', 'Chi bộ', 'TG-MYTHO-P4', '', '01/01/2022'],
      ['Chi bộ Trùng', 'Chi bộ', 'TG-MYTHO-P6', '', '01/01/2022'],
      ['Chi bộ Công ty H', 'Chi bộ', 'TG-KHOIDN', '', '01/01/2022'], // the bloc is the province's, not Mỹ Tho's
      ['Chi bộ Công ty I', 'Chi bộ', 'Đảng ủy Khối Doanh nghiệp ngoài khu vực nhà nước tỉnh', '', '01/01/2022'], // by name: not found from Mỹ Tho
    ]);
    const before = await t.snapshot();
    const result = await t.run('mytho.admin', () => importRows('units', rows));
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.row, e.reason]),
      [
        [2, 'parentAmbiguous'],
        [5, 'parentOutOfScope'],
        [6, 'parentNotFound'],
      ],
    );
    assert.equal(result.errors[0].params?.where, 'dòng 3, dòng 4');
    assert.deepEqual(await t.snapshot(), before);
  });

  test('refused: a viewer and a ward officer (no unit.create) are refused before anything is read; nothing changes', async () => {
    const rows = unitRows([['Chi bộ Công ty K', 'Chi bộ', 'TG-MYTHO-P6', '', '01/01/2022']]);
    await expectRefused(t, 'tinh.viewer', () => importRows('units', rows), 'forbidden');
    await expectRefused(t, 'p4.officer', () => importRows('units', rows), 'forbidden');
    await expectRefused(t, 'p4.leader', () => importRows('units', rows), 'forbidden');
  });

  test('a workbook as officials make it: a hidden sheet, a title row, Excel and text dates, NFD names, a trailing empty row', async () => {
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet('DanhMuc', { state: 'hidden' });
    hidden.addRow(['Tên đơn vị', 'Loại', 'Đơn vị cấp trên']);
    hidden.addRow(['Chi bộ Ẩn', 'Chi bộ', 'TG-MYTHO']);
    const ws = wb.addWorksheet('Cây đơn vị');
    ws.addRow(['DANH SÁCH TỔ CHỨC ĐẢNG THÀNH ỦY MỸ THO (đến 30/11/2026)']);
    ws.addRow([]);
    ws.addRow(['STT', 'Tên đơn vị', 'Loại đơn vị', 'Đơn vị cấp trên', 'Mã đơn vị', 'Ngày thành lập\n(dd/mm/yyyy)']);
    ws.addRow([1, 'Đảng ủy Phường 10'.normalize('NFD'), 'đảng uỷ phường, xã', 'Thành ủy Mỹ Tho'.normalize('NFD'), '', new Date(Date.UTC(2025, 6, 1))]);
    ws.addRow([2, 'Chi bộ Công ty Cổ phần Gạch Ngói Tiền Giang', 'Chi bộ', 'Đảng ủy Phường 10', '', '12/09/2019']);
    ws.getCell('F5').numFmt = '@';
    ws.addRow([]);
    ws.addRow([null, null, null, null, null, null]);
    const result = await t.run('mytho.admin', async () => importFile('units', Buffer.from(await wb.xlsx.writeBuffer())));
    assert.ok(result.ok && 'created' in result, JSON.stringify(result));
    assert.equal(result.created, 2);
    const ward = await unitByName('Đảng ủy Phường 10');
    assert.equal(ward.code, 'TG-MYTHO-P10');
    const cell = await unitByName('Chi bộ Công ty Cổ phần Gạch Ngói Tiền Giang');
    assert.equal(cell.code, 'TG-MYTHO-P10-GACHNGOITIENGIAN');
    assert.equal(cell.parent_id, ward.id);
    const dates = await rowsOfSql<{ d: string }>(`select effective_on::text as d from unit_events where unit_id in (${ward.id}, ${cell.id}) order by unit_id`);
    assert.deepEqual(
      dates.map((d) => d.d),
      ['2025-07-01', '2019-09-12'],
    );
    assert.equal((await unitByName('Chi bộ Ẩn')) ?? null, null);
  });
});

describe('readable codes from createUnit', () => {
  test('a blank code becomes parent code + name, made unique with -2; a typed code that is taken is a field error, nothing written', async () => {
    const p6 = await t.unitId('TG-MYTHO-P6');
    const a = await t.run('mytho.admin', () => createUnit({ parentId: p6, kind: 'cell', name: 'Chi bộ Công ty TNHH Bánh Phồng Tôm', effectiveOn: '2024-05-01' }));
    const b = await t.run('mytho.admin', () => createUnit({ parentId: p6, kind: 'cell', name: 'Chi bộ Công ty Cổ phần Bánh Phồng Tôm', effectiveOn: '2024-05-01' }));
    const codes = await rowsOfSql<{ id: number; code: string }>(`select id, code from units where id in (${a.id}, ${b.id}) order by id`);
    assert.deepEqual(
      codes.map((c) => c.code),
      ['TG-MYTHO-P6-BANHPHONGTOM', 'TG-MYTHO-P6-BANHPHONGTOM-2'],
    );
    const before = await t.snapshot();
    const err = await expectDalError(
      t.run('mytho.admin', () => createUnit({ parentId: p6, kind: 'cell', name: 'Chi bộ Khác', code: 'TG-MYTHO-P6-BANHPHONGTOM', effectiveOn: '2024-05-01' })),
      'invalid',
    );
    assert.deepEqual(err.fieldErrors, { code: 'errors.codeTaken' });
    assert.deepEqual(await t.snapshot(), before);
  });
});

describe('readable codes never run out', () => {
  test('sixty cells whose long names share a code stem, imported twice, then one more by the form: each gets a free code of its own', async () => {
    const p4 = await t.unitId('TG-MYTHO-P4');
    // The stem keeps 16 letters ("SANXUATTHUONGMAI"): the names differ only after them.
    const names = (run: string) => Array.from({ length: 60 }, (_, i) => `Chi bộ Công ty TNHH Sản xuất Thương mại Dịch vụ Số ${i + 1} (${run})`);
    for (const run of ['lần 1', 'lần 2']) {
      const result = await t.run('mytho.admin', () => importRows('units', unitRows(names(run).map((n): U => [n, 'Chi bộ', 'TG-MYTHO-P4', '', '01/07/2025']))));
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.created, 60);
    }
    const one = await t.run('mytho.admin', () => createUnit({ parentId: p4, kind: 'cell', name: 'Chi bộ Công ty TNHH Sản xuất Thương mại Dịch vụ Số 61 (lần 2)', effectiveOn: '2025-07-01' }));
    const codes = await rowsOfSql<{ id: number; code: string }>(`select id, code from units where parent_id = ${p4} and code like 'TG-MYTHO-P4-SANXUATTHUONGMAI%' order by id`);
    assert.equal(codes.length, 121);
    assert.equal(new Set(codes.map((c) => c.code)).size, 121);
    assert.deepEqual(
      codes.slice(0, 3).map((c) => c.code),
      ['TG-MYTHO-P4-SANXUATTHUONGMAI', 'TG-MYTHO-P4-SANXUATTHUONGMAI-2', 'TG-MYTHO-P4-SANXUATTHUONGMAI-3'],
    );
    assert.equal(codes.at(-1)!.id, one.id);
    assert.equal(codes.at(-1)!.code, 'TG-MYTHO-P4-SANXUATTHUONGMAI-121');
  });
});

describe('enterprise import with links', () => {
  test('links in scope land (and set the union/youth flags); out of scope, wrong kind or unknown are named, nothing written', async () => {
    const good = [
      enterpriseRow(1, { partyUnit: 'Chi bộ Công ty TNHH Nhựa Sông Tiền', tradeUnionUnit: 'TG-CD-SONGTIEN' }),
      enterpriseRow(2, { partyUnit: 'TG-MYTHO-P4-KP3', youthUnionUnit: 'Chi đoàn Công ty TNHH Thực phẩm Mekong' }),
      enterpriseRow(3, {}),
    ];
    const bad = [
      ...good,
      enterpriseRow(4, { partyUnit: 'TG-KHOIDN-GOCONG' }), // a cell of the bloc: not in Mỹ Tho's scope
      enterpriseRow(5, { tradeUnionUnit: 'TG-MYTHO-P4-KP3' }), // a cell named as a union
      enterpriseRow(6, { youthUnionUnit: 'Chi đoàn không có' }),
      enterpriseRow(7, { partyUnit: 'Đảng ủy Phường 4' }), // a ward committee is not an enterprise's party organisation
    ];
    const before = await t.snapshot();
    const refused = await t.run('mytho.admin', () => importRows('enterprises', bad));
    assert.ok(!refused.ok);
    assert.deepEqual(
      refused.errors.map((e) => [e.row, e.column, e.reason]),
      [
        [6, 'Tổ chức đảng', 'unknownUnit'],
        [7, 'Công đoàn cơ sở', 'wrongKindUnit'],
        [8, 'Đoàn thanh niên', 'unknownUnit'],
        [9, 'Tổ chức đảng', 'wrongKindUnit'],
      ],
    );
    assert.deepEqual(await t.snapshot(), before);

    // The province sees the bloc's cell: the same link is in its scope.
    const done = await t.run('mytho.admin', () => importRows('enterprises', good));
    assert.ok(done.ok, JSON.stringify(done));
    const rows = await rowsOfSql<{ name: string; party: string | null; tu: string | null; yu: string | null; has_tu: boolean; has_yu: boolean }>(
      `select e.name, p.code as party, tu.code as tu, yu.code as yu, e.has_trade_union as has_tu, e.has_youth_union as has_yu from enterprises e
       left join units p on p.id = e.party_unit_id left join units tu on tu.id = e.trade_union_unit_id left join units yu on yu.id = e.youth_union_unit_id
       where e.name like 'Công ty TNHH Liên Kết %' order by e.name`,
    );
    assert.deepEqual(rows, [
      { name: 'Công ty TNHH Liên Kết 1', party: 'TG-MYTHO-P9-NHUASONGTIEN', tu: 'TG-CD-SONGTIEN', yu: null, has_tu: true, has_yu: false },
      { name: 'Công ty TNHH Liên Kết 2', party: 'TG-MYTHO-P4-KP3', tu: null, yu: 'TG-DTN-MEKONG', has_tu: false, has_yu: true },
      { name: 'Công ty TNHH Liên Kết 3', party: null, tu: null, yu: null, has_tu: false, has_yu: false },
    ]);
    const province = await t.run('tinh.admin', () => importRows('enterprises', [enterpriseRow(10, { managingUnit: 'TG-KHOIDN', partyUnit: 'TG-KHOIDN-GOCONG' })]));
    assert.ok(province.ok, JSON.stringify(province));
    await assertNoDrift(t);
  });

  test('[measure] a tree of 70 units, then 500 enterprises linked to them', async () => {
    const list: U[] = [];
    for (let w = 0; w < 10; w++) {
      const ward = `Đảng ủy Xã Thử Nghiệm ${w}`;
      list.push([ward, 'Đảng ủy phường, xã', 'Thành ủy Mỹ Tho', '', '01/07/2025']);
      for (let c = 0; c < 2; c++) {
        const cell = `Chi bộ Công ty TNHH Đo Lường ${w}-${c}`;
        list.push([cell, 'Chi bộ', ward, '', '15/03/2020']);
        list.push([`Công đoàn cơ sở Công ty TNHH Đo Lường ${w}-${c}`, 'Công đoàn cơ sở', cell, '', '15/03/2020']);
        list.push([`Chi đoàn Công ty TNHH Đo Lường ${w}-${c}`, 'Đoàn Thanh niên', cell, '', '15/03/2020']);
      }
    }
    assert.equal(list.length, 70);
    const started = performance.now();
    const tree = await t.run('tinh.admin', () => importRows('units', unitRows(list)));
    const treeMs = performance.now() - started;
    assert.ok(tree.ok, JSON.stringify(tree));
    assert.equal(tree.created, 70);
    const firms = Array.from({ length: 500 }, (_, i) => {
      const w = i % 10;
      const c = Math.floor(i / 10) % 2;
      const row = enterpriseRow(1000 + i, {
        managingUnit: `Đảng ủy Xã Thử Nghiệm ${w}`,
        partyUnit: `Chi bộ Công ty TNHH Đo Lường ${w}-${c}`,
        tradeUnionUnit: i % 3 ? `Công đoàn cơ sở Công ty TNHH Đo Lường ${w}-${c}` : '',
        youthUnionUnit: i % 4 ? '' : `Chi đoàn Công ty TNHH Đo Lường ${w}-${c}`,
      });
      row.cells.name = `Công ty TNHH Đo Lường Số ${i}`;
      return row;
    });
    const started2 = performance.now();
    const done = await t.run('tinh.admin', () => importRows('enterprises', firms));
    const firmsMs = performance.now() - started2;
    assert.ok(done.ok, JSON.stringify(done).slice(0, 500));
    assert.equal(done.created, 500);
    const [{ n }] = await rowsOfSql<{ n: number }>(`select count(*)::int as n from enterprises where name like 'Công ty TNHH Đo Lường Số %' and party_unit_id is not null`);
    assert.equal(Number(n), 500);
    console.log(`[measure] ${t.driver}: unit tree of 70 rows imported in ${treeMs.toFixed(0)} ms; 500 enterprises with links in ${firmsMs.toFixed(0)} ms`);
    await assertNoDrift(t);
  });
});
