import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { demoTaxCode } from '@/db/seed/enterprises';
import { expectRefused, seedEnterprises, registerTestDb, withAudit } from '@/lib/test/db';
import { createSurveyRound, getSurveyRound, listOwnerMeetings, listSurveyRounds, recordOwnerMeeting, recordSurveyFinding } from './engagement';
import { getEnterprise } from './enterprises';
import { createUser } from './users';

// engagement.ts on the demo enterprises as seeded: the owners' meeting log and who may write a
// survey round. engagement.db.test.ts covers partners, meeting rounds and the dashboard figures.
const t = registerTestDb(seedEnterprises);

const idOf = async (serial: string) => Number(rowsOf<{ id: number }>(await t.db.execute(sql`select id from enterprises where tax_code = ${demoTaxCode(serial)}`))[0].id);

describe('surveys and meetings with owners', () => {
  test('the demo log answers "how many owners did we meet and persuade": each owner once', async () => {
    const { summary, items } = await t.run('mytho.leader', () => listOwnerMeetings({ from: '2026-01-01', to: '2026-12-31' }));
    assert.deepEqual(summary, { meetings: 5, ownersMet: 4, ownersPersuaded: 2 });
    assert.equal(items.length, 5);
    // A ward sees the meetings its own officers held, not the city's.
    assert.deepEqual((await t.run('p4.leader', () => listOwnerMeetings({ from: '2026-01-01', to: '2026-12-31' }))).summary, { meetings: 2, ownersMet: 2, ownersPersuaded: 1 });
    assert.equal((await t.run('p6.leader', () => listOwnerMeetings({ from: '2026-01-01', to: '2026-12-31' }))).summary.meetings, 0);
  });

  test('an officer logs a meeting with the owner of an enterprise in scope; outsiders and viewers are refused', async () => {
    const id = await idOf('0077748');
    const meeting = { enterpriseId: id, metOn: '2026-11-20', attendees: 'Đảng ủy Phường 4', outcome: 'persuaded' as const, summary: 'Đồng ý' };
    const { audit } = await withAudit(t, () => t.run('p4.officer', () => recordOwnerMeeting(meeting)));
    assert.deepEqual(
      audit.map((a) => a.action),
      ['engagement.meeting'],
    );
    assert.equal((await t.run('p4.leader', () => getEnterprise(id))).meetings.length, 1);
    await expectRefused(t, 'p6.leader', () => recordOwnerMeeting(meeting), 'not_found');
    await expectRefused(t, 'tinh.viewer', () => recordOwnerMeeting(meeting), 'forbidden');
    await expectRefused(t, 'chauthanh.admin', () => recordOwnerMeeting({ ...meeting, enterpriseId: 999999 }), 'not_found');
  });

  test('a survey round: its organiser records findings once per enterprise; others cannot', async () => {
    const { id: roundId } = await t.run('p4.officer', () => createSurveyRound({ title: 'Khảo sát quý IV', heldOn: '2026-11-10', participants: [{ kind: 'tax_office', count: 1 }] }));
    const firm = await idOf('0073390');
    await t.run('p4.officer', () => recordSurveyFinding({ roundId, enterpriseId: firm, membersWorking: 3, unionPresent: true, ownerAttitude: 'supportive' }));
    const round = await t.run('p4.leader', () => getSurveyRound(roundId));
    assert.equal(round.findings.length, 1);
    const again = await expectRefused(t, 'p4.officer', () => recordSurveyFinding({ roundId, enterpriseId: firm, membersWorking: 1, unionPresent: false, ownerAttitude: 'neutral' }), 'invalid');
    assert.deepEqual(again.fieldErrors, { enterpriseId: 'errors.findingExists' });
    // The city sees the round but does not write into a ward's round; a sibling ward does not see it.
    assert.ok((await t.run('mytho.leader', () => listSurveyRounds())).some((r) => r.id === roundId));
    const thanhDat = await idOf('0077748');
    await expectRefused(t, 'mytho.officer', () => recordSurveyFinding({ roundId, enterpriseId: thanhDat, membersWorking: 0, unionPresent: false, ownerAttitude: 'neutral' }), 'forbidden');
    await expectRefused(t, 'p6.leader', () => getSurveyRound(roundId), 'not_found');
    const otherFirm = await idOf('0071254'); // managed by Phường 6: out of Phường 4's scope
    const out = await expectRefused(t, 'p4.officer', () => recordSurveyFinding({ roundId, enterpriseId: otherFirm, membersWorking: 0, unionPresent: false, ownerAttitude: 'neutral' }), 'invalid');
    assert.deepEqual(out.fieldErrors, { enterpriseId: 'errors.enterpriseNotFound' });
    await expectRefused(t, 'tinh.viewer', () => createSurveyRound({ title: 'x', heldOn: '2026-11-10', participants: [] }), 'forbidden');
  });

  test('survey.record: only editors of the organising unit record findings, and the round page offers it to them alone', async () => {
    const p4 = await t.unitId('TG-MYTHO-P4');
    await t.run('mytho.admin', () => createUser({ username: 'p4.viewer', fullName: 'Lê Thị Xem', unitId: p4, role: 'viewer', password: 'MatKhauMoi@2027' }));
    const { id: roundId } = await t.run('p4.leader', () => createSurveyRound({ title: 'Khảo sát tháng 11', heldOn: '2026-11-12', participants: [] }));
    const offered = async (username: string) => (await t.run(username, () => getSurveyRound(roundId))).canRecord;
    assert.equal(await offered('p4.officer'), true);
    assert.equal(await offered('p4.leader'), true);
    assert.equal(await offered('p4.viewer'), false, 'a viewer of the organising ward');
    assert.equal(await offered('mytho.leader'), false, 'the city above it');
    const finding = { roundId, enterpriseId: await idOf('0073390'), membersWorking: 1, unionPresent: true, ownerAttitude: 'neutral' as const };
    await expectRefused(t, 'p4.viewer', () => recordSurveyFinding(finding), 'forbidden');
    await expectRefused(t, 'mytho.admin', () => recordSurveyFinding(finding), 'forbidden');
  });
});
