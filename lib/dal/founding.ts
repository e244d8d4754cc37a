import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, rowsOf, type Tx } from '@/db';
import { enterprises, foundingProposals, memberEvents, partyMembers, persons, units } from '@/db/schema';
import { can } from '@/lib/authz/permissions';
import { today } from '@/lib/clock';
import type { ReportWindow } from '@/lib/reports/maths';
import type { FoundingState } from '@/lib/registry/kinds';
import { canContain, DECIDING_KINDS } from '@/lib/units/kinds';
import { writeAudit } from './audit';
import { enterpriseInScope, enterpriseVisible } from './enterprises';
import { searchKey } from '@/lib/people/identity';
import { containing, startingWith } from './pick';
import { DalError, forbidden, invalid, notFound, staleVersion } from './errors';
import type { RuleSetVersion } from '@/lib/rules/rule-set';
import { loadRuleSets, ruleSetForDate, rulesOn } from './rules';
import { capped, cappedCount, keyset, type Page, type PageRequest, type SortKey } from './paging';
import { assertCan, inScope, inWindow, requireUser, scopeHolds, type CurrentUser } from './session';
import { insertUnit } from './units';

/**
 * Founding a party organisation in an enterprise, as a small workflow: a committee proposes
 * (enterprise, members to move in, parent unit); the superior committee's leader decides
 * (number, date, appointed secretary), which creates the cell under the parent, moves the
 * members in and links the enterprise, in one transaction; or rejects with a reason. The
 * minimum of official members comes from the rule set in force on the day of each step.
 */

const parent = alias(units, 'parent_unit');
const decider = alias(units, 'decider_unit');
const proposer = alias(units, 'proposer_unit');

/** Visible to those whose subtree holds the proposer, the parent or the decider (scope_units holds all three). */
function proposalInScope(user: CurrentUser) {
  return scopeHolds(user, foundingProposals.scopeUnits);
}

/** The members a founding can move: in the user's scope, active (no transfer pending), with their standing. */
async function eligibleMembers(tx: Tx, user: CurrentUser, ids: number[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: partyMembers.id, official: sql<boolean>`${partyMembers.officialOn} is not null`, cellUnitId: partyMembers.cellUnitId, version: partyMembers.version })
    .from(partyMembers)
    .innerJoin(units, eq(units.id, partyMembers.cellUnitId))
    .where(and(inArray(partyMembers.id, ids), inScope(user), eq(partyMembers.status, 'active'), sql`${partyMembers.transferToUnitId} is null`))
    .for('update', { of: partyMembers });
}

/** The rule set's minimum on `on`, checked against the official members chosen (versions loaded before the transaction: PGlite has one connection). */
function assertEnoughOfficial(members: { official: boolean }[], on: string, versions: RuleSetVersion[], field: 'proposedOn' | 'decisionOn') {
  const min = ruleSetForDate(versions, on, field).values.minMembersToFoundCell;
  const given = members.filter((m) => m.official).length;
  if (given < min) throw new DalError('invalid', 'errors.foundingTooFew', { memberIds: 'errors.foundingTooFew' }, { min, given }, { memberIds: { min, given } });
}

export type ProposeInput = { enterpriseId: number; parentUnitId: number; cellName: string; memberIds: number[]; proposedOn: string };

export async function proposeFounding(input: ProposeInput): Promise<{ id: number }> {
  const user = await requireUser();
  assertCan(user, 'data.edit', user.unitPath);
  const db = await getDb();
  const versions = await loadRuleSets();
  return db.transaction(async (tx) => {
    const [ent] = await tx
      .select({ id: enterprises.id, partyUnitId: enterprises.partyUnitId, status: enterprises.status })
      .from(enterprises)
      .where(and(eq(enterprises.id, input.enterpriseId), enterpriseInScope(user)))
      .for('update', { of: enterprises });
    if (!ent) throw notFound();
    if (ent.partyUnitId || ent.status !== 'operating') throw new DalError('invalid', 'errors.foundingNotNeeded');
    const [open] = await tx
      .select({ id: foundingProposals.id })
      .from(foundingProposals)
      .where(and(eq(foundingProposals.enterpriseId, ent.id), eq(foundingProposals.state, 'proposed')));
    if (open) throw new DalError('conflict', 'errors.foundingOpen');
    const [p] = await tx
      .select({ id: units.id, kind: units.kind, path: sql<string>`${units.path}::text` })
      .from(units)
      .where(and(eq(units.id, input.parentUnitId), inScope(user), eq(units.status, 'active')));
    if (!p || !canContain(p.kind, 'cell')) throw invalid('errors.targetNotFound', { parentUnitId: 'errors.targetNotFound' });
    const [d] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(sql`${units.path} @> ${p.path}::ltree`, inArray(units.kind, [...DECIDING_KINDS])))
      .orderBy(desc(sql`nlevel(${units.path})`))
      .limit(1);
    if (!d) throw invalid('errors.targetNotFound', { parentUnitId: 'errors.targetNotFound' });
    const ids = [...new Set(input.memberIds)];
    const members = await eligibleMembers(tx, user, ids);
    if (members.length !== ids.length) throw invalid('errors.memberNotEligible', { memberIds: 'errors.memberNotEligible' });
    assertEnoughOfficial(members, input.proposedOn, versions, 'proposedOn');
    const values = {
      enterpriseId: ent.id,
      proposedByUnitId: user.unitId,
      parentUnitId: p.id,
      deciderUnitId: d.id,
      cellName: input.cellName,
      memberIds: ids,
      proposedOn: input.proposedOn,
      createdBy: user.id,
    };
    const [row] = await tx.insert(foundingProposals).values(values).returning({ id: foundingProposals.id });
    await writeAudit(tx, { actorId: user.id, unitId: user.unitId, action: 'founding.propose', entity: 'founding_proposal', entityId: row.id, after: values });
    return row;
  });
}

export type FoundingListItem = {
  id: number;
  state: FoundingState;
  enterpriseId: number;
  enterpriseName: string;
  cellName: string;
  parentName: string;
  deciderName: string;
  proposerName: string;
  proposedOn: string;
  members: number;
  decisionNo: string | null;
  decisionOn: string | null;
  newUnitId: number | null;
  rejectReason: string | null;
  /** Decided before the portal, entered from the records. */
  fromRecords: boolean;
};

const listColumns = {
  id: foundingProposals.id,
  state: foundingProposals.state,
  enterpriseId: enterprises.id,
  enterpriseName: enterprises.name,
  cellName: foundingProposals.cellName,
  parentName: parent.name,
  deciderName: decider.name,
  proposerName: proposer.name,
  proposedOn: foundingProposals.proposedOn,
  members: sql<number>`jsonb_array_length(${foundingProposals.memberIds})::int`,
  decisionNo: foundingProposals.decisionNo,
  decisionOn: foundingProposals.decisionOn,
  newUnitId: foundingProposals.newUnitId,
  rejectReason: foundingProposals.rejectReason,
  fromRecords: foundingProposals.fromRecords,
};

function baseQuery(tx: Pick<Tx, 'select'>) {
  return tx
    .select(listColumns)
    .from(foundingProposals)
    .innerJoin(enterprises, eq(enterprises.id, foundingProposals.enterpriseId))
    .innerJoin(parent, eq(parent.id, foundingProposals.parentUnitId))
    .innerJoin(decider, eq(decider.id, foundingProposals.deciderUnitId))
    .innerJoin(proposer, eq(proposer.id, foundingProposals.proposedByUnitId));
}

/** Decided in a window, the new cell under a unit: the list behind a report's foundings figure (optionally only in FDI firms). */
/** `q`: a few letters of the enterprise's name or its tax code; `state`: proposed, decided or rejected. */
export type FoundingFilter = { decided?: ReportWindow; fdi?: boolean; q?: string; state?: FoundingState };

async function foundingFilter(user: CurrentUser, filter: FoundingFilter) {
  const w = filter.decided;
  const key = filter.q ? searchKey(filter.q) : '';
  const digits = filter.q?.replace(/[\s.-]/g, '') ?? '';
  return and(
    proposalInScope(user),
    filter.state ? eq(foundingProposals.state, filter.state) : undefined,
    key ? (/^\d{3,}$/.test(digits) ? sql`${enterprises.taxCode} like ${startingWith(digits)}` : sql`${enterprises.searchName} like ${containing(key)}`) : undefined,
    w ? and(eq(foundingProposals.state, 'decided'), await inWindow(foundingProposals.decisionOn, foundingProposals.newUnitId, w)) : undefined,
    filter.fdi ? sql`(${enterprises.type} = 'fdi' or ${enterprises.foreignInvested})` : undefined,
  );
}

export async function countFoundingProposals(filter: FoundingFilter = {}): Promise<number> {
  const user = await requireUser();
  const db = await getDb();
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(foundingProposals)
    .innerJoin(enterprises, eq(enterprises.id, foundingProposals.enterpriseId))
    .where(await foundingFilter(user, filter));
  return Number(n);
}

/** Open proposals first, then the newest. */
const proposalOrder: SortKey<{ id: number; state: FoundingState; proposedOn: string }> = {
  columns: [
    [sql`(${foundingProposals.state} = 'proposed')`, 'boolean'],
    [sql`${foundingProposals.proposedOn}`, 'date'],
    [sql`${foundingProposals.id}`, 'integer'],
  ],
  direction: 'desc',
  values: (r) => [r.state === 'proposed', r.proposedOn, r.id],
};

export async function listFoundingProposals(filter: FoundingFilter = {}, page: PageRequest = {}): Promise<Page<FoundingListItem>> {
  const user = await requireUser();
  const db = await getDb();
  const where = await foundingFilter(user, filter);
  const ks = keyset(proposalOrder, page);
  const [rows, counted] = await Promise.all([
    baseQuery(db)
      .where(and(where, ks.where))
      .orderBy(...ks.orderBy)
      .limit(ks.limit),
    db.execute(cappedCount(sql`select 1 from ${foundingProposals} join ${enterprises} on ${enterprises.id} = ${foundingProposals.enterpriseId} where ${where}`)),
  ]);
  return ks.finish(rows, (r) => ({ ...r, members: Number(r.members) }), capped(Number(rowsOf<{ n: number }>(counted)[0].n)));
}

export type FoundingDetail = FoundingListItem & {
  version: number;
  canDecide: boolean;
  memberList: { id: number; fullName: string; official: boolean; cellName: string }[];
};

export async function getFoundingProposal(id: number): Promise<FoundingDetail> {
  const user = await requireUser();
  const db = await getDb();
  const [row] = await baseQuery(db).where(and(eq(foundingProposals.id, id), proposalInScope(user)));
  if (!row) throw notFound();
  const [meta] = await db
    .select({ version: foundingProposals.version, memberIds: foundingProposals.memberIds, deciderPath: sql<string>`${decider.path}::text` })
    .from(foundingProposals)
    .innerJoin(decider, eq(decider.id, foundingProposals.deciderUnitId))
    .where(eq(foundingProposals.id, id));
  const memberCell = alias(units, 'member_cell');
  const memberList = meta.memberIds.length
    ? await db
        .select({ id: partyMembers.id, fullName: persons.fullName, official: sql<boolean>`${partyMembers.officialOn} is not null`, cellName: memberCell.name })
        .from(partyMembers)
        .innerJoin(persons, eq(persons.id, partyMembers.personId))
        .innerJoin(memberCell, eq(memberCell.id, partyMembers.cellUnitId))
        // Names only of members in the reader's own subtree (a proposal is also seen through its parent or decider).
        .where(and(inArray(partyMembers.id, meta.memberIds), inScope(user, memberCell.path)))
        .orderBy(sql`${persons.fullName} collate "und-x-icu"`)
    : [];
  return {
    ...row,
    members: Number(row.members),
    version: meta.version,
    canDecide: row.state === 'proposed' && can(user, 'approval.take', meta.deciderPath),
    memberList,
  };
}

async function lockProposal(tx: Tx, user: CurrentUser, id: number, version: number) {
  const [row] = await tx
    .select({ p: foundingProposals, deciderPath: sql<string>`${decider.path}::text`, parentPath: sql<string>`${parent.path}::text`, parentName: parent.name })
    .from(foundingProposals)
    .innerJoin(decider, eq(decider.id, foundingProposals.deciderUnitId))
    .innerJoin(parent, eq(parent.id, foundingProposals.parentUnitId))
    .where(and(eq(foundingProposals.id, id), proposalInScope(user)))
    .for('update', { of: foundingProposals });
  if (!row) throw notFound();
  // Only the deciding committee's leader decides or rejects.
  if (!can(user, 'approval.take', row.deciderPath)) throw forbidden();
  if (row.p.state !== 'proposed') throw new DalError('conflict', 'errors.foundingClosed');
  if (row.p.version !== version) throw staleVersion();
  return row;
}

export type DecideInput = { id: number; version: number; decisionNo: string; decisionOn: string; secretaryMemberId: number };

/** The founding decision: the cell is created under the parent, its members moved in, the enterprise linked. */
export async function decideFounding(input: DecideInput): Promise<{ unitId: number }> {
  const user = await requireUser();
  const db = await getDb();
  const versions = await loadRuleSets();
  return db.transaction(async (tx) => {
    const { p, parentPath, parentName } = await lockProposal(tx, user, input.id, input.version);
    if (!p.memberIds.includes(input.secretaryMemberId)) throw invalid('errors.secretaryNotMember', { secretaryMemberId: 'errors.secretaryNotMember' });
    // The members are re-read under lock: any that left, moved or is being transferred stops the whole decision.
    const members = await tx
      .select({ id: partyMembers.id, official: sql<boolean>`${partyMembers.officialOn} is not null`, cellUnitId: partyMembers.cellUnitId })
      .from(partyMembers)
      .where(and(inArray(partyMembers.id, p.memberIds), eq(partyMembers.status, 'active'), sql`${partyMembers.transferToUnitId} is null`))
      .for('update');
    if (members.length !== p.memberIds.length) throw new DalError('invalid', 'errors.memberNotEligible');
    assertEnoughOfficial(members, input.decisionOn, versions, 'decisionOn');
    const [ent] = await tx.select({ partyUnitId: enterprises.partyUnitId }).from(enterprises).where(eq(enterprises.id, p.enterpriseId)).for('update');
    if (ent.partyUnitId) throw new DalError('invalid', 'errors.foundingNotNeeded');

    const { id: unitId } = await insertUnit(
      tx,
      user,
      { id: p.parentUnitId, path: parentPath, name: parentName },
      { kind: 'cell', name: p.cellName, effectiveOn: input.decisionOn, description: `Quyết định thành lập số ${input.decisionNo}` },
      'founding.createUnit',
      { decisionNo: input.decisionNo, proposalId: p.id },
    );
    await tx
      .update(partyMembers)
      .set({ cellUnitId: unitId, enterpriseId: p.enterpriseId, version: sql`${partyMembers.version} + 1`, updatedAt: sql`now()` })
      .where(inArray(partyMembers.id, p.memberIds));
    await tx.insert(memberEvents).values(
      members.map((m) => ({
        memberId: m.id,
        kind: 'transfer_in' as const,
        fromUnitId: m.cellUnitId,
        toUnitId: unitId,
        effectiveOn: input.decisionOn,
        note: `Thành lập chi bộ theo quyết định số ${input.decisionNo}${m.id === input.secretaryMemberId ? '; chỉ định bí thư chi bộ' : ''}`,
        actorId: user.id,
      })),
    );
    await tx
      .update(enterprises)
      .set({ partyUnitId: unitId, version: sql`${enterprises.version} + 1`, updatedAt: sql`now()` })
      .where(eq(enterprises.id, p.enterpriseId));
    await tx
      .update(foundingProposals)
      .set({
        state: 'decided',
        decisionNo: input.decisionNo,
        decisionOn: input.decisionOn,
        secretaryMemberId: input.secretaryMemberId,
        newUnitId: unitId,
        decidedBy: user.id,
        version: sql`${foundingProposals.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(foundingProposals.id, p.id));
    await writeAudit(tx, {
      actorId: user.id,
      unitId: p.deciderUnitId,
      action: 'founding.decide',
      entity: 'founding_proposal',
      entityId: p.id,
      before: { state: 'proposed' },
      after: { state: 'decided', unitId, decisionNo: input.decisionNo, decisionOn: input.decisionOn, secretaryMemberId: input.secretaryMemberId, memberIds: p.memberIds },
    });
    return { unitId };
  });
}

export async function rejectFounding(input: { id: number; version: number; reason: string }): Promise<void> {
  const user = await requireUser();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { p } = await lockProposal(tx, user, input.id, input.version);
    await tx
      .update(foundingProposals)
      .set({ state: 'rejected', rejectReason: input.reason, decidedBy: user.id, version: sql`${foundingProposals.version} + 1`, updatedAt: sql`now()` })
      .where(eq(foundingProposals.id, p.id));
    await writeAudit(tx, {
      actorId: user.id,
      unitId: p.deciderUnitId,
      action: 'founding.reject',
      entity: 'founding_proposal',
      entityId: p.id,
      before: { state: 'proposed' },
      after: { state: 'rejected', reason: input.reason },
    });
  });
}

/** The committees a proposal may name as the new cell's parent (those of them that may hold a cell). */
export const FOUNDING_PARENT_KINDS = (['district', 'bloc', 'grassroots', 'ward'] as const).filter((k) => canContain(k, 'cell'));

/** What the proposal form offers: the members working at the enterprise, and the rule set's minimum. */
export async function foundingOptions(enterpriseId: number): Promise<{
  members: { id: number; fullName: string; official: boolean; cellName: string }[];
  minMembers: number;
}> {
  const user = await requireUser();
  const db = await getDb();
  if (!(await enterpriseVisible(db, user, enterpriseId))) throw notFound();
  const memberCell = alias(units, 'member_cell');
  const [members, rules] = await Promise.all([
    db
      .select({ id: partyMembers.id, fullName: persons.fullName, official: sql<boolean>`${partyMembers.officialOn} is not null`, cellName: memberCell.name })
      .from(partyMembers)
      .innerJoin(persons, eq(persons.id, partyMembers.personId))
      .innerJoin(memberCell, eq(memberCell.id, partyMembers.cellUnitId))
      .where(and(eq(partyMembers.enterpriseId, enterpriseId), eq(partyMembers.status, 'active'), sql`${partyMembers.transferToUnitId} is null`, inScope(user, memberCell.path)))
      .orderBy(sql`${persons.fullName} collate "und-x-icu"`),
    rulesOn(today()),
  ]);
  return { members, minMembers: rules.values.minMembersToFoundCell };
}
