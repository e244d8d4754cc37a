import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime } from './format';
import { parseDate } from './validation';

describe('formatDate', () => {
  const cases: [input: string | Date | null | undefined, out: string][] = [
    ['2024-03-05', '05/03/2024'],
    ['2026-12-31', '31/12/2026'],
    ['1900-01-01', '01/01/1900'],
    // an ISO string is taken as the calendar date it names
    ['2024-03-05T23:30:00Z', '05/03/2024'],
    // a Date is shown in Vietnam time (UTC+7)
    [new Date('2024-03-05T16:59:00Z'), '05/03/2024'],
    [new Date('2024-03-05T17:00:00Z'), '06/03/2024'],
    [new Date('2024-12-31T17:00:00Z'), '01/01/2025'],
    [new Date('2024-03-05T00:00:00+07:00'), '05/03/2024'],
    [null, ''],
    [undefined, ''],
    ['', ''],
  ];
  for (const [input, out] of cases) {
    test(`${input instanceof Date ? input.toISOString() : JSON.stringify(input)} -> "${out}"`, () => assert.equal(formatDate(input), out));
  }

  test('is the inverse of parseDate', () => {
    for (const typed of ['01/01/2000', '29/02/2024', '15/10/2020', '31/12/2100']) assert.equal(formatDate(parseDate(typed)), typed);
  });
});

describe('formatDateTime', () => {
  const cases: [input: string | Date | null | undefined, out: string][] = [
    [new Date('2027-01-15T02:00:00Z'), '15/01/2027 09:00'],
    [new Date('2027-01-15T17:05:00Z'), '16/01/2027 00:05'],
    ['2027-01-15T09:00:00+07:00', '15/01/2027 09:00'],
    [null, ''],
    [undefined, ''],
  ];
  for (const [input, out] of cases) {
    test(`${input instanceof Date ? input.toISOString() : JSON.stringify(input)} -> "${out}"`, () => assert.equal(formatDateTime(input), out));
  }
});
