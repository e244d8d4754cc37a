import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { reserveIds, type Tx } from '../index';
import { unitEvents, units } from '../schema';
import { writeAudit } from '../../lib/dal/audit';
import { reparentSubtree } from '../../lib/dal/units';
import { today } from '../../lib/clock';
import { NATIONAL_ROOT } from './demo';

/**
 * The national root (code TW) for a database made before the national level existed, where the
 * provinces are roots: create it, then move every root province under it through the same subtree
 * move as a unit administrator's (the triggers keep scopes, tallies and counts), with a "moved"
 * event and an audit row each. Does nothing when TW exists already or no province is a root
 * (a new database gets TW from the demo tree itself). Server-only (it uses the data layer's move):
 * imported on demand by seedDemo so that the demo's constants stay importable by the browser tests.
 */
export async function adoptRootProvinces(tx: Tx, effectiveOn: string = today()): Promise<number> {
  const [existing] = await tx.select({ id: units.id }).from(units).where(eq(units.code, NATIONAL_ROOT.code));
  if (existing) return 0;
  const roots = await tx
    .select({ id: units.id, name: units.name, path: sql<string>`${units.path}::text` })
    .from(units)
    .where(and(isNull(units.parentId), eq(units.kind, 'province'), ne(units.code, NATIONAL_ROOT.code)))
    .orderBy(units.id)
    .for('update');
  if (!roots.length) return 0;
  const [id] = await reserveIds(tx, 'units', 1);
  const root = { id: Number(id), path: String(id), name: NATIONAL_ROOT.name };
  await tx.insert(units).values({ id: root.id, parentId: null, path: root.path, kind: NATIONAL_ROOT.kind, name: NATIONAL_ROOT.name, code: NATIONAL_ROOT.code });
  await tx.insert(unitEvents).values({ unitId: root.id, kind: 'created', effectiveOn, details: { parentId: null, parentName: '—', name: root.name, kind: NATIONAL_ROOT.kind, source: 'demo seed' } });
  for (const province of roots) {
    await reparentSubtree(tx, province.path, root.path, { keepRoot: false });
    await tx
      .update(units)
      .set({ parentId: root.id, version: sql`${units.version} + 1` })
      .where(eq(units.id, province.id));
    const details = { fromId: null, fromName: null, toId: root.id, toName: root.name, source: 'demo seed' };
    await tx.insert(unitEvents).values({ unitId: province.id, kind: 'moved', effectiveOn, details });
    await writeAudit(tx, {
      actorId: null,
      unitId: province.id,
      action: 'unit.move',
      entity: 'unit',
      entityId: province.id,
      before: { parentId: null, path: province.path },
      after: { parentId: root.id, path: `${root.path}.${province.id}`, effectiveOn, source: 'demo seed' },
    });
  }
  return roots.length;
}
