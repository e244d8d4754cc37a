import path from 'node:path';
import { closeDb, dbDriver } from '../index';
import { openAsOwnerAndMigrate } from '../migrate';
import { seedDemoActivity } from './activity';
import { seedDemoCases } from './cases';
import { seedDemo } from './demo';
import { seedDemoEnterprises } from './enterprises';
import { seedDemoMembers } from './members';
import { seedPublishedFigures } from './published';
import { today } from '../../lib/clock';

/**
 * Migrate (as the owner when DATABASE_OWNER_URL is set), then load the demo data (idempotent) and
 * grant the application role its privileges. Run with `--conditions=react-server` (see
 * package.json): the demo cases go through the data layer, which is server-only.
 */
async function main() {
  const started = Date.now();
  const { db, grant } = await openAsOwnerAndMigrate();
  const result = await seedDemo(db);
  const firms = await seedDemoEnterprises(db, today());
  const members = await seedDemoMembers(db);
  const cases = await seedDemoCases(db);
  const published = await seedPublishedFigures(db, today());
  await seedDemoActivity(db, today());
  await grant();
  console.log(
    `demo data (${dbDriver()}): ${result.unitsCreated} units, ${result.usersCreated} users, ${firms} enterprises, ${members} members and ${cases} admission cases created${published ? ', with the published figures' : ''} in ${Date.now() - started} ms`,
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
