import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openedPglite } from '@/db';
import { dumpPglite, dumpPostgres, loadPglite, restorePostgres, tableChecksums } from '@/db/backup';
import { setupTestDb, type TestDb } from '@/lib/test/db';
import { createUnit } from '@/lib/dal/units';

/**
 * The backup round trip on both databases: back up the demo data (with a change made through the
 * data layer), restore it into an empty database, and compare every table's checksum.
 */
let t: TestDb;
let dir: string;
before(async () => {
  t = await setupTestDb();
  dir = mkdtempSync(path.join(os.tmpdir(), 'hatnhan-backup-'));
  const p4 = await t.unitId('TG-MYTHO-P4');
  await t.run('mytho.admin', () => createUnit({ parentId: p4, kind: 'cell', name: 'Chi bộ Khu phố 9 – sao lưu', code: 'TG-MYTHO-P4-KP9', effectiveOn: '2027-01-15' }));
});
after(async () => {
  await t?.teardown();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// As the owner: the application role may not read the migrations journal.
const checksumsOf = (t: TestDb) => tableChecksums(async (text) => (await t.ownerExecute(text)) as Record<string, unknown>[]);

describe('backup and restore', () => {
  test('restores to an identical database (every table, the same checksums)', async () => {
    const original = await checksumsOf(t);
    assert.ok(original['public.audit_log'].rows > 0 && original['public.units'].rows > 0 && original['drizzle.__drizzle_migrations'].rows > 0);
    const file = path.join(dir, 'backup');

    if (t.driver === 'pglite') {
      const bytes = await dumpPglite(openedPglite()!, file);
      assert.ok(bytes > 100_000, `archive of ${bytes} bytes`);
      const restoredDir = path.join(dir, 'restored');
      const restored = await loadPglite(file, restoredDir);
      try {
        const copy = await tableChecksums(async (text) => (await restored.query<Record<string, unknown>>(text)).rows);
        assert.deepEqual(copy, original);
      } finally {
        await restored.close();
      }
      // Restoring over an existing database is refused.
      await assert.rejects(loadPglite(file, restoredDir), /not empty/);
      return;
    }

    // PostgreSQL: as the owner (the test server's role), into a new database.
    const ownerUrl = new URL(t.ownerUrl!);
    const admin = postgres(ownerUrl.toString(), { max: 1, onnotice: () => {} });
    const restoredName = `${t.databaseName}_restored`;
    try {
      // Any role may create a large object its owner alone can read; the portal's role doing so must not break backups.
      await t.db.execute(sql`select lo_from_bytea(0, 'planted by the application role')`);
      const bytes = await dumpPostgres(ownerUrl.toString(), file);
      assert.ok(bytes > 100_000, `archive of ${bytes} bytes`);
      assert.equal((await stat(file)).mode & 0o777, 0o600, 'the archive is readable by its owner only');
      // A failed backup leaves the earlier archive as it was, and its message carries no password.
      const wrong = new URL(ownerUrl);
      wrong.password = 'secret-that-must-not-show';
      wrong.pathname = '/hatnhan_no_such_database';
      await assert.rejects(dumpPostgres(wrong.toString(), file), (err: Error) => {
        assert.match(err.message, /pg_dump failed/);
        assert.doesNotMatch(err.message, /secret-that-must-not-show/);
        return true;
      });
      assert.equal((await stat(file)).size, bytes);
      await admin.unsafe(`create database "${restoredName}"`);
      const restoredUrl = new URL(ownerUrl);
      restoredUrl.pathname = `/${restoredName}`;
      await restorePostgres(restoredUrl.toString(), file);
      const copySql = postgres(restoredUrl.toString(), { max: 1, onnotice: () => {} });
      try {
        const copy = await tableChecksums(async (text) => [...(await copySql.unsafe<Record<string, unknown>[]>(text))]);
        assert.deepEqual(copy, original);
        // The grants came back too: the restricted role still may not rewrite the audit log.
        const [acl] = await copySql`select has_table_privilege('hatnhan_test_app', 'audit_log', 'INSERT') as ins, has_table_privilege('hatnhan_test_app', 'audit_log', 'DELETE') as del`;
        assert.deepEqual({ ...acl }, { ins: true, del: false });
      } finally {
        await copySql.end({ timeout: 5 });
      }
      // Restoring over a database that has tables is refused, and changes nothing.
      await assert.rejects(restorePostgres(restoredUrl.toString(), file), /already has \d+ tables/);
    } finally {
      await admin.unsafe(`drop database if exists "${restoredName}" with (force)`);
      await admin.end({ timeout: 5 });
    }
  });
});
