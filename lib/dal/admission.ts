import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Tx } from '@/db';
import { admissionCases, caseEvents, personAccessLog, units, users } from '@/db/schema';
import { dueOnFor, runChecks, type CheckFacts, type CheckFailure } from '@/lib/admission/checks';
import {
  attachablePapers,
  availableTransitions,
  planTransition,
  recordStep,
  requiredPapers,
  STATE_OWNER,
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
import { maskCccd } from '@/lib/people/identity';
import type { MessageKey } from '@/lib/i18n/messages';
import { writeAudit } from './audit';
import { caseInScope, caseQuery, lockCase, shapeOf, unitPaths, type CaseRow } from './case-row';
import { countedPaperKinds, papersOf, type CaseDocumentDto } from './papers';
import { notifyCaseStep } from './notifications';
import { DalError, forbidden, invalid, notFound } from './errors';
import { admitFromCase, concludeProbation } from './members';
import { loadRulesAndHolidays, ruleSetForDate } from './rules';
import { requireUser } from './session';

/**
 * One admission case: reading it with its papers and timeline (getCase), and taking a step of the
 * workflow (applyTransition; the steps themselves are data in lib/admission/workflow.ts). Referral
 * is in referrals.ts, the lists of cases in case-lists.ts.
 */

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
