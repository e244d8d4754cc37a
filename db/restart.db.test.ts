import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db';
import { setupTestDb, type TestDb } from '@/lib/test/db';
import { startPrivatePostgres, type PrivatePostgres } from '@/lib/test/private-postgres';
import { createUnit, getUnit } from '@/lib/dal/units';

/**
 * PostgreSQL restarted under writes (issue 12): on a private server of its own (the shared one is
 * never restarted), eight writers create units through the data layer, as the restricted
 * application role, while the server is restarted. Afterwards the same process answers again
 * without reopening anything, every acknowledged write is there with its audit entry and its
 * `created` event, and a write that failed is either wholly there (committed before the connection
 * dropped, its answer lost) or wholly absent: never a unit without its audit entry.
 */
const onPostgres = process.env.TEST_DB === 'postgres';
let server: PrivatePostgres | undefined;
let t: TestDb | undefined;
const saved = process.env.TEST_DATABASE_URL;

before(async () => {
  if (!onPostgres) return;
  server = await startPrivatePostgres();
  process.env.TEST_DATABASE_URL = server.url;
  t = await setupTestDb();
});
after(async () => {
  try {
    await t?.teardown();
  } finally {
    if (saved === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = saved;
    await server?.stop();
  }
});

describe('a PostgreSQL restart under load', { skip: onPostgres ? false : 'PGlite runs inside the process: there is no server to restart' }, () => {
  test('acknowledged writes survive, failed ones are not half there, and the portal answers again by itself', async () => {
    const db = t!;
    const p4 = await db.unitId('TG-MYTHO-P4');
    const acknowledged: string[] = [];
    const failed: string[] = [];
    let n = 0;
    let restarted = false;
    let afterRestart = 0;
    const deadline = Date.now() + 90_000;
    const writer = async (w: number) => {
      while (Date.now() < deadline && !(restarted && afterRestart >= 40)) {
        const code = `RESTART-${w}-${++n}`;
        try {
          await db.run('mytho.admin', () => createUnit({ parentId: p4, kind: 'cell', name: `Chi bộ thử khởi động lại ${code}`, code, effectiveOn: '2027-01-15' }));
          acknowledged.push(code);
          if (restarted) afterRestart++;
        } catch {
          failed.push(code);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    await new Promise((r) => setTimeout(r, 1500));
    const beforeRestart = acknowledged.length;
    await server!.restart();
    restarted = true;
    await Promise.all(writers);

    assert.ok(beforeRestart > 0, 'writes were acknowledged before the restart');
    assert.ok(failed.length > 0, 'the restart cut some writes (otherwise it tested nothing)');
    assert.ok(afterRestart >= 40, `writes were acknowledged after the restart without reopening anything (${afterRestart})`);

    // The same process's data layer answers reads again.
    const unit = await db.run('mytho.admin', () => getUnit(p4));
    assert.equal(unit.code, 'TG-MYTHO-P4');

    const rows = rowsOf<{ code: string; audited: boolean; evented: boolean }>(
      await db.db.execute(sql`
        select u.code,
          exists (select 1 from audit_log a where a.entity = 'unit' and a.entity_id = u.id::text and a.action = 'unit.create') as audited,
          exists (select 1 from unit_events e where e.unit_id = u.id and e.kind = 'created') as evented
        from units u where u.code like 'RESTART-%'`),
    );
    const present = new Map(rows.map((r) => [r.code, r]));
    for (const code of acknowledged) {
      const row = present.get(code);
      assert.ok(row, `acknowledged ${code} is missing`);
      assert.ok(row.audited && row.evented, `acknowledged ${code} lacks its audit entry or event`);
    }
    for (const row of rows) assert.ok(row.audited && row.evented, `${row.code} is half there`);
    const committedUnanswered = failed.filter((code) => present.has(code)).length;
    console.log(
      `[restart] ${acknowledged.length} acknowledged (${beforeRestart} before the restart, ${afterRestart} after), all present; ${failed.length} failed, of which ${committedUnanswered} committed with their answer lost and ${failed.length - committedUnanswered} wholly absent`,
    );
  });
});
