import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, rowsOf, type Tx } from '@/db';
import { enterprises, ownerMeetings, surveyFindings, surveyRounds, units, users } from '@/db/schema';
import { can } from '@/lib/authz/permissions';
import { searchKey } from '@/lib/people/identity';
import { compactTaxCode, formatTaxCode } from '@/lib/registry/tax-code';
import { MANAGING_KINDS, PARTY_ORG_KINDS, type EnterpriseRecord, type EnterpriseStatus, type EnterpriseType, type MeetingOutcome, type OwnerAttitude } from '@/lib/registry/kinds';
import type { UnitKind } from '@/lib/units/kinds';
import { today } from '@/lib/clock';
import { rankByReadiness, type Ranked, type ReadinessFacts } from '@/lib/registry/readiness';
import { writeAudit } from './audit';
import { rulesOn } from './rules';
import { forbidden, invalid, notFound, staleVersion } from './errors';
import { estimateRows, NARROW_SCOPE, pageByKey, type ListQuery, type Page, type PageRequest, type SortKey } from './paging';
import { containing, PICK_LIMIT, startingWith, type PickOption } from './pick';
import { assertCan, heldBy, inScope, pathOf, requireUser, scopeHolds, unitInScope, unitUnderPath, type CurrentUser } from './session';

const managing = alias(units, 'managing_unit');
const party = alias(units, 'party_unit');
const tradeUnion = alias(units, 'trade_union_unit');
const youthUnion = alias(units, 'youth_union_unit');

/**
 * An enterprise is visible to everyone whose subtree holds its managing unit or one of its
 * organisations (its party cell, trade union or youth union). Applied in every query.
 */
export function enterpriseInScope(user: CurrentUser): SQL {
  return scopeHolds(user, enterprises.scopeUnits);
}

/** Whether the enterprise exists and lies in the user's scope (an id a form or a link sent). */
export async function enterpriseVisible(tx: Pick<Tx, 'select'>, user: CurrentUser, id: number): Promise<boolean> {
  const [ent] = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), enterpriseInScope(user)));
  return !!ent;
}

// ------------------------------------------------------------------ reading

export type EnterpriseFilter = {
  q?: string;
  managingUnitId?: number;
  type?: EnterpriseType;
  hasParty?: boolean;
  hasUnion?: boolean;
  workforceMin?: number;
  workforceMax?: number;
  /** A zone name, or '*' for "in any zone", or '-' for "in none". */
  zone?: string;
  status?: EnterpriseStatus;
};

export type EnterpriseListItem = {
  id: number;
  name: string;
  taxCode: string;
  type: EnterpriseType;
  foreignInvested: boolean;
  managingUnitName: string;
  zone: string | null;
  workforce: number;
  hasTradeUnion: boolean;
  hasYouthUnion: boolean;
  partyUnitName: string | null;
  status: EnterpriseStatus;
};

/** A name (diacritics ignored) or the first digits of a tax code; `plain`, the same test no index holds. */
function enterpriseSearch(q: string | undefined): { indexed: SQL; plain: SQL } | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const digits = compactTaxCode(text);
  return /^\d{3,13}$/.test(digits)
    ? { indexed: sql`${enterprises.taxCode} like ${startingWith(digits)}`, plain: sql`(${enterprises.taxCode} || '') like ${startingWith(digits)}` }
    : { indexed: sql`${enterprises.searchName} like ${containing(searchKey(text))}`, plain: sql`(${enterprises.searchName} || '') like ${containing(searchKey(text))}` };
}

/** The enterprise list's query: the scope (narrowed by its index), the filters, a search. */
async function enterpriseQuery(user: CurrentUser, f: EnterpriseFilter): Promise<ListQuery> {
  return {
    table: enterprises,
    key: `enterprises:${user.unitId}:${JSON.stringify(f)}`,
    id: sql`${enterprises.id}`,
    scope: enterpriseInScope(user),
    filters: and(
      // A managing unit under the chosen unit puts it in the scope: the index narrows, the subtree check decides.
      f.managingUnitId ? and(heldBy(enterprises.scopeUnits, f.managingUnitId), await unitUnderPath(enterprises.managingUnitId, await pathOf(f.managingUnitId))) : undefined,
      f.type ? eq(enterprises.type, f.type) : undefined,
      f.hasParty === undefined ? undefined : f.hasParty ? isNotNull(enterprises.partyUnitId) : isNull(enterprises.partyUnitId),
      f.hasUnion === undefined ? undefined : eq(enterprises.hasTradeUnion, f.hasUnion),
      f.workforceMin !== undefined ? gte(enterprises.workforce, f.workforceMin) : undefined,
      f.workforceMax !== undefined ? lte(enterprises.workforce, f.workforceMax) : undefined,
      f.zone === '*' ? isNotNull(enterprises.zone) : f.zone === '-' ? isNull(enterprises.zone) : f.zone ? eq(enterprises.zone, f.zone) : undefined,
      f.status ? eq(enterprises.status, f.status) : undefined,
    ),
    search: enterpriseSearch(f.q),
  };
}

/** Name order (Vietnamese collation), then id: the index enterprises_name_key. */
const enterpriseOrder: SortKey<{ id: number; name: string }> = {
  columns: [
    [sql`(${enterprises.name} collate "und-x-icu")`, 'text'],
    [sql`${enterprises.id}`, 'integer'],
  ],
  direction: 'asc',
  values: (r) => [r.name, r.id],
};

/** One page of the enterprises in scope, filtered, with the total (counted up to TOTAL_CAP). */
export async function listEnterprises(filter: EnterpriseFilter = {}, page: PageRequest = {}): Promise<Page<EnterpriseListItem>> {
  const user = await requireUser();
  const db = await getDb();
  const load = (ids: number[]) =>
    db
      .select({
        id: enterprises.id,
        name: enterprises.name,
        taxCode: enterprises.taxCode,
        type: enterprises.type,
        foreignInvested: enterprises.foreignInvested,
        managingUnitName: managing.name,
        zone: enterprises.zone,
        workforce: enterprises.workforce,
        hasTradeUnion: enterprises.hasTradeUnion,
        hasYouthUnion: enterprises.hasYouthUnion,
        partyUnitName: party.name,
        status: enterprises.status,
      })
      .from(enterprises)
      .innerJoin(managing, eq(managing.id, enterprises.managingUnitId))
      .leftJoin(party, eq(party.id, enterprises.partyUnitId))
      .where(inArray(enterprises.id, ids));
  return pageByKey(db, await enterpriseQuery(user, filter), enterpriseOrder, page, load, (r) => ({ ...r, taxCode: formatTaxCode(r.taxCode) }));
}

/** Operating enterprises of the scope whose name (or tax code) matches: a picker's first PICK_LIMIT matches, in name order. */
export async function searchEnterprises(q: string): Promise<PickOption[]> {
  const user = await requireUser();
  const db = await getDb();
  const rows = await db
    .select({ id: enterprises.id, name: enterprises.name, taxCode: enterprises.taxCode, managingName: managing.name })
    .from(enterprises)
    .innerJoin(managing, eq(managing.id, enterprises.managingUnitId))
    .where(and(enterpriseInScope(user), eq(enterprises.status, 'operating'), enterpriseSearch(q)?.indexed))
    .orderBy(sql`${enterprises.name} collate "und-x-icu"`, asc(enterprises.id))
    .limit(PICK_LIMIT);
  return rows.map((r) => ({ value: String(r.id), label: r.name, detail: `${formatTaxCode(r.taxCode)} · ${r.managingName}` }));
}

/** Zone names in use in the scope, for the filter. */
/**
 * The industrial zones of the enterprises in scope, for the zone filter: a few dozen values. A
 * small scope's enterprises are read whole; a wide one's are found one zone at a time through
 * the zone index (a skip scan: the first enterprise in scope after the previous zone).
 */
export async function listZones(): Promise<string[]> {
  const user = await requireUser();
  const db = await getDb();
  const scope = enterpriseInScope(user);
  let zones: string[];
  if ((await estimateRows(db, enterprises, scope)) <= NARROW_SCOPE) {
    const rows = await db
      .selectDistinct({ zone: enterprises.zone })
      .from(enterprises)
      .where(and(scope, isNotNull(enterprises.zone)));
    zones = rows.map((r) => r.zone!);
  } else {
    const next = (after: SQL) => sql`(select e.zone from ${enterprises} e where e.zone is not null and ${after} and ${scopeHolds(user, sql`e.scope_units`)} order by e.zone limit 1)`;
    const rows = rowsOf<{ zone: string }>(
      await db.execute(
        sql`with recursive z(zone) as (select ${next(sql`true`)} union all select ${next(sql`e.zone > z.zone`)} from z where z.zone is not null) select zone from z where zone is not null`,
      ),
    );
    zones = rows.map((r) => r.zone);
  }
  return zones.sort((a, b) => a.localeCompare(b, 'vi'));
}

type UnitRef = { id: number; name: string } | null;

export type EnterpriseDetail = Omit<EnterpriseListItem, 'managingUnitName' | 'partyUnitName'> & {
  address: string;
  managingUnit: { id: number; name: string };
  partyUnit: UnitRef;
  tradeUnionUnit: UnitRef;
  youthUnionUnit: UnitRef;
  ownerName: string | null;
  ownerIsMember: boolean;
  version: number;
  canEdit: boolean;
  /** May the user log a meeting with the owner (an officer of any unit that sees the enterprise)? */
  canRecordMeeting: boolean;
  meetings: {
    id: number;
    metOn: string;
    unitName: string;
    attendees: string;
    outcome: MeetingOutcome;
    summary: string | null;
    nextStep: string | null;
    recordedBy: string | null;
  }[];
  findings: { id: number; roundTitle: string; heldOn: string; membersWorking: number; unionPresent: boolean; ownerAttitude: OwnerAttitude; note: string | null }[];
};

const ref = (id: number | null, name: string | null): UnitRef => (id && name ? { id, name } : null);

export async function getEnterprise(id: number): Promise<EnterpriseDetail> {
  const user = await requireUser();
  const db = await getDb();
  const [row] = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      taxCode: enterprises.taxCode,
      type: enterprises.type,
      foreignInvested: enterprises.foreignInvested,
      address: enterprises.address,
      zone: enterprises.zone,
      workforce: enterprises.workforce,
      hasTradeUnion: enterprises.hasTradeUnion,
      hasYouthUnion: enterprises.hasYouthUnion,
      ownerName: enterprises.ownerName,
      ownerIsMember: enterprises.ownerIsMember,
      status: enterprises.status,
      version: enterprises.version,
      managingId: managing.id,
      managingName: managing.name,
      managingPath: sql<string>`${managing.path}::text`,
      partyId: party.id,
      partyName: party.name,
      tuId: tradeUnion.id,
      tuName: tradeUnion.name,
      yuId: youthUnion.id,
      yuName: youthUnion.name,
    })
    .from(enterprises)
    .innerJoin(managing, eq(managing.id, enterprises.managingUnitId))
    .leftJoin(party, eq(party.id, enterprises.partyUnitId))
    .leftJoin(tradeUnion, eq(tradeUnion.id, enterprises.tradeUnionUnitId))
    .leftJoin(youthUnion, eq(youthUnion.id, enterprises.youthUnionUnitId))
    .where(and(eq(enterprises.id, id), enterpriseInScope(user)));
  if (!row) throw notFound();
  const meetingUnit = alias(units, 'meeting_unit');
  const [meetings, findings] = await Promise.all([
    db
      .select({
        id: ownerMeetings.id,
        metOn: ownerMeetings.metOn,
        unitName: meetingUnit.name,
        attendees: ownerMeetings.attendees,
        outcome: ownerMeetings.outcome,
        summary: ownerMeetings.summary,
        nextStep: ownerMeetings.nextStep,
        recordedBy: users.fullName,
      })
      .from(ownerMeetings)
      .innerJoin(meetingUnit, eq(meetingUnit.id, ownerMeetings.unitId))
      .leftJoin(users, eq(users.id, ownerMeetings.createdBy))
      // Meetings and findings are read by those whose subtree holds the unit that recorded them (as in /engagement).
      .where(and(eq(ownerMeetings.enterpriseId, id), inScope(user, meetingUnit.path)))
      .orderBy(desc(ownerMeetings.metOn), desc(ownerMeetings.id)),
    db
      .select({
        id: surveyFindings.id,
        roundTitle: surveyRounds.title,
        heldOn: surveyRounds.heldOn,
        membersWorking: surveyFindings.membersWorking,
        unionPresent: surveyFindings.unionPresent,
        ownerAttitude: surveyFindings.ownerAttitude,
        note: surveyFindings.note,
      })
      .from(surveyFindings)
      .innerJoin(surveyRounds, eq(surveyRounds.id, surveyFindings.roundId))
      .where(and(eq(surveyFindings.enterpriseId, id), unitInScope(user, surveyRounds.unitId)))
      .orderBy(desc(surveyRounds.heldOn)),
  ]);
  return {
    id: row.id,
    name: row.name,
    taxCode: formatTaxCode(row.taxCode),
    type: row.type,
    foreignInvested: row.foreignInvested,
    address: row.address,
    zone: row.zone,
    workforce: row.workforce,
    hasTradeUnion: row.hasTradeUnion,
    hasYouthUnion: row.hasYouthUnion,
    ownerName: row.ownerName,
    ownerIsMember: row.ownerIsMember,
    status: row.status,
    version: row.version,
    managingUnit: { id: row.managingId, name: row.managingName },
    partyUnit: ref(row.partyId, row.partyName),
    tradeUnionUnit: ref(row.tuId, row.tuName),
    youthUnionUnit: ref(row.yuId, row.yuName),
    canEdit: can(user, 'data.edit', row.managingPath),
    canRecordMeeting: can(user, 'data.edit', user.unitPath),
    meetings,
    findings,
  };
}

// ------------------------------------------------------------------ changes

export type EnterpriseInput = EnterpriseRecord;

type LinkField = 'managingUnitId' | 'partyUnitId' | 'tradeUnionUnitId' | 'youthUnionUnitId';

/**
 * The units named by the form: each in the user's scope, active, of the right kind; else a field
 * error. On an edit (`current`), a link left as it is stays even when it points outside the
 * user's scope (an enterprise seen through a ward may have its cell under the city); changing or
 * clearing such a link is refused: it belongs to the unit that holds it.
 */
async function resolveUnits(tx: Tx, user: CurrentUser, input: EnterpriseInput, current?: Record<LinkField, number | null>): Promise<{ managingPath: string }> {
  const wanted: [LinkField, number | undefined, readonly UnitKind[]][] = [
    ['managingUnitId', input.managingUnitId, MANAGING_KINDS],
    ['partyUnitId', input.partyUnitId, PARTY_ORG_KINDS],
    ['tradeUnionUnitId', input.tradeUnionUnitId, ['union_branch']],
    ['youthUnionUnitId', input.youthUnionUnitId, ['youth_branch']],
  ];
  const ids = [...wanted.map((w) => w[1]), ...wanted.map((w) => current?.[w[0]])].filter((x): x is number => !!x);
  const found = await tx
    .select({ id: units.id, kind: units.kind, path: sql<string>`${units.path}::text`, mine: sql<boolean>`${inScope(user)}`, active: sql<boolean>`${units.status} = 'active'` })
    .from(units)
    .where(inArray(units.id, ids));
  const errors: Record<string, 'errors.targetNotFound' | 'errors.linkOutsideScope'> = {};
  for (const [field, id, kinds] of wanted) {
    const was = current?.[field] ?? undefined;
    if (current && (id ?? null) === (was ?? null)) continue; // unchanged
    if (was && !found.find((u) => u.id === was)?.mine) {
      errors[field] = 'errors.linkOutsideScope';
      continue;
    }
    if (!id) continue;
    const unit = found.find((u) => u.id === id);
    if (!unit || !unit.mine || !unit.active || !kinds.includes(unit.kind)) errors[field] = 'errors.targetNotFound';
  }
  if (Object.keys(errors).length) throw invalid(Object.values(errors)[0], errors);
  const managing = found.find((u) => u.id === input.managingUnitId);
  if (!managing?.mine) throw forbidden();
  return { managingPath: managing.path };
}

/** The stored columns of an enterprise entered by the form or the import. */
export function enterpriseColumns(input: EnterpriseInput) {
  return {
    name: input.name,
    searchName: searchKey(input.name),
    taxCode: input.taxCode,
    type: input.type,
    foreignInvested: input.foreignInvested || input.type === 'fdi',
    address: input.address,
    managingUnitId: input.managingUnitId,
    zone: input.zone || null,
    workforce: input.workforce,
    hasTradeUnion: input.hasTradeUnion || !!input.tradeUnionUnitId,
    tradeUnionUnitId: input.tradeUnionUnitId || null,
    hasYouthUnion: input.hasYouthUnion || !!input.youthUnionUnitId,
    youthUnionUnitId: input.youthUnionUnitId || null,
    ownerName: input.ownerName || null,
    ownerIsMember: input.ownerIsMember,
    partyUnitId: input.partyUnitId || null,
    status: input.status,
  };
}

async function assertTaxCodeFree(tx: Tx, taxCode: string, exceptId?: number) {
  const [dup] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.taxCode, taxCode));
  if (dup && dup.id !== exceptId) throw invalid('errors.taxCodeTaken', { taxCode: 'errors.taxCodeTaken' });
}

export async function createEnterprise(input: EnterpriseInput): Promise<{ id: number }> {
  const user = await requireUser();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { managingPath } = await resolveUnits(tx, user, input);
    assertCan(user, 'data.edit', managingPath);
    await assertTaxCodeFree(tx, input.taxCode);
    const values = enterpriseColumns(input);
    const [row] = await tx.insert(enterprises).values(values).returning({ id: enterprises.id });
    await writeAudit(tx, { actorId: user.id, unitId: input.managingUnitId, action: 'enterprise.create', entity: 'enterprise', entityId: row.id, after: values });
    return row;
  });
}

export async function updateEnterprise(input: EnterpriseInput & { id: number; version: number }): Promise<void> {
  const user = await requireUser();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ row: enterprises, managingPath: sql<string>`${managing.path}::text` })
      .from(enterprises)
      .innerJoin(managing, eq(managing.id, enterprises.managingUnitId))
      .where(and(eq(enterprises.id, input.id), enterpriseInScope(user)))
      .for('update', { of: enterprises });
    if (!current) throw notFound();
    // Only those who hold the record (its managing unit is theirs or below) edit it.
    if (!can(user, 'data.edit', current.managingPath)) throw forbidden();
    if (current.row.version !== input.version) throw staleVersion();
    const { managingPath } = await resolveUnits(tx, user, input, current.row);
    assertCan(user, 'data.edit', managingPath);
    await assertTaxCodeFree(tx, input.taxCode, input.id);
    const values = enterpriseColumns(input);
    const updated = await tx
      .update(enterprises)
      .set({ ...values, version: sql`${enterprises.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(enterprises.id, input.id), eq(enterprises.version, input.version)))
      .returning({ id: enterprises.id });
    if (updated.length !== 1) throw staleVersion();
    const before = Object.fromEntries(Object.keys(values).map((k) => [k, current.row[k as keyof typeof current.row]]));
    await writeAudit(tx, { actorId: user.id, unitId: input.managingUnitId, action: 'enterprise.update', entity: 'enterprise', entityId: input.id, before, after: values });
  });
}

// ------------------------------------------------------------------ priority list

export type PriorityItem = Ranked<ReadinessFacts> & {
  taxCode: string;
  managingUnitName: string;
  zone: string | null;
  workforce: number;
  surveyedMembers: number | null;
  lastMeetingOutcome: MeetingOutcome | null;
};

/**
 * Operating enterprises of the scope without a party organisation, ranked by readiness (see
 * lib/registry/readiness.ts) with the minimum members to found a cell from the rule set in
 * force today. The database pre-orders by official members and workforce and returns at most
 * PRIORITY_LIMIT rows, so a province or the whole country stays a bounded query.
 */
export const PRIORITY_LIMIT = 500;

export async function listPriorityEnterprises(): Promise<{ items: PriorityItem[]; minMembers: number }> {
  const user = await requireUser();
  const db = await getDb();
  const rules = (await rulesOn(today())).values;
  const officialMembers = enterprises.officialMembers;
  const rows = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      taxCode: enterprises.taxCode,
      managingUnitName: managing.name,
      zone: enterprises.zone,
      workforce: enterprises.workforce,
      foreignInvested: enterprises.foreignInvested,
      hasTradeUnion: enterprises.hasTradeUnion,
      officialMembers,
      surveyedMembers: sql<number | null>`(select f.members_working from survey_findings f join survey_rounds r on r.id = f.round_id
        where f.enterprise_id = ${enterprises.id} and ${unitInScope(user, sql`r.unit_id`)} order by r.held_on desc, f.id desc limit 1)`,
      lastMeetingOutcome: sql<MeetingOutcome | null>`(select m.outcome from owner_meetings m
        where m.enterprise_id = ${enterprises.id} and ${unitInScope(user, sql`m.unit_id`)} order by m.met_on desc, m.id desc limit 1)`,
    })
    .from(enterprises)
    .innerJoin(managing, eq(managing.id, enterprises.managingUnitId))
    .where(and(enterpriseInScope(user), eq(enterprises.status, 'operating'), isNull(enterprises.partyUnitId)))
    .orderBy(desc(officialMembers), desc(enterprises.workforce), asc(enterprises.id))
    .limit(PRIORITY_LIMIT);
  const ranked = rankByReadiness(
    rows.map((r) => ({ ...r, officialMembers: Number(r.officialMembers), inZone: r.zone !== null, taxCode: formatTaxCode(r.taxCode) })),
    rules.minMembersToFoundCell,
  );
  return { items: ranked, minMembers: rules.minMembersToFoundCell };
}
