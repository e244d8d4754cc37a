import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UNIT_KINDS, type UnitKind } from '@/lib/units/kinds';
import { LINKABLE_KINDS, linkFor, linkFormSchema } from './links';

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

describe('linkFormSchema', () => {
  const errorOf = (input: Record<string, string>) => linkFormSchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);
  test('no organisation chosen, or the field missing: asked for by name', () => {
    assert.deepEqual(errorOf({ organisationId: '' }), [['organisationId', 'enterprises.link.unitRequired']]);
    assert.deepEqual(errorOf({}), [['organisationId', 'enterprises.link.unitRequired']]);
  });
  test('a forged value is an invalid choice', () => {
    assert.deepEqual(errorOf({ organisationId: 'abc' })?.[0][0], 'organisationId');
    assert.deepEqual(errorOf({ organisationId: '-3' })?.[0][0], 'organisationId');
  });
  test('an id and the confirmation', () => {
    assert.deepEqual(linkFormSchema.parse({ organisationId: '42', replace: 'on' }), { organisationId: 42, replace: true });
    assert.deepEqual(linkFormSchema.parse({ organisationId: '42' }), { organisationId: 42, replace: false });
  });
});
