import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { demoTaxCode } from '@/db/seed/enterprises';
import { translate } from '@/lib/i18n/messages';
import { yearPeriod } from '@/lib/reports/maths';
import { partnersText } from '@/lib/registry/survey-partners';
import { expectRefused, seedEnterprises, registerTestDb, withAudit } from '@/lib/test/db';
import { createSurveyRound, getSurveyRound, listSurveyRounds, recordOwnerMeetings, recordSurveyFinding } from './engagement';
import { getDashboard, setTargets } from './reports';

const t = registerTestDb(seedEnterprises, { day: '2026-11-23', checkDrift: true });

const idOf = async (serial: string) => Number(rowsOf<{ id: number }>(await t.db.execute(sql`select id from enterprises where tax_code = ${demoTaxCode(serial)}`))[0].id);
const vi = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('vi', key, params);
const count = async (table: string) => Number(rowsOf<{ n: number }>(await t.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0].n);

describe('survey partners with counts', () => {
  test('the demo survey names 14 ward committees, the tax office and social insurance', async () => {
    const rounds = await t.run('mytho.leader', () => listSurveyRounds());
    const demo = rounds.find((r) => r.title.startsWith('Khảo sát doanh nghiệp chưa có tổ chức đảng'))!;
    assert.deepEqual(demo.participants, [
      { kind: 'ward_committees', count: 14 },
      { kind: 'tax_office', count: 1 },
      { kind: 'social_insurance', count: 1 },
    ]);
    assert.equal(partnersText(vi, demo.participants), '14 Đảng ủy phường, xã · Cơ quan thuế · Bảo hiểm xã hội');
    assert.equal(
      partnersText(vi, [
        { kind: 'tax_office', count: 2 },
        { kind: 'youth_union', count: 1 },
      ]),
      '2 cơ quan thuế · Đoàn Thanh niên',
    );
    assert.equal(
      partnersText((k, p) => translate('en', k, p), demo.participants),
      '14 ward and commune committees · Tax office · Social insurance office',
    );
    assert.equal(partnersText(vi, [{ kind: 'ward_committees', count: 1200 }]), '1.200 Đảng ủy phường, xã');
  });

  test('a round keeps each partner once with its count, zeros dropped, in the usual order', async () => {
    const { id } = await t.run('p4.officer', () =>
      createSurveyRound({
        title: 'Khảo sát doanh nghiệp Phường 4',
        heldOn: '2026-10-05',
        participants: [
          { kind: 'social_insurance', count: 1 },
          { kind: 'labour_federation', count: 0 },
          { kind: 'ward_committees', count: 3 },
        ],
      }),
    );
    const round = await t.run('p4.leader', () => getSurveyRound(id));
    assert.deepEqual(round.participants, [
      { kind: 'ward_committees', count: 3 },
      { kind: 'social_insurance', count: 1 },
    ]);
  });

  test('a forged count or partner is refused by the data layer with nothing written', async () => {
    const base = { title: 'Khảo sát', heldOn: '2026-10-05' };
    for (const [participants, key] of [
      [[{ kind: 'tax_office', count: -1 }], 'errors.partnerCount'],
      [[{ kind: 'tax_office', count: 1.5 }], 'errors.partnerCount'],
      [[{ kind: 'ward_committees', count: 10_001 }], 'errors.partnerCount'],
      [[{ kind: 'police', count: 1 }], 'errors.partnerKind'],
      [
        [
          { kind: 'tax_office', count: 1 },
          { kind: 'tax_office', count: 2 },
        ],
        'errors.partnerDuplicate',
      ],
    ] as const) {
      const err = await expectRefused(t, 'p4.officer', () => createSurveyRound({ ...base, participants: participants as never }), 'invalid');
      assert.equal(err.key, key, JSON.stringify(participants));
      assert.deepEqual(err.fieldErrors, { participants: key });
    }
  });
});

describe('a meeting round with several enterprises', () => {
  test('one row and one audit entry per enterprise, each with its own outcome', async () => {
    const [a, b, c] = await Promise.all(['0045871', '0073390', '0077748'].map(idOf));
    const before = await count('owner_meetings');
    const { result, audit } = await withAudit(t, () =>
      t.run('p4.officer', () =>
        recordOwnerMeetings({
          metOn: '2026-11-18',
          attendees: 'Đảng ủy Phường 4, Công đoàn cơ sở',
          items: [
            { enterpriseId: a, outcome: 'persuaded', note: 'Đồng ý bố trí phòng sinh hoạt' },
            { enterpriseId: b, outcome: 'persuaded' },
            { enterpriseId: c, outcome: 'declined' },
          ],
        }),
      ),
    );
    assert.equal(result.ids.length, 3);
    assert.equal(await count('owner_meetings'), before + 3);
    assert.deepEqual(audit.map((x) => [x.action, x.entityId]).sort(), [a, b, c].map((id) => ['engagement.meeting', String(id)]).sort());
    const rows = rowsOf<{ enterprise_id: number; outcome: string; summary: string | null; unit_id: number; met_on: string }>(
      await t.db.execute(sql`select enterprise_id, outcome, summary, unit_id, met_on::text from owner_meetings where id in ${sql.raw(`(${result.ids.join(',')})`)} order by enterprise_id`),
    );
    const p4 = await t.unitId('TG-MYTHO-P4');
    assert.deepEqual(
      rows.map((r) => [Number(r.enterprise_id), r.outcome, r.summary, Number(r.unit_id), r.met_on]),
      [
        [a, 'persuaded', 'Đồng ý bố trí phòng sinh hoạt', p4, '2026-11-18'],
        [b, 'persuaded', null, p4, '2026-11-18'],
        [c, 'declined', null, p4, '2026-11-18'],
      ].sort((x, y) => Number(x[0]) - Number(y[0])),
    );
  });

  test('refused with nothing written: an enterprise out of scope, a missing one, a viewer, a duplicate, none, too many', async () => {
    const [mine, theirs] = await Promise.all([idOf('0045871'), idOf('0031265')]); // Phường 4's, Phường 6's
    const round = (ids: number[]) => ({ metOn: '2026-11-19', attendees: 'Đảng ủy Phường 4', items: ids.map((enterpriseId) => ({ enterpriseId, outcome: 'considering' as const })) });
    await expectRefused(t, 'p4.officer', () => recordOwnerMeetings(round([mine, theirs])), 'not_found');
    await expectRefused(t, 'p4.officer', () => recordOwnerMeetings(round([mine, 999_999])), 'not_found');
    await expectRefused(t, 'p6.leader', () => recordOwnerMeetings(round([mine])), 'not_found');
    await expectRefused(t, 'tinh.viewer', () => recordOwnerMeetings(round([mine])), 'forbidden');
    assert.equal((await expectRefused(t, 'p4.officer', () => recordOwnerMeetings(round([mine, mine])), 'invalid')).key, 'errors.meetingDuplicate');
    assert.equal((await expectRefused(t, 'p4.officer', () => recordOwnerMeetings(round([])), 'invalid')).key, 'errors.meetingNoEnterprise');
    assert.equal((await expectRefused(t, 'p4.officer', () => recordOwnerMeetings(round(Array.from({ length: 51 }, (_, i) => mine + i))), 'invalid')).key, 'errors.meetingTooMany');
    const forged = { ...round([mine]), items: [{ enterpriseId: mine, outcome: 'maybe' as never }] };
    await expectRefused(t, 'p4.officer', () => recordOwnerMeetings(forged), 'invalid');
  });
});

describe('enterprises surveyed, owners met and persuaded on the dashboard', () => {
  test('each figure under the right child, an enterprise met twice counted once, the parent the sum of its rows', async () => {
    // The demo: the city's round (5 enterprises) and the city's own meetings (Việt Hàn met twice, then persuaded; Thái Bình declined);
    // Phường 4's 2026 meetings: the seeded two (one persuaded) and the round above (three, two persuaded; Chế biến Trái cây met again).
    const city = await t.run('mytho.leader', () => getDashboard({ period: yearPeriod(2026) }));
    const own = city.rows.find((r) => r.unit === null)!;
    assert.deepEqual([own.actual.enterprises_surveyed, own.actual.owners_met, own.actual.owners_persuaded], [5, 2, 1]);
    const p4Row = city.rows.find((r) => r.unit?.name === 'Đảng ủy Phường 4')!;
    // Phường 4's own 2026 round above has no findings yet: its surveyed figure is 0 until it records some.
    assert.deepEqual([p4Row.actual.enterprises_surveyed, p4Row.actual.owners_met, p4Row.actual.owners_persuaded], [0, 4, 3]);
    for (const m of ['enterprises_surveyed', 'owners_met', 'owners_persuaded'] as const) {
      assert.equal(
        city.total.actual[m],
        city.rows.reduce((n, r) => n + (r.actual[m] ?? 0), 0),
        m,
      );
    }
    assert.deepEqual([city.total.actual.enterprises_surveyed, city.total.actual.owners_met, city.total.actual.owners_persuaded], [5, 6, 4]);

    // The province's row for the city equals the city's total; the ward's own dashboard equals its row.
    const province = await t.run('tinh.leader', () => getDashboard({ period: yearPeriod(2026) }));
    const cityRow = province.rows.find((r) => r.unit?.name === 'Thành ủy Mỹ Tho')!;
    const p4 = await t.run('p4.leader', () => getDashboard({ period: yearPeriod(2026) }));
    for (const m of ['enterprises_surveyed', 'owners_met', 'owners_persuaded'] as const) {
      assert.equal(cityRow.actual[m], city.total.actual[m], m);
      assert.equal(p4.total.actual[m], p4Row.actual[m], m);
    }
  });

  test('findings of a round held in the period count at the organising unit; other years do not', async () => {
    const [a, b] = await Promise.all([idOf('0045871'), idOf('0074405')]);
    const { id: r2026 } = await t.run('p4.officer', () => createSurveyRound({ title: 'Khảo sát quý IV', heldOn: '2026-12-01', participants: [{ kind: 'tax_office', count: 1 }] }));
    const { id: r2025 } = await t.run('p4.officer', () => createSurveyRound({ title: 'Khảo sát năm trước', heldOn: '2025-06-01', participants: [{ kind: 'tax_office', count: 1 }] }));
    for (const enterpriseId of [a, b]) await t.run('p4.officer', () => recordSurveyFinding({ roundId: r2026, enterpriseId, membersWorking: 1, unionPresent: true, ownerAttitude: 'neutral' }));
    await t.run('p4.officer', () => recordSurveyFinding({ roundId: r2025, enterpriseId: a, membersWorking: 1, unionPresent: true, ownerAttitude: 'neutral' }));
    // A meeting at the very end of 2025 counts in 2025, not in 2026.
    await t.run('p4.officer', () => recordOwnerMeetings({ metOn: '2025-12-31', attendees: 'Đảng ủy Phường 4', items: [{ enterpriseId: b, outcome: 'persuaded' }] }));

    const p4In2026 = await t.run('p4.leader', () => getDashboard({ period: yearPeriod(2026) }));
    assert.deepEqual([p4In2026.total.actual.enterprises_surveyed, p4In2026.total.actual.owners_met, p4In2026.total.actual.owners_persuaded], [2, 4, 3]);
    const p4In2025 = await t.run('p4.leader', () => getDashboard({ period: yearPeriod(2025) }));
    assert.deepEqual([p4In2025.total.actual.enterprises_surveyed, p4In2025.total.actual.owners_met, p4In2025.total.actual.owners_persuaded], [1, 1, 1]);
    // In the city, under Phường 4's row; the city's own figure unchanged.
    const city = await t.run('mytho.leader', () => getDashboard({ period: yearPeriod(2026) }));
    assert.equal(city.rows.find((r) => r.unit?.name === 'Đảng ủy Phường 4')!.actual.enterprises_surveyed, 2);
    assert.equal(city.rows.find((r) => r.unit === null)!.actual.enterprises_surveyed, 5);
    assert.equal(city.total.actual.enterprises_surveyed, 7);
  });

  test('the level above sets targets on them; each shows its percent', async () => {
    const cityId = await t.unitId('TG-MYTHO');
    const p4 = await t.unitId('TG-MYTHO-P4');
    await t.run('mytho.leader', () =>
      setTargets([
        { unitId: cityId, measure: 'owners_met', period: yearPeriod(2026), value: 12 },
        { unitId: p4, measure: 'owners_met', period: yearPeriod(2026), value: 8 },
        { unitId: p4, measure: 'owners_persuaded', period: yearPeriod(2026), value: 3 },
        { unitId: p4, measure: 'enterprises_surveyed', period: yearPeriod(2026), value: 10 },
      ]),
    );
    const city = await t.run('mytho.leader', () => getDashboard({ period: yearPeriod(2026) }));
    assert.equal(city.total.target.owners_met, 12);
    assert.equal(city.total.percent.owners_met, 50); // 6 of 12
    const row = city.rows.find((r) => r.unit?.id === p4)!;
    assert.deepEqual([row.target.owners_met, row.percent.owners_met], [8, 50]); // 4 of 8
    assert.deepEqual([row.target.owners_persuaded, row.percent.owners_persuaded], [3, 100]); // 3 of 3
    assert.deepEqual([row.target.enterprises_surveyed, row.percent.enterprises_surveyed], [10, 20]); // 2 of 10
    // A ward may not set the city's targets on them, nor may an officer of the city set any.
    await expectRefused(t, 'p4.leader', () => setTargets([{ unitId: cityId, measure: 'owners_met', period: yearPeriod(2026), value: 1 }]), 'forbidden');
    await expectRefused(t, 'mytho.officer', () => setTargets([{ unitId: p4, measure: 'owners_met', period: yearPeriod(2026), value: 1 }]), 'forbidden');
  });
});
