import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { DEMO_CASES, demoSchedule, seedDemoCases } from '@/db/seed/cases';
import { STATES } from '@/lib/admission/workflow';
import { registerTestDb } from '@/lib/test/db';
import { countInbox, listCases, listInbox } from './case-lists';
import { getCase } from './admission';

const t = registerTestDb();

test('the demo pipeline is built through the data layer: every stage, events and audit rows, seeded once', async () => {
  assert.equal(await seedDemoCases(t.db), DEMO_CASES.length);
  const byState = rowsOf<{ state: string; n: number }>(await t.db.execute(sql`select state, count(*)::int as n from admission_cases group by state`));
  assert.deepEqual(
    STATES.filter((s) => !byState.some((r) => r.state === s)),
    [],
  );
  const [{ events, audits, returned }] = rowsOf<{ events: number; audits: number; returned: number }>(
    await t.db.execute(sql`select (select count(*)::int from case_events) as events,
      (select count(*)::int from audit_log where action like 'admission.%' and action <> 'admission.attach' and action <> 'admission.create') as audits,
      (select count(*)::int from admission_cases where round > 1) as returned`),
  );
  const steps = DEMO_CASES.reduce((n, c) => n + demoSchedule(c, '2026-01-05').filter((s) => s.do !== 'attach').length, 0);
  assert.equal(Number(events), steps, 'one event per step');
  assert.equal(Number(audits), Number(events), 'one audit row per step');
  assert.equal(Number(returned), 1);
  // The ceremony made each of them a probationary member of their cell; recognition concluded it.
  const members = rowsOf<{ state: string; official: boolean; status: string; same_cell: boolean }>(
    await t.db.execute(sql`select c.state, m.official_on is not null as official, m.status, m.cell_unit_id = c.cell_unit_id as same_cell
      from party_members m join admission_cases c on c.id = m.admission_case_id order by c.id`),
  );
  const admitted = ['probation', 'recognition_cell_review', 'recognition_committee_review', 'recognition_decision_pending', 'official', 'removed'];
  assert.equal(members.length, DEMO_CASES.filter((c) => admitted.includes(c.stage)).length);
  for (const m of members) {
    assert.equal(m.same_cell, true);
    assert.equal(m.official, m.state === 'official', m.state);
    assert.equal(m.status, m.state === 'removed' ? 'removed' : 'active', m.state);
  }
  assert.equal(await seedDemoCases(t.db), 0, 'a second run adds nothing');
});

test('each leader finds the demo cases that await their unit, overdue ones first and marked', async () => {
  const expected: Record<string, number> = {
    'cd.phuongnam': 2, // a fresh draft and a returned one
    'cb.phuongnam': 5, // referred, under review, ceremony due, probation over, recognition
    'p4.leader': 3,
    'mytho.leader': 3,
    'cb.mekong': 1, // the other probationary member is mid-probation
    'cb.ldld': 1,
    'cd.mekong': 0,
    'khoi.leader': 0,
  };
  for (const [username, n] of Object.entries(expected)) assert.equal(await t.run(username, () => countInbox()), n, username);
  for (const username of ['p4.leader', 'mytho.leader']) {
    const inbox = (await t.run(username, () => listInbox())).items;
    assert.equal(inbox[0].overdue, true, `${username}: the overdue case comes first`);
    assert.equal(inbox.filter((c) => c.overdue).length, 1, username);
  }
});

test('the returned draft shows its reason to the union officer; scope holds for the demo cases', async () => {
  const drafts = (await t.run('cd.phuongnam', () => listCases({ state: 'referral_draft' }))).items;
  const returned = drafts.find((c) => c.lastReturnReason);
  assert.ok(returned, 'a returned draft');
  const c = await t.run('cd.phuongnam', () => getCase(returned.id));
  assert.equal(c.round, 2);
  assert.deepEqual(c.actions, ['submit']);
  assert.equal((await t.run('tinh.leader', () => listCases())).total, DEMO_CASES.length);
  assert.equal((await t.run('khoi.leader', () => listCases())).total, 0);
  assert.equal((await t.run('chauthanh.admin', () => listCases())).total, 0);
  assert.equal((await t.run('cd.mekong', () => listCases())).total, DEMO_CASES.filter((d) => d.chain.referrer === 'cd.mekong').length);
});
