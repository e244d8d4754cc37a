import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { registerDemoRecordsDb } from '@/lib/test/db';
import { searchEverything, SEARCH_PER_KIND, type SearchResults } from './search';

const DAY = '2026-11-23';
const t = registerDemoRecordsDb(DAY);

const ids = (r: SearchResults) => ({
  members: r.members.items.map((m) => m.id),
  enterprises: r.enterprises.items.map((e) => e.id),
  cases: r.cases.items.map((c) => c.id),
  units: r.units.items.map((u) => Number(u.value)),
});

async function count(query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: number }>(await t.db.execute(query))[0].n);
}

/** Every hit of `r` lies in `username`'s subtree (checked against the records, not through the data layer). */
async function assertInScope(username: string, r: SearchResults) {
  const unitId = (await t.user(username)).unitId;
  const found = ids(r);
  const outside = async (table: string, list: number[]) =>
    list.length
      ? count(
          sql`select count(*)::int as n from ${sql.raw(table)} where id in ${sql`(${sql.join(
            list.map((i) => sql`${i}`),
            sql`, `,
          )})`} and not (scope_units @> array[${unitId}::integer])`,
        )
      : 0;
  assert.equal(await outside('party_members', found.members), 0, `${username}: a member outside the scope`);
  assert.equal(await outside('enterprises', found.enterprises), 0, `${username}: an enterprise outside the scope`);
  assert.equal(await outside('admission_cases', found.cases), 0, `${username}: a case outside the scope`);
  if (found.units.length) {
    const n = await count(sql`select count(*)::int as n from units where id in (${sql.join(
      found.units.map((i) => sql`${i}`),
      sql`, `,
    )})
      and not (path <@ (select path from units where id = ${unitId}))`);
    assert.equal(n, 0, `${username}: a unit outside the scope`);
  }
}

describe('one search across members, enterprises, cases and units', () => {
  test('diacritics are optional: “phuong nam” finds what “Phương Nam” finds', async () => {
    const [plain, marked] = await t.run('mytho.leader', () => Promise.all([searchEverything('phuong nam'), searchEverything('Phương Nam')]));
    assert.deepEqual(ids(plain), ids(marked));
    assert.ok(plain.enterprises.items.some((e) => e.name === 'Công ty TNHH May Phương Nam'));
    assert.ok(plain.units.items.some((u) => u.label === 'Chi bộ Công ty TNHH May Phương Nam'));
  });

  test('a common family name fills each kind up to its limit and says there is more', async () => {
    const r = await t.run('tinh.leader', () => searchEverything('nguyen'));
    assert.ok(r.members.items.length > 0);
    for (const m of r.members.items)
      assert.match(
        m.fullName
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/đ/gi, 'd')
          .toLowerCase(),
        /nguyen/,
      );
    for (const kind of ['members', 'enterprises', 'cases', 'units'] as const) assert.ok(r[kind].items.length <= SEARCH_PER_KIND, kind);
    const all = await count(sql`select count(*)::int as n from party_members where search_name like '%nguyen%' and scope_units @> array[${(await t.user('tinh.leader')).unitId}::integer]`);
    assert.equal(r.members.more, all > SEARCH_PER_KIND);
  });

  test('a case is found by the person’s name', async () => {
    const [row] = rowsOf<{ name: string }>(
      await t.db.execute(sql`select p.full_name as name from admission_cases c join persons p on p.id = c.person_id
      where c.referrer_unit_id = (select id from units where code = 'TG-CD-PHUONGNAM') order by c.id limit 1`),
    );
    const r = await t.run('cd.phuongnam', () => searchEverything(row.name));
    assert.ok(r.cases.items.some((c) => c.fullName === row.name));
    assert.equal(r.members.items.length, 0, 'a union branch holds no members');
  });

  test('too short a search reads nothing', async () => {
    const r = await t.run('mytho.leader', () => searchEverything(' n '));
    assert.equal(r.tooShort, true);
    assert.deepEqual(ids(r), { members: [], enterprises: [], cases: [], units: [] });
  });
});

describe('[SCOPE] nobody finds anything outside their subtree', () => {
  for (const [who, q] of [
    ['p4.leader', 'nguyen'],
    ['p4.leader', 'cong ty'],
    ['cb.phuongnam', 'nguyen'],
    ['cd.phuongnam', 'nguyen'],
    ['cd.mekong', 'phuong nam'],
    ['khoi.leader', 'cong ty'],
    ['chauthanh.admin', 'nguyen'],
    ['tinh.viewer', 'nguyen'],
  ] as const) {
    test(`${who} searching “${q}”`, async () => {
      const r = await t.run(who, () => searchEverything(q));
      await assertInScope(who, r);
    });
  }

  test('Phường 6 does not find the Phương Nam firm of Phường 4; another district finds nothing of Mỹ Tho', async () => {
    const p6 = await t.run('p6.leader', () => searchEverything('phuong nam'));
    assert.equal(p6.enterprises.items.length, 0);
    assert.equal(p6.units.items.length, 0);
    const other = await t.run('chauthanh.admin', () => searchEverything('my tho'));
    assert.deepEqual(ids(other), { members: [], enterprises: [], cases: [], units: [] });
    // The same search finds Mỹ Tho's records for the city: the refusal above is the scope's, not an empty search.
    const city = await t.run('mytho.leader', () => searchEverything('my tho'));
    assert.ok(city.enterprises.items.length > 0 && city.units.items.length > 0);
    const cd = await t.run('cd.mekong', () => searchEverything('phuong nam'));
    assert.equal(cd.enterprises.items.length, 0);
    assert.equal(cd.cases.items.length, 0);
  });
});
