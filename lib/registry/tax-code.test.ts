import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compactTaxCode, formatTaxCode, taxCodeCheckDigit, taxCodeProblem } from './tax-code';

describe('tax codes (mã số thuế)', () => {
  const cases: [string, ReturnType<typeof taxCodeProblem>][] = [
    ['0100233488', null], // a published 10-digit code
    ['0314409058-002', null], // a branch, written with its dash
    ['0314409058002', null],
    ['01.00.233.488', null],
    [' 0312687878 - 001 ', null],
    ['0100233480', 'checksum'], // last digit changed
    ['0100233487', 'checksum'],
    ['0314409058-000', 'format'], // branch 000 does not exist
    ['0100000000', 'format'], // empty sequence
    ['12345', 'format'],
    ['010023348', 'format'], // 9 digits
    ['01002334881', 'format'], // 11 digits
    ['010023348800', 'format'], // 12 digits
    ['01002334888001', 'format'], // 14 digits
    ['01002334ab', 'format'],
    ['', 'format'],
  ];
  for (const [code, problem] of cases) test(`${JSON.stringify(code)}: ${problem ?? 'valid'}`, () => assert.equal(taxCodeProblem(code), problem));

  test('a sum divisible by 11 has no valid check digit, so no code with those nine digits passes', () => {
    let nine = '';
    for (let n = 100000000; n < 100100000; n++) {
      const s = String(n).padStart(9, '0');
      if (taxCodeCheckDigit(s) === null) {
        nine = s;
        break;
      }
    }
    assert.ok(nine, 'found nine digits with no check digit');
    for (let d = 0; d <= 9; d++) assert.equal(taxCodeProblem(`${nine}${d}`), 'checksum');
  });

  test('stored compact, shown with the branch dash', () => {
    assert.equal(compactTaxCode('0314 409 058-002'), '0314409058002');
    assert.equal(formatTaxCode('0314409058002'), '0314409058-002');
    assert.equal(formatTaxCode('0100233488'), '0100233488');
  });
});
