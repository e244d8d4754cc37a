import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { chunks, getDb, reserveIds, type Tx } from '@/db';
import { enterprises, memberEvents, partyMembers, personAccessLog, persons, units, users } from '@/db/schema';
import { can } from '@/lib/authz/permissions';
import { today } from '@/lib/clock';
import { maskCccd, NAME_QUIRK, namePrefixRange, normalizeName, searchKey } from '@/lib/people/identity';
import { COUNTED_STATUSES, type MemberEventKind, type MemberRecord, type MemberStatus, type Occupation } from '@/lib/registry/kinds';
import type { ReportWindow } from '@/lib/reports/maths';
import { writeAudit } from './audit';
import { assertNotSamePerson } from './people';
import { enterpriseVisible } from './enterprises';
import { DalError, forbidden, invalid, notFound } from './errors';
import { pageByKey, type ListQuery, type Page, type PageRequest, type SearchBranch, type SortKey } from './paging';
import { containing, startingWith } from './pick';
import { assertCan, heldBy, inScope, inWindow, pathOf, requireUser, unitUnderPath, type CurrentUser } from './session';
import { addEvent, auditMember, cell, cellFor, changeMember, host, listColumns, listQuery, memberInScope, save, toItem, transferTo, type MemberListItem, type Step } from './member-row';

/**
 * Party members of cells. A member belongs to exactly one cell (party_members.cell_unit_id, one
 * row per person); a transfer waits in transfer_to_unit_id until the receiving cell takes the
 * member in, and temporary activity names a host cell without moving the member. This module holds
 * the record (list, read, register, edit, leave, and what the admission workflow writes); transfers
 * are in member-transfers.ts, assignments to enterprise cells in member-assignments.ts.
 */

export type MemberFilter = {
  q?: string;
  unitId?: number;
  /** A status, or 'current': every member still counted in their cell (active, or temporarily elsewhere). */
  status?: MemberStatus | 'current';
  standing?: 'probationary' | 'official';
  occupation?: Occupation;
  /** Only members whose workplace is a registered (non-state) enterprise. */
  inEnterprise?: boolean;
  /** Admitted between two dates in cells under a unit (the list behind a report's admissions figure). */
  admitted?: ReportWindow;
  /** Only members whose transfer to a cell of the user's subtree waits to be received. */
  incoming?: boolean;
};

/** Name order (Vietnamese collation), then id: the order of the index party_members_name_key. */
const memberOrder: SortKey<{ id: number; fullName: string }> = {
  columns: [
    [sql`(${partyMembers.fullName} collate "und-x-icu")`, 'text'],
    [sql`${partyMembers.id}`, 'integer'],
  ],
  direction: 'asc',
  values: (r) => [r.fullName, r.id],
};

/** The members list's query: the scope (narrowed by its index), the filters, a name search. */
async function memberQuery(user: CurrentUser, filter: MemberFilter): Promise<ListQuery> {
  const key = filter.q ? searchKey(filter.q) : '';
  return {
    table: partyMembers,
    key: `members:${user.unitId}:${JSON.stringify(filter)}`,
    id: sql`${partyMembers.id}`,
    scope: memberInScope(user),
    filters: and(
      // A cell under the chosen unit has that unit in its scope: the index narrows, the subtree check decides.
      filter.unitId ? and(heldBy(partyMembers.scopeUnits, filter.unitId), await unitUnderPath(partyMembers.cellUnitId, await pathOf(filter.unitId))) : undefined,
      filter.status === 'current' ? inArray(partyMembers.status, COUNTED_STATUSES) : filter.status ? eq(partyMembers.status, filter.status) : undefined,
      filter.standing === 'official' ? isNotNull(partyMembers.officialOn) : filter.standing === 'probationary' ? isNull(partyMembers.officialOn) : undefined,
      filter.occupation ? eq(partyMembers.occupation, filter.occupation) : undefined,
      filter.inEnterprise ? isNotNull(partyMembers.enterpriseId) : undefined,
      filter.incoming ? and(isNotNull(partyMembers.transferToUnitId), await unitUnderPath(partyMembers.transferToUnitId, user.unitPath)) : undefined,
      filter.admitted ? await inWindow(partyMembers.admittedOn, partyMembers.admittedCellUnitId, filter.admitted) : undefined,
    ),
    search: key
      ? {
          indexed: sql`${partyMembers.searchName} like ${containing(key)}`,
          // The same test on an expression no index holds.
          plain: sql`(${partyMembers.searchName} || '') like ${containing(key)}`,
          branches: nameSearchBranches(key) ?? undefined,
        }
      : undefined,
  };
}

/**
 * A name search's rows as disjoint parts the name index reads in order: the names starting with
 * the key lie in one range of the name order (namePrefixRange), the few with other letters are
 * found by their own index, and the names holding the key further on by the trigram index of
 * their tails (or, when those are many, by reading the name index). Null for a key that cannot be
 * split so.
 */
function nameSearchBranches(key: string): SearchBranch[] | null {
  const range = namePrefixRange(key);
  if (!range) return null;
  const name = sql`(${partyMembers.fullName} collate "und-x-icu")`;
  const starts = sql`${partyMembers.searchName} like ${startingWith(key)}`;
  const inRange = sql`(${name} >= ${range[0]} and ${name} < ${range[1]})`;
  return [
    // The names starting with the key: one range of the name index, read in order.
    { read: inRange, check: starts },
    // Names with other letters may sort elsewhere: the few of them are found by their own index.
    { read: sql`${partyMembers.fullName} ~ ${sql.raw(`'${NAME_QUIRK}'`)} and ${starts}`, check: sql`not ${inRange}` },
    // The key further on in the name: rare (the trigram index of the tails), or common (the name index).
    { read: sql`substr(${partyMembers.searchName}, 2) like ${containing(key)}`, check: sql`not (${starts})` },
  ];
}

/**
 * One page of the members in scope, in name order, filtered; with the total (counted up to
 * TOTAL_CAP). The count comes first and decides how the page is read (pageByKey): a few thousand
 * rows are found by the scope's and the filters' indexes and sorted; more are read in the order of
 * the name index from the cursor on, so any page costs what the first does.
 */
export async function listMembers(filter: MemberFilter = {}, page: PageRequest = {}): Promise<Page<MemberListItem>> {
  const user = await requireUser();
  const db = await getDb();
  return pageByKey(db, await memberQuery(user, filter), memberOrder, page, (ids) => listQuery(db).where(inArray(partyMembers.id, ids)), toItem);
}

export type MemberDetail = MemberListItem & {
  personId: number;
  gender: 'male' | 'female';
  phone: string | null;
  cardNo: string | null;
  cellUnitId: number;
  enterpriseId: number | null;
  transferToUnitId: number | null;
  hostUnitId: number | null;
  admissionCaseId: number | null;
  /** The admission decision's number, for a member admitted before the portal. */
  admissionDecisionNo: string | null;
  version: number;
  /** May the user act for the member's cell (transfer out, temporary activity, edit)? */
  canManage: boolean;
  /** May the user receive the pending transfer? */
  canReceive: boolean;
  /** May the user assign the member to take part in another cell (a committee holding the member's cell; active members only)? */
  canAssign: boolean;
  events: { id: number; kind: MemberEventKind; effectiveOn: string; fromName: string | null; toName: string | null; note: string | null; actorName: string | null }[];
};

/** One member of the user's scope with their history; opening the record is logged. */
export async function getMember(id: number): Promise<MemberDetail> {
  const user = await requireUser();
  const db = await getDb();
  const [row] = await db
    .select({
      ...listColumns,
      personId: persons.id,
      gender: persons.gender,
      phone: persons.phone,
      cardNo: partyMembers.cardNo,
      cellUnitId: partyMembers.cellUnitId,
      cellPath: sql<string>`${cell.path}::text`,
      enterpriseId: partyMembers.enterpriseId,
      transferToUnitId: partyMembers.transferToUnitId,
      transferToPath: sql<string | null>`${transferTo.path}::text`,
      hostUnitId: partyMembers.hostUnitId,
      admissionCaseId: partyMembers.admissionCaseId,
      admissionDecisionNo: partyMembers.admissionDecisionNo,
      version: partyMembers.version,
    })
    .from(partyMembers)
    .innerJoin(persons, eq(persons.id, partyMembers.personId))
    .innerJoin(cell, eq(cell.id, partyMembers.cellUnitId))
    .leftJoin(enterprises, eq(enterprises.id, partyMembers.enterpriseId))
    .leftJoin(transferTo, eq(transferTo.id, partyMembers.transferToUnitId))
    .leftJoin(host, eq(host.id, partyMembers.hostUnitId))
    .where(and(eq(partyMembers.id, id), memberInScope(user)));
  if (!row) throw notFound();
  const fromU = alias(units, 'from_unit');
  const toU = alias(units, 'to_unit');
  const [events] = await Promise.all([
    db
      .select({ id: memberEvents.id, kind: memberEvents.kind, effectiveOn: memberEvents.effectiveOn, fromName: fromU.name, toName: toU.name, note: memberEvents.note, actorName: users.fullName })
      .from(memberEvents)
      .leftJoin(fromU, eq(fromU.id, memberEvents.fromUnitId))
      .leftJoin(toU, eq(toU.id, memberEvents.toUnitId))
      .leftJoin(users, eq(users.id, memberEvents.actorId))
      .where(eq(memberEvents.memberId, id))
      .orderBy(asc(memberEvents.effectiveOn), asc(memberEvents.id)),
    db.insert(personAccessLog).values({ personId: row.personId, userId: user.id }),
  ]);
  const { cellPath, transferToPath, ...rest } = row;
  return {
    ...toItem(rest),
    personId: row.personId,
    gender: row.gender,
    phone: row.phone,
    cardNo: row.cardNo,
    cellUnitId: row.cellUnitId,
    enterpriseId: row.enterpriseId,
    transferToUnitId: row.transferToUnitId,
    hostUnitId: row.hostUnitId,
    admissionCaseId: row.admissionCaseId,
    admissionDecisionNo: row.admissionDecisionNo,
    version: row.version,
    canManage: can(user, 'data.edit', cellPath),
    canReceive: !!transferToPath && can(user, 'data.edit', transferToPath),
    canAssign: can(user, 'member.assign', cellPath) && row.status === 'active',
    events,
  };
}

export type CreateMemberInput = MemberRecord & {
  /** The user confirmed that a person of the same name and birth date is someone else. */
  confirmNotDuplicate?: boolean;
  /** The admission decision's number, for a member admitted before the portal (the decision entered as a record). */
  admissionDecisionNo?: string;
};

/** A party card number belongs to one member. */
async function assertCardNoFree(tx: Pick<Tx, 'select'>, cardNo: string | undefined, exceptMemberId?: number): Promise<void> {
  if (!cardNo) return;
  const [card] = await tx.select({ id: partyMembers.id }).from(partyMembers).where(eq(partyMembers.cardNo, cardNo));
  if (card && card.id !== exceptMemberId) throw invalid('errors.cardNoTaken', { cardNo: 'errors.cardNoTaken' });
}

/** Insert the person and the member in a transaction already holding the checks. */
export async function insertMember(tx: Tx, user: CurrentUser | null, input: CreateMemberInput): Promise<{ id: number; personId: number }> {
  const [created] = await insertMembers(tx, user, [input]);
  return created;
}

/**
 * Insert people and their memberships in batches, each with its "registered" history event, in
 * a transaction already holding the checks (a form, an import, the demo seed). Ids are reserved
 * first, so the batches can reference each other.
 */
export async function insertMembers(tx: Tx, user: CurrentUser | null, inputs: CreateMemberInput[], note?: string): Promise<{ id: number; personId: number }[]> {
  const personIds = await reserveIds(tx, 'persons', inputs.length);
  const memberIds = await reserveIds(tx, 'party_members', inputs.length);
  const people = inputs.map((m, i) => {
    const fullName = normalizeName(m.fullName);
    return { id: personIds[i], fullName, searchName: searchKey(fullName), birthDate: m.birthDate, gender: m.gender, nationalId: m.nationalId || null, phone: m.phone || null, unitId: m.cellUnitId };
  });
  for (const part of chunks(people)) await tx.insert(persons).values(part);
  const members = inputs.map((m, i) => ({
    id: memberIds[i],
    personId: personIds[i],
    cellUnitId: m.cellUnitId,
    admittedCellUnitId: m.cellUnitId,
    enterpriseId: m.enterpriseId ?? null,
    occupation: m.occupation,
    admittedOn: m.admittedOn,
    officialOn: m.officialOn || null,
    cardNo: m.cardNo || null,
    admissionDecisionNo: m.admissionDecisionNo?.trim() || null,
  }));
  for (const part of chunks(members)) await tx.insert(partyMembers).values(part);
  for (const part of chunks(members))
    await tx
      .insert(memberEvents)
      .values(part.map((m) => ({ memberId: m.id, kind: 'registered' as const, effectiveOn: m.admittedOn, toUnitId: m.cellUnitId, actorId: user?.id ?? null, note: note ?? null })));
  return members.map((m) => ({ id: m.id, personId: m.personId }));
}

/** A cell (or a committee above it) registers one of its members. */
export async function createMember(input: CreateMemberInput): Promise<{ id: number }> {
  const user = await requireUser();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const target = await cellFor(tx, input.cellUnitId, inScope(user));
    if (!target) throw invalid('errors.targetNotFound', { cellUnitId: 'errors.targetNotFound' });
    assertCan(user, 'data.edit', target.path);
    if (input.enterpriseId) {
      if (!(await enterpriseVisible(tx, user, input.enterpriseId))) throw invalid('errors.enterpriseNotFound', { enterpriseId: 'errors.enterpriseNotFound' });
    }
    if (input.officialOn && input.officialOn < input.admittedOn) throw invalid('errors.officialBeforeAdmitted', { officialOn: 'errors.officialBeforeAdmitted' });
    // A past admission is a record of a decision already taken: never one dated after today.
    if (input.admittedOn > today()) throw invalid('errors.dateInFuture', { admittedOn: 'errors.dateInFuture' });
    if (input.officialOn && input.officialOn > today()) throw invalid('errors.dateInFuture', { officialOn: 'errors.dateInFuture' });
    await assertNotSamePerson(tx, user, input, input.confirmNotDuplicate);
    await assertCardNoFree(tx, input.cardNo);
    const created = await insertMember(tx, user, input);
    await writeAudit(tx, {
      actorId: user.id,
      unitId: input.cellUnitId,
      action: 'member.create',
      entity: 'party_member',
      entityId: created.id,
      after: { ...input, nationalId: input.nationalId ? maskCccd(input.nationalId) : undefined },
    });
    return { id: created.id };
  });
}

/** The ceremony makes the person a probationary member of the case's cell (inside the transition's transaction). */
export async function admitFromCase(tx: Tx, user: CurrentUser, c: { id: number; personId: number; cellUnitId: number; referrerUnitId: number }, admittedOn: string): Promise<void> {
  // The workplace: the enterprise of the referring union or youth branch, else the cell's own
  // (a labour federation's cell admits people from enterprises that have no cell yet).
  const [ent] = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(or(eq(enterprises.tradeUnionUnitId, c.referrerUnitId), eq(enterprises.youthUnionUnitId, c.referrerUnitId), eq(enterprises.partyUnitId, c.cellUnitId)))
    .orderBy(sql`${enterprises.partyUnitId} is not distinct from ${c.cellUnitId}`, asc(enterprises.id))
    .limit(1);
  const [member] = await tx
    .insert(partyMembers)
    .values({ personId: c.personId, cellUnitId: c.cellUnitId, admittedCellUnitId: c.cellUnitId, enterpriseId: ent?.id ?? null, admittedOn, admissionCaseId: c.id })
    .returning({ id: partyMembers.id });
  await addEvent(tx, user, member.id, 'admitted', admittedOn, { toUnitId: c.cellUnitId });
}

/** The recognition decision: official membership, or removal. */
export async function concludeProbation(tx: Tx, user: CurrentUser, caseId: number, outcome: 'official' | 'removed', on: string): Promise<void> {
  const [m] = await tx.select({ id: partyMembers.id, cellUnitId: partyMembers.cellUnitId }).from(partyMembers).where(eq(partyMembers.admissionCaseId, caseId));
  if (!m) return; // a case admitted before members were recorded from cases
  await tx
    .update(partyMembers)
    .set(outcome === 'official' ? { officialOn: on, version: sql`${partyMembers.version} + 1` } : { status: 'removed', version: sql`${partyMembers.version} + 1` })
    .where(eq(partyMembers.id, m.id));
  await addEvent(tx, user, m.id, outcome === 'official' ? 'recognised' : 'left', on, { fromUnitId: m.cellUnitId });
}

export type UpdateMemberInput = { memberId: number; version: number; occupation: Occupation; enterpriseId?: number; cardNo?: string; officialOn?: string };

/** The member's cell (or a committee above it) corrects the record: occupation, workplace, card, official date. */
export async function updateMember(input: UpdateMemberInput): Promise<void> {
  await changeMember(input, async (tx, user, m) => {
    if (!can(user, 'data.edit', m.cellPath)) throw forbidden();
    if (input.enterpriseId) {
      if (!(await enterpriseVisible(tx, user, input.enterpriseId))) throw invalid('errors.enterpriseNotFound', { enterpriseId: 'errors.enterpriseNotFound' });
    }
    if (input.officialOn && input.officialOn < m.admittedOn) throw invalid('errors.officialBeforeAdmitted', { officialOn: 'errors.officialBeforeAdmitted' });
    await assertCardNoFree(tx, input.cardNo, m.id);
    const changes = { occupation: input.occupation, enterpriseId: input.enterpriseId ?? null, cardNo: input.cardNo || null, officialOn: input.officialOn || m.officialOn };
    await save(tx, m, changes);
    await auditMember(tx, user, m, 'member.update', { occupation: m.occupation, enterpriseId: m.enterpriseId, cardNo: m.cardNo, officialOn: m.officialOn }, changes);
  });
}

export const LEAVING_STATUSES = ['transferred_out', 'removed', 'deceased'] as const;

/** A member leaves the cell's count: transferred out of the portal's hierarchy, removed, or deceased. */
export async function endMembership(input: Step & { status: (typeof LEAVING_STATUSES)[number] }): Promise<void> {
  await changeMember(input, async (tx, user, m) => {
    if (!can(user, 'data.edit', m.cellPath)) throw forbidden();
    if (!COUNTED_STATUSES.includes(m.status)) throw new DalError('invalid', 'errors.memberNotActive');
    if (m.transferToUnitId) throw new DalError('invalid', 'errors.memberNotActive');
    await save(tx, m, { status: input.status, hostUnitId: null });
    await addEvent(tx, user, m.id, 'left', input.effectiveOn, { fromUnitId: m.cellUnitId, note: input.note });
    await auditMember(tx, user, m, 'member.end', { status: m.status }, { status: input.status, effectiveOn: input.effectiveOn, note: input.note });
  });
}
