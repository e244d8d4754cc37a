import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { chunks, getDb, reserveIds, rowsOf, type Tx } from '@/db';
import { memberEvents, unitEvents, units, unitSubtreeCounts, users } from '@/db/schema';
import { TERMINAL_STATES } from '@/lib/admission/states';
import { can, type Action } from '@/lib/authz/permissions';
import { baseCode, freeCodes } from '@/lib/units/codes';
import { ALLOWED_CHILDREN, canContain, type UnitEventKind, type UnitKind, type UnitStatus } from '@/lib/units/kinds';
import { writeAudit } from './audit';
import { DalError, forbidden, invalid, notFound, staleVersion } from './errors';
import { searchKey } from '@/lib/people/identity';
import { capped, cappedCount, keyset, type Page, type PageRequest, type SortKey } from './paging';
import { containing, PICK_LIMIT, type PickOption } from './pick';
import { assertCan, inScope, pathUnder, requireUser, type CurrentUser } from './session';

export type UnitSummary = {
  id: number;
  name: string;
  code: string;
  kind: UnitKind;
  status: UnitStatus;
};

export type ChildUnit = UnitSummary & { unitsBelow: number; activeUsers: number };

export type UnitEventDto = {
  id: number;
  kind: UnitEventKind;
  effectiveOn: string;
  details: Record<string, unknown>;
  actorName: string | null;
  createdAt: Date;
};

export type UnitDetail = UnitSummary & {
  description: string | null;
  parentId: number | null;
  path: string;
  version: number;
  endedOn: string | null;
  mergedInto: UnitSummary | null;
  /** From the root of what the user may see down to this unit (inclusive). */
  breadcrumb: UnitSummary[];
  children: Page<ChildUnit>;
  events: UnitEventDto[];
  allowed: Record<'create' | 'update' | 'move' | 'merge' | 'dissolve' | 'manageUsers', boolean>;
};

const summaryColumns = {
  id: units.id,
  name: units.name,
  code: units.code,
  kind: units.kind,
  status: units.status,
};

const pathText = sql<string>`${units.path}::text`;

async function breadcrumbFor(user: CurrentUser, path: string): Promise<UnitSummary[]> {
  const db = await getDb();
  return db
    .select(summaryColumns)
    .from(units)
    .where(and(sql`${units.path} @> ${path}::ltree`, inScope(user)))
    .orderBy(sql`nlevel(${units.path})`);
}

/** Name order (Vietnamese collation), then id: the index units_name_key. */
const unitOrder: SortKey<{ id: number; name: string }> = {
  columns: [
    [sql`(${units.name} collate "und-x-icu")`, 'text'],
    [sql`${units.id}`, 'integer'],
  ],
  direction: 'asc',
  values: (r) => [r.name, r.id],
};

/**
 * A page of the active units directly below `parent`, each with the active units and users in
 * its subtree. The counts come from one pass over the parent's subtree grouped by child, for
 * the children of this page only.
 */
async function childrenOf(parent: { id: number; path: string }, page: PageRequest, q?: string): Promise<Page<ChildUnit>> {
  const db = await getDb();
  const key = q ? searchKey(q) : '';
  const where = and(eq(units.parentId, parent.id), eq(units.status, 'active'), key ? sql`${units.searchName} like ${containing(key)}` : undefined);
  const ks = keyset(unitOrder, page);
  const [rows, counted] = await Promise.all([
    db
      .select(summaryColumns)
      .from(units)
      .where(and(where, ks.where))
      .orderBy(...ks.orderBy)
      .limit(ks.limit),
    db.execute(cappedCount(sql`select 1 from ${units} where ${where}`)),
  ]);
  // Each child's units below and accounts, from the counts the database keeps per subtree.
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db
        .select({ id: unitSubtreeCounts.unitId, unitsBelow: unitSubtreeCounts.unitsBelow, activeUsers: unitSubtreeCounts.activeUsers })
        .from(unitSubtreeCounts)
        .where(inArray(unitSubtreeCounts.unitId, ids))
    : [];
  const of = new Map(counts.map((c) => [c.id, c]));
  return ks.finish(rows, (r) => ({ ...r, unitsBelow: of.get(r.id)?.unitsBelow ?? 0, activeUsers: of.get(r.id)?.activeUsers ?? 0 }), capped(Number(rowsOf<{ n: number }>(counted)[0].n)));
}

/** The user's own unit with its place in the tree and the units directly below it. */
export async function getHomeOverview(): Promise<{ user: CurrentUser; unit: UnitDetail }> {
  const user = await requireUser();
  return { user, unit: await getUnit(user.unitId) };
}

/** One unit of the user's subtree (with a page of the units below it); anything else is "not found". */
/** `childrenQuery`: a few letters of a child unit's name, without diacritics. */
export async function getUnit(id: number, childrenPage: PageRequest = {}, childrenQuery?: string): Promise<UnitDetail> {
  const user = await requireUser();
  const db = await getDb();
  const [row] = await db
    .select({
      ...summaryColumns,
      description: units.description,
      parentId: units.parentId,
      path: pathText,
      version: units.version,
      endedOn: units.endedOn,
      mergedIntoId: units.mergedIntoId,
    })
    .from(units)
    .where(and(eq(units.id, id), inScope(user)));
  if (!row) throw notFound();
  assertCan(user, 'unit.read', row.path);

  const [breadcrumb, children, events, mergedInto] = await Promise.all([
    breadcrumbFor(user, row.path),
    childrenOf(row, childrenPage, childrenQuery),
    db
      .select({
        id: unitEvents.id,
        kind: unitEvents.kind,
        effectiveOn: unitEvents.effectiveOn,
        details: unitEvents.details,
        actorName: users.fullName,
        createdAt: unitEvents.createdAt,
      })
      .from(unitEvents)
      .leftJoin(users, eq(users.id, unitEvents.actorId))
      .where(eq(unitEvents.unitId, row.id))
      .orderBy(sql`${unitEvents.effectiveOn} desc, ${unitEvents.id} desc`),
    row.mergedIntoId
      ? db
          .select(summaryColumns)
          .from(units)
          .where(and(eq(units.id, row.mergedIntoId), inScope(user)))
      : Promise.resolve([]),
  ]);
  const allowedTo = (action: Action) => row.status === 'active' && can(user, action, row.path);
  const { mergedIntoId: _omit, ...rest } = row;
  return {
    ...rest,
    breadcrumb,
    children,
    events,
    mergedInto: mergedInto[0] ?? null,
    allowed: {
      // Only where the unit's kind may hold units (a union or youth branch holds none).
      create: allowedTo('unit.create') && ALLOWED_CHILDREN[row.kind].length > 0,
      update: allowedTo('unit.update'),
      move: allowedTo('unit.move'),
      merge: allowedTo('unit.merge'),
      dissolve: allowedTo('unit.dissolve'),
      manageUsers: allowedTo('user.create'),
    },
  };
}

/** A unit of the user's subtree as a picker shows it (its name, and the unit above it), or null when it is not in scope. */
export async function getUnitOption(id: number): Promise<PickOption | null> {
  const user = await requireUser();
  const db = await getDb();
  const parent = alias(units, 'parent_unit');
  const [row] = await db
    .select({ id: units.id, name: units.name, parentName: parent.name })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(and(eq(units.id, id), inScope(user)));
  return row ? { value: String(row.id), label: row.name, detail: row.parentName ?? undefined } : null;
}

export type UnitSearch = {
  q?: string;
  /** Only units of these kinds. */
  kinds?: readonly UnitKind[];
  /** 'mine': the user's subtree (the default); 'tree': the whole tree the user's unit belongs to (transfer targets). */
  scope?: 'mine' | 'tree';
  /** Leave out this unit and everything below it (a unit cannot move into itself). */
  notUnder?: number;
};

/**
 * Active units of the user's scope whose name matches (diacritics ignored): a picker's first
 * PICK_LIMIT matches in name order, each with the unit above it to tell alike names apart.
 */
export async function searchUnits(search: UnitSearch = {}): Promise<PickOption[]> {
  const user = await requireUser();
  // The whole tree is searched only for a transfer's receiving cell: cells only, and only by
  // someone who manages party members (a party unit's editor; never a union or youth branch).
  if (search.scope === 'tree') {
    if (search.kinds?.some((k) => k !== 'cell')) throw forbidden();
    if (!can(user, 'member.manage', user.unitPath)) throw forbidden();
    search = { ...search, kinds: ['cell'] };
  }
  const db = await getDb();
  const key = search.q ? searchKey(search.q) : '';
  const parent = alias(units, 'parent_unit');
  const rows = await db
    .select({ id: units.id, name: units.name, parentName: parent.name })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(
      and(
        search.scope === 'tree' ? sql`${units.path} <@ ${user.unitPath.split('.')[0]}::ltree` : inScope(user),
        eq(units.status, 'active'),
        search.kinds?.length ? inArray(units.kind, [...search.kinds]) : undefined,
        key ? sql`${units.searchName} like ${containing(key)}` : undefined,
        search.notUnder ? sql`not (${pathUnder(units.path, search.notUnder)})` : undefined,
      ),
    )
    .orderBy(sql`${units.name} collate "und-x-icu"`, asc(units.id))
    .limit(PICK_LIMIT);
  return rows.map((r) => ({ value: String(r.id), label: r.name, detail: r.parentName ?? undefined }));
}

// ---------------------------------------------------------------- changes

type LockedUnit = {
  id: number;
  name: string;
  code: string;
  kind: UnitKind;
  status: UnitStatus;
  description: string | null;
  parentId: number | null;
  path: string;
  version: number;
};

/** Lock one unit of the user's scope for update, or "not found". */
async function lockInScope(tx: Tx, user: CurrentUser, id: number): Promise<LockedUnit> {
  const [row] = await tx
    .select({ ...summaryColumns, description: units.description, parentId: units.parentId, path: pathText, version: units.version })
    .from(units)
    .where(and(eq(units.id, id), inScope(user)))
    .for('update');
  if (!row) throw notFound();
  return row;
}

function assertActive(unit: LockedUnit, field?: string): void {
  if (unit.status !== 'active') throw invalid('errors.unitNotActive', field ? { [field]: 'errors.unitNotActive' } : undefined);
}

async function recordEvent(tx: Tx, user: CurrentUser, unitId: number, kind: UnitEventKind, effectiveOn: string, details: Record<string, unknown>): Promise<void> {
  await tx.insert(unitEvents).values({ unitId, kind, effectiveOn, details, actorId: user.id });
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

async function codeTaken(tx: Tx, code: string, exceptId?: number): Promise<boolean> {
  const rows = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(sql`lower(${units.code}) = lower(${code})`, exceptId ? sql`${units.id} <> ${exceptId}` : undefined));
  return rows.length > 0;
}

/** Which of `candidates` are already codes of units, whatever their status (for freeCodes in lib/units/codes.ts). */
export async function takenCodes(tx: Tx, candidates: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const part of chunks(candidates, 2000)) for (const r of await tx.select({ code: units.code }).from(units).where(inArray(units.code, part))) found.push(r.code);
  return found;
}

/** A readable code for a new unit under `parentId` (lib/units/codes.ts), the first of its candidates not taken. */
export async function generatedCode(tx: Tx, parentId: number, name: string, kind: UnitKind): Promise<string> {
  const [parent] = await tx.select({ code: units.code }).from(units).where(eq(units.id, parentId));
  const [code] = await freeCodes([baseCode(parent?.code, name, kind)], (candidates) => takenCodes(tx, candidates));
  return code;
}

export type CreateUnitInput = {
  parentId: number;
  kind: UnitKind;
  name: string;
  code?: string;
  description?: string;
  effectiveOn: string;
};

export async function createUnit(input: CreateUnitInput): Promise<{ id: number }> {
  const user = await requireUser();
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const parent = await lockInScope(tx, user, input.parentId);
      assertCan(user, 'unit.create', parent.path);
      assertActive(parent, 'parentId');
      if (!canContain(parent.kind, input.kind)) throw invalid('errors.kindNotAllowed', { kind: 'errors.kindNotAllowed' });
      if (input.code && (await codeTaken(tx, input.code))) throw invalid('errors.codeTaken', { code: 'errors.codeTaken' });
      return insertUnit(tx, user, parent, input, 'unit.create');
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw invalid('errors.codeTaken', { code: 'errors.codeTaken' });
    throw err;
  }
}

/**
 * Add a unit under `parent` (already locked and checked by the caller) with its "created" event
 * and audit row: unit administration, and the founding decision of a new cell.
 */
export async function insertUnit(
  tx: Tx,
  user: CurrentUser,
  parent: { id: number; path: string; name: string },
  input: { kind: UnitKind; name: string; code?: string; description?: string; effectiveOn: string },
  action: string,
  details: Record<string, unknown> = {},
): Promise<{ id: number }> {
  const [id] = await reserveIds(tx, 'units', 1);
  const values = {
    id: Number(id),
    parentId: parent.id,
    path: `${parent.path}.${id}`,
    kind: input.kind,
    name: input.name,
    code: input.code || (await generatedCode(tx, parent.id, input.name, input.kind)),
    description: input.description || null,
  };
  await tx.insert(units).values(values);
  await recordEvent(tx, user, values.id, 'created', input.effectiveOn, { parentId: parent.id, parentName: parent.name, name: values.name, kind: values.kind, ...details });
  await writeAudit(tx, { actorId: user.id, unitId: values.id, action, entity: 'unit', entityId: values.id, after: { ...values, effectiveOn: input.effectiveOn, ...details } });
  return { id: values.id };
}

export type UpdateUnitInput = {
  id: number;
  version: number;
  name: string;
  code: string;
  description?: string;
  effectiveOn: string;
};

export async function updateUnit(input: UpdateUnitInput): Promise<void> {
  const user = await requireUser();
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const unit = await lockInScope(tx, user, input.id);
      assertCan(user, 'unit.update', unit.path);
      assertActive(unit);
      if (unit.version !== input.version) throw staleVersion();
      if (input.code.toLowerCase() !== unit.code.toLowerCase() && (await codeTaken(tx, input.code, unit.id))) throw invalid('errors.codeTaken', { code: 'errors.codeTaken' });
      const before = { name: unit.name, code: unit.code, description: unit.description };
      const after = { name: input.name, code: input.code, description: input.description || null };
      if (JSON.stringify(before) === JSON.stringify(after)) throw invalid('errors.nothingChanged');
      const updated = await tx
        .update(units)
        .set({ ...after, version: sql`${units.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(units.id, unit.id), eq(units.version, input.version)))
        .returning({ id: units.id });
      if (updated.length !== 1) throw staleVersion();
      await recordEvent(tx, user, unit.id, before.name !== after.name ? 'renamed' : 'edited', input.effectiveOn, { before, after });
      await writeAudit(tx, { actorId: user.id, unitId: unit.id, action: 'unit.update', entity: 'unit', entityId: unit.id, before, after: { ...after, effectiveOn: input.effectiveOn } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw invalid('errors.codeTaken', { code: 'errors.codeTaken' });
    throw err;
  }
}

/**
 * Re-root every unit of `fromPath`'s subtree (the root itself excluded when `keepRoot`) under
 * `toPath`. No check: the caller has locked and checked both ends (a move, a merge, or the demo
 * seed putting provinces made before the national level under it). The caller sets parent_id.
 */
export async function reparentSubtree(tx: Tx, fromPath: string, toPath: string, opts: { keepRoot: boolean }): Promise<void> {
  // Lock the whole subtree first. Whoever adds a unit below locks its parent (lockInScope), so
  // this waits for them; the UPDATE below then takes a fresh snapshot that includes their unit.
  // (An UPDATE that itself waited would work on its older snapshot and leave the new unit behind.)
  await tx.execute(sql`select id from units where path <@ ${fromPath}::ltree for update`);
  if (opts.keepRoot) {
    // Children of the root move under the new parent; the root itself stays where it is.
    await tx.execute(sql`
      update units set path = ${toPath}::ltree || subpath(path, nlevel(${fromPath}::ltree)), updated_at = now()
      where path <@ ${fromPath}::ltree and path <> ${fromPath}::ltree`);
  } else {
    await tx.execute(sql`
      update units set path = ${toPath}::ltree || subpath(path, nlevel(${fromPath}::ltree) - 1), updated_at = now()
      where path <@ ${fromPath}::ltree`);
  }
}

export type MoveUnitInput = { id: number; version: number; newParentId: number; effectiveOn: string };

/** Move a unit and its whole subtree under another parent of the user's subtree. */
export async function moveUnit(input: MoveUnitInput): Promise<void> {
  const user = await requireUser();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const unit = await lockInScope(tx, user, input.id);
    assertCan(user, 'unit.move', unit.path);
    assertActive(unit);
    if (unit.version !== input.version) throw staleVersion();
    const target = await lockInScope(tx, user, input.newParentId).catch((e) => {
      throw e instanceof DalError && e.code === 'not_found' ? invalid('errors.targetNotFound', { newParentId: 'errors.targetNotFound' }) : e;
    });
    assertCan(user, 'unit.create', target.path);
    assertActive(target, 'newParentId');
    if (target.id === unit.parentId) throw invalid('errors.alreadyThere', { newParentId: 'errors.alreadyThere' });
    if (target.path === unit.path || target.path.startsWith(unit.path + '.')) throw invalid('errors.moveIntoItself', { newParentId: 'errors.moveIntoItself' });
    if (!canContain(target.kind, unit.kind)) throw invalid('errors.kindNotAllowed', { newParentId: 'errors.kindNotAllowed' });

    const [oldParent] = await tx.select(summaryColumns).from(units).where(eq(units.id, unit.parentId!));
    await reparentSubtree(tx, unit.path, target.path, { keepRoot: false });
    await tx
      .update(units)
      .set({ parentId: target.id, version: sql`${units.version} + 1` })
      .where(eq(units.id, unit.id));
    const details = { fromId: oldParent?.id, fromName: oldParent?.name, toId: target.id, toName: target.name };
    await recordEvent(tx, user, unit.id, 'moved', input.effectiveOn, details);
    await writeAudit(tx, {
      actorId: user.id,
      unitId: unit.id,
      action: 'unit.move',
      entity: 'unit',
      entityId: unit.id,
      before: { parentId: unit.parentId, path: unit.path },
      after: { parentId: target.id, path: `${target.path}.${unit.id}`, effectiveOn: input.effectiveOn },
    });
  });
}

export type MergeUnitInput = { id: number; version: number; intoId: number; effectiveOn: string };

/**
 * Merge a unit into another: its units below and its users pass to the receiving unit, and it
 * ends (status "merged"), keeping its history.
 */
/**
 * The records that point at a unit and would be left on a merged or dissolved one: members in it
 * (also those coming in by transfer or hosted there), enterprises it manages or whose party or
 * union organisation it is, and admission cases still open at any of their levels.
 */
const UNIT_REFERENCES = [
  { table: 'party_members', column: 'cell_unit_id', where: sql`status in ('active', 'temporary_elsewhere')` },
  { table: 'party_members', column: 'host_unit_id', where: sql`status = 'temporary_elsewhere'` },
  { table: 'party_members', column: 'transfer_to_unit_id', where: sql`true` },
  { table: 'enterprises', column: 'managing_unit_id', where: sql`true` },
  { table: 'enterprises', column: 'party_unit_id', where: sql`true` },
  { table: 'enterprises', column: 'trade_union_unit_id', where: sql`true` },
  { table: 'enterprises', column: 'youth_union_unit_id', where: sql`true` },
  ...['referrer_unit_id', 'cell_unit_id', 'committee_unit_id', 'decider_unit_id'].map((column) => ({
    table: 'admission_cases',
    column,
    where: sql`state not in (${sql.join(
      TERMINAL_STATES.map((s) => sql`${s}`),
      sql`, `,
    )})`,
  })),
] as const;

async function unitReferences(tx: Tx, unitId: number): Promise<number> {
  const counts = sql.join(
    UNIT_REFERENCES.map((r) => sql`(select count(*) from ${sql.identifier(r.table)} where ${sql.identifier(r.column)} = ${unitId} and ${r.where})`),
    sql` + `,
  );
  const [{ n }] = rowsOf<{ n: number }>(await tx.execute(sql`select (${counts})::int as n`));
  return Number(n);
}

export async function mergeUnit(input: MergeUnitInput): Promise<void> {
  const user = await requireUser();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const unit = await lockInScope(tx, user, input.id);
    assertCan(user, 'unit.merge', unit.path);
    assertActive(unit);
    if (unit.version !== input.version) throw staleVersion();
    const into = await lockInScope(tx, user, input.intoId).catch((e) => {
      throw e instanceof DalError && e.code === 'not_found' ? invalid('errors.targetNotFound', { intoId: 'errors.targetNotFound' }) : e;
    });
    assertCan(user, 'unit.update', into.path);
    assertActive(into, 'intoId');
    if (into.path === unit.path || into.path.startsWith(unit.path + '.')) throw invalid('errors.mergeIntoItself', { intoId: 'errors.mergeIntoItself' });
    const childKinds = await tx
      .selectDistinct({ kind: units.kind })
      .from(units)
      .where(and(eq(units.parentId, unit.id), eq(units.status, 'active')));
    if (childKinds.some((c) => !canContain(into.kind, c.kind))) throw invalid('errors.kindNotAllowed', { intoId: 'errors.kindNotAllowed' });
    // Members, enterprises and open cases move with the unit, to one that can hold them: the same kind.
    const references = await unitReferences(tx, unit.id);
    if (references > 0 && into.kind !== unit.kind) throw invalid('errors.mergeNeedsSameKind', { intoId: 'errors.mergeNeedsSameKind' });
    const movedMembers = rowsOf<{ id: number }>(
      await tx.execute(sql`update party_members set cell_unit_id = ${into.id}, version = version + 1, updated_at = now() where cell_unit_id = ${unit.id} and ${UNIT_REFERENCES[0].where} returning id`),
    ).map((m) => Number(m.id));
    if (movedMembers.length)
      await tx.insert(memberEvents).values(
        movedMembers.map((memberId) => ({
          memberId,
          kind: 'transfer_in' as const,
          effectiveOn: input.effectiveOn,
          fromUnitId: unit.id,
          toUnitId: into.id,
          actorId: user.id,
          note: `Hợp nhất vào ${into.name}`,
        })),
      );
    for (const r of UNIT_REFERENCES)
      if (!(r.table === 'party_members' && r.column === 'cell_unit_id'))
        await tx.execute(sql`update ${sql.identifier(r.table)} set ${sql.identifier(r.column)} = ${into.id} where ${sql.identifier(r.column)} = ${unit.id} and ${r.where}`);

    const children = await tx.select({ id: units.id }).from(units).where(eq(units.parentId, unit.id));
    const movedUsers = await tx
      .update(users)
      .set({ unitId: into.id, sessionVersion: sql`${users.sessionVersion} + 1`, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
      .where(eq(users.unitId, unit.id))
      .returning({ id: users.id });
    await reparentSubtree(tx, unit.path, into.path, { keepRoot: true });
    await tx.update(units).set({ parentId: into.id }).where(eq(units.parentId, unit.id));
    await tx
      .update(units)
      .set({ status: 'merged', mergedIntoId: into.id, endedOn: input.effectiveOn, version: sql`${units.version} + 1`, updatedAt: sql`now()` })
      .where(eq(units.id, unit.id));
    await tx
      .update(units)
      .set({ version: sql`${units.version} + 1`, updatedAt: sql`now()` })
      .where(eq(units.id, into.id));
    const details = {
      fromId: unit.id,
      fromName: unit.name,
      intoId: into.id,
      intoName: into.name,
      unitsMoved: children.length,
      usersMoved: movedUsers.length,
      membersMoved: movedMembers.length,
      recordsMoved: references,
    };
    await recordEvent(tx, user, unit.id, 'merged_into', input.effectiveOn, details);
    await recordEvent(tx, user, into.id, 'absorbed', input.effectiveOn, details);
    await writeAudit(tx, {
      actorId: user.id,
      unitId: unit.id,
      action: 'unit.merge',
      entity: 'unit',
      entityId: unit.id,
      before: { status: unit.status, childIds: children.map((c) => c.id), userIds: movedUsers.map((u) => u.id) },
      after: { status: 'merged', mergedIntoId: into.id, effectiveOn: input.effectiveOn },
    });
  });
}

export type DissolveUnitInput = { id: number; version: number; effectiveOn: string; reason: string };

/** Dissolve a unit that no longer has active units or users below it. */
export async function dissolveUnit(input: DissolveUnitInput): Promise<void> {
  const user = await requireUser();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const unit = await lockInScope(tx, user, input.id);
    assertCan(user, 'unit.dissolve', unit.path);
    assertActive(unit);
    if (unit.version !== input.version) throw staleVersion();
    const [{ n: activeBelow }] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from units where parent_id = ${unit.id} and status = 'active'`));
    if (Number(activeBelow) > 0) throw invalid('errors.dissolveHasChildren');
    const [{ n: activeUsers }] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from users where unit_id = ${unit.id} and active`));
    if (Number(activeUsers) > 0) throw invalid('errors.dissolveHasUsers');
    if ((await unitReferences(tx, unit.id)) > 0) throw invalid('errors.dissolveHasRecords');
    await tx
      .update(units)
      .set({ status: 'dissolved', endedOn: input.effectiveOn, version: sql`${units.version} + 1`, updatedAt: sql`now()` })
      .where(eq(units.id, unit.id));
    await recordEvent(tx, user, unit.id, 'dissolved', input.effectiveOn, { reason: input.reason });
    await writeAudit(tx, {
      actorId: user.id,
      unitId: unit.id,
      action: 'unit.dissolve',
      entity: 'unit',
      entityId: unit.id,
      before: { status: unit.status },
      after: { status: 'dissolved', endedOn: input.effectiveOn, reason: input.reason },
    });
  });
}
