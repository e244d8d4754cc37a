import 'server-only';
import { and, asc, inArray, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { partyMembers, units } from '@/db/schema';
import { can } from '@/lib/authz/permissions';
import { DalError, forbidden, invalid } from './errors';
import { countUpTo, WALK_TOTAL_CAP } from './paging';
import { requireUser, unitUnderPath } from './session';
import { addEvent, auditMember, cellFor, changeMember, listQuery, save, toItem, type MemberListItem, type Step } from './member-row';

/**
 * Moving a member's party activity between cells: a transfer out (waiting until the receiving
 * cell takes the member in), its receipt or withdrawal, and temporary activity in a host cell
 * (Quy định 24-QĐ/TW on party activity; the member's record itself is in members.ts).
 */

/** Transfers sent to cells of the user's subtree and waiting to be received: the oldest INCOMING_SHOWN, with how many there are. */
export const INCOMING_SHOWN = 20;

export async function listIncomingTransfers(): Promise<{ items: MemberListItem[]; total: number; totalCapped: boolean }> {
  const user = await requireUser();
  const db = await getDb();
  // The scope is the receiving cell's: a transfer waits at a cell of the user's subtree. Read in
  // the order of the waiting transfers' own index; counted up to WALK_TOTAL_CAP ('hơn 1.000').
  const where = and(isNotNull(partyMembers.transferToUnitId), await unitUnderPath(partyMembers.transferToUnitId, user.unitPath))!;
  const [idRows, total] = await Promise.all([
    db.select({ id: partyMembers.id }).from(partyMembers).where(where).orderBy(asc(partyMembers.transferOutOn), asc(partyMembers.id)).limit(INCOMING_SHOWN),
    countUpTo(db, partyMembers, where, WALK_TOTAL_CAP),
  ]);
  const ids = idRows.map((r) => r.id);
  const rows = ids.length ? await listQuery(db).where(inArray(partyMembers.id, ids)) : [];
  const at = new Map(rows.map((r) => [r.id, r]));
  return {
    items: ids
      .map((id) => at.get(id))
      .filter((r) => !!r)
      .map(toItem),
    ...total,
  };
}

/** The member's cell sends their party activity to another cell; they stay in their cell until it is received. */
export async function transferOut(input: Step & { toCellUnitId: number }): Promise<void> {
  await changeMember(input, async (tx, user, m) => {
    if (!can(user, 'data.edit', m.cellPath)) throw forbidden();
    if (m.status !== 'active' || m.transferToUnitId) throw new DalError('invalid', 'errors.memberNotActive');
    const root = user.unitPath.split('.')[0];
    const target = await cellFor(tx, input.toCellUnitId, sql`${units.path} <@ ${root}::ltree`);
    if (!target || target.id === m.cellUnitId) throw invalid('errors.targetNotFound', { toCellUnitId: 'errors.targetNotFound' });
    await save(tx, m, { transferToUnitId: target.id, transferOutOn: input.effectiveOn });
    await addEvent(tx, user, m.id, 'transfer_out', input.effectiveOn, { fromUnitId: m.cellUnitId, toUnitId: target.id, note: input.note });
    await auditMember(tx, user, m, 'member.transferOut', { cellUnitId: m.cellUnitId }, { transferToUnitId: target.id, effectiveOn: input.effectiveOn });
  });
}

/** The receiving cell takes the member in: from now on they belong to it, and only to it. */
export async function receiveTransfer(input: Step): Promise<void> {
  await changeMember(input, async (tx, user, m) => {
    if (!m.transferToUnitId || !m.transferToPath) throw new DalError('invalid', 'errors.noPendingTransfer');
    if (!can(user, 'data.edit', m.transferToPath)) throw forbidden();
    if (m.transferOutOn && input.effectiveOn < m.transferOutOn) throw invalid('errors.receivedBeforeSent', { effectiveOn: 'errors.receivedBeforeSent' });
    await save(tx, m, { cellUnitId: m.transferToUnitId, transferToUnitId: null, transferOutOn: null, hostUnitId: null });
    await addEvent(tx, user, m.id, 'transfer_in', input.effectiveOn, { fromUnitId: m.cellUnitId, toUnitId: m.transferToUnitId, note: input.note });
    await auditMember(tx, user, m, 'member.transferIn', { cellUnitId: m.cellUnitId }, { cellUnitId: m.transferToUnitId, effectiveOn: input.effectiveOn }, m.transferToUnitId);
  });
}

/** The sending cell withdraws a transfer not yet received. */
export async function cancelTransfer(input: Step): Promise<void> {
  await changeMember(input, async (tx, user, m) => {
    if (!can(user, 'data.edit', m.cellPath)) throw forbidden();
    if (!m.transferToUnitId) throw new DalError('invalid', 'errors.noPendingTransfer');
    await save(tx, m, { transferToUnitId: null, transferOutOn: null });
    await addEvent(tx, user, m.id, 'transfer_cancelled', input.effectiveOn, { fromUnitId: m.cellUnitId, toUnitId: m.transferToUnitId, note: input.note });
    await auditMember(tx, user, m, 'member.transferCancel', { transferToUnitId: m.transferToUnitId }, { transferToUnitId: null });
  });
}

/** Temporary activity in a host cell (not counted there), or its end (hostCellUnitId omitted). */
export async function setTemporaryActivity(input: Step & { hostCellUnitId?: number }): Promise<void> {
  await changeMember(input, async (tx, user, m) => {
    if (!can(user, 'data.edit', m.cellPath)) throw forbidden();
    if (input.hostCellUnitId) {
      if (m.status !== 'active' || m.transferToUnitId) throw new DalError('invalid', 'errors.memberNotActive');
      const root = user.unitPath.split('.')[0];
      const target = await cellFor(tx, input.hostCellUnitId, sql`${units.path} <@ ${root}::ltree`);
      if (!target || target.id === m.cellUnitId) throw invalid('errors.targetNotFound', { hostCellUnitId: 'errors.targetNotFound' });
      await save(tx, m, { status: 'temporary_elsewhere', hostUnitId: target.id });
      await addEvent(tx, user, m.id, 'temporary_start', input.effectiveOn, { fromUnitId: m.cellUnitId, toUnitId: target.id, note: input.note });
    } else {
      if (m.status !== 'temporary_elsewhere') throw new DalError('invalid', 'errors.memberNotTemporary');
      await save(tx, m, { status: 'active', hostUnitId: null });
      await addEvent(tx, user, m.id, 'temporary_end', input.effectiveOn, { fromUnitId: m.hostUnitId, toUnitId: m.cellUnitId, note: input.note });
    }
    await auditMember(
      tx,
      user,
      m,
      input.hostCellUnitId ? 'member.temporaryStart' : 'member.temporaryEnd',
      { status: m.status, hostUnitId: m.hostUnitId },
      { hostUnitId: input.hostCellUnitId ?? null, effectiveOn: input.effectiveOn },
    );
  });
}
