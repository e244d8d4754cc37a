import 'server-only';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { getDb, rowsOf, type Tx } from '@/db';
import { admissionCases, caseEvents, personAccessLog, persons, units, users } from '@/db/schema';
import { dueOnFor, runChecks, type CheckFacts, type CheckFailure } from '@/lib/admission/checks';
import {
  attachablePapers,
  availableTransitions,
  inboxStates,
  planTransition,
  recordStep,
  requiredPapers,
  STATE_OWNER,
  type CaseRole,
  type Check,
  type DocumentKind,
  type State,
  type StepValues,
  type TransitionName,
  type TransitionRefusal,
} from '@/lib/admission/workflow';
import { can } from '@/lib/authz/permissions';
import { now, today } from '@/lib/clock';
import { formatDate } from '@/lib/format';
import { maskCccd, normalizeName, searchKey } from '@/lib/people/identity';
import type { ReportWindow } from '@/lib/reports/maths';
import { COMMITTEE_KINDS, DECIDING_KINDS } from '@/lib/units/kinds';
import type { MessageKey } from '@/lib/i18n/messages';
import { writeAudit } from './audit';
import { caseInScope, caseQuery, lockCase, shapeOf, unitPaths, type CaseRow } from './case-row';
import { countedPaperKinds, papersOf, type CaseDocumentDto } from './papers';
import { notifyCaseStep } from './notifications';
import { assertNotSamePerson } from './people';
import { DalError, forbidden, invalid, notFound } from './errors';
import { admitFromCase, concludeProbation } from './members';
import { loadRulesAndHolidays, ruleSetForDate } from './rules';
import { capped, cappedCount, keyset, pageByKey, type ListQuery, type Page, type PageRequest, type SortKey } from './paging';
import { containing, PICK_LIMIT, type PickOption } from './pick';
import { assertCan, inWindow, pathUnder, requireUser, type CurrentUser } from './session';

const cell = alias(units, 'cell_unit');

/** A failed rule check that was not overridden: the step is refused, the failures say why. */
export class ChecksFailedError extends DalError {
  constructor(readonly failures: CheckFailure[]) {
    super(
      'invalid',
      'admission.checksFailed',
      Object.fromEntries(failures.map((f) => [`override_${f.check}`, `check.${f.check}` as MessageKey])),
      undefined,
      Object.fromEntries(
        failures.map((f) => [`override_${f.check}`, Object.fromEntries(Object.entries(f.detail).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v]))]),
      ),
    );
  }
}

/**
 * The committee (if any) and deciding level above a cell: a ward or grassroots committee directly
 * above the cell reviews, and the nearest district-level (or bloc, or province) committee decides.
 */
async function chainAbove(tx: Tx, cellPath: string): Promise<{ committeeId: number | null; deciderId: number } | null> {
  const ancestors = await tx
    .select({ id: units.id, kind: units.kind })
    .from(units)
    .where(and(sql`${units.path} @> ${cellPath}::ltree`, sql`${units.path} <> ${cellPath}::ltree`))
    .orderBy(desc(sql`nlevel(${units.path})`));
  const parent = ancestors[0];
  if (!parent) return null;
  const committeeId = COMMITTEE_KINDS.includes(parent.kind) ? parent.id : null;
  const deciderRow = ancestors.find((a) => DECIDING_KINDS.includes(a.kind));
  return deciderRow ? { committeeId, deciderId: deciderRow.id } : null;
}

// ------------------------------------------------------------------ referral

export type CreateReferralInput = {
  fullName: string;
  birthDate: string;
  gender: 'male' | 'female';
  nationalId?: string;
  phone?: string;
  workplace: string;
  cellUnitId: number;
  certificateNo?: string;
  certificateIssuedOn?: string;
  /** The user confirmed that a person of the same name and birth date is someone else. */
  confirmNotDuplicate?: boolean;
};

/** Only union and youth branches refer people (and only their officers, leaders and admins). */
function assertReferrer(user: CurrentUser) {
  assertCan(user, 'admission.refer', user.unitPath);
}

/** Refuses (forbidden) anyone who may not refer people: the referral page asks first. */
export async function assertCanRefer(): Promise<void> {
  assertReferrer(await requireUser());
}

/** The cells a branch may refer people to (active cells under the same deciding level) whose name matches: a picker's first PICK_LIMIT. */
export async function searchReferralCells(q: string): Promise<PickOption[]> {
  const user = await requireUser();
  assertReferrer(user);
  const db = await getDb();
  const chain = await db.transaction((tx) => chainAbove(tx, user.unitPath));
  if (!chain) return [];
  const parent = alias(units, 'parent_unit');
  const key = searchKey(q);
  const rows = await db
    .select({ id: units.id, name: units.name, parentName: parent.name })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(and(eq(units.kind, 'cell'), eq(units.status, 'active'), pathUnder(units.path, chain.deciderId), key ? sql`${units.searchName} like ${containing(key)}` : undefined))
    .orderBy(sql`${units.name} collate "und-x-icu"`, asc(units.id))
    .limit(PICK_LIMIT);
  return rows.map((r) => ({ value: String(r.id), label: r.name, detail: r.parentName ?? undefined }));
}

/** A union or youth branch officer registers an outstanding person and opens a draft referral. */
export async function createReferral(input: CreateReferralInput): Promise<{ caseId: number; personId: number }> {
  const user = await requireUser();
  assertReferrer(user);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: units.id, path: sql<string>`${units.path}::text`, kind: units.kind, status: units.status })
      .from(units)
      .where(eq(units.id, input.cellUnitId));
    const ownChain = await chainAbove(tx, user.unitPath);
    const inReach =
      target && target.kind === 'cell' && target.status === 'active' && ownChain
        ? (
            await tx
              .select({ ok: sql<boolean>`true` })
              .from(units)
              .where(and(eq(units.id, ownChain.deciderId), sql`${target.path}::ltree <@ ${units.path}`))
          ).length > 0
        : false;
    if (!inReach) throw invalid('errors.targetNotFound', { cellUnitId: 'errors.targetNotFound' });
    const chain = await chainAbove(tx, target.path);
    if (!chain) throw invalid('errors.targetNotFound', { cellUnitId: 'errors.targetNotFound' });
    // The same person referred twice (or already a member, anywhere in the country): refused, naming the match only when the user may see it.
    await assertNotSamePerson(tx, user, input, input.confirmNotDuplicate);
    const fullName = normalizeName(input.fullName);
    const [person] = await tx
      .insert(persons)
      .values({
        fullName,
        searchName: searchKey(fullName),
        birthDate: input.birthDate,
        gender: input.gender,
        nationalId: input.nationalId || null,
        phone: input.phone || null,
        workplace: input.workplace,
        unitId: user.unitId,
      })
      .returning({ id: persons.id });
    const [created] = await tx
      .insert(admissionCases)
      .values({
        personId: person.id,
        referrerUnitId: user.unitId,
        cellUnitId: target.id,
        committeeUnitId: chain.committeeId,
        deciderUnitId: chain.deciderId,
        certificateNo: input.certificateNo || null,
        certificateIssuedOn: input.certificateIssuedOn || null,
        createdBy: user.id,
      })
      .returning({ id: admissionCases.id });
    await writeAudit(tx, {
      actorId: user.id,
      unitId: user.unitId,
      action: 'admission.create',
      entity: 'admission_case',
      entityId: created.id,
      after: { personId: person.id, fullName, cellUnitId: target.id, committeeUnitId: chain.committeeId, deciderUnitId: chain.deciderId },
    });
    const caseUnits = { referrer: user.unitId, cell: target.id, committee: chain.committeeId, decider: chain.deciderId };
    await notifyCaseStep(tx, { actorId: user.id, caseId: created.id, state: 'referral_draft', version: 1, dueOn: null, returned: false, units: caseUnits });
    return { caseId: created.id, personId: person.id };
  });
}

// ------------------------------------------------------------------ reading

export type CaseListItem = {
  id: number;
  state: State;
  fullName: string;
  nationalIdMasked: string;
  workplace: string | null;
  cellName: string;
  dueOn: string | null;
  overdue: boolean;
  lastReturnReason: string | null;
};

/** Just what a list shows of a case (the whole case for the inbox, whose rows the workflow reads). */
function caseListQuery(tx: Pick<Tx, 'select'>) {
  return tx
    .select({
      id: admissionCases.id,
      state: admissionCases.state,
      fullName: persons.fullName,
      nationalId: persons.nationalId,
      workplace: persons.workplace,
      cellName: cell.name,
      dueOn: admissionCases.dueOn,
      lastReturnReason: admissionCases.lastReturnReason,
    })
    .from(admissionCases)
    .innerJoin(persons, eq(persons.id, admissionCases.personId))
    .innerJoin(cell, eq(cell.id, admissionCases.cellUnitId));
}

function toListItem(onDay: string) {
  return ({ nationalId, ...r }: Awaited<ReturnType<ReturnType<typeof caseListQuery>['execute']>>[number]): CaseListItem => ({
    ...r,
    nationalIdMasked: maskCccd(nationalId),
    overdue: r.dueOn !== null && r.dueOn < onDay,
  });
}

function listItem(c: CaseRow): CaseListItem {
  return {
    id: c.id,
    state: c.state,
    fullName: c.fullName,
    nationalIdMasked: maskCccd(c.nationalId),
    workplace: c.workplace,
    cellName: c.cell.name,
    dueOn: c.dueOn,
    overdue: c.dueOn !== null && c.dueOn < today(),
    lastReturnReason: c.lastReturnReason,
  };
}

export type CaseFilter = {
  q?: string;
  state?: State;
  /** Referrals first submitted in a window, at cells under a unit (the list behind a report's introductions figure). */
  submitted?: ReportWindow;
  /** Only the cases the user's own unit referred (a union or youth branch's referrals). */
  referredByMe?: boolean;
};

/** The case list's query: the scope (narrowed by its index), a state, a report's window, a name search. */
async function caseQueryOf(user: CurrentUser, filter: CaseFilter): Promise<ListQuery> {
  const key = filter.q ? searchKey(filter.q) : '';
  const w = filter.submitted;
  return {
    table: admissionCases,
    key: `cases:${user.unitId}:${JSON.stringify(filter)}`,
    id: sql`${admissionCases.id}`,
    scope: caseInScope(user),
    filters: and(
      filter.state ? eq(admissionCases.state, filter.state) : undefined,
      w ? await inWindow(admissionCases.submittedOn, admissionCases.cellUnitId, w) : undefined,
      filter.referredByMe ? eq(admissionCases.referrerUnitId, user.unitId) : undefined,
    ),
    search: key ? { indexed: sql`${admissionCases.searchName} like ${containing(key)}`, plain: sql`(${admissionCases.searchName} || '') like ${containing(key)}` } : undefined,
  };
}

/** Soonest deadline first (none last), the newest case first on the same day: the index admission_cases_list_key. */
const caseOrder: SortKey<{ id: number; dueOn: string | null }> = {
  columns: [
    [sql`coalesce(${admissionCases.dueOn}, 'infinity'::date)`, 'date'],
    [sql`(- ${admissionCases.id})`, 'integer'],
  ],
  direction: 'asc',
  values: (r) => [r.dueOn ?? 'infinity', -r.id],
};

/** One page of the cases of the user's subtree, optionally filtered by state, a diacritic-free name search or a report's window. */
export async function listCases(filter: CaseFilter = {}, page: PageRequest = {}): Promise<Page<CaseListItem>> {
  const user = await requireUser();
  const db = await getDb();
  return pageByKey(db, await caseQueryOf(user, filter), caseOrder, page, (ids) => caseListQuery(db).where(inArray(admissionCases.id, ids)), toListItem(today()));
}

/**
 * "Awaiting my unit": open cases whose current step belongs to the user's own unit and that the
 * user may act on (inboxStates: the permission table decides which roles' steps the user takes).
 * A probationary member waits for the cell only once the probation is over.
 */
export function inboxWhere(user: CurrentUser) {
  const column: Record<CaseRole, AnyPgColumn> = {
    referrer: admissionCases.referrerUnitId,
    cell: admissionCases.cellUnitId,
    committee: admissionCases.committeeUnitId,
    decider: admissionCases.deciderUnitId,
  };
  const branches = inboxStates(user).map(({ role, states }) => and(eq(column[role], user.unitId), inArray(admissionCases.state, states)));
  if (!branches.length) return sql`false`;
  return and(or(...branches), sql`not (${admissionCases.state} = 'probation' and ${admissionCases.probationEndsOn} > ${today()})`);
}

/** Soonest deadline first (none last), then the oldest case. */
const inboxOrder: SortKey<{ id: number; dueOn: string | null }> = {
  columns: [
    [sql`coalesce(${admissionCases.dueOn}, 'infinity'::date)`, 'date'],
    [sql`${admissionCases.id}`, 'integer'],
  ],
  direction: 'asc',
  values: (r) => [r.dueOn ?? 'infinity', r.id],
};

/** `filter.q`: a few letters of the person's name, without diacritics; `filter.state`: one stage. */
export async function listInbox(page: PageRequest = {}, filter: { q?: string; state?: State } = {}): Promise<Page<CaseListItem>> {
  const user = await requireUser();
  const db = await getDb();
  const key = filter.q ? searchKey(filter.q) : '';
  const where = and(inboxWhere(user), filter.state ? eq(admissionCases.state, filter.state) : undefined, key ? sql`${admissionCases.searchName} like ${containing(key)}` : undefined)!;
  const ks = keyset(inboxOrder, page);
  const [rows, counted] = await Promise.all([
    caseQuery(db)
      .where(and(where, ks.where))
      .orderBy(...ks.orderBy)
      .limit(ks.limit),
    db.execute(cappedCount(sql`select 1 from ${admissionCases} where ${where}`)),
  ]);
  return ks.finish(rows, listItem, capped(Number(rowsOf<{ n: number }>(counted)[0].n)));
}

/** How many cases wait for the user's unit (the badge in the navigation; counted up to TOTAL_CAP). */
export async function countInbox(): Promise<number> {
  const user = await requireUser();
  const db = await getDb();
  return Number(rowsOf<{ n: number }>(await db.execute(cappedCount(sql`select 1 from ${admissionCases} where ${inboxWhere(user)}`)))[0].n);
}

export type TimelineEntry = {
  id: number;
  round: number;
  transition: string;
  fromState: State;
  toState: State;
  actorName: string;
  actorUnitName: string;
  effectiveOn: string;
  comment: string | null;
  overrides: { check: string; reason: string }[];
  data: Record<string, unknown>;
  at: Date;
};

export type CaseDetail = CaseRow & {
  nationalIdMasked: string;
  timeline: TimelineEntry[];
  documents: CaseDocumentDto[];
  actions: TransitionName[];
  /** For each step offered: the papers it needs that do not count yet (no file, not held on file). */
  missingPapers: Partial<Record<TransitionName, DocumentKind[]>>;
  canAttach: boolean;
  /** The kinds of paper the user's unit may attach now (those of its own steps from this state). */
  attachableKinds: DocumentKind[];
  /** May the user record a paper as held on file at the unit (a leader of the unit whose turn it is)? */
  canRecordOnFile: boolean;
};

/** One case of the user's scope with its timeline and documents; opening it is logged. */
export async function getCase(id: number): Promise<CaseDetail> {
  const user = await requireUser();
  const db = await getDb();
  const [c] = await caseQuery(db).where(and(eq(admissionCases.id, id), caseInScope(user)));
  if (!c) throw notFound();
  const actorUnit = alias(units, 'actor_unit');
  const [timeline, documents] = await Promise.all([
    db
      .select({
        id: caseEvents.id,
        round: caseEvents.round,
        transition: caseEvents.transition,
        fromState: caseEvents.fromState,
        toState: caseEvents.toState,
        actorName: users.fullName,
        actorUnitName: actorUnit.name,
        effectiveOn: caseEvents.effectiveOn,
        comment: caseEvents.comment,
        overrides: caseEvents.overrides,
        data: caseEvents.data,
        at: caseEvents.at,
      })
      .from(caseEvents)
      .innerJoin(users, eq(users.id, caseEvents.actorId))
      .innerJoin(actorUnit, eq(actorUnit.id, caseEvents.actorUnitId))
      .where(eq(caseEvents.caseId, c.id))
      .orderBy(asc(caseEvents.id)),
    papersOf(db, c.id),
    db.insert(personAccessLog).values({ personId: c.personId, userId: user.id }),
  ]);
  const owner = STATE_OWNER[c.state];
  const ownerPath = owner ? unitPaths(c)[owner] : undefined;
  const actions = availableTransitions(shapeOf(c), unitPaths(c), user);
  const counted = new Set(documents.filter((d) => d.files.length > 0 || d.onFileReason).map((d) => d.kind));
  const attachableKinds = ownerPath === user.unitPath && can(user, 'data.edit', ownerPath) ? attachablePapers(shapeOf(c)) : [];
  const canAttach = attachableKinds.length > 0;
  return {
    ...c,
    nationalIdMasked: maskCccd(c.nationalId),
    timeline,
    documents,
    actions,
    missingPapers: Object.fromEntries(actions.map((a) => [a, requiredPapers(a).filter((k) => !counted.has(k))]).filter(([, m]) => m.length)),
    canAttach,
    attachableKinds,
    canRecordOnFile: canAttach && can(user, 'approval.take', ownerPath!),
  };
}

// ------------------------------------------------------------------ changes

export type TransitionInput = {
  caseId: number;
  version: number;
  transition: TransitionName;
  effectiveOn?: string;
  reason?: string;
  /** Written reasons for overriding failed checks, by check. */
  overrides?: Partial<Record<Check, string>>;
} & Omit<StepValues, 'effectiveOn'>;

/** The error a refused plan gives the user. */
function refusal(plan: TransitionRefusal): DalError {
  if (plan.reason === 'wrongState' || plan.reason === 'notAllowed') return forbidden();
  if (plan.reason === 'reasonRequired') return invalid('errors.reasonRequired', { reason: 'errors.reasonRequired' });
  return new DalError('invalid', 'admission.missingDocuments', undefined, undefined, undefined, { documents: plan.documents.map((d) => `doc.${d}` as MessageKey) });
}

/** What the rule checks look at: the case as it will be once the step's record is written. */
function factsAfter(after: CaseRow, effectiveOn: string): CheckFacts {
  return {
    effectiveOn,
    birthDate: after.birthDate,
    certificateIssuedOn: after.certificateIssuedOn,
    sponsors: after.sponsors.length,
    withUnionResolution: after.withUnionResolution,
    cellMeetingOn: after.cellMeetingOn,
    cellVotesFor: after.cellVotesFor,
    cellEligible: after.cellEligible,
    committeeVotesFor: after.committeeVotesFor,
    committeeMembers: after.committeeMembers,
    decisionOn: after.decisionOn,
    ceremonyOn: after.ceremonyOn,
    probationEndsOn: after.probationEndsOn,
  };
}

async function alreadyHandled(tx: Tx, caseId: number): Promise<DalError> {
  const [last] = await tx
    .select({ name: users.fullName, at: caseEvents.at })
    .from(caseEvents)
    .innerJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(desc(caseEvents.id))
    .limit(1);
  return new DalError('conflict', 'admission.alreadyHandled', undefined, { name: last?.name ?? '—' });
}

/**
 * Take one step of the workflow: checked by the pure state machine (who, from which state, which
 * documents), then the rule checks of the version in force on the step's date (each failure needs
 * a leader's written override), then a guarded update on the expected state and version, an event
 * and an audit row, in one transaction. Zero rows updated: someone else took a step first.
 */
export async function applyTransition(input: TransitionInput): Promise<{ state: State }> {
  // Statements that do not depend on each other are sent together (one round trip each group).
  const [user, { versions, holidays }] = await Promise.all([requireUser(), loadRulesAndHolidays()]);
  const db = await getDb();
  const effectiveOn = input.effectiveOn ?? today();
  if (effectiveOn > today()) throw invalid('errors.dateInFuture', { effectiveOn: 'errors.dateInFuture' });

  return db.transaction(async (tx) => {
    // Lock: the case of the user's scope, as the user saw it. The papers that count (a current file, or held on file) are read beside it; used only once the case is found in scope.
    const [c, docs] = await Promise.all([lockCase(tx, user, input.caseId), countedPaperKinds(tx, input.caseId)]);
    if (c.version !== input.version) throw await alreadyHandled(tx, c.id);
    // Plan (pure, from the workflow): may the user take the step now, and where does it lead?
    const plan = planTransition(input.transition, shapeOf(c), unitPaths(c), user, { reason: input.reason, documents: docs });
    // The version matched, so a refusal is no race: the step is simply not one for now, or not theirs, or lacks something.
    if (!plan.ok) throw refusal(plan);

    // Record (pure, from the workflow): what the step writes on the case, from the form's values.
    const ruleSet = ruleSetForDate(versions, effectiveOn, 'effectiveOn');
    const rules = ruleSet.values;
    const t = input.transition;
    const recorded = recordStep(t, { ...input, effectiveOn }, { withUnionResolution: c.withUnionResolution, rules });
    if (!recorded.ok) throw invalid('errors.required', { [recorded.input]: 'errors.required' });
    const changes = recorded.record;

    // Checks: the rules in force on the step's date, on the case as the record leaves it.
    const facts = factsAfter({ ...c, ...changes }, effectiveOn);
    const failures = runChecks(plan.checks, facts, rules, holidays);
    const overrides: { check: string; reason: string }[] = [];
    const unresolved: CheckFailure[] = [];
    for (const f of failures) {
      const reason = input.overrides?.[f.check]?.trim();
      if (reason && can(user, 'admission.overrideCheck', unitPaths(c)[plan.actor]!)) overrides.push({ check: f.check, reason });
      else unresolved.push(f);
    }
    if (unresolved.length) throw new ChecksFailedError(unresolved);

    // Guarded update: only from the state and version the case was read at.
    const isReturn = t === 'return';
    const updated = await tx
      .update(admissionCases)
      .set({
        ...changes,
        state: plan.to,
        version: sql`${admissionCases.version} + 1`,
        round: isReturn ? sql`${admissionCases.round} + 1` : sql`${admissionCases.round}`,
        dueOn: dueOnFor(plan.to, { ...facts, probationEndsOn: facts.probationEndsOn }, rules, holidays),
        lastReturnReason: isReturn || t === 'reject' ? input.reason!.trim() : t === 'submit' ? null : sql`${admissionCases.lastReturnReason}`,
        // The first submission is when the person was introduced; resubmissions after a return keep it.
        submittedOn: t === 'submit' ? sql`coalesce(${admissionCases.submittedOn}, ${effectiveOn}::date)` : sql`${admissionCases.submittedOn}`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(admissionCases.id, c.id), eq(admissionCases.state, c.state), eq(admissionCases.version, c.version)))
      .returning({ id: admissionCases.id, dueOn: admissionCases.dueOn });
    if (updated.length !== 1) throw await alreadyHandled(tx, c.id);

    // Membership, then the event, the audit row and the notices. The ceremony makes a probationary member of the cell; the recognition decision concludes it.
    if (t === 'recordCeremony') await admitFromCase(tx, user, { id: c.id, personId: c.personId, cellUnitId: c.cell.id, referrerUnitId: c.referrer.id }, effectiveOn);
    if (t === 'decideRecognition') await concludeProbation(tx, user, c.id, plan.to === 'official' ? 'official' : 'removed', effectiveOn);

    const data = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const event = tx.insert(caseEvents).values({
      at: now(),
      caseId: c.id,
      round: c.round,
      transition: t,
      fromState: c.state,
      toState: plan.to,
      actorId: user.id,
      actorUnitId: user.unitId,
      effectiveOn,
      comment: input.reason?.trim() || null,
      overrides,
      data,
      ruleSetId: ruleSet.id ?? null,
    });
    await Promise.all([
      event,
      writeAudit(tx, {
        actorId: user.id,
        unitId: user.unitId,
        action: `admission.${t}`,
        entity: 'admission_case',
        entityId: c.id,
        before: { state: c.state, version: c.version },
        after: { state: plan.to, version: c.version + 1, effectiveOn, reason: input.reason?.trim() || undefined, overrides, ...data },
      }),
      notifyCaseStep(tx, {
        actorId: user.id,
        caseId: c.id,
        state: plan.to,
        version: c.version + 1,
        dueOn: updated[0].dueOn,
        returned: isReturn,
        note: isReturn ? input.reason!.trim() : null,
        units: { referrer: c.referrer.id, cell: c.cell.id, committee: c.committee?.id ?? null, decider: c.decider.id },
      }),
    ]);
    return { state: plan.to };
  });
}
