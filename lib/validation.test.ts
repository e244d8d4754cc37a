import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { id, isoDate, optionalId, optionalText, param, parseDate, parseParams, parseWholeNumber, text, unitCode, username, version, wholeNumber, year } from './validation';

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
    ['05 / 03 / 2024', '2024-03-05'],
    ['０５/０３/２０２４', '2024-03-05'], // full-width digits, as some Vietnamese keyboards type them
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
    '05/03-2024', // one separator, not two kinds
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
    test(`refuses ${JSON.stringify(input)} with errors.invalidUsername`, () => assert.equal(firstIssue(username.safeParse(input)), 'errors.invalidUsername'));
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

describe('parseWholeNumber: numbers as Vietnamese officials type them', () => {
  const ok: [string, number][] = [
    ['1147', 1147],
    ['1.147', 1147], // "." separates thousands in Vietnamese
    ['1.147.000', 1_147_000],
    ['1 147', 1147],
    ['1\u00a0147', 1147], // no-break space, as Word and Excel put it
    [' 320 ', 320],
    ['０', 0],
    ['007', 7],
  ];
  for (const [input, value] of ok) test(`${JSON.stringify(input)} -> ${value}`, () => assert.deepEqual(parseWholeNumber(input), { value }));
  const notWhole = ['1,5', '1.5', '1,147', '12.34', '1.1470', '3,0'];
  for (const input of notWhole) test(`${JSON.stringify(input)} has a decimal part`, () => assert.deepEqual(parseWholeNumber(input), { problem: 'errors.notWholeNumber' }));
  const notNumber = ['0x10', '1e3', '-3', '+3', '12a', 'mười', '1.14.7', '1 14 7', '1.147 000', 'Infinity', 'NaN'];
  for (const input of notNumber) test(`${JSON.stringify(input)} is not a number`, () => assert.deepEqual(parseWholeNumber(input), { problem: 'errors.notANumber' }));
  test('empty is required; above the maximum is too large', () => {
    assert.deepEqual(parseWholeNumber('  '), { problem: 'errors.required' });
    assert.deepEqual(parseWholeNumber('101', 100), { problem: 'errors.numberTooLarge' });
    assert.deepEqual(parseWholeNumber('2147483648'), { problem: 'errors.numberTooLarge' });
    assert.deepEqual(parseWholeNumber('99999999999999999999'), { problem: 'errors.numberTooLarge' });
  });
  test('the zod field gives the message key, with the maximum', () => {
    assert.deepEqual(wholeNumber(100).safeParse('1.5').error?.issues[0].message, 'errors.notWholeNumber');
    assert.deepEqual(wholeNumber(100).safeParse('200').error?.issues[0].message, 'errors.numberTooLarge|100');
    assert.deepEqual(wholeNumber(100).safeParse('1.0'), { success: false, error: wholeNumber(100).safeParse('1.0').error });
    assert.equal(wholeNumber().parse('1.147'), 1147);
  });
  test('a year is four digits between 1900 and 2100', () => {
    assert.equal(year.parse(' 2025 '), 2025);
    for (const bad of ['abc', '25', '20250', '1899', '2025.0', '']) assert.equal(year.safeParse(bad).error?.issues[0].message, 'errors.invalidYear', bad);
  });
});

describe('field errors for what forged or pasted posts hold', () => {
  test('a NUL or another control character in any text is a field error, not a database error', () => {
    assert.equal(text(50).safeParse('Công ty\u0000 A').error?.issues[0].message, 'errors.controlChars');
    assert.equal(optionalText(50).safeParse('\u001b[31m').error?.issues[0].message, 'errors.controlChars');
    assert.equal(text(50).parse('Dòng 1\nDòng 2\tcột'), 'Dòng 1\nDòng 2\tcột');
  });
  test('an id or a version above PostgreSQL integer is refused as an invalid choice', () => {
    assert.equal(id.safeParse('2147483648').error?.issues[0].message, 'errors.invalidChoice');
    assert.equal(id.parse('2147483647'), 2147483647);
    assert.equal(optionalId.safeParse('99999999999').error?.issues[0].message, 'errors.invalidChoice');
    assert.equal(version.safeParse('1e12').error?.issues[0].message, 'errors.invalidChoice');
    assert.equal(version.safeParse('-1').error?.issues[0].message, 'errors.invalidChoice');
  });
});

test('search parameters: each read by its schema, a refused or absent one left out', () => {
  const shape = { unit: param.id, year: param.year, state: param.oneOf(['draft', 'decided']), mine: param.flag, party: param.yesNo, min: param.wholeNumber(10_000_000) };
  const cases: [Partial<Record<string, string>>, ReturnType<typeof parseParams<typeof shape>>][] = [
    [{}, {}],
    [
      { unit: '8', year: '2025', state: 'decided', mine: '1', party: 'no', min: '1.147' },
      { unit: 8, year: 2025, state: 'decided', mine: true, party: false, min: 1147 },
    ],
    [{ unit: '0', year: '25', state: 'Decided', mine: 'yes', party: '', min: '1,5' }, {}],
    [{ unit: '1234567890', year: '20255', state: '', mine: '', party: 'maybe', min: '10.000.001' }, {}],
    [{ unit: '-3', min: '0', other: 'x' }, { min: 0 }],
    // A year PostgreSQL cannot hold (no year 0: the dashboard failed with a 500), or outside the portal's 1900–2100.
    [{ year: '0000' }, {}],
    [{ year: '1899' }, {}],
    [{ year: '2101' }, {}],
  ];
  for (const [p, want] of cases) assert.deepEqual(parseParams(p, shape), want, JSON.stringify(p));
});
