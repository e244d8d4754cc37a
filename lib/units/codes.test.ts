import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCode, CODE_MAX, CODE_PATTERN, codeStem, uniqueCode } from './codes';
import type { UnitKind } from './kinds';

describe('codeStem: the name without the kind words, upper-case ASCII', () => {
  const cases: [name: string, kind: UnitKind, stem: string][] = [
    ['Đảng ủy Phường 4', 'ward', 'P4'],
    ['Chi bộ Công ty TNHH May Phương Nam', 'cell', 'MAYPHUONGNAM'],
    ['Chi bộ Công ty Cổ phần Dược Mekong', 'cell', 'DUOCMEKONG'],
    ['Chi bộ Công ty CP Đồng Tâm', 'cell', 'DONGTAM'],
    ['Công đoàn cơ sở Công ty TNHH MTV Việt Hàn', 'union_branch', 'VIETHAN'],
    ['Chi đoàn Công ty Long Giang', 'youth_branch', 'LONGGIANG'],
    ['Đoàn Thanh niên Công ty TNHH Mekong', 'youth_branch', 'MEKONG'],
    ['Thành ủy Mỹ Tho', 'district', 'MYTHO'],
    ['Huyện ủy Châu Thành', 'district', 'CHAUTHANH'],
    ['Đảng ủy Khối Doanh nghiệp', 'bloc', 'KHOI'],
    ['Chi bộ Khu phố 3', 'cell', 'KP3'],
    ['Chi bộ Phân xưởng 1', 'cell', 'PX1'],
    ['Chi bộ', 'cell', 'CB'],
    ['Công đoàn cơ sở', 'union_branch', 'CD'],
    ['Đảng bộ cơ sở Công ty Cổ phần Thủy sản Gò Công Đông Xuất khẩu', 'grassroots', 'THUYSANGOCONGDON'],
    // Decomposed (NFD) input as some keyboards type it gives the same stem.
    ['Chi bộ Công ty TNHH May Phương Nam'.normalize('NFD'), 'cell', 'MAYPHUONGNAM'],
    ['Chi bộ công ty tnhh  ĐẠI   LỢI (cũ)', 'cell', 'DAILOICU'],
  ];
  for (const [name, kind, stem] of cases) test(`${name} -> ${stem}`, () => assert.equal(codeStem(name, kind), stem));
});

describe('baseCode and uniqueCode', () => {
  test('parent code + stem, like the seed', () => {
    assert.equal(baseCode('TG-MYTHO', 'Đảng ủy Phường 4', 'ward'), 'TG-MYTHO-P4');
    assert.equal(baseCode('TG-MYTHO-P4', 'Chi bộ Công ty TNHH Phương Nam', 'cell'), 'TG-MYTHO-P4-PHUONGNAM');
    assert.equal(baseCode(null, 'Tỉnh ủy Tiền Giang', 'province'), 'TIENGIANG');
    // A province under the national root does not carry the root's code.
    assert.equal(baseCode('TW', 'Tỉnh ủy Đắk Lắk', 'province'), 'DAKLAK');
    assert.equal(baseCode('DAKLAK', 'Thành ủy Buôn Ma Thuột', 'district'), 'DAKLAK-BUONMATHUOT');
    assert.equal(baseCode('TG-MYTHO-P1', 'Chi bộ Khu phố 2, Phường 1', 'cell'), 'TG-MYTHO-P1-KP2');
    assert.equal(baseCode('TG-MYTHO-P4', 'Đảng ủy Phường 4', 'ward'), 'TG-MYTHO-P4-P4');
  });
  test('bounded: a deep parent code is cut so a suffix still fits, and never ends with "-"', () => {
    const deep = 'TG-KHOIDN-VIETPHAT-PX1-ABCDEFGHIJ-KLMNOPQ';
    const code = baseCode(deep, 'Chi bộ Công ty TNHH Thương mại Dịch vụ Xuất nhập khẩu', 'cell');
    assert.ok(code.length <= CODE_MAX - 4, code);
    assert.match(code, CODE_PATTERN);
    const unique = uniqueCode(code, () => true, 5);
    assert.equal(unique, undefined);
    const second = uniqueCode(code, (c) => c === code, 5)!;
    assert.ok(second.length <= CODE_MAX && CODE_PATTERN.test(second), second);
  });
  test('made unique with -2, -3 against taken codes, without case', () => {
    const taken = new Set(['TG-MYTHO-P4', 'TG-MYTHO-P4-2']);
    assert.equal(uniqueCode('TG-MYTHO-P4', (c) => taken.has(c)), 'TG-MYTHO-P4-3');
    assert.equal(uniqueCode('TG-MYTHO-P5', (c) => taken.has(c)), 'TG-MYTHO-P5');
    assert.equal(uniqueCode('tg-mytho-p4', (c) => taken.has(c)), 'tg-mytho-p4-3');
  });
  test('CODE_PATTERN: A–Z, 0–9 and inner hyphens only', () => {
    for (const ok of ['TG', 'TG-MYTHO-P4', 'A1', 'X']) assert.match(ok, CODE_PATTERN);
    for (const bad of ['', 'tg', 'TG_1', 'TG.1', '-TG', 'TG-', 'TÂN', 'A B', 'A'.repeat(41)]) assert.doesNotMatch(bad, CODE_PATTERN);
  });
});
