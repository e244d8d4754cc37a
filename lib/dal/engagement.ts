import 'server-only';
import { and, countDistinct, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { enterprises, ownerMeetings, surveyFindings, surveyRounds, units, users } from '@/db/schema';
import { can } from '@/lib/authz/permissions';
import { MEETING_OUTCOMES, type MeetingOutcome, type OwnerAttitude, type SurveyPartner } from '@/lib/registry/kinds';
import { MAX_PARTNER_COUNT, normalisePartners } from '@/lib/registry/survey-partners';
import { writeAudit, writeAuditMany } from './audit';
import { enterpriseInScope, enterpriseVisible } from './enterprises';
import { DalError, invalid, notFound } from './errors';
import { assertCan, inScope, requireUser, unitUnderPath } from './session';

/**
 * Surveys of enterprises and meetings with their owners: the groundwork before a cell is
 * founded. Both are recorded by a unit of the user's own (its officers), about enterprises in
 * their scope; both are read by everyone whose subtree holds the recording unit.
 */

const meetingUnit = alias(units, 'meeting_unit');

// ------------------------------------------------------------------ owner meetings

export type MeetingInput = {
  enterpriseId: number;
  metOn: string;
  attendees: string;
  outcome: MeetingOutcome;
  summary?: string;
  nextStep?: string;
};

export async function recordOwnerMeeting(input: MeetingInput): Promise<{ id: number }> {
  const user = await requireUser();
  assertCan(user, 'data.edit', user.unitPath);
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!(await enterpriseVisible(tx, user, input.enterpriseId))) throw notFound();
    const values = {
      enterpriseId: input.enterpriseId,
      unitId: user.unitId,
      metOn: input.metOn,
      attendees: input.attendees,
      outcome: input.outcome,
      summary: input.summary || null,
      nextStep: input.nextStep || null,
      createdBy: user.id,
    };
    const [row] = await tx.insert(ownerMeetings).values(values).returning({ id: ownerMeetings.id });
    await writeAudit(tx, { actorId: user.id, unitId: user.unitId, action: 'engagement.meeting', entity: 'enterprise', entityId: input.enterpriseId, after: { meetingId: row.id, ...values } });
    return row;
  });
}

/** How many enterprises one meeting round may log at once (a form, not an import). */
export const MAX_MEETINGS_PER_ROUND = 50;

export type MeetingRoundInput = {
  metOn: string;
  attendees: string;
  items: { enterpriseId: number; outcome: MeetingOutcome; note?: string }[];
};

/**
 * One meeting round with the owners of several enterprises (the same day, the same delegation),
 * each with its own outcome: one owner_meetings row and one audit row per enterprise, in one
 * transaction. Refused with nothing written when the user may not edit or any enterprise is
 * outside the user's scope (or missing).
 */
export async function recordOwnerMeetings(input: MeetingRoundInput): Promise<{ ids: number[] }> {
  const user = await requireUser();
  assertCan(user, 'data.edit', user.unitPath);
  const ids = input.items.map((i) => i.enterpriseId);
  if (!ids.length) throw invalid('errors.meetingNoEnterprise', { enterpriseIds: 'errors.meetingNoEnterprise' });
  if (ids.length > MAX_MEETINGS_PER_ROUND) throw new DalError('invalid', 'errors.meetingTooMany', { enterpriseIds: 'errors.meetingTooMany' }, { max: MAX_MEETINGS_PER_ROUND });
  if (new Set(ids).size !== ids.length) throw invalid('errors.meetingDuplicate', { enterpriseIds: 'errors.meetingDuplicate' });
  if (input.items.some((i) => !MEETING_OUTCOMES.includes(i.outcome))) throw invalid('errors.invalidChoice');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(inArray(enterprises.id, ids), enterpriseInScope(user)));
    if (found.length !== ids.length) throw notFound();
    const values = input.items.map((i) => ({
      enterpriseId: i.enterpriseId,
      unitId: user.unitId,
      metOn: input.metOn,
      attendees: input.attendees,
      outcome: i.outcome,
      summary: i.note || null,
      nextStep: null,
      createdBy: user.id,
    }));
    const rows = await tx.insert(ownerMeetings).values(values).returning({ id: ownerMeetings.id, enterpriseId: ownerMeetings.enterpriseId });
    const meetingId = new Map(rows.map((r) => [r.enterpriseId, r.id]));
    await writeAuditMany(
      tx,
      values.map((v) => ({
        actorId: user.id,
        unitId: user.unitId,
        action: 'engagement.meeting',
        entity: 'enterprise',
        entityId: v.enterpriseId,
        after: { meetingId: meetingId.get(v.enterpriseId), ...v },
      })),
    );
    return { ids: values.map((v) => meetingId.get(v.enterpriseId)!) };
  });
}

export type MeetingListItem = {
  id: number;
  metOn: string;
  enterpriseId: number;
  enterpriseName: string;
  ownerName: string | null;
  unitName: string;
  attendees: string;
  outcome: MeetingOutcome;
  summary: string | null;
  nextStep: string | null;
};

export type EngagementSummary = { meetings: number; ownersMet: number; ownersPersuaded: number };

/**
 * Meetings held by units of the user's subtree between two dates, newest first, with the
 * figures a report quotes: how many owners were met and how many were persuaded (each owner
 * counted once however many meetings it took).
 */
export async function listOwnerMeetings(range: { from: string; to: string }): Promise<{ items: MeetingListItem[]; summary: EngagementSummary }> {
  const user = await requireUser();
  const db = await getDb();
  // Meetings held by units of the user's subtree (the meeting's unit decides the scope).
  const where = and(await unitUnderPath(ownerMeetings.unitId, user.unitPath), gte(ownerMeetings.metOn, range.from), lte(ownerMeetings.metOn, range.to));
  const [items, [summary]] = await Promise.all([
    db
      .select({
        id: ownerMeetings.id,
        metOn: ownerMeetings.metOn,
        enterpriseId: enterprises.id,
        enterpriseName: enterprises.name,
        ownerName: enterprises.ownerName,
        unitName: meetingUnit.name,
        attendees: ownerMeetings.attendees,
        outcome: ownerMeetings.outcome,
        summary: ownerMeetings.summary,
        nextStep: ownerMeetings.nextStep,
      })
      .from(ownerMeetings)
      .innerJoin(meetingUnit, eq(meetingUnit.id, ownerMeetings.unitId))
      .innerJoin(enterprises, eq(enterprises.id, ownerMeetings.enterpriseId))
      .where(where)
      .orderBy(desc(ownerMeetings.metOn), desc(ownerMeetings.id))
      .limit(500),
    db
      .select({
        meetings: sql<number>`count(*)::int`,
        ownersMet: countDistinct(ownerMeetings.enterpriseId),
        ownersPersuaded: sql<number>`count(distinct ${ownerMeetings.enterpriseId}) filter (where ${ownerMeetings.outcome} = 'persuaded')::int`,
      })
      .from(ownerMeetings)
      .where(where),
  ]);
  return { items, summary: { meetings: Number(summary.meetings), ownersMet: Number(summary.ownersMet), ownersPersuaded: Number(summary.ownersPersuaded) } };
}

// ------------------------------------------------------------------ surveys

export type SurveyRoundInput = { title: string; heldOn: string; participants: SurveyPartner[] };

export async function createSurveyRound(input: SurveyRoundInput): Promise<{ id: number }> {
  const user = await requireUser();
  assertCan(user, 'data.edit', user.unitPath);
  // The partners with their counts (those with none dropped); the form checks the same, a forged post is refused here.
  const checked = normalisePartners(input.participants);
  if ('problem' in checked) throw new DalError('invalid', checked.problem, { participants: checked.problem }, { max: MAX_PARTNER_COUNT.toLocaleString('vi-VN') });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const values = { unitId: user.unitId, title: input.title, heldOn: input.heldOn, participants: checked.partners, createdBy: user.id };
    const [row] = await tx.insert(surveyRounds).values(values).returning({ id: surveyRounds.id });
    await writeAudit(tx, { actorId: user.id, unitId: user.unitId, action: 'engagement.survey', entity: 'survey_round', entityId: row.id, after: values });
    return row;
  });
}

export type SurveyRoundListItem = { id: number; title: string; heldOn: string; unitName: string; participants: SurveyPartner[]; enterprises: number };

export async function listSurveyRounds(): Promise<SurveyRoundListItem[]> {
  const user = await requireUser();
  const db = await getDb();
  return db
    .select({
      id: surveyRounds.id,
      title: surveyRounds.title,
      heldOn: surveyRounds.heldOn,
      unitName: units.name,
      participants: surveyRounds.participants,
      enterprises: sql<number>`(select count(*)::int from survey_findings f where f.round_id = ${surveyRounds.id})`,
    })
    .from(surveyRounds)
    .innerJoin(units, eq(units.id, surveyRounds.unitId))
    .where(inScope(user))
    .orderBy(desc(surveyRounds.heldOn), desc(surveyRounds.id))
    .limit(200);
}

export type SurveyRoundDetail = SurveyRoundListItem & {
  canRecord: boolean;
  findings: { id: number; enterpriseId: number; enterpriseName: string; membersWorking: number; unionPresent: boolean; ownerAttitude: OwnerAttitude; note: string | null; recordedBy: string | null }[];
};

export async function getSurveyRound(id: number): Promise<SurveyRoundDetail> {
  const user = await requireUser();
  const db = await getDb();
  const [round] = await db
    .select({
      id: surveyRounds.id,
      title: surveyRounds.title,
      heldOn: surveyRounds.heldOn,
      unitId: surveyRounds.unitId,
      unitName: units.name,
      unitPath: sql<string>`${units.path}::text`,
      participants: surveyRounds.participants,
    })
    .from(surveyRounds)
    .innerJoin(units, eq(units.id, surveyRounds.unitId))
    .where(and(eq(surveyRounds.id, id), inScope(user)));
  if (!round) throw notFound();
  const { unitPath, ...shown } = round;
  const canRecord = can(user, 'survey.record', unitPath);
  const [findings] = await Promise.all([
    db
      .select({
        id: surveyFindings.id,
        enterpriseId: enterprises.id,
        enterpriseName: enterprises.name,
        membersWorking: surveyFindings.membersWorking,
        unionPresent: surveyFindings.unionPresent,
        ownerAttitude: surveyFindings.ownerAttitude,
        note: surveyFindings.note,
        recordedBy: users.fullName,
      })
      .from(surveyFindings)
      .innerJoin(enterprises, eq(enterprises.id, surveyFindings.enterpriseId))
      .leftJoin(users, eq(users.id, surveyFindings.createdBy))
      .where(eq(surveyFindings.roundId, id))
      .orderBy(sql`${enterprises.name} collate "und-x-icu"`),
  ]);
  return { ...shown, enterprises: findings.length, canRecord, findings };
}

export type FindingInput = { roundId: number; enterpriseId: number; membersWorking: number; unionPresent: boolean; ownerAttitude: OwnerAttitude; note?: string };

/** The organising unit's officers record what the round found at one enterprise (once per round). */
export async function recordSurveyFinding(input: FindingInput): Promise<{ id: number }> {
  const user = await requireUser();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [round] = await tx
      .select({ id: surveyRounds.id, unitId: surveyRounds.unitId, path: sql<string>`${units.path}::text` })
      .from(surveyRounds)
      .innerJoin(units, eq(units.id, surveyRounds.unitId))
      .where(and(eq(surveyRounds.id, input.roundId), inScope(user)));
    if (!round) throw notFound();
    assertCan(user, 'survey.record', round.path);
    if (!(await enterpriseVisible(tx, user, input.enterpriseId))) throw invalid('errors.enterpriseNotFound', { enterpriseId: 'errors.enterpriseNotFound' });
    const [dup] = await tx
      .select({ id: surveyFindings.id })
      .from(surveyFindings)
      .where(and(eq(surveyFindings.roundId, input.roundId), eq(surveyFindings.enterpriseId, input.enterpriseId)));
    if (dup) throw invalid('errors.findingExists', { enterpriseId: 'errors.findingExists' });
    const values = { ...input, note: input.note || null, createdBy: user.id };
    const [row] = await tx.insert(surveyFindings).values(values).returning({ id: surveyFindings.id });
    await writeAudit(tx, { actorId: user.id, unitId: user.unitId, action: 'engagement.finding', entity: 'enterprise', entityId: input.enterpriseId, after: { findingId: row.id, ...values } });
    return row;
  });
}
