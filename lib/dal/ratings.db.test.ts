import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { expectRefused, seedEnterprisesAndMembers, registerTestDb } from '@/lib/test/db';
import { getRatingSheet, saveRatings } from './ratings';

const t = registerTestDb(seedEnterprisesAndMembers);

const membersOf = async (code: string) =>
  rowsOf<{ id: number }>(await t.db.execute(sql`select m.id from party_members m join units u on u.id = m.cell_unit_id where u.code = ${code} order by m.id`)).map((r) => Number(r.id));

/** `username` saves 2026 ratings of members. */
const rateMembers = (username: string, entries: Parameters<typeof saveRatings>[0]['entries']) => t.run(username, () => saveRatings({ year: 2026, kind: 'member', entries }));

describe('ratings', () => {
  test('a cell rates its members by score; the bands of the rule set give the grades; the share counts only those rated', async () => {
    const [a, b, c, d] = await membersOf('TG-MYTHO-P4-PHUONGNAM');
    await rateMembers('cb.phuongnam', [
      { subjectId: a, score: 92 },
      { subjectId: b, score: 75 },
      { subjectId: c, score: 60 },
      { subjectId: d, grade: 'not_completed' },
    ]);
    const grades = rowsOf<{ grade: string }>(await t.db.execute(sql`select grade from ratings where member_id in (${a}, ${b}, ${c}, ${d}) order by member_id`)).map((r) => r.grade);
    assert.deepEqual(grades, ['excellent', 'good', 'completed', 'not_completed']);
    const sheet = await t.run('cb.phuongnam', () => getRatingSheet(2026));
    assert.deepEqual([sheet.summary.members.rated, sheet.summary.members.goodOrAbove, sheet.summary.members.percent], [4, 2, 50]);
    // Saved again: updated, not duplicated.
    await rateMembers('cb.phuongnam', [{ subjectId: c, score: 71 }]);
    assert.equal((await t.run('cb.phuongnam', () => getRatingSheet(2026))).summary.members.goodOrAbove, 3);
  });

  test('a parent’s figure is the sum of its children’s', async () => {
    const [m1, m2] = await membersOf('TG-MYTHO-MEKONG');
    await rateMembers('cb.mekong', [
      { subjectId: m1, score: 95 },
      { subjectId: m2, score: 30 },
    ]);
    const p4 = (await t.run('p4.leader', () => getRatingSheet(2026))).summary.members;
    const mekong = (await t.run('cb.mekong', () => getRatingSheet(2026))).summary.members;
    const city = (await t.run('mytho.leader', () => getRatingSheet(2026))).summary.members;
    assert.equal(city.rated, p4.rated + mekong.rated);
    assert.equal(city.goodOrAbove, p4.goodOrAbove + mekong.goodOrAbove);
    assert.deepEqual((await t.run('p6.leader', () => getRatingSheet(2026))).summary.members.rated, 0, 'a sibling ward sees none of it');
  });

  test('organisations are rated by a committee above them, never by themselves', async () => {
    const cell = await t.unitId('TG-MYTHO-P4-PHUONGNAM');
    await expectRefused(t, 'cb.phuongnam', () => saveRatings({ year: 2026, kind: 'unit', entries: [{ subjectId: cell, grade: 'excellent' }] }), 'forbidden');
    await t.run('p4.leader', () => saveRatings({ year: 2026, kind: 'unit', entries: [{ subjectId: cell, grade: 'good' }] }));
    const sheet = await t.run('mytho.leader', () => getRatingSheet(2026));
    assert.deepEqual([sheet.summary.organisations.rated, sheet.summary.organisations.percent], [1, 100]);
  });

  test('refused with nothing changed: another cell, a viewer, a sibling ward, a union branch, a bad score', async () => {
    const [a] = await membersOf('TG-MYTHO-P4-PHUONGNAM');
    await expectRefused(t, 'cb.mekong', () => saveRatings({ year: 2026, kind: 'member', entries: [{ subjectId: a, score: 10 }] }), 'invalid');
    await expectRefused(t, 'tinh.viewer', () => saveRatings({ year: 2026, kind: 'member', entries: [{ subjectId: a, score: 10 }] }), 'forbidden');
    await expectRefused(t, 'p6.leader', () => saveRatings({ year: 2026, kind: 'member', entries: [{ subjectId: a, score: 10 }] }), 'invalid');
    await expectRefused(t, 'cd.phuongnam', () => saveRatings({ year: 2026, kind: 'member', entries: [{ subjectId: a, score: 10 }] }), 'invalid');
    await expectRefused(t, 'cb.phuongnam', () => saveRatings({ year: 2026, kind: 'member', entries: [{ subjectId: a, score: 140 }] }), 'invalid');
  });
});
