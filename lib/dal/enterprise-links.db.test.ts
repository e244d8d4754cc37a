import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { demoTaxCode } from '@/db/seed/enterprises';
import { yearPeriod } from '@/lib/reports/maths';
import { assertNoDrift, expectRefused, ROOT_ADMIN, seedEnterprises, registerTestDb, withAudit } from '@/lib/test/db';
import { linkEnterprises, writeEnterpriseLinks } from './enterprise-links';
import { getOverview } from './reports';
import { requireUser } from './session';

/**
 * Linking many enterprises at once to their party organisation, trade union or youth union
 * (issue 13): the unit's kind decides the link; all or nothing; refusals change nothing.
 * Tests run in order on one database.
 */
const t = registerTestDb(seedEnterprises);

// Phường 4's enterprises without a party organisation (db/seed/enterprises.ts).
const TRAI_CAY = '0073390';
const THAI_BINH = '0074405';
const THANH_DAT = '0077748';

const idOf = async (serial: string) => Number(rowsOf<{ id: number }>(await t.db.execute(sql`select id from enterprises where tax_code = ${demoTaxCode(serial)}`))[0].id);

type Links = { party: number | null; union: number | null; hasUnion: boolean; youth: number | null; hasYouth: boolean; version: number };
async function linksOf(id: number): Promise<Links> {
  const [r] = rowsOf<Links>(
    await t.db.execute(
      sql`select party_unit_id as party, trade_union_unit_id as "union", has_trade_union as "hasUnion", youth_union_unit_id as youth, has_youth_union as "hasYouth", version from enterprises where id = ${id}`,
    ),
  );
  return { ...r, party: r.party && Number(r.party), union: r.union && Number(r.union), youth: r.youth && Number(r.youth), version: Number(r.version) };
}

/** writeEnterpriseLinks as the import calls it, in its own transaction: each pair is [enterpriseId, unitId]. */
async function writeLinksAsImport(first: [number, number], second: [number, number], replace: boolean) {
  const user = await requireUser();
  const pairs = [first, second].map(([enterpriseId, unitId]) => ({ enterpriseId, unitId }));
  return t.db.transaction((tx) => writeEnterpriseLinks(tx, user, pairs, { replace }));
}

const headline = async (username: string) => (await t.run(username, () => getOverview({ period: yearPeriod(2026) }))).headline.enterprises;

describe('linking enterprises at once', () => {
  test('a ward officer links two enterprises to a cell: one transaction, an audit row each, the dashboard counts them', async () => {
    const [a, b] = [await idOf(TRAI_CAY), await idOf(THAI_BINH)];
    const cell = await t.unitId('TG-MYTHO-P4-KP3');
    const [wardBefore, cityBefore, nationBefore] = [await headline('p4.leader'), await headline('mytho.leader'), await headline(ROOT_ADMIN)];
    const versions = [(await linksOf(a)).version, (await linksOf(b)).version];
    const { result, audit } = await withAudit(t, () => t.run('p4.officer', () => linkEnterprises({ enterpriseIds: [a, b], unitId: cell, replace: false })));
    assert.deepEqual(result, { linked: 2, unchanged: 0 });
    assert.deepEqual(
      audit.map((r) => [r.action, r.entityId]),
      [
        ['enterprise.link', String(a)],
        ['enterprise.link', String(b)],
      ].sort((x, y) => Number(x[1]) - Number(y[1])),
    );
    assert.deepEqual(audit[0].before, { partyUnitId: null });
    assert.deepEqual(audit[0].after, { partyUnitId: cell });
    assert.equal((await linksOf(a)).party, cell);
    assert.equal((await linksOf(b)).party, cell);
    assert.deepEqual(
      [(await linksOf(a)).version, (await linksOf(b)).version],
      versions.map((v) => v + 1),
    );
    // The figure "with a party organisation" grows by two at every level above, the national one included.
    assert.equal((await headline('p4.leader')).withParty, wardBefore.withParty + 2);
    assert.equal((await headline('mytho.leader')).withParty, cityBefore.withParty + 2);
    assert.equal((await headline(ROOT_ADMIN)).withParty, nationBefore.withParty + 2);
    await assertNoDrift(t);
    // Asking again for the same links changes nothing.
    const again = await withAudit(t, () => t.run('p4.officer', () => linkEnterprises({ enterpriseIds: [a, b], unitId: cell, replace: false })));
    assert.deepEqual(again.result, { linked: 0, unchanged: 2 });
    assert.deepEqual(again.audit, []);
  });

  test('a union branch sets the trade union link and its flag; a youth branch the youth union', async () => {
    const c = await idOf(THANH_DAT);
    const union = await t.unitId('TG-CD-PHUONGNAM');
    const before = await headline('p4.leader');
    assert.equal((await linksOf(c)).hasUnion, false);
    await t.run('p4.officer', () => linkEnterprises({ enterpriseIds: [c], unitId: union, replace: false }));
    const after = await linksOf(c);
    assert.equal(after.union, union);
    assert.equal(after.hasUnion, true);
    assert.equal(after.party, null, 'the party link is left alone');
    assert.equal((await headline('p4.leader')).withUnion, before.withUnion + 1);
    // Through the shared function, as the import does: several units in one call, the kind of each decides.
    const youth = await t.unitId('TG-DTN-MEKONG');
    const cell = await t.unitId('TG-MYTHO-P4-KP3');
    const res = await t.run('mytho.officer', () => writeLinksAsImport([c, youth], [c, cell], false));
    assert.deepEqual(res, { linked: 1, unchanged: 0 });
    const both = await linksOf(c);
    assert.equal(both.youth, youth);
    assert.equal(both.hasYouth, true);
    assert.equal(both.party, cell);
    await assertNoDrift(t);
  });

  test('replacing a different link needs the confirmation; with it, the link is replaced', async () => {
    const a = await idOf(TRAI_CAY);
    const other = await t.unitId('TG-MYTHO-P4-PHUONGNAM');
    const err = await expectRefused(t, 'p4.officer', () => linkEnterprises({ enterpriseIds: [a], unitId: other, replace: false }), 'conflict');
    assert.equal(err.key, 'enterprises.link.replaceNeeded');
    assert.equal(err.params?.n, 1);
    assert.match(String(err.params?.names), /Trái cây/);
    const { audit } = await withAudit(t, () => t.run('p4.officer', () => linkEnterprises({ enterpriseIds: [a], unitId: other, replace: true })));
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0].before, { partyUnitId: await t.unitId('TG-MYTHO-P4-KP3') });
    assert.equal((await linksOf(a)).party, other);
  });

  test('refused, nothing changed: a viewer, a unit kind that cannot be linked, a unit or an enterprise out of scope', async () => {
    const [a, b] = [await idOf(TRAI_CAY), await idOf(THAI_BINH)];
    const cell = await t.unitId('TG-MYTHO-P4-KP3');
    // Read-only roles, and a user of another branch (the enterprises are not theirs to see).
    for (const who of ['tinh.viewer', 'tw.viewer']) await expectRefused(t, who, () => linkEnterprises({ enterpriseIds: [a], unitId: cell, replace: true }), 'forbidden');
    await expectRefused(t, 'chauthanh.admin', () => linkEnterprises({ enterpriseIds: [a], unitId: cell, replace: true }), 'invalid');
    // A ward, a district, a province: not a party organisation, union or youth branch.
    for (const code of ['TG-MYTHO-P4', 'TG-MYTHO']) {
      const unitId = await t.unitId(code);
      const err = await expectRefused(t, 'mytho.admin', () => linkEnterprises({ enterpriseIds: [a], unitId, replace: true }), 'invalid');
      assert.equal(err.key, 'enterprises.link.kindNotLinkable');
    }
    // A cell of another ward, not in Phường 4's scope.
    const p6Cell = await t.unitId('TG-MYTHO-P6-TANPHU');
    assert.equal((await expectRefused(t, 'p4.officer', () => linkEnterprises({ enterpriseIds: [a], unitId: p6Cell, replace: true }), 'invalid')).key, 'errors.targetNotFound');
    // One enterprise of another ward among ours: the whole batch is refused, ours unchanged too.
    const mekong = await idOf('0031265'); // managed by Phường 6
    await expectRefused(t, 'p4.officer', () => linkEnterprises({ enterpriseIds: [b, mekong], unitId: cell, replace: true }), 'not_found');
    // A cell officer sees an enterprise through its party link but does not hold it (managed by the ward).
    const phuongNam = await idOf('0045871');
    const phuongNamUnion = await t.unitId('TG-CD-PHUONGNAM');
    await expectRefused(t, 'cb.phuongnam', () => linkEnterprises({ enterpriseIds: [phuongNam], unitId: phuongNamUnion, replace: true }), 'forbidden');
    // No enterprise at all, or one twice for the same link.
    await expectRefused(t, 'p4.officer', () => linkEnterprises({ enterpriseIds: [], unitId: cell, replace: false }), 'invalid');
    await expectRefused(t, 'mytho.officer', () => writeLinksAsImport([b, cell], [b, p6Cell], true), 'invalid');
  });

  test('a link held by a unit outside the user’s scope is not theirs to replace, even confirmed', async () => {
    const b = await idOf(THAI_BINH);
    // The city links Thái Bình to a cell directly under it (outside Phường 4)...
    const cityCell = await t.unitId('TG-MYTHO-MEKONG');
    await t.run('mytho.officer', () => linkEnterprises({ enterpriseIds: [b], unitId: cityCell, replace: true }));
    // ...and the ward cannot take it back to its own cell.
    const kp3 = await t.unitId('TG-MYTHO-P4-KP3');
    const err = await expectRefused(t, 'p4.officer', () => linkEnterprises({ enterpriseIds: [b], unitId: kp3, replace: true }), 'invalid');
    assert.equal(err.key, 'errors.linkOutsideScope');
    assert.equal((await linksOf(b)).party, cityCell);
  });
});
