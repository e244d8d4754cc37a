import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseCode, CODE_MAX, CODE_PATTERN, codeCandidate, codeStem, freeCodes } from './codes';
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

describe('baseCode and freeCodes', () => {
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
  test('bounded: a deep parent code is cut so a suffix still fits, and never ends with "-"', async () => {
    const deep = 'TG-KHOIDN-VIETPHAT-PX1-ABCDEFGHIJ-KLMNOPQ';
    const code = baseCode(deep, 'Chi bộ Công ty TNHH Thương mại Dịch vụ Xuất nhập khẩu', 'cell');
    assert.ok(code.length <= CODE_MAX - 4, code);
    assert.match(code, CODE_PATTERN);
    const [second] = await freeCodes([code], async () => [code]);
    assert.equal(second, `${code}-2`);
    assert.ok(second.length <= CODE_MAX && CODE_PATTERN.test(second), second);
  });
  test('made unique with -2, -3 against taken codes, without case, and within the same batch', async () => {
    const taken = new Set(['TG-MYTHO-P4', 'TG-MYTHO-P4-2']);
    const lookup = async (candidates: string[]) => candidates.filter((c) => taken.has(c.toUpperCase()));
    assert.deepEqual(await freeCodes(['TG-MYTHO-P4'], lookup), ['TG-MYTHO-P4-3']);
    assert.deepEqual(await freeCodes(['TG-MYTHO-P5'], lookup), ['TG-MYTHO-P5']);
    assert.deepEqual(await freeCodes(['tg-mytho-p4'], lookup), ['tg-mytho-p4-3']);
    // Two new units with one base in a file, a third with another: in order, none given twice.
    assert.deepEqual(await freeCodes(['TG-MYTHO-P4', 'TG-MYTHO-P5', 'TG-MYTHO-P4'], lookup), ['TG-MYTHO-P4-3', 'TG-MYTHO-P5', 'TG-MYTHO-P4-4']);
    // A code typed in the same file counts as given.
    assert.deepEqual(await freeCodes(['TG-MYTHO-P5'], lookup, new Set(['TG-MYTHO-P5'])), ['TG-MYTHO-P5-2']);
  });
  test('never runs out: past every fixed number of tries, and past -999 with a base of the longest length', async () => {
    const base = baseCode('TG-KHOIDN-VIETPHAT-PX1-ABCDEFGHIJ-KLMNOPQ', 'Chi bộ Công ty TNHH Sản xuất Thương mại Số 1', 'cell');
    assert.equal(base.length, CODE_MAX - 4);
    // Sixty units imported, then sixty more with names that differ only after the stem's 16 letters, then 1,500 more.
    const taken = new Set<string>();
    let asked = 0;
    const lookup = async (candidates: string[]) => {
      asked++;
      return candidates.filter((c) => taken.has(c));
    };
    for (const n of [60, 60, 1500])
      for (const code of await freeCodes(
        Array.from({ length: n }, () => base),
        lookup,
        taken,
      ))
        assert.ok(taken.has(code));
    assert.equal(taken.size, 1620);
    for (const code of taken) assert.ok(code.length <= CODE_MAX && CODE_PATTERN.test(code), code);
    assert.ok(taken.has(codeCandidate(base, 1620)));
    assert.equal(codeCandidate(base, 999), 'TG-KHOIDN-VIETPHAT-PX1-ABCDEFGHIJ-KL-999');
    assert.equal(codeCandidate(base, 1620), 'TG-KHOIDN-VIETPHAT-PX1-ABCDEFGHIJ-K-1620');
    // Asked in batches, not once a code.
    assert.ok(asked <= 6, String(asked));
    // One more, after all of them: the next number.
    assert.deepEqual(await freeCodes([base], async (c) => c.filter((x) => taken.has(x))), [codeCandidate(base, 1621)]);
  });
  test('CODE_PATTERN: A–Z, 0–9 and inner hyphens only', () => {
    for (const ok of ['TG', 'TG-MYTHO-P4', 'A1', 'X']) assert.match(ok, CODE_PATTERN);
    for (const bad of ['', 'tg', 'TG_1', 'TG.1', '-TG', 'TG-', 'TÂN', 'A B', 'A'.repeat(41)]) assert.doesNotMatch(bad, CODE_PATTERN);
  });
});
