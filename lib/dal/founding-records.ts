import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { enterprises, foundingProposals, units } from '@/db/schema';
import { can } from '@/lib/authz/permissions';
import { today } from '@/lib/clock';
import { canContain, DECIDING_KINDS } from '@/lib/units/kinds';
import { writeAudit } from './audit';
import { enterpriseInScope } from './enterprises';
import { DalError, forbidden, invalid, notFound } from './errors';
import { inScope, requireUser } from './session';
import { insertUnit } from './units';

/**
 * A founding decided before the portal, entered as a record ("Nhập quyết định thành lập đã có"):
 * the deciding committee's leader enters the decision (number and date) and the portal records
 * what it did: the new cell under its parent (created on the decision's date), the enterprise
 * linked to it, and the decided proposal marked `from_records`, so the founding counts in its
 * year's figures. No live workflow, deadline or rule check: the decision was taken then.
 */
export type PastFoundingInput = { enterpriseId: number; parentUnitId: number; cellName: string; decisionNo: string; decisionOn: string };

export async function recordPastFounding(input: PastFoundingInput): Promise<{ id: number; unitId: number }> {
  const user = await requireUser();
  if (input.decisionOn > today()) throw invalid('errors.dateInFuture', { decisionOn: 'errors.dateInFuture' });
  const decisionNo = input.decisionNo.trim();
  if (!decisionNo) throw invalid('errors.required', { decisionNo: 'errors.required' });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [p] = await tx
      .select({ id: units.id, kind: units.kind, name: units.name, path: sql<string>`${units.path}::text` })
      .from(units)
      .where(and(eq(units.id, input.parentUnitId), inScope(user), eq(units.status, 'active')));
    if (!p || !canContain(p.kind, 'cell')) throw invalid('errors.targetNotFound', { parentUnitId: 'errors.targetNotFound' });
    // The deciding committee: the nearest district, bloc or province at or above the parent.
    const [d] = await tx
      .select({ id: units.id, path: sql<string>`${units.path}::text` })
      .from(units)
      .where(and(sql`${units.path} @> ${p.path}::ltree`, inArray(units.kind, [...DECIDING_KINDS])))
      .orderBy(desc(sql`nlevel(${units.path})`))
      .limit(1);
    if (!d) throw invalid('errors.targetNotFound', { parentUnitId: 'errors.targetNotFound' });
    // Only that committee's leader records its decisions (as only it takes them live).
    if (!can(user, 'founding.record', d.path)) throw forbidden();
    const [ent] = await tx
      .select({ id: enterprises.id, partyUnitId: enterprises.partyUnitId })
      .from(enterprises)
      .where(and(eq(enterprises.id, input.enterpriseId), enterpriseInScope(user)))
      .for('update', { of: enterprises });
    if (!ent) throw notFound();
    if (ent.partyUnitId) throw invalid('errors.foundingNotNeeded', { enterpriseId: 'errors.foundingNotNeeded' });
    const [open] = await tx
      .select({ id: foundingProposals.id })
      .from(foundingProposals)
      .where(and(eq(foundingProposals.enterpriseId, ent.id), eq(foundingProposals.state, 'proposed')));
    if (open) throw new DalError('conflict', 'errors.foundingOpen', { enterpriseId: 'errors.foundingOpen' });

    const { id: unitId } = await insertUnit(
      tx,
      user,
      { id: p.id, path: p.path, name: p.name },
      { kind: 'cell', name: input.cellName, effectiveOn: input.decisionOn, description: `Quyết định thành lập số ${decisionNo}` },
      'founding.record.createUnit',
      { decisionNo, fromRecords: true },
    );
    await tx
      .update(enterprises)
      .set({ partyUnitId: unitId, version: sql`${enterprises.version} + 1`, updatedAt: sql`now()` })
      .where(eq(enterprises.id, ent.id));
    const values = {
      enterpriseId: ent.id,
      proposedByUnitId: user.unitId,
      parentUnitId: p.id,
      deciderUnitId: d.id,
      cellName: input.cellName,
      memberIds: [] as number[],
      proposedOn: input.decisionOn,
      state: 'decided' as const,
      decisionNo,
      decisionOn: input.decisionOn,
      newUnitId: unitId,
      fromRecords: true,
      createdBy: user.id,
      decidedBy: user.id,
    };
    const [row] = await tx.insert(foundingProposals).values(values).returning({ id: foundingProposals.id });
    await writeAudit(tx, { actorId: user.id, unitId: d.id, action: 'founding.record', entity: 'founding_proposal', entityId: row.id, after: values });
    return { id: row.id, unitId };
  });
}

/** Whether the form to enter a past founding is offered: the leader of a deciding committee (the data layer still checks each record). */
export async function canRecordPastFounding(): Promise<boolean> {
  const user = await requireUser();
  return can(user, 'founding.record', user.unitPath);
}
