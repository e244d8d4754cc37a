import path from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/postgres-js/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { closeDb, dbDriver, getDb, type Db } from './index';
import { seedReference } from './seed/reference';

const migrationsFolder = path.join(process.cwd(), 'drizzle');

/** Apply the drizzle-kit migrations in drizzle/ to whichever database getDb() opens. */
export async function runMigrations(db?: Db): Promise<void> {
  const target = db ?? (await getDb());
  if (dbDriver() === 'pglite') {
    await migratePglite(target as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePg(target, { migrationsFolder });
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '');
if (isMain) {
  const started = Date.now();
  runMigrations()
    .then(async () => seedReference(await getDb()))
    .then(() => console.log(`migrations and reference data applied (${dbDriver()}) in ${Date.now() - started} ms`))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(closeDb);
}
