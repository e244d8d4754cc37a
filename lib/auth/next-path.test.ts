import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { safeNextPath } from './next-path';

describe('safeNextPath: back to the page asked for, inside the site only', () => {
  const kept: [string, string][] = [
    ['/members/7084', '/members/7084'],
    ['/cases?state=submitted&after=abc', '/cases?state=submitted&after=abc'],
    ['/', '/'],
    ['/members/7084#x', '/members/7084'],
  ];
  for (const [raw, out] of kept) test(`${raw} -> ${out}`, () => assert.equal(safeNextPath(raw), out));
  const home = [
    '/..//evil.example/x',
    '/.//evil.example',
    '/%2e%2e//evil.example',
    '/a/../..//evil.example',
    '//evil.example/x',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'members/1',
    '/login',
    '/login?next=/x',
    '/api/pick/units',
    '/a\nb',
    '',
    undefined,
    42,
    '/' + 'a'.repeat(2001),
  ];
  for (const raw of home) test(`${JSON.stringify(raw)} -> /`, () => assert.equal(safeNextPath(raw), '/'));
});
