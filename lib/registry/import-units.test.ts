import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawRow } from './import';
import { parseUnitKind, validateUnitRows, type ExistingParent, type UnitTreeLookups } from './import-units';

const EXISTING: ExistingParent[] = [
  { id: 2, kind: 'district', path: '1.2', code: 'TG-MYTHO', name: 'Thành ủy Mỹ Tho', mine: true, mayCreate: true },
  { id: 5, kind: 'ward', path: '1.2.5', code: 'TG-MYTHO-P4', name: 'Đảng ủy Phường 4', mine: true, mayCreate: true },
  { id: 7, kind: 'cell', path: '1.2.5.7', code: 'TG-MYTHO-P4-KP3', name: 'Chi bộ Khu phố 3', mine: true, mayCreate: true },
  { id: 8, kind: 'ward', path: '1.2.8', code: 'TG-MYTHO-P6', name: 'Đảng ủy Phường 6', mine: true, mayCreate: true },
  { id: 9, kind: 'cell', path: '1.2.8.9', code: 'TG-MYTHO-P6-KP3', name: 'Chi bộ Khu phố 3', mine: true, mayCreate: true },
  { id: 20, kind: 'bloc', path: '1.20', code: 'TG-KHOIDN', name: 'Đảng ủy Khối Doanh nghiệp', mine: false, mayCreate: false },
];
const key = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .trim();
const look: UnitTreeLookups = {
  parents: (ref) => EXISTING.filter((u) => key(u.code) === key(ref) || (u.mine && key(u.name) === key(ref))),
  codeExists: (code) => EXISTING.some((u) => u.code === code),
  today: '2026-11-30',
};
const rows = (list: string[][]): RawRow[] => list.map(([name, kind, parent, code, effectiveOn], i) => ({ row: i + 2, cells: { name, kind, parent, code, effectiveOn } }));
const reasons = (list: string[][]) => validateUnitRows(rows(list), look).errors.map((e) => [e.row, e.reason]);

describe('parseUnitKind: the label, the code, or what officials write, without diacritics or case', () => {
  const cases: [string, string | undefined][] = [
    ['Chi bộ', 'cell'],
    ['CHI BO', 'cell'],
    ['cell', 'cell'],
    ['Đảng ủy phường, xã', 'ward'],
    ['Đảng uỷ phường', 'ward'],
    ['Đảng ủy cơ sở', 'grassroots'],
    ['grassroots', 'grassroots'],
    ['Công đoàn cơ sở', 'union_branch'],
    ['union_branch', 'union_branch'],
    ['Đoàn Thanh niên', 'youth_branch'],
    ['Chi đoàn', 'youth_branch'],
    ['Đảng ủy Khối', 'bloc'],
    ['Huyện ủy', 'district'],
    ['Tỉnh ủy / Thành ủy', 'province'],
    ['Hội phụ nữ', undefined],
    ['', undefined],
  ];
  for (const [text, kind] of cases) test(`"${text}" -> ${kind}`, () => assert.equal(parseUnitKind(text), kind));
});

describe('validateUnitRows', () => {
  test('parents in the portal or in the file (above or below); written parents first', () => {
    const r = validateUnitRows(
      rows([
        ['Chi bộ A', 'Chi bộ', 'Đảng ủy Phường 9', '', '01/02/2020'],
        ['Công đoàn A', 'Công đoàn cơ sở', 'CB-A', '', '01/02/2020'],
        ['Đảng ủy Phường 9', 'Đảng ủy phường, xã', 'tg-mytho', '', '01/07/2025'],
        ['Chi bộ B', 'Chi bộ', 'TG-MYTHO-P4', 'CB-B', '01/02/2020'],
      ]).map((x, i) => (i === 0 ? { ...x, cells: { ...x.cells, code: 'CB-A' } } : x)),
      look,
    );
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      r.valid.map((v) => [v.row, v.depth, 'unit' in v.parent ? v.parent.unit.code : v.parent.row]),
      [
        [4, 1, 'TG-MYTHO'],
        [5, 1, 'TG-MYTHO-P4'],
        [2, 2, 4],
        [3, 3, 2],
      ],
    );
    assert.equal(r.valid.find((v) => v.row === 2)!.effectiveOn, '2020-02-01');
  });

  const table: [what: string, list: string[][], expected: (string | number)[][]][] = [
    ['parent not found', [['Chi bộ A', 'Chi bộ', 'Phường 99', '', '01/02/2020']], [[2, 'parentNotFound']]],
    ['parent outside the scope (named by code)', [['Chi bộ A', 'Chi bộ', 'TG-KHOIDN', '', '01/02/2020']], [[2, 'parentOutOfScope']]],
    ['parent outside the scope by name is simply not found', [['Chi bộ A', 'Chi bộ', 'Đảng ủy Khối Doanh nghiệp', '', '01/02/2020']], [[2, 'parentNotFound']]],
    ['ambiguous name in the portal', [['Chi bộ A', 'Chi bộ', 'Chi bộ Khu phố 3', '', '01/02/2020']], [[2, 'parentAmbiguous']]],
    ['itself as parent', [['Chi bộ A', 'Chi bộ', 'Chi bộ A', '', '01/02/2020']], [[2, 'parentCycle']]],
    [
      'a cycle of three, and a child hanging from it (not itself named)',
      [
        ['X', 'Đảng ủy cơ sở', 'Z', '', '01/02/2020'],
        ['Y', 'Đảng ủy cơ sở', 'X', '', '01/02/2020'],
        ['Z', 'Đảng ủy cơ sở', 'Y', '', '01/02/2020'],
        ['W', 'Chi bộ', 'Z', '', '01/02/2020'],
      ],
      [
        [2, 'parentCycle'],
        [3, 'parentCycle'],
        [4, 'parentCycle'],
      ],
    ],
    ['a code already in the portal', [['Chi bộ A', 'Chi bộ', 'TG-MYTHO', 'TG-MYTHO-P4', '01/02/2020']], [[2, 'codeTaken']]],
    [
      'a code twice in the file',
      [
        ['Chi bộ A', 'Chi bộ', 'TG-MYTHO', 'AB-1', '01/02/2020'],
        ['Chi bộ B', 'Chi bộ', 'TG-MYTHO', 'ab-1', '01/02/2020'],
      ],
      [[3, 'codeRepeated']],
    ],
    ['a code with accents or a dot', [['Chi bộ A', 'Chi bộ', 'TG-MYTHO', 'TG.MỸ', '01/02/2020']], [[2, 'codeFormat']]],
    ['a ward under a cell', [['Đảng ủy Phường 9', 'Đảng ủy phường, xã', 'TG-MYTHO-P4-KP3', '', '01/02/2020']], [[2, 'kindNotAllowed']]],
    [
      'a union branch under a union branch of the file',
      [
        ['CĐ A', 'Công đoàn cơ sở', 'TG-MYTHO-P4-KP3', '', '01/02/2020'],
        ['CĐ B', 'Công đoàn cơ sở', 'CĐ A', '', '01/02/2020'],
      ],
      [[3, 'kindNotAllowed']],
    ],
    ['a date in the future', [['Chi bộ A', 'Chi bộ', 'TG-MYTHO', '', '01/12/2026']], [[2, 'dateInFuture']]],
    ['an unreal date', [['Chi bộ A', 'Chi bộ', 'TG-MYTHO', '', '30/02/2020']], [[2, 'date']]],
    ['an unknown kind', [['Hội A', 'Hội phụ nữ', 'TG-MYTHO', '', '01/02/2020']], [[2, 'choice']]],
    [
      'required cells',
      [['', '', '', '', '']],
      [
        [2, 'required'],
        [2, 'required'],
        [2, 'required'],
        [2, 'required'],
      ],
    ],
  ];
  for (const [what, list, expected] of table) test(what, () => assert.deepEqual(reasons(list), expected));
});
