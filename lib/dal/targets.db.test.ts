import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { yearPeriod } from '@/lib/reports/maths';
import { MEASURES } from '@/lib/reports/measures';
import { expectRefused, setupTestDb, type TestDb } from '@/lib/test/db';
import { importRows } from './imports';
import { listTargetSheet, setTargets, type TargetInput } from './reports';

/** A ward with sixty cells below it sets targets for the whole sheet at once (the targets page posts every filled cell). */
let t: TestDb;
before(async () => {
  t = await setupTestDb();
  const rows = Array.from({ length: 60 }, (_, i) => ({
    row: i + 2,
    cells: { name: `Chi bộ Công ty TNHH Sản xuất Thương mại Số ${i + 1}`, kind: 'Chi bộ', parent: 'TG-MYTHO-P1', code: '', effectiveOn: '01/07/2025' },
  }));
  const result = await t.run('mytho.admin', () => importRows('units', rows));
  assert.ok(result.ok, JSON.stringify(result));
});
after(async () => t?.teardown());

const period = yearPeriod(2026);
const count = async (q: string) => Number(rowsOf<{ n: number }>(await t.db.execute(sql.raw(q)))[0].n);

async function wholeSheet(value: (unit: number, m: number) => number): Promise<TargetInput[]> {
  const sheet = await t.run('p1.leader', () => listTargetSheet(period));
  assert.equal(sheet.units.length, 62, 'the ward, its own cell and the sixty imported');
  return sheet.units.flatMap((u, i) => MEASURES.map((measure, m) => ({ unitId: u.id, measure, period, value: value(i, m), directiveNo: '12-NQ/ĐU' })));
}

describe('targets: a sixty-unit sheet', () => {
  test('every cell saved in one call, each with its audit row; saved again as it stands, nothing written', async () => {
    const cells = await wholeSheet((u, m) => (u * 7 + m) % 90);
    assert.equal(cells.length, 62 * MEASURES.length);
    const audit0 = await t.lastAuditId();
    assert.deepEqual(await t.run('p1.leader', () => setTargets(cells)), { saved: cells.length });
    const ids = [...new Set(cells.map((c) => c.unitId))].join(',');
    assert.equal(await count(`select count(*)::int as n from targets where unit_id in (${ids}) and year_from = 2026 and year_to = 2026`), cells.length);
    const audit = await t.auditSince(audit0);
    assert.equal(audit.length, cells.length);
    assert.ok(audit.every((a) => a.action === 'target.set' && a.before === null));
    const sheet = await t.run('p1.leader', () => listTargetSheet(period));
    for (const c of cells) assert.equal(sheet.values[`${c.unitId}:${c.measure}`], c.value);

    // The form posts every filled cell again: unchanged ones are neither rewritten nor audited.
    const before = await t.snapshot();
    assert.deepEqual(await t.run('p1.leader', () => setTargets(cells)), { saved: 0 });
    assert.deepEqual(await t.snapshot(), before);

    // One value changed (the 42nd unit's) and one cell's directive: those two, the old value in the audit row.
    const audit1 = await t.lastAuditId();
    const changed = cells.map((c, i) => (i === 41 * MEASURES.length ? { ...c, value: c.value + 1 } : i === 5 ? { ...c, directiveNo: '13-NQ/ĐU' } : c));
    assert.deepEqual(await t.run('p1.leader', () => setTargets(changed)), { saved: 2 });
    const two = await t.auditSince(audit1);
    assert.deepEqual(two.map((a) => a.entityId).sort(), [`${cells[5].unitId}:${cells[5].measure}:2026-2026`, `${cells[41 * MEASURES.length].unitId}:admitted:2026-2026`].sort());
    assert.deepEqual(two.find((a) => a.entityId.endsWith(':admitted:2026-2026') && a.unitId === cells[41 * MEASURES.length].unitId)!.before, { value: cells[41 * MEASURES.length].value });
  });

  test('all or nothing: one cell out of scope or one share above 100% in a full sheet, and nothing changes', async () => {
    const cells = await wholeSheet((u, m) => (u * 11 + m) % 80);
    const sibling = await t.unitId('TG-MYTHO-P4');
    await expectRefused(t, 'p1.leader', () => setTargets([...cells, { unitId: sibling, measure: 'admitted', period, value: 1 }]), 'forbidden');
    await expectRefused(t, 'p1.leader', () => setTargets([...cells, { ...cells[0], measure: 'members_good_share', value: 120 }]), 'invalid');
    // Another ward's leader cannot set the ward's sheet.
    await expectRefused(t, 'p4.leader', () => setTargets(cells), 'forbidden');
  });
});
