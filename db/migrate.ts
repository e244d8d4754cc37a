import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/postgres-js/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { closeDb, dbDriver, getDb, type Db } from './index';
import { grantApplicationRole, switchToOwnerConnection } from './roles';
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

/**
 * For scripts (`db:migrate`, `db:seed`): connects as the owner when
 * DATABASE_OWNER_URL is set (see db/roles.ts), applies the migrations and returns the database and
 * `grant()`, which gives the application role (DATABASE_URL's user) its privileges; call it once
 * the script has created everything it creates.
 */
export async function openAsOwnerAndMigrate(): Promise<{ db: Db; grant: () => Promise<void> }> {
  const appRole = switchToOwnerConnection();
  const db = await getDb();
  await runMigrations(db);
  const grant = async () => {
    if (appRole) await grantApplicationRole((q) => db.execute(sql.raw(q)), appRole);
  };
  return { db, grant };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '');
if (isMain) {
  const started = Date.now();
  openAsOwnerAndMigrate()
    .then(async ({ db, grant }) => {
      await seedReference(db);
      await grant();
    })
    .then(() => console.log(`migrations and reference data applied (${dbDriver()}) in ${Date.now() - started} ms`))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(closeDb);
}
