import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate, parseDate, unitCode, username } from './validation';

function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return result.success ? undefined : result.error?.issues[0]?.message;
}

describe('parseDate', () => {
  const valid: [input: string, iso: string][] = [
    ['05/03/2024', '2024-03-05'],
    ['5/3/2024', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['  05/03/2024  ', '2024-03-05'],
    ['31/12/2026', '2026-12-31'],
    ['01/01/1900', '1900-01-01'],
    ['31/12/2100', '2100-12-31'],
    ['29/02/2024', '2024-02-29'], // leap year
    ['29/02/2000', '2000-02-29'], // divisible by 400
    ['2024-03-05', '2024-03-05'],
    ['2024-02-29', '2024-02-29'],
  ];
  for (const [input, iso] of valid) test(`"${input}" -> ${iso}`, () => assert.equal(parseDate(input), iso));

  const invalid = [
    '',
    '   ',
    'hôm nay',
    '29/02/2023', // not a leap year
    '29/02/1900', // century, not a leap year
    '31/04/2024', // April has 30 days
    '32/01/2024',
    '00/01/2024',
    '01/00/2024',
    '01/13/2024',
    '31/12/1899',
    '01/01/2101',
    '05/03/24', // two-digit year
    '005/03/2024',
    '2024/03/05',
    '2024-3-5', // ISO needs two digits
    '2024-02-30',
    '2024-13-01',
    '05/03/2024 10:00',
    '5 3 2024',
  ];
  for (const input of invalid) test(`"${input}" is not a date`, () => assert.equal(parseDate(input), null));

  test('day comes before month (05/03 is the 5th of March, not the 3rd of May)', () => {
    assert.equal(parseDate('05/03/2024'), '2024-03-05');
    assert.equal(parseDate('13/01/2024'), '2024-01-13');
  });
});

describe('isoDate (zod)', () => {
  test('turns dd/mm/yyyy into yyyy-mm-dd', () => {
    assert.deepEqual(isoDate.safeParse('15/01/2027'), { success: true, data: '2027-01-15' });
  });
  for (const input of ['', '31/02/2027', 'abc']) {
    test(`refuses "${input}" with errors.invalidDate`, () => assert.equal(firstIssue(isoDate.safeParse(input)), 'errors.invalidDate'));
  }
  test('refuses a missing value with errors.invalidDate', () => {
    assert.equal(firstIssue(isoDate.safeParse(undefined)), 'errors.invalidDate');
    assert.equal(firstIssue(isoDate.safeParse(20270115)), 'errors.invalidDate');
  });
});

describe('username (zod)', () => {
  const ok: [input: string, out: string][] = [
    ['mytho.admin', 'mytho.admin'],
    ['  Mytho.Admin ', 'mytho.admin'],
    ['CB_MEKONG-2', 'cb_mekong-2'],
    ['abc', 'abc'],
    ['a'.repeat(40), 'a'.repeat(40)],
  ];
  for (const [input, out] of ok) test(`"${input}" -> "${out}"`, () => assert.deepEqual(username.safeParse(input), { success: true, data: out }));

  const bad = ['', 'ab', 'a'.repeat(41), 'nguyễn.an', 'mỹ tho', 'a b', 'user@example.com', 'a/b', "o'neil", 'ab\n'];
  for (const input of bad) {
    test(`refuses ${JSON.stringify(input)} with errors.invalidUsername`, () =>
      assert.equal(firstIssue(username.safeParse(input)), 'errors.invalidUsername'));
  }
  test('a missing username is errors.required', () => {
    assert.equal(firstIssue(username.safeParse(undefined)), 'errors.required');
  });
});

describe('unitCode (zod)', () => {
  const ok: [input: string | undefined, out: string][] = [
    [undefined, ''],
    ['', ''],
    ['   ', ''],
    ['TG-MYTHO', 'TG-MYTHO'],
    [' tg-mytho-p4 ', 'TG-MYTHO-P4'],
    ['tg_1.2', 'TG_1.2'],
    ['X'.repeat(40), 'X'.repeat(40)],
  ];
  for (const [input, out] of ok) test(`${JSON.stringify(input)} -> "${out}"`, () => assert.deepEqual(unitCode.safeParse(input), { success: true, data: out }));

  const bad = ['TG MYTHO', 'X'.repeat(41), 'TG/MYTHO', 'MỸTHO', 'ĐU', 'TG,1', 'TG\tX'];
  for (const input of bad) {
    test(`refuses ${JSON.stringify(input)} with errors.invalidCode`, () => assert.equal(firstIssue(unitCode.safeParse(input)), 'errors.invalidCode'));
  }
});
