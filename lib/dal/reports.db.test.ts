import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { termPeriod, yearPeriod } from '@/lib/reports/maths';
import { MEASURES, SHARE_MEASURES } from '@/lib/reports/measures';
import { expectDalError, expectRefused, seedDemoRecords, registerTestDb } from '@/lib/test/db';
import { VN_HOLIDAYS } from '@/db/seed/holidays';
import { calendarOf } from '@/lib/rules/working-days';
import { INITIAL_RULE_SET } from '@/db/seed/reference';
import { countsForYear } from '@/lib/reports/forecast';
import { listCases } from './case-lists';
import { classTotals } from './classes';
import { listMembers } from './members';
import { getDashboard, getOverview, setTargets } from './reports';

const t = registerTestDb((t) => seedDemoRecords(t, '2026-11-23'), { day: '2026-11-23' });

const COUNTS = MEASURES.filter((m) => !SHARE_MEASURES.includes(m));

describe('dashboard figures', () => {
  for (const year of [2025, 2026]) {
    test(`${year}: a parent's figure is the sum of its rows, at every level`, async () => {
      for (const who of ['tinh.leader', 'mytho.leader', 'p4.leader', 'khoi.leader']) {
        const d = await t.run(who, () => getDashboard({ period: yearPeriod(year) }));
        for (const m of COUNTS)
          assert.equal(
            d.total.actual[m],
            d.rows.reduce((n, r) => n + (r.actual[m] ?? 0), 0),
            `${who} ${m}`,
          );
      }
      // The city's row in the province equals the city's own total.
      const province = await t.run('tinh.leader', () => getDashboard({ period: yearPeriod(year) }));
      const city = await t.run('mytho.leader', () => getDashboard({ period: yearPeriod(year) }));
      const cityRow = province.rows.find((r) => r.unit?.name === 'Thành ủy Mỹ Tho')!;
      for (const m of COUNTS) assert.equal(cityRow.actual[m], city.total.actual[m], m);
      // Ward 4's row in the city equals Ward 4's total.
      const p4 = await t.run('p4.leader', () => getDashboard({ period: yearPeriod(year) }));
      for (const m of COUNTS) assert.equal(city.rows.find((r) => r.unit?.name === 'Đảng ủy Phường 4')!.actual[m], p4.total.actual[m], m);
    });
  }

  test('admissions are counted from the records, once, at the cell where they took place', async () => {
    const [{ n }] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from party_members m join units u on u.id = m.admitted_cell_unit_id
        where u.path <@ (select path from units where code = 'TG-MYTHO') and m.admitted_on between '2025-01-01' and '2025-12-31'`),
    );
    const city = await t.run('mytho.leader', () => getDashboard({ period: yearPeriod(2025) }));
    assert.equal(city.total.actual.admitted, Number(n));
    assert.ok(Number(n) > 0);
    assert.equal(city.shares.members.rated > 0, true, 'last year’s demo ratings are counted');
    // The figure agrees with the list behind it, for the city and for each of its rows.
    const cityId = await t.unitId('TG-MYTHO');
    const list = await t.run('mytho.leader', () => listMembers({ admitted: { from: '2025-01-01', to: '2025-12-31', unitId: cityId } }));
    assert.equal(list.total, city.total.actual.admitted);
    // Those working in non-state enterprises (every demo case is referred by an enterprise's union): the same list, filtered.
    const nonstate = await t.run('mytho.leader', () => listMembers({ admitted: { from: '2025-01-01', to: '2025-12-31', unitId: cityId }, inEnterprise: true }));
    assert.equal(nonstate.total, city.total.actual.admitted_nonstate);
    assert.ok((nonstate.total ?? 0) > 0);
    for (const r of city.rows.filter((x) => x.unit)) {
      const rowList = await t.run('mytho.leader', () => listMembers({ admitted: { from: '2025-01-01', to: '2025-12-31', unitId: r.unit!.id } }));
      assert.equal(rowList.total, r.actual.admitted, r.unit!.name);
    }
  });

  test('introductions are counted by the first submission of each referral, resubmissions not again', async () => {
    const [{ n }] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from admission_cases c join units u on u.id = c.cell_unit_id
        where u.path <@ (select path from units where code = 'TG-MYTHO')
        and (select min(e.effective_on) from case_events e where e.case_id = c.id and e.transition = 'submit') between '2026-01-01' and '2026-12-31'`),
    );
    const city = await t.run('mytho.leader', () => getDashboard({ period: yearPeriod(2026) }));
    assert.equal(city.total.actual.introduced, Number(n));
    assert.ok(Number(n) > 0);
    // The figure agrees with the case list behind it, for the city and each row; and the attendees with the class list.
    for (const r of [{ unit: { id: city.unit.id, name: city.unit.name }, actual: city.total.actual }, ...city.rows.filter((x) => x.unit)]) {
      const w = { unitId: r.unit!.id, from: '2026-01-01', to: '2026-12-31' };
      assert.equal((await t.run('mytho.leader', () => listCases({ submitted: w }))).total, r.actual.introduced, r.unit!.name);
      assert.equal((await t.run('mytho.leader', () => classTotals({ kind: 'awareness', held: w }))).attendees, r.actual.awareness_attendees, r.unit!.name);
    }
    assert.ok((city.total.actual.awareness_attendees ?? 0) > 0, 'the demo city held an awareness class');
    // A ward reading the city's window sees only its own part of it.
    const p4 = (await t.run('p4.leader', () => listCases({ submitted: { unitId: city.unit.id, from: '2026-01-01', to: '2026-12-31' } }))).total;
    const p4Row = city.rows.find((r) => r.unit?.name === 'Đảng ủy Phường 4')!;
    assert.equal(p4, p4Row.actual.introduced);
    assert.equal(
      (await t.run('p4.leader', () => classTotals({ kind: 'awareness', held: { unitId: city.unit.id, from: '2026-01-01', to: '2026-12-31' } }))).attendees,
      0,
      'the city’s class is not the ward’s',
    );
  });

  test('scope: a ward opens its own dashboard and its children, never a sibling’s or its parent’s', async () => {
    const p6 = await t.unitId('TG-MYTHO-P6');
    const city = await t.unitId('TG-MYTHO');
    await expectDalError(
      t.run('p4.leader', () => getDashboard({ unitId: p6, period: yearPeriod(2026) })),
      'not_found',
    );
    await expectDalError(
      t.run('p4.leader', () => getDashboard({ unitId: city, period: yearPeriod(2026) })),
      'not_found',
    );
    const phuongNam = await t.unitId('TG-MYTHO-P4-PHUONGNAM');
    assert.equal((await t.run('p4.leader', () => getDashboard({ unitId: phuongNam, period: yearPeriod(2026) }))).unit.id, phuongNam);
  });
});

describe('targets', () => {
  test('a committee leader sets targets for itself and the units directly below; progress shows beside them', async () => {
    const city = await t.unitId('TG-MYTHO');
    const p4 = await t.unitId('TG-MYTHO-P4');
    await t.run('mytho.leader', () =>
      setTargets([
        { unitId: city, measure: 'admitted', period: yearPeriod(2025), value: 4, directiveNo: '301-NQ/TU', directiveIssuer: 'Tỉnh ủy Tiền Giang' },
        { unitId: p4, measure: 'admitted', period: yearPeriod(2025), value: 2 },
      ]),
    );
    const d = await t.run('mytho.leader', () => getDashboard({ period: yearPeriod(2025) }));
    assert.equal(d.total.target.admitted, 4);
    assert.equal(d.total.percent.admitted, Math.floor((d.total.actual.admitted! / 4) * 100 + 0.5));
    assert.equal(d.rows.find((r) => r.unit?.id === p4)!.target.admitted, 2);
    // Changed, not duplicated.
    await t.run('mytho.leader', () => setTargets([{ unitId: p4, measure: 'admitted', period: yearPeriod(2025), value: 3 }]));
    const [{ n }] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from targets where unit_id = ${p4}`));
    assert.equal(Number(n), 1);
  });

  test('a term target sits beside the term’s actuals (every year of the term counted)', async () => {
    const city = await t.unitId('TG-MYTHO');
    const term = termPeriod(2025, 2030);
    await t.run('mytho.leader', () => setTargets([{ unitId: city, measure: 'admitted', period: term, value: 20, directiveNo: '05-NQ/ĐH' }]));
    const d = await t.run('mytho.leader', () => getDashboard({ period: term }));
    assert.equal(d.total.target.admitted, 20);
    const y2025 = (await t.run('mytho.leader', () => getDashboard({ period: yearPeriod(2025) }))).total.actual.admitted!;
    const y2026 = (await t.run('mytho.leader', () => getDashboard({ period: yearPeriod(2026) }))).total.actual.admitted!;
    assert.equal(d.total.actual.admitted, y2025 + y2026, 'the demo has no admissions after 2026');
    assert.equal((await t.run('mytho.leader', () => getDashboard({ period: yearPeriod(2025) }))).total.target.admitted, 4, 'the year target stays separate');
  });

  test('refused with nothing changed: a grandchild, the parent, a sibling, an officer, a viewer, a bad value', async () => {
    const phuongNam = await t.unitId('TG-MYTHO-P4-PHUONGNAM');
    const city = await t.unitId('TG-MYTHO');
    const p6 = await t.unitId('TG-MYTHO-P6');
    const target = (unitId: number, value = 5) => [{ unitId, measure: 'admitted' as const, period: yearPeriod(2026), value }];
    await expectRefused(t, 'mytho.leader', () => setTargets(target(phuongNam)), 'forbidden');
    await expectRefused(t, 'p4.leader', () => setTargets(target(city)), 'forbidden');
    await expectRefused(t, 'p4.leader', () => setTargets(target(p6)), 'forbidden');
    await expectRefused(t, 'mytho.officer', () => setTargets(target(city)), 'forbidden');
    await expectRefused(t, 'tinh.viewer', () => setTargets(target(city)), 'forbidden');
    await expectRefused(t, 'mytho.leader', () => setTargets([{ unitId: city, measure: 'members_good_share', period: yearPeriod(2026), value: 120 }]), 'invalid');
  });
});

describe('overview: headline counts, charts and the forecast', () => {
  test('headline counts agree with the records and with the per-child coverage', async () => {
    const o = await t.run('mytho.leader', () => getOverview({ period: yearPeriod(2026) }));
    const [direct] = rowsOf<Record<string, number>>(
      await t.db.execute(sql`select
        (select count(*)::int from enterprises e join units u on u.id = e.managing_unit_id where u.path <@ (select path from units where code = 'TG-MYTHO') and e.status = 'operating') as operating,
        (select count(*)::int from party_members m join units u on u.id = m.cell_unit_id where u.path <@ (select path from units where code = 'TG-MYTHO') and m.status in ('active', 'temporary_elsewhere')) as members,
        (select count(*)::int from party_members m join units u on u.id = m.cell_unit_id where u.path <@ (select path from units where code = 'TG-MYTHO') and m.status in ('active', 'temporary_elsewhere') and m.enterprise_id is not null) as "inEnterprises"`),
    );
    assert.equal(o.headline.enterprises.operating, Number(direct.operating));
    assert.equal(o.headline.members.total, Number(direct.members));
    assert.equal(o.headline.members.inEnterprises, Number(direct.inEnterprises));
    assert.ok(o.headline.members.inEnterprises < o.headline.members.total, "the residential cells' members work elsewhere");
    assert.equal(
      o.coverage.reduce((n, c) => n + c.operating, 0),
      o.headline.enterprises.operating,
      'the coverage rows (children and the city itself) add up to the headline',
    );
    assert.ok(
      o.coverage.every((c) => c.operating > 0),
      'only units that manage enterprises',
    );
    assert.equal(o.headline.organisations.total, o.headline.organisations.underDistrict + o.headline.organisations.underGrassroots);
    assert.equal(o.headline.organisations.total, o.headline.organisations.cells + o.headline.organisations.committees);
    assert.ok(o.headline.organisations.underDistrict >= 1 && o.headline.organisations.underGrassroots >= 1, 'the city has both kinds');
    assert.equal(o.monthly?.length, 12);
    const d = await t.run('mytho.leader', () => getDashboard({ period: yearPeriod(2026) }));
    assert.equal(
      o.monthly!.reduce((a, b) => a + b, 0),
      d.total.actual.admitted,
    );
    assert.ok(Object.values(o.headline.candidates).reduce((a, b) => a + (b ?? 0), 0) > 0);
  });

  test('the forecast is the admitted so far plus the pipeline cases whose deadlines still end this year, case by case', async () => {
    const o = await t.run('mytho.leader', () => getOverview({ period: yearPeriod(2026) }));
    const cases = rowsOf<{ state: string; cell_meeting_on: string | null; decision_on: string | null }>(
      await t.db.execute(sql`select c.state, c.cell_meeting_on::text, c.decision_on::text from admission_cases c join units u on u.id = c.cell_unit_id
        where u.path <@ (select path from units where code = 'TG-MYTHO')`),
    );
    const holidays = calendarOf(VN_HOLIDAYS);
    const expected = cases.filter((c) =>
      countsForYear({ state: c.state as never, cellMeetingOn: c.cell_meeting_on, decisionOn: c.decision_on }, '2026-11-23', '2026-12-31', INITIAL_RULE_SET.values, holidays),
    ).length;
    assert.ok(o.forecast);
    assert.equal(o.forecast.fromPipeline, expected);
    assert.equal(o.forecast.total, o.forecast.admittedSoFar + expected);
    assert.equal((await t.run('mytho.leader', () => getOverview({ period: yearPeriod(2025) }))).forecast, null, 'no forecast for a past year');
  });
});
