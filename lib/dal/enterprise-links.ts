import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Tx } from '@/db';
import { enterprises, units } from '@/db/schema';
import { can } from '@/lib/authz/permissions';
import { linkFor, type EnterpriseLink } from '@/lib/registry/links';
import type { UnitKind } from '@/lib/units/kinds';
import { writeAudit } from './audit';
import { DalError, forbidden, invalid, notFound } from './errors';
import { enterpriseInScope } from './enterprises';
import { inScope, requireUser, type CurrentUser } from './session';

/** The columns each link writes: the unit, and the flag that says the organisation exists. */
const COLUMNS = {
  party: { unit: 'partyUnitId', flag: null },
  tradeUnion: { unit: 'tradeUnionUnitId', flag: 'hasTradeUnion' },
  youthUnion: { unit: 'youthUnionUnitId', flag: 'hasYouthUnion' },
} as const satisfies Record<EnterpriseLink, { unit: string; flag: string | null }>;

export type LinkPair = { enterpriseId: number; unitId: number };
export type LinkResult = { linked: number; unchanged: number };

/** At most this many enterprises in one request (a page of the list is 50). */
export const MAX_LINKS = 200;

const managing = alias(units, 'managing_unit');

/**
 * Link enterprises to their organisations, inside the caller's transaction, as `user`: for each
 * (enterprise, unit) pair the unit's kind decides the link (a cell or grassroots committee is the
 * party organisation, a union branch the trade union, a youth branch the youth union). The form
 * of the enterprise list and the Excel import both go through here, so they refuse alike:
 *
 * - a user who may not edit data (a viewer) is refused;
 * - every unit must be active, of a linkable kind and in the user's scope;
 * - every enterprise must be held by the user (its managing unit in their subtree, as for an edit);
 * - a different link already there is replaced only with `replace` (the user confirmed), and
 *   never when it points outside the user's scope (it belongs to the unit that holds it).
 *
 * Any refusal throws before anything is written (the caller's transaction rolls back). The
 * enterprises are locked (in id order) and each update bumps its version; one audit row per
 * enterprise changed. Links already as asked are left alone.
 */
export async function writeEnterpriseLinks(tx: Tx, user: CurrentUser, pairs: LinkPair[], opts: { replace: boolean; action?: string }): Promise<LinkResult> {
  if (!can(user, 'data.edit', user.unitPath)) throw forbidden();
  if (pairs.length === 0) throw invalid('enterprises.link.noneChosen', { enterpriseIds: 'enterprises.link.noneChosen' });
  if (pairs.length > MAX_LINKS) throw invalid('enterprises.link.tooMany', { enterpriseIds: 'enterprises.link.tooMany' });

  // The units: in scope, active, of a kind that can be linked.
  const unitIds = [...new Set(pairs.map((p) => p.unitId))];
  const found = await tx
    .select({ id: units.id, kind: units.kind, active: sql<boolean>`${units.status} = 'active'` })
    .from(units)
    .where(and(inArray(units.id, unitIds), inScope(user)))
    .for('share'); // a concurrent dissolve must not leave enterprises linked to a dissolved unit
  const linkOf = new Map<number, EnterpriseLink>();
  for (const id of unitIds) {
    const unit = found.find((u) => u.id === id);
    if (!unit || !unit.active) throw invalid('errors.targetNotFound', { unitId: 'errors.targetNotFound' });
    const link = linkFor(unit.kind as UnitKind);
    if (!link) throw invalid('enterprises.link.kindNotLinkable', { unitId: 'enterprises.link.kindNotLinkable' });
    linkOf.set(id, link);
  }

  // Each enterprise once per link.
  const seen = new Set<string>();
  for (const p of pairs) {
    const key = `${p.enterpriseId}:${linkOf.get(p.unitId)}`;
    if (seen.has(key)) throw invalid('enterprises.link.twice', { enterpriseIds: 'enterprises.link.twice' });
    seen.add(key);
  }

  // The enterprises, locked in id order (two batches over the same rows wait, never deadlock).
  const enterpriseIds = [...new Set(pairs.map((p) => p.enterpriseId))].sort((a, b) => a - b);
  const rows = await tx
    .select({
      id: enterprises.id,
      name: enterprises.name,
      version: enterprises.version,
      managingUnitId: enterprises.managingUnitId,
      managingPath: sql<string>`${managing.path}::text`,
      partyUnitId: enterprises.partyUnitId,
      tradeUnionUnitId: enterprises.tradeUnionUnitId,
      youthUnionUnitId: enterprises.youthUnionUnitId,
      hasTradeUnion: enterprises.hasTradeUnion,
      hasYouthUnion: enterprises.hasYouthUnion,
    })
    .from(enterprises)
    .innerJoin(managing, eq(managing.id, enterprises.managingUnitId))
    .where(and(inArray(enterprises.id, enterpriseIds), enterpriseInScope(user)))
    .orderBy(asc(enterprises.id))
    .for('update', { of: enterprises });
  if (rows.length !== enterpriseIds.length) throw notFound();
  // Only those who hold the record (its managing unit is theirs or below) link it, as for an edit.
  if (rows.some((r) => !can(user, 'data.edit', r.managingPath))) throw forbidden();

  // What changes, and what it would replace.
  const byId = new Map(rows.map((r) => [r.id, r]));
  const changes = new Map<number, { row: (typeof rows)[number]; set: Record<string, number | boolean>; before: Record<string, unknown> }>();
  const replaced: { name: string; unitId: number }[] = [];
  let unchanged = 0;
  for (const p of pairs) {
    const row = byId.get(p.enterpriseId)!;
    const columns = COLUMNS[linkOf.get(p.unitId)!];
    const current = row[columns.unit];
    if (current === p.unitId && (!columns.flag || row[columns.flag])) {
      unchanged++;
      continue;
    }
    if (current !== null && current !== p.unitId) replaced.push({ name: row.name, unitId: current });
    const change = changes.get(row.id) ?? { row, set: {}, before: {} };
    change.set[columns.unit] = p.unitId;
    change.before[columns.unit] = current;
    if (columns.flag) {
      change.set[columns.flag] = true;
      change.before[columns.flag] = row[columns.flag];
    }
    changes.set(row.id, change);
  }
  if (replaced.length) {
    const replacedIds = [...new Set(replaced.map((r) => r.unitId))];
    const mine = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(inArray(units.id, replacedIds), inScope(user)));
    if (mine.length !== replacedIds.length) throw invalid('errors.linkOutsideScope', { enterpriseIds: 'errors.linkOutsideScope' });
    if (!opts.replace) {
      const names = replaced.map((r) => r.name).join('; ');
      throw new DalError('conflict', 'enterprises.link.replaceNeeded', { replace: 'enterprises.link.replaceNeeded' }, { n: replaced.length, names });
    }
  }

  for (const { row, set, before } of changes.values()) {
    const updated = await tx
      .update(enterprises)
      .set({ ...set, version: sql`${enterprises.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(enterprises.id, row.id), eq(enterprises.version, row.version)))
      .returning({ id: enterprises.id });
    if (updated.length !== 1) throw new DalError('conflict', 'errors.staleVersion');
    await writeAudit(tx, { actorId: user.id, unitId: row.managingUnitId, action: opts.action ?? 'enterprise.link', entity: 'enterprise', entityId: row.id, before, after: set });
  }
  return { linked: changes.size, unchanged };
}

/** Link the chosen enterprises to one unit of the user's scope (the enterprise list's form), in one transaction. */
export async function linkEnterprises(input: { enterpriseIds: number[]; unitId: number; replace: boolean }): Promise<LinkResult> {
  const user = await requireUser();
  const db = await getDb();
  return db.transaction((tx) =>
    writeEnterpriseLinks(
      tx,
      user,
      input.enterpriseIds.map((enterpriseId) => ({ enterpriseId, unitId: input.unitId })),
      { replace: input.replace },
    ),
  );
}
