import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { yearPeriod } from '@/lib/reports/maths';
import { expectRefused, registerDemoRecordsDb } from '@/lib/test/db';
import { abilitiesOf } from './abilities';
import { countInbox } from './case-lists';
import { getHome, weekEndOf } from './home';
import { createMember } from './members';
import { getDashboard, getOverview, setTargets } from './reports';

const DAY = '2026-11-23';
const t = registerDemoRecordsDb(DAY);

async function count(query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: number }>(await t.db.execute(query))[0].n);
}

describe('the home page leads with the user’s work', () => {
  test('weeks end on Sunday', () => {
    assert.equal(weekEndOf('2026-11-23'), '2026-11-29'); // a Monday
    assert.equal(weekEndOf('2026-11-29'), '2026-11-29'); // the Sunday itself
    assert.equal(weekEndOf('2026-12-31'), '2027-01-03');
  });

  for (const who of ['mytho.leader', 'p4.leader', 'cb.phuongnam', 'cb.ldld']) {
    test(`${who}: steps awaiting the unit, overdue first, then due this week, the rest counted`, async () => {
      const [h, waiting] = await t.run(who, () => Promise.all([getHome(), countInbox()]));
      assert.equal(h.inbox.total, waiting, 'every waiting step is shown or counted');
      assert.equal(h.inbox.overdue.length + h.inbox.thisWeek.length + h.inbox.upcoming.length + h.inbox.later, waiting);
      if (waiting > 0) assert.ok(h.inbox.overdue.length + h.inbox.thisWeek.length + h.inbox.upcoming.length >= Math.min(3, waiting), 'a few waiting steps are always named');
      for (const c of h.inbox.upcoming) assert.ok(c.dueOn === null || c.dueOn > h.weekEnd, `${c.id} is due later`);
      for (const c of h.inbox.overdue) assert.ok(c.dueOn !== null && c.dueOn < DAY, `${c.id} is overdue`);
      for (const c of h.inbox.thisWeek) assert.ok(c.dueOn !== null && c.dueOn >= DAY && c.dueOn <= h.weekEnd, `${c.id} is due this week`);
      // Every step shown waits for the user's own unit.
      const unitId = (await t.user(who)).unitId;
      for (const c of [...h.inbox.overdue, ...h.inbox.thisWeek, ...h.inbox.upcoming]) {
        const mine = await count(sql`select count(*)::int as n from admission_cases where id = ${c.id}
          and ${unitId} in (referrer_unit_id, cell_unit_id, committee_unit_id, decider_unit_id)`);
        assert.equal(mine, 1, `${who}: case ${c.id} belongs to their unit`);
      }
      assert.equal(h.referrals, null, 'only a union or youth branch lists its referrals');
    });
  }

  test('the demo gives the city leader and the Phương Nam cell something to do', async () => {
    const city = await t.run('mytho.leader', getHome);
    const cell = await t.run('cb.phuongnam', getHome);
    assert.ok(city.inbox.total > 0 && cell.inbox.total > 0);
    assert.ok(city.inbox.overdue.length > 0, 'the demo has overdue decisions');
  });

  test('a union branch sees its referrals, where they stand, and its enterprise', async () => {
    const h = await t.run('cd.phuongnam', getHome);
    const unionId = await t.unitId('TG-CD-PHUONGNAM');
    assert.ok(h.referrals && h.referrals.items.length > 0);
    const referred = await count(sql`select count(*)::int as n from admission_cases where referrer_unit_id = ${unionId}`);
    assert.equal(h.referrals.total, referred);
    for (const c of h.referrals.items) {
      assert.equal(await count(sql`select count(*)::int as n from admission_cases where id = ${c.id} and referrer_unit_id = ${unionId}`), 1);
    }
    // By stage: the open cases it referred.
    const open = await count(sql`select count(*)::int as n from admission_cases where referrer_unit_id = ${unionId} and state not in ('official', 'removed', 'rejected')`);
    assert.equal(
      Object.values(h.stages).reduce((n, v) => n + (v ?? 0), 0),
      open,
    );
    assert.deepEqual(
      h.enterprises.map((e) => e.name),
      ['Công ty TNHH May Phương Nam'],
    );
    assert.equal(h.abilities.refer, true);
    assert.equal(h.abilities.addMembers, false);
  });

  test('progress against this year’s targets comes from the dashboard', async () => {
    const city = await t.unitId('TG-MYTHO');
    await t.run('mytho.leader', () => setTargets([{ unitId: city, measure: 'admitted', period: yearPeriod(2026), value: 40 }]));
    const [h, d] = await t.run('mytho.leader', () => Promise.all([getHome(), getDashboard({ period: yearPeriod(2026) })]));
    const admitted = h.progress.find((p) => p.measure === 'admitted');
    assert.ok(admitted);
    assert.equal(admitted.target, 40);
    assert.equal(admitted.actual, d.total.actual.admitted);
    assert.equal(admitted.percent, d.total.percent.admitted);
  });
});

describe('a union branch’s dashboard counts its enterprise (it was all zeros)', () => {
  for (const [who, code] of [
    ['cd.phuongnam', 'TG-CD-PHUONGNAM'],
    ['cd.viethan', 'TG-CD-VIETHAN'],
    ['dtn.longgiang', 'TG-DTN-LONGGIANG'],
  ] as const) {
    test(`${who}: headline and results from the linked enterprise and the branch’s referrals`, async () => {
      const branch = await t.unitId(code);
      const [o, d] = await t.run(who, () => Promise.all([getOverview({ period: yearPeriod(2026) }), getDashboard({ period: yearPeriod(2026) })]));
      const linked = sql`(select id from enterprises where trade_union_unit_id = ${branch} or youth_union_unit_id = ${branch})`;
      const operating = await count(sql`select count(*)::int as n from enterprises where id in ${linked} and status = 'operating'`);
      assert.ok(operating > 0, 'the demo links the branch to an enterprise');
      assert.equal(o.headline.enterprises.operating, operating);
      assert.equal(o.headline.enterprises.withParty, await count(sql`select count(*)::int as n from enterprises where id in ${linked} and status = 'operating' and party_unit_id is not null`));
      assert.equal(o.headline.members.total, await count(sql`select count(*)::int as n from party_members where enterprise_id in ${linked} and status in ('active', 'temporary_elsewhere')`));
      assert.equal(
        d.total.actual.introduced,
        await count(sql`select count(*)::int as n from admission_cases where referrer_unit_id = ${branch} and submitted_on between '2026-01-01' and '2026-12-31'`),
      );
      assert.equal(d.total.actual.admitted, await count(sql`select count(*)::int as n from party_members where enterprise_id in ${linked} and admitted_on between '2026-01-01' and '2026-12-31'`));
      const cases = await count(sql`select count(*)::int as n from admission_cases where referrer_unit_id = ${branch} and state not in ('official', 'removed', 'rejected')`);
      assert.equal(
        Object.values(o.headline.candidates).reduce((n, v) => n + (v ?? 0), 0),
        cases,
      );
    });
  }

  test('the Phương Nam union’s figures are its enterprise’s, not zero and not the ward’s', async () => {
    const [union, ward] = await Promise.all([t.run('cd.phuongnam', () => getOverview({ period: yearPeriod(2026) })), t.run('p4.leader', () => getOverview({ period: yearPeriod(2026) }))]);
    assert.equal(union.headline.enterprises.operating, 1);
    assert.ok(union.headline.members.total > 0);
    assert.ok(ward.headline.enterprises.operating > union.headline.enterprises.operating);
  });
});

describe('what each user is offered follows what the data layer allows', () => {
  test('abilities by role and unit kind', () => {
    const at = (role: 'viewer' | 'officer' | 'leader' | 'admin', unitKind: Parameters<typeof abilitiesOf>[0]['unitKind']) => abilitiesOf({ role, unitKind, unitPath: '1.2' });
    assert.deepEqual(
      [at('officer', 'union_branch').refer, at('officer', 'union_branch').addMembers, at('officer', 'union_branch').registerEnterprises, at('officer', 'union_branch').createUnits],
      [true, false, false, false],
    );
    assert.deepEqual([at('leader', 'cell').addMembers, at('leader', 'cell').refer, at('leader', 'cell').registerEnterprises, at('leader', 'cell').organise], [true, false, false, false]);
    assert.deepEqual([at('officer', 'ward').registerEnterprises, at('officer', 'ward').organise, at('officer', 'ward').takeApprovals], [true, true, false]);
    assert.deepEqual(
      Object.values(at('viewer', 'district')).filter((v) => v === true),
      [],
      'a viewer is offered nothing to do',
    );
    assert.equal(at('admin', 'union_branch').createUnits, false, 'a branch holds no units');
    assert.equal(at('admin', 'cell').createUnits, true, 'a cell holds its branches');
  });

  test('a union officer is not offered “add a member”, and the data layer refuses it too', async () => {
    const h = await t.run('cd.phuongnam', getHome);
    assert.equal(h.abilities.addMembers, false);
    const cell = await t.unitId('TG-MYTHO-P4-PHUONGNAM');
    await expectRefused(
      t,
      'cd.phuongnam',
      () => createMember({ fullName: 'Nguyễn Văn Thử', birthDate: '1990-01-01', gender: 'male', cellUnitId: cell, admittedOn: '2020-01-01', occupation: 'direct_worker' }),
      ['not_found', 'forbidden', 'invalid'],
    );
  });
});

describe('nothing outside the scope', () => {
  test('another union branch sees none of Phương Nam’s referrals or figures', async () => {
    const pn = await t.unitId('TG-CD-PHUONGNAM');
    const h = await t.run('cd.mekong', getHome);
    for (const c of [...(h.referrals?.items ?? []), ...h.inbox.overdue, ...h.inbox.thisWeek]) {
      assert.equal(await count(sql`select count(*)::int as n from admission_cases where id = ${c.id} and referrer_unit_id = ${pn}`), 0);
    }
    assert.ok(!h.enterprises.some((e) => e.name === 'Công ty TNHH May Phương Nam'));
  });

  test('a ward’s home holds only its own subtree’s figures', async () => {
    const [p4, p6] = await Promise.all([t.run('p4.leader', getHome), t.run('p6.leader', getHome)]);
    const [o4, o6] = await Promise.all([t.run('p4.leader', () => getOverview({ period: yearPeriod(2026) })), t.run('p6.leader', () => getOverview({ period: yearPeriod(2026) }))]);
    assert.deepEqual(p4.headline, o4.headline);
    assert.deepEqual(p6.headline, o6.headline);
    const ids4 = new Set([...p4.inbox.overdue, ...p4.inbox.thisWeek].map((c) => c.id));
    for (const c of [...p6.inbox.overdue, ...p6.inbox.thisWeek]) assert.ok(!ids4.has(c.id));
  });
});
