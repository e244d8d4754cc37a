import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { chunks, getDb, reserveIds, type Tx } from '@/db';
import { unitEvents, units } from '@/db/schema';
import { can } from '@/lib/authz/permissions';
import { today } from '@/lib/clock';
import { searchKey } from '@/lib/people/identity';
import { IMPORT_LIMITS, type RawRow } from '@/lib/registry/import';
import { validateUnitRows, type ExistingParent, type UnitRow, type UnitTreeLookups } from '@/lib/registry/import-units';
import { baseCode, freeCodes } from '@/lib/units/codes';
import type { UnitKind } from '@/lib/units/kinds';
import { writeAuditMany } from './audit';
import { staleVersion } from './errors';
import { takenCodes } from './units';
import type { ImportResult } from './imports';
import { assertCan, inScope, requireUser, type CurrentUser } from './session';

/**
 * Importing a unit tree (lib/registry/import-units.ts checks it): the units the file names are
 * looked up by those names and codes only; a clean file is written in one transaction, parents
 * before children, each unit with its path built from ids (as createUnit), a dated "created"
 * event and an audit row. The subtree counts follow from the database's triggers.
 */

async function treeLookups(user: CurrentUser, rows: RawRow[]): Promise<UnitTreeLookups> {
  const db = await getDb();
  const refs = [...new Set(rows.map((r) => (r.cells.parent ?? '').trim()).filter(Boolean))];
  const codes = [...new Set([...refs, ...rows.map((r) => (r.cells.code ?? '').replace(/\s+/g, ''))].filter(Boolean).flatMap((c) => [c, c.toUpperCase()]))];
  const keys = [...new Set(refs.map(searchKey))];
  const found = new Map<number, ExistingParent>();
  const columns = {
    id: units.id,
    kind: units.kind,
    path: sql<string>`${units.path}::text`,
    code: units.code,
    name: units.name,
    mine: sql<boolean>`${inScope(user)}`,
  };
  // By code anywhere (a code is unique in the country: naming one outside the scope says so), by name only in scope.
  for (const part of chunks(codes, 2000))
    for (const r of await db
      .select(columns)
      .from(units)
      .where(and(eq(units.status, 'active'), inArray(units.code, part))))
      found.set(r.id, { ...r, mayCreate: r.mine && can(user, 'unit.create', r.path) });
  for (const part of chunks(keys, 2000))
    for (const r of await db
      .select(columns)
      .from(units)
      .where(and(eq(units.status, 'active'), inScope(user), inArray(units.searchName, part))))
      found.set(r.id, { ...r, mayCreate: can(user, 'unit.create', r.path) });
  // Any unit's code counts as taken, whatever its status.
  const taken = new Set<string>();
  for (const part of chunks(codes, 2000)) for (const r of await db.select({ code: units.code }).from(units).where(inArray(units.code, part))) taken.add(r.code.toUpperCase());
  const list = [...found.values()];
  return {
    parents: (ref) => {
      const key = searchKey(ref);
      return list.filter((u) => searchKey(u.code) === key || (u.mine && searchKey(u.name) === key));
    },
    codeExists: (code) => taken.has(code.toUpperCase()),
    today: today(),
  };
}

/** Codes for the rows without one, level by level (a child's code starts with its parent's), each the first candidate free in the portal and the file. */
async function assignCodes(tx: Tx, valid: UnitRow[]): Promise<Map<number, string>> {
  const code = new Map<number, string>();
  const used = new Set(valid.filter((r) => r.code).map((r) => r.code!.toUpperCase()));
  for (const r of valid) if (r.code) code.set(r.row, r.code);
  const depths = [...new Set(valid.map((r) => r.depth))].sort((a, b) => a - b);
  for (const d of depths) {
    const level = valid.filter((r) => r.depth === d && !r.code);
    const bases = level.map((r) => baseCode('unit' in r.parent ? r.parent.unit.code : code.get(r.parent.row), r.name, r.kind));
    const found = await freeCodes(bases, (candidates) => takenCodes(tx, candidates), used);
    level.forEach((r, i) => code.set(r.row, found[i]));
  }
  return code;
}

export async function importUnitRows(rows: RawRow[]): Promise<ImportResult> {
  const user = await requireUser();
  assertCan(user, 'unit.create', user.unitPath);
  const started = Date.now();
  if (rows.length === 0 || rows.length > IMPORT_LIMITS.rows) return { ok: false, errors: [], rows: rows.length };
  const { valid, errors } = validateUnitRows(rows, await treeLookups(user, rows));
  if (errors.length) return { ok: false, errors, rows: rows.length };
  const db = await getDb();
  await db.transaction(async (tx) => {
    // The parents named in the portal are locked (as createUnit locks its parent), and must still be active and in scope.
    const parentIds = [...new Set(valid.flatMap((r) => ('unit' in r.parent ? [r.parent.unit.id] : [])))];
    const locked = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(inArray(units.id, parentIds), inScope(user), eq(units.status, 'active')))
      .for('update');
    if (locked.length !== parentIds.length) throw staleVersion();
    for (const r of valid) if ('unit' in r.parent) assertCan(user, 'unit.create', r.parent.unit.path);

    const codes = await assignCodes(tx, valid);
    const ids = await reserveIds(tx, 'units', valid.length);
    const made = new Map<number, { id: number; path: string; name: string }>();
    valid.forEach((r, i) => {
      const parent = 'unit' in r.parent ? r.parent.unit : made.get(r.parent.row)!;
      made.set(r.row, { id: ids[i], path: `${parent.path}.${ids[i]}`, name: r.name });
    });
    const values = valid.map((r) => {
      const parent = 'unit' in r.parent ? r.parent.unit : made.get(r.parent.row)!;
      const me = made.get(r.row)!;
      return { row: r, parent, unit: { id: me.id, parentId: parent.id, path: me.path, kind: r.kind as UnitKind, name: r.name, code: codes.get(r.row)!, description: null } };
    });
    // Level by level, so that every unit's parent exists before it.
    for (const d of [...new Set(valid.map((r) => r.depth))].sort((a, b) => a - b))
      for (const part of chunks(values.filter((v) => v.row.depth === d))) await tx.insert(units).values(part.map((v) => v.unit));
    for (const part of chunks(values))
      await tx.insert(unitEvents).values(
        part.map((v) => ({
          unitId: v.unit.id,
          kind: 'created' as const,
          effectiveOn: v.row.effectiveOn,
          details: { parentId: v.parent.id, parentName: v.parent.name, name: v.unit.name, kind: v.unit.kind, source: 'import', row: v.row.row },
          actorId: user.id,
        })),
      );
    await writeAuditMany(
      tx,
      values.map((v) => ({ actorId: user.id, unitId: v.unit.id, action: 'unit.import', entity: 'unit', entityId: v.unit.id, after: { ...v.unit, effectiveOn: v.row.effectiveOn, row: v.row.row } })),
    );
  });
  return { ok: true, created: valid.length, ms: Date.now() - started };
}
