import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { memberAssignments, partyMembers, persons, units } from '@/db/schema';
import { writeAudit } from './audit';
import { DalError, invalid, notFound } from './errors';
import { anyUnitInScope, assertCan, inScope, requireUser } from './session';
import { addEvent, cellFor } from './member-row';

/**
 * Committees assigning their members to take part in enterprise cells (a role, a start and an
 * end), and the list of those assignments in the user's scope.
 */

export type AssignmentDto = { id: number; memberId: number; memberName: string; cellUnitId: number; cellName: string; role: string; startOn: string; endOn: string | null; assignedBy: string };

/**
 * A committee assigns one of its members (of a cell in its subtree) to take part in an enterprise
 * cell of its subtree: start, end, role. The committee acts on both sides, so both must be in its scope.
 */
export async function assignMember(input: { memberId: number; cellUnitId: number; role: string; startOn: string; endOn?: string }): Promise<{ id: number }> {
  const user = await requireUser();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [m] = await tx
      .select({ id: partyMembers.id, cellUnitId: partyMembers.cellUnitId, status: partyMembers.status })
      .from(partyMembers)
      .innerJoin(units, eq(units.id, partyMembers.cellUnitId))
      .where(and(eq(partyMembers.id, input.memberId), inScope(user)));
    if (!m) throw notFound();
    if (m.status !== 'active') throw new DalError('invalid', 'errors.memberNotActive');
    const target = await cellFor(tx, input.cellUnitId, inScope(user));
    if (!target || target.id === m.cellUnitId) throw invalid('errors.targetNotFound', { cellUnitId: 'errors.targetNotFound' });
    // The assigning committee must hold both the member's cell and the target cell.
    assertCan(user, 'member.assign', target.path);
    if (input.endOn && input.endOn < input.startOn) throw invalid('errors.dateRange', { endOn: 'errors.dateRange' });
    const values = { memberId: m.id, cellUnitId: target.id, role: input.role, startOn: input.startOn, endOn: input.endOn ?? null, assignedByUnitId: user.unitId, createdBy: user.id };
    const [row] = await tx.insert(memberAssignments).values(values).returning({ id: memberAssignments.id });
    await addEvent(tx, user, m.id, 'assigned', input.startOn, { fromUnitId: m.cellUnitId, toUnitId: target.id, note: input.role });
    await writeAudit(tx, { actorId: user.id, unitId: user.unitId, action: 'member.assign', entity: 'party_member', entityId: m.id, after: values });
    return row;
  });
}

/** Assignments of a member, or to a cell, visible in the user's scope. */
export async function listAssignments(filter: { memberId?: number; cellUnitId?: number }): Promise<AssignmentDto[]> {
  const user = await requireUser();
  const db = await getDb();
  const by = alias(units, 'assigned_by');
  const target = alias(units, 'assigned_cell');
  return db
    .select({
      id: memberAssignments.id,
      memberId: partyMembers.id,
      memberName: persons.fullName,
      cellUnitId: target.id,
      cellName: target.name,
      role: memberAssignments.role,
      startOn: memberAssignments.startOn,
      endOn: memberAssignments.endOn,
      assignedBy: by.name,
    })
    .from(memberAssignments)
    .innerJoin(partyMembers, eq(partyMembers.id, memberAssignments.memberId))
    .innerJoin(persons, eq(persons.id, partyMembers.personId))
    .innerJoin(target, eq(target.id, memberAssignments.cellUnitId))
    .innerJoin(by, eq(by.id, memberAssignments.assignedByUnitId))
    .where(
      and(
        filter.memberId ? eq(memberAssignments.memberId, filter.memberId) : undefined,
        filter.cellUnitId ? eq(memberAssignments.cellUnitId, filter.cellUnitId) : undefined,
        anyUnitInScope(user, memberAssignments.cellUnitId, partyMembers.cellUnitId),
      ),
    )
    .orderBy(sql`${memberAssignments.startOn} desc`);
}
