import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UNIT_KINDS, type UnitKind } from '@/lib/units/kinds';
import { LINKABLE_KINDS, linkFor } from './links';

describe('linkFor: the unit kind decides the link', () => {
  const expected: Record<UnitKind, ReturnType<typeof linkFor>> = {
    national: null,
    province: null,
    district: null,
    bloc: null,
    ward: null,
    grassroots: 'party',
    cell: 'party',
    union_branch: 'tradeUnion',
    youth_branch: 'youthUnion',
  };
  for (const kind of UNIT_KINDS) {
    test(`${kind} → ${expected[kind] ?? 'no link'}`, () => assert.equal(linkFor(kind), expected[kind]));
  }
  test('the linkable kinds are exactly those with a link', () => {
    assert.deepEqual([...LINKABLE_KINDS].sort(), UNIT_KINDS.filter((k) => linkFor(k) !== null).sort());
  });
});
