/**
 * The reworked lists (issue 10) against their earlier definitions, written out here as plain SQL
 * the way they were before: a scope check per row (`exists … path <@ …` over each of the row's
 * units), a sort of the whole set, no paging. Walking every page forward (and back again) must
 * give exactly those rows in exactly that order, for users from a cell to a province, with each
 * filter; a sibling's rows never appear. Then the tallies behind the dashboards: after
 * admissions, transfers, a move of a subtree, a merge and an import, they equal a count from the
 * records (derived_drift()), and the dashboard's figures equal the lists behind them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { seedDemoActivity } from '@/db/seed/activity';
import { seedDemoCases } from '@/db/seed/cases';
import { seedPublishedFigures } from '@/db/seed/published';
import { availableTransitions, STATE_OWNER, type State } from '@/lib/admission/workflow';
import { searchKey } from '@/lib/people/identity';
import { yearPeriod } from '@/lib/reports/maths';
import type { RawRow } from '@/lib/registry/import';
import { assertNoDrift, expectRefused, seedEnterprisesAndMembers, registerTestDb } from '@/lib/test/db';
import { countInbox, listCases, listInbox, type CaseFilter } from './case-lists';
import { listAudit } from './audit';
import { listClasses } from './classes';
import { listEnterprises, listPriorityEnterprises, searchEnterprises, type EnterpriseFilter } from './enterprises';
import { listFoundingProposals } from './founding';
import { importRows } from './imports';
import { listIncomingTransfers, receiveTransfer, transferOut } from './member-transfers';
import { listMembers, type MemberFilter } from './members';
import type { Page, PageRequest } from './paging';
import { getDashboard, getOverview } from './reports';
import { requireUser } from './session';
import { getUnit, mergeUnit, moveUnit, searchUnits } from './units';
import { listUsers } from './users';

const NOW = '2026-11-23T09:00:00+07:00';
const t = registerTestDb(
  async (t) => {
    await seedEnterprisesAndMembers(t);
    await seedDemoCases(t.db);
    await seedPublishedFigures(t.db, '2026-11-23');
    await seedDemoActivity(t.db, '2026-11-23');
  },
  { day: '2026-11-23' },
);

// ------------------------------------------------------------------ walking the pages

/**
 * Every row of a list, page by page forward (pages of `size`), then back again from the last page
 * (the whole way for up to 15 pages; the last 5 pages of a longer list).
 */
async function walk<T extends { id: number }>(username: string, list: (p: PageRequest) => Promise<Page<T>>, size: number) {
  return t.run(username, async () => {
    const pages: T[][] = [];
    let req: PageRequest = { size };
    let last: Page<T>;
    for (;;) {
      last = await list(req);
      pages.push(last.items);
      assert.ok(last.items.length <= size);
      if (!last.next) break;
      assert.equal(last.items.length, size, 'only the last page is short');
      req = { after: last.next, size };
      assert.ok(pages.length < 1000, 'the walk ends');
    }
    const forward = pages.flat().map((r) => r.id);
    const back: number[][] = [last.items.map((r) => r.id)];
    const backPages = pages.length <= 15 ? Infinity : 5;
    let prev = last.prev;
    while (prev && back.length < backPages) {
      const page = await list({ before: prev, size });
      back.unshift(page.items.map((r) => r.id));
      prev = page.prev;
    }
    if (!prev) assert.equal(back.length, pages.length, 'as many pages back as forward');
    const backward = back.flat();
    return { forward, backward, tail: forward.slice(forward.length - backward.length), total: (await list({ size })).total };
  });
}

async function ids(query: SQL): Promise<number[]> {
  return rowsOf<{ id: number }>(await t.db.execute(query)).map((r) => Number(r.id));
}

async function unitOf(username: string): Promise<number> {
  return (await t.user(username)).unitId;
}

/** The row's units (`columns`) with one in the subtree of `unitId`: the per-row check of before. */
const anyIn = (columns: string[], unitId: number) =>
  sql`exists (select 1 from units su where su.id in (${sql.raw(columns.join(', '))}) and su.path <@ (select s.path from units s where s.id = ${unitId}))`;
const under = (column: string, unitId: number) => sql`${sql.raw(column)} in (select a.id from units a where a.path <@ (select s.path from units s where s.id = ${unitId}))`;
const all = (conds: (SQL | undefined)[]) =>
  sql.join(
    conds.filter((c): c is SQL => !!c),
    sql` and `,
  );

const USERS = ['tw.admin', 'tinh.admin', 'mytho.admin', 'p4.leader', 'cb.phuongnam', 'cd.mekong', 'khoi.admin', 'tq.leader', 'chauthanh.admin'];

/** The list walked page by page equals the old definition's rows; small pages for short lists (many page boundaries), up to 100 for thousands. */
async function sameRows<T extends { id: number }>(label: string, username: string, list: (p: PageRequest) => Promise<Page<T>>, old: SQL, size = 7) {
  const expected = await ids(old);
  const got = await walk(username, list, Math.min(100, Math.max(size, Math.ceil(expected.length / 15))));
  assert.deepEqual(got.forward, expected, `${label} as ${username}: rows and order`);
  assert.deepEqual(got.backward, got.tail, `${label} as ${username}: the same rows walking back`);
  if (got.total !== null) assert.equal(got.total, expected.length, `${label} as ${username}: total`);
  return expected;
}

// ------------------------------------------------------------------ the lists against their old definitions

describe('every reworked list returns the rows, in the order, of its old definition', () => {
  const memberFilters = async (): Promise<[string, MemberFilter, (u: number) => (SQL | undefined)[]][]> => {
    const p4 = await t.unitId('TG-MYTHO-P4');
    const city = await t.unitId('TG-MYTHO');
    return [
      ['no filter', {}, () => []],
      ['name without diacritics', { q: 'nguyen' }, () => [sql`p.search_name like '%nguyen%'`]],
      ['name typed with diacritics and spaces', { q: '  NGUYỄN   Văn ' }, () => [sql`p.search_name like ${'%' + searchKey('NGUYỄN Văn') + '%'}`]],
      ['a unit', { unitId: p4 }, () => [under('m.cell_unit_id', p4)]],
      ['counted', { status: 'current' }, () => [sql`m.status in ('active', 'temporary_elsewhere')`]],
      ['probationary direct workers', { standing: 'probationary', occupation: 'direct_worker' }, () => [sql`m.official_on is null`, sql`m.occupation = 'direct_worker'`]],
      ['in enterprises', { inEnterprise: true }, () => [sql`m.enterprise_id is not null`]],
      [
        'admitted in 2024 under the city',
        { admitted: { unitId: city, from: '2024-01-01', to: '2024-12-31' } },
        () => [sql`m.admitted_on between '2024-01-01' and '2024-12-31'`, under('m.admitted_cell_unit_id', city)],
      ],
      ['transfers coming in', { incoming: true }, (u) => [under('m.transfer_to_unit_id', u)]],
    ];
  };
  for (const username of USERS)
    test(`members as ${username}, with each filter`, async () => {
      const u = await unitOf(username);
      for (const [label, filter, conds] of await memberFilters())
        await sameRows(
          `members (${label})`,
          username,
          (p) => listMembers(filter, p),
          sql`select m.id from party_members m join persons p on p.id = m.person_id
            where ${all([anyIn(['m.cell_unit_id', 'm.transfer_to_unit_id', 'm.host_unit_id'], u), ...conds(u)])}
            order by p.full_name collate "und-x-icu", m.id`,
        );
    });
  test('the demo pages through thousands of members', async () => {
    assert.ok((await t.run('tinh.admin', () => listMembers({}))).total! > 5000);
  });

  test('the incoming transfers: the oldest first, with their count', async () => {
    const from = await t.unit('TG-MYTHO-P4-PHUONGNAM');
    const mekong = await t.unitId('TG-MYTHO-MEKONG');
    const [m] = rowsOf<{ id: number; version: number }>(
      await t.db.execute(sql`select id, version from party_members where cell_unit_id = ${from.id} and status = 'active' and transfer_to_unit_id is null order by id limit 1`),
    );
    await t.run('cb.phuongnam', () => transferOut({ memberId: Number(m.id), version: Number(m.version), effectiveOn: '2026-11-20', toCellUnitId: mekong }));
    for (const username of ['cb.mekong', 'mytho.admin', 'tinh.admin', 'p4.leader']) {
      const u = await unitOf(username);
      const expected = await ids(sql`select m.id from party_members m where ${under('m.transfer_to_unit_id', u)} order by m.transfer_out_on, m.id`);
      const got = await t.run(username, () => listIncomingTransfers());
      assert.deepEqual(
        got.items.map((x) => x.id),
        expected.slice(0, 20),
        username,
      );
      assert.equal(got.total, expected.length, username);
    }
  });

  test('admission cases, with each filter', async () => {
    const city = await t.unitId('TG-MYTHO');
    const filters: [string, CaseFilter, (SQL | undefined)[]][] = [
      ['no filter', {}, []],
      ['a state', { state: 'probation' }, [sql`c.state = 'probation'`]],
      ['a name', { q: 'van' }, [sql`p.search_name like '%van%'`]],
      [
        'introduced in 2024 under the city',
        { submitted: { unitId: city, from: '2024-01-01', to: '2024-12-31' } },
        [sql`c.submitted_on between '2024-01-01' and '2024-12-31'`, under('c.cell_unit_id', city)],
      ],
    ];
    for (const username of USERS)
      for (const [label, filter, conds] of filters)
        await sameRows(
          `cases (${label})`,
          username,
          (p) => listCases(filter, p),
          sql`select c.id from admission_cases c join persons p on p.id = c.person_id
            where ${all([anyIn(['c.referrer_unit_id', 'c.cell_unit_id', 'c.committee_unit_id', 'c.decider_unit_id'], await unitOf(username)), ...conds])}
            order by c.due_on asc nulls last, c.id desc`,
        );
  });

  test('inboxes: the cases the user may act on, soonest first; the badge counts them', async () => {
    const today = NOW.slice(0, 10);
    for (const username of [
      'cd.mekong',
      'cd.phuongnam',
      'cb.phuongnam',
      'cb.mekong',
      'cb.ldld',
      'p4.leader',
      'p4.officer',
      'mytho.leader',
      'mytho.officer',
      'mytho.admin',
      'khoi.leader',
      'tinh.leader',
    ]) {
      const user = await t.run(username, () => requireUser());
      // Before: every case owned by the user's unit in its current state, then the workflow asked which it may act on.
      const rows = rowsOf<{ id: number; state: State; committee: boolean; removal: boolean; ref: string; cell: string; com: string | null; dec: string }>(
        await t.db.execute(sql`select c.id, c.state, c.committee_unit_id is not null as committee, c.proposes_removal as removal,
            r.path::text as ref, ce.path::text as cell, co.path::text as com, d.path::text as dec
          from admission_cases c join units r on r.id = c.referrer_unit_id join units ce on ce.id = c.cell_unit_id
          left join units co on co.id = c.committee_unit_id join units d on d.id = c.decider_unit_id
          where ${user.unitId} in (c.referrer_unit_id, c.cell_unit_id, c.committee_unit_id, c.decider_unit_id)
            and not (c.state = 'probation' and c.probation_ends_on > ${today})
            and c.state not in ('official', 'removed', 'rejected')
          order by c.due_on asc nulls last, c.id asc`),
      );
      const expected = rows
        .filter((c) => {
          const units = { referrer: c.ref, cell: c.cell, committee: c.com ?? undefined, decider: c.dec };
          // The old inbox took the case when the user's unit owned its current state, then kept those offering the user an action.
          const role = STATE_OWNER[c.state];
          return !!role && units[role] === user.unitPath && availableTransitions({ state: c.state, hasCommittee: c.committee, proposesRemoval: c.removal }, units, user).length > 0;
        })
        .map((c) => Number(c.id));
      const got = await walk(username, (p) => listInbox(p), 3);
      assert.deepEqual(got.forward, expected, username);
      assert.deepEqual(got.backward, got.tail, username);
      assert.equal(await t.run(username, () => countInbox()), expected.length, `${username}: the badge`);
    }
  });

  test('enterprises, with each filter; the founding priority list', async () => {
    const p6 = await t.unitId('TG-MYTHO-P6');
    const filters: [string, EnterpriseFilter, (SQL | undefined)[]][] = [
      ['no filter', {}, []],
      ['a name', { q: 'cong ty' }, [sql`e.search_name like '%cong ty%'`]],
      ['a tax code', { q: '0073' }, [sql`e.tax_code like '0073%'`]],
      ['an area', { managingUnitId: p6 }, [under('e.managing_unit_id', p6)]],
      ['without a party organisation, with a union', { hasParty: false, hasUnion: true }, [sql`e.party_unit_id is null`, sql`e.has_trade_union`]],
      ['in a zone, 50 workers or more', { zone: '*', workforceMin: 50 }, [sql`e.zone is not null`, sql`e.workforce >= 50`]],
    ];
    for (const username of USERS)
      for (const [label, filter, conds] of filters)
        await sameRows(
          `enterprises (${label})`,
          username,
          (p) => listEnterprises(filter, p),
          sql`select e.id from enterprises e
            where ${all([anyIn(['e.managing_unit_id', 'e.party_unit_id', 'e.trade_union_unit_id', 'e.youth_union_unit_id'], await unitOf(username)), ...conds])}
            order by e.name collate "und-x-icu", e.id`,
          3,
        );
    for (const username of USERS) {
      const u = await unitOf(username);
      const expected = await ids(sql`select e.id from enterprises e
        where ${anyIn(['e.managing_unit_id', 'e.party_unit_id', 'e.trade_union_unit_id', 'e.youth_union_unit_id'], u)} and e.status = 'operating' and e.party_unit_id is null
        order by (select count(*) from party_members pm where pm.enterprise_id = e.id and pm.status in ('active', 'temporary_elsewhere') and pm.official_on is not null) desc,
          e.workforce desc, e.id`);
      const got = await t.run(username, () => listPriorityEnterprises());
      assert.deepEqual(
        got.items.map((x) => x.id).sort((a, b) => a - b),
        [...expected].sort((a, b) => a - b),
        `priority list as ${username}`,
      );
    }
  });

  test('classes, founding proposals, audit entries, users and the units below', async () => {
    for (const username of USERS) {
      const u = await unitOf(username);
      await sameRows('classes', username, (p) => listClasses({}, p), sql`select cl.id from classes cl where ${under('cl.organiser_unit_id', u)} order by cl.start_on desc, cl.id desc`, 2);
      await sameRows(
        'founding proposals',
        username,
        (p) => listFoundingProposals({}, p),
        sql`select f.id from founding_proposals f where ${anyIn(['f.proposed_by_unit_id', 'f.parent_unit_id', 'f.decider_unit_id'], u)}
          order by f.state = 'proposed' desc, f.proposed_on desc, f.id desc`,
        2,
      );
      if (username.endsWith('.admin')) {
        await sameRows('audit', username, (p) => listAudit({}, p), sql`select a.id from audit_log a where ${under('a.unit_id', u)} order by a.at desc, a.id desc`, 40);
        await sameRows(
          'users',
          username,
          (p) => listUsers({}, p),
          sql`select us.id from users us join units un on un.id = us.unit_id where ${under('us.unit_id', u)}
            order by us.active desc, un.path, us.full_name collate "und-x-icu", us.id`,
          4,
        );
      }
      await sameRows(
        'units below',
        username,
        (p) => getUnit(u, p).then((x) => x.children),
        sql`select c.id from units c where c.parent_id = ${u} and c.status = 'active' order by c.name collate "und-x-icu", c.id`,
        2,
      );
    }
  });

  test('a forged or stale cursor starts again at the first page; nothing outside the scope leaks through one', async () => {
    const first = await t.run('p4.leader', () => listMembers({}, { size: 5 }));
    for (const bad of ['', 'x', '%%%', Buffer.from('[1,2,3]').toString('base64url'), Buffer.from('["a", "b"]').toString('base64url'), Buffer.from('[null, 1]').toString('base64url'), 'A'.repeat(5000)])
      assert.deepEqual((await t.run('p4.leader', () => listMembers({}, { after: bad, size: 5 }))).items, first.items, `cursor ${bad.slice(0, 20)}`);
    // A cursor taken from another scope's list only says where to start: the rows stay the user's.
    const cityPage = await t.run('mytho.admin', () => listMembers({}, { size: 5 }));
    const p4Ids = await ids(sql`select m.id from party_members m where ${anyIn(['m.cell_unit_id', 'm.transfer_to_unit_id', 'm.host_unit_id'], await unitOf('p4.leader'))}`);
    const jumped = await t.run('p4.leader', () => listMembers({}, { after: cityPage.next!, size: 50 }));
    assert.ok(jumped.items.every((m) => p4Ids.includes(m.id)));
  });
});

test('pickers: transfer targets are cells anywhere in the one tree; an enterprise by name or tax code, in scope', async () => {
  assert.equal((await t.run('p4.leader', () => searchUnits({ q: 'mekong', kinds: ['cell'], scope: 'tree' }))).length, 1);
  // One national tree (issue 13): a transfer may go to a cell of another province; still cells only.
  assert.deepEqual(
    (await t.run('tq.leader', () => searchUnits({ q: 'mekong', scope: 'tree' }))).map((o) => o.label),
    ['Chi bộ Công ty TNHH Thực phẩm Mekong'],
  );
  assert.deepEqual(await t.run('tq.leader', () => searchUnits({ q: 'mekong' })), [], 'outside a transfer, only the province’s own units');
  const byName = await t.run('p4.leader', () => searchEnterprises('phuong nam'));
  assert.deepEqual(
    byName.map((e) => e.label),
    ['Công ty TNHH May Phương Nam'],
  );
  assert.deepEqual(await t.run('p4.leader', () => searchEnterprises('viet han')), [], 'Việt Hàn is managed by Phường 6');
  assert.equal((await t.run('p6.leader', () => searchEnterprises('viet han'))).length, 1);
  const code = (await t.run('p6.leader', () => searchEnterprises('viet han')))[0].detail!.slice(0, 4);
  assert.ok((await t.run('p6.leader', () => searchEnterprises(code))).length >= 1, 'the first digits of a tax code');
});

test('a subtree lies in the path range subtreeRange() reads, and nothing else of the tree does', async () => {
  const range = (a: string, b: string) => sql`${sql.raw(a)} >= ${sql.raw(b)} and ${sql.raw(a)} < (${sql.raw(b)}::text || '0')::ltree`;
  const [demo] = rowsOf<{ missed: number; extra: number }>(
    await t.db.execute(sql`select count(*) filter (where a.path <@ b.path and not (${range('a.path', 'b.path')}))::int as missed,
      count(*) filter (where not a.path <@ b.path and ${range('a.path', 'b.path')})::int as extra from units a, units b`),
  );
  assert.deepEqual([Number(demo.missed), Number(demo.extra)], [0, 0]);
  // Labels of every length beside each other: 2, 20, 2.10, 19, 200, 3.
  const paths = ['1', '1.2', '1.2.0', '1.2.10.3', '1.2.9', '1.20', '1.19', '1.200.1', '1.3', '1.2.99999.1', '10', '1.1.2'];
  const values = sql.join(
    paths.map((p) => sql`(${p}::ltree)`),
    sql`, `,
  );
  const [synthetic] = rowsOf<{ missed: number; extra: number }>(
    await t.db.execute(sql`with p(path) as (values ${values}) select count(*) filter (where a.path <@ b.path and not (${range('a.path', 'b.path')}))::int as missed,
      count(*) filter (where not a.path <@ b.path and ${range('a.path', 'b.path')})::int as extra from p a, p b`),
  );
  assert.deepEqual([Number(synthetic.missed), Number(synthetic.extra)], [0, 0]);
});

test('the database finds names as the portal keys them: search_key() equals searchKey()', async () => {
  const names = [
    'Đặng Quốc Bảo',
    'ĐẶNG   QUỐC\tBẢO ',
    'Nguye\u0302\u0303n Thị Bích Liên', // typed decomposed (NFD)
    'Trương Thị Bích Ngọc',
    'Lưu Ưng Ơn',
    'Công ty TNHH Điện tử Việt Hàn',
    'Chi bộ Khu phố 2, Phường 1',
    'Hồ Thị Thanh Hương',
    'Đảng ủy Khối Doanh nghiệp',
  ];
  for (const name of names) {
    const [{ key }] = rowsOf<{ key: string }>(await t.db.execute(sql`select search_key(${name}) as key`));
    assert.equal(key, searchKey(name), name);
  }
});

// ------------------------------------------------------------------ tallies

/** The headline members of a unit, counted from the records. */
async function countedMembers(code: string): Promise<number> {
  const [{ n }] = rowsOf<{ n: number }>(
    await t.db.execute(sql`select count(*)::int as n from party_members m join units c on c.id = m.cell_unit_id
      where m.status in ('active', 'temporary_elsewhere') and c.path <@ (select path from units where code = ${code})`),
  );
  return Number(n);
}

describe('the tallies agree with the records after every kind of change', () => {
  test('after the demo and the published figures', async () => {
    await assertNoDrift(t);
    const city = await t.run('mytho.leader', () => getOverview({ period: yearPeriod(2026) }));
    assert.equal(city.headline.members.total, await countedMembers('TG-MYTHO'));
  });

  test('after a transfer, received', async () => {
    const [m] = rowsOf<{ id: number; version: number }>(
      await t.db.execute(sql`select id, version from party_members where transfer_to_unit_id = (select id from units where code = 'TG-MYTHO-MEKONG') limit 1`),
    );
    await t.run('cb.mekong', () => receiveTransfer({ memberId: Number(m.id), version: Number(m.version), effectiveOn: '2026-11-22' }));
    await assertNoDrift(t);
    const p4 = await t.run('p4.leader', () => getOverview({ period: yearPeriod(2026) }));
    assert.equal(p4.headline.members.total, await countedMembers('TG-MYTHO-P4'));
  });

  test('after a move of a subtree and a merge: scopes, paths and tallies follow the tree', async () => {
    const cell = await t.unit('TG-MYTHO-P4-KP3');
    const p6 = await t.unit('TG-MYTHO-P6');
    await t.run('mytho.admin', () => moveUnit({ id: cell.id, version: cell.version, newParentId: p6.id, effectiveOn: '2026-11-23' }));
    await assertNoDrift(t);
    assert.equal((await t.run('p6.leader', () => getOverview({ period: yearPeriod(2026) }))).headline.members.total, await countedMembers('TG-MYTHO-P6'));
    // The members of the moved cell are the new ward's now, in its lists; the old ward no longer sees them.
    const moved = await ids(sql`select id from party_members where cell_unit_id = ${cell.id} and status = 'active'`);
    assert.ok(moved.length > 0);
    const inP6 = (await t.run('p6.leader', () => listMembers({ unitId: cell.id }, { size: 100 }))).items.map((m) => m.id);
    assert.ok(moved.every((id) => inP6.includes(id)));
    assert.deepEqual((await t.run('p4.leader', () => listMembers({ unitId: cell.id }))).items, []);

    const from = await t.unit('TG-MYTHO-P6-TANPHU');
    const into = await t.unit('TG-MYTHO-P4-KP3');
    await t.run('mytho.admin', () => mergeUnit({ id: from.id, version: from.version, intoId: into.id, effectiveOn: '2026-11-23' }));
    await assertNoDrift(t);
    // The figures of each unit below, counted from the units and accounts as before.
    for (const [username, code] of [
      ['mytho.admin', 'TG-MYTHO'],
      ['mytho.admin', 'TG-MYTHO-P6'],
      ['mytho.admin', 'TG-MYTHO-P4'],
    ] as const) {
      const unit = await t.unit(code);
      const shown = (await t.run(username, () => getUnit(unit.id, { size: 100 }))).children.items;
      assert.ok(shown.length > 0, code);
      for (const c of shown) {
        const [due] = rowsOf<{ below: number; people: number }>(
          await t.db.execute(sql`select
            (select count(*)::int from units d join units c on c.id = ${c.id} where d.path <@ c.path and d.id <> c.id and d.status = 'active') as below,
            (select count(*)::int from users us join units d on d.id = us.unit_id join units c on c.id = ${c.id} where d.path <@ c.path and us.active) as people`),
        );
        assert.deepEqual([c.unitsBelow, c.activeUsers], [Number(due.below), Number(due.people)], `${code} → ${c.name}`);
      }
    }
    assert.equal((await t.run('mytho.leader', () => getOverview({ period: yearPeriod(2026) }))).headline.members.total, await countedMembers('TG-MYTHO'));
  });

  test('after an import of members', async () => {
    const cell = await t.unit('TG-MYTHO-P4-PHUONGNAM');
    const before = await countedMembers('TG-MYTHO-P4');
    const rows: RawRow[] = [
      { row: 2, cells: { fullName: 'Lê Văn Nhập', birthDate: '12/03/1990', gender: 'Nam', cell: cell.code, occupation: 'Công nhân trực tiếp sản xuất', admittedOn: '19/05/2015' } },
      { row: 3, cells: { fullName: 'Trần Thị Nhập', birthDate: '02/07/1992', gender: 'Nữ', cell: cell.code, occupation: 'Khác', admittedOn: '03/02/2020', officialOn: '03/02/2021' } },
    ];
    const result = await t.run('p4.officer', () => importRows('members', rows));
    assert.equal(result.ok, true, JSON.stringify(result));
    await assertNoDrift(t);
    assert.equal(await countedMembers('TG-MYTHO-P4'), before + 2);
    assert.equal((await t.run('p4.leader', () => getOverview({ period: yearPeriod(2026) }))).headline.members.total, before + 2);
  });

  test('figures equal the lists behind them at every level, and a ward sees none of a sibling’s', async () => {
    for (const [username, code] of [
      ['mytho.leader', 'TG-MYTHO'],
      ['tinh.leader', 'TG'],
      // The national level: the whole tree, read without a subtree test on each row.
      ['tw.viewer', 'TW'],
      ['p4.leader', 'TG-MYTHO-P4'],
    ] as const) {
      const unitId = await t.unitId(code);
      for (const year of [2024, 2025, 2026]) {
        const d = await t.run(username, () => getDashboard({ period: yearPeriod(year) }));
        const w = { unitId, from: `${year}-01-01`, to: `${year}-12-31` };
        assert.equal((await t.run(username, () => listMembers({ admitted: w }))).total, d.total.actual.admitted, `${code} ${year} admitted`);
        assert.equal((await t.run(username, () => listCases({ submitted: w }))).total, d.total.actual.introduced, `${code} ${year} introduced`);
      }
    }
    const p6 = await t.unitId('TG-MYTHO-P6');
    await expectRefused(t, 'p4.leader', () => getOverview({ unitId: p6, period: yearPeriod(2026) }), 'not_found');
  });
});
