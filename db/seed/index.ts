import path from 'node:path';
import { closeDb, dbDriver, getDb } from '../index';
import { runMigrations } from '../migrate';
import { seedDemo } from './demo';

/** Migrate, then load the demo data (idempotent). */
async function main() {
  const started = Date.now();
  const db = await getDb();
  await runMigrations(db);
  const result = await seedDemo(db);
  console.log(
    `demo data (${dbDriver()}): ${result.unitsCreated} units and ${result.usersCreated} users created in ${Date.now() - started} ms`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  main()
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(closeDb);
}
