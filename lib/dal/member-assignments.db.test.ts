import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { expectRefused, seedEnterprisesAndMembers, registerTestDb } from '@/lib/test/db';
import { assignMember, listAssignments } from './member-assignments';
import { getMember } from './members';

const t = registerTestDb(seedEnterprisesAndMembers);

const firstMemberOf = async (code: string) =>
  Number(rowsOf<{ id: number }>(await t.db.execute(sql`select m.id from party_members m join units u on u.id = m.cell_unit_id where u.code = ${code} order by m.id limit 1`))[0].id);

test('the city assigns a ward member to take part in an enterprise cell; the ward, the cell and the member page see it', async () => {
  const member = await firstMemberOf('TG-MYTHO-P1-KP2');
  const duoc = await t.unitId('TG-MYTHO-DUOC');
  await t.run('mytho.officer', () => assignMember({ memberId: member, cellUnitId: duoc, role: 'Tham gia cấp ủy chi bộ', startOn: '2026-01-05' }));
  assert.equal((await t.run('p1.leader', () => listAssignments({ memberId: member }))).length, 1, 'the member’s ward');
  assert.deepEqual(
    (await t.run('mytho.leader', () => listAssignments({ cellUnitId: duoc }))).map((a) => a.role),
    ['Tham gia cấp ủy chi bộ'],
  );
  assert.equal((await t.run('p6.leader', () => listAssignments({ cellUnitId: duoc }))).length, 0, 'a sibling ward sees nothing');
  const [{ kind }] = rowsOf<{ kind: string }>(await t.db.execute(sql`select kind from member_events where member_id = ${member} order by id desc limit 1`));
  assert.equal(kind, 'assigned');
});

test('refused with nothing changed: a ward for a cell outside it, a cell, a viewer, bad dates', async () => {
  const member = await firstMemberOf('TG-MYTHO-P1-KP2');
  const duoc = await t.unitId('TG-MYTHO-DUOC');
  const input = { memberId: member, cellUnitId: duoc, role: 'x', startOn: '2026-01-05' };
  await expectRefused(t, 'p1.leader', () => assignMember(input), 'invalid'); // the Dược cell sits under the city, not the ward
  await expectRefused(t, 'cb.mekong', () => assignMember(input), 'not_found');
  await expectRefused(t, 'tinh.viewer', () => assignMember(input), 'forbidden');
  await expectRefused(t, 'mytho.officer', () => assignMember({ ...input, endOn: '2025-01-01' }), 'invalid');
});

test('the member page offers assigning where the data layer allows it: a committee above the cell, never the cell itself, a union branch or a viewer', async () => {
  const member = await firstMemberOf('TG-MYTHO-P4-PHUONGNAM');
  const offered = async (username: string) => (await t.run(username, () => getMember(member))).canAssign;
  assert.equal(await offered('p4.officer'), true, 'the ward holding the cell');
  assert.equal(await offered('mytho.officer'), true, 'the city above it');
  assert.equal(await offered('cb.phuongnam'), false, 'the member’s own cell (member.assign is a committee’s)');
  assert.equal(await offered('tinh.viewer'), false, 'a viewer');
  // What the page does not offer, the data layer refuses with nothing changed.
  const input = { memberId: member, cellUnitId: await t.unitId('TG-MYTHO-MEKONG'), role: 'x', startOn: '2026-01-05' };
  await expectRefused(t, 'cb.phuongnam', () => assignMember(input), 'invalid'); // no other cell is in a cell's scope
  await expectRefused(t, 'cd.phuongnam', () => assignMember(input), 'not_found'); // a union branch under the cell sees no member
});
