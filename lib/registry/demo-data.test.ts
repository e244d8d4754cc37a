import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_ENTERPRISES, demoTaxCode } from '@/db/seed/enterprises';
import { DEMO_MEMBER_PLAN, demoMember } from '@/db/seed/members';
import { cccdProblem } from '@/lib/people/identity';
import { taxCodeProblem } from './tax-code';

test('every demo enterprise has a valid, distinct tax code', () => {
  const codes = DEMO_ENTERPRISES.map((e) => demoTaxCode(e.serial));
  for (const c of codes) assert.equal(taxCodeProblem(c), null, c);
  assert.equal(new Set(codes).size, codes.length);
});

test('every demo member has a valid CCCD for their birth year and sex, distinct CCCDs and card numbers', () => {
  const total = DEMO_MEMBER_PLAN.reduce((n, p) => n + p.count, 0);
  const members = Array.from({ length: total }, (_, k) => demoMember(k));
  for (const m of members) assert.equal(cccdProblem(m.nationalId, m), null, `${m.fullName} ${m.nationalId}`);
  assert.equal(new Set(members.map((m) => m.nationalId)).size, total);
  assert.equal(new Set(members.map((m) => m.cardNo)).size, total);
  for (const m of members) assert.ok(!m.officialOn || m.officialOn > m.admittedOn);
});
