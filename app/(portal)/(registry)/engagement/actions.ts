'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { getT } from '@/lib/i18n/server';
import { createSurveyRound, recordOwnerMeeting, recordOwnerMeetings, recordSurveyFinding, MAX_MEETINGS_PER_ROUND } from '@/lib/dal/engagement';
import { MEETING_OUTCOMES, OWNER_ATTITUDES, SURVEY_PARTICIPANTS } from '@/lib/registry/kinds';
import { MAX_PARTNER_COUNT } from '@/lib/registry/survey-partners';
import { optionalWholeNumber, wholeNumber } from '@/lib/validation';
import { checkbox, id, idList, isoDate, optionalText, text } from '@/lib/validation';

const meetingSchema = z.object({
  enterpriseId: id,
  metOn: isoDate,
  attendees: text(500),
  outcome: z.enum(MEETING_OUTCOMES, { error: 'errors.invalidChoice' }),
  summary: optionalText(2000),
  nextStep: optionalText(500),
});

export async function recordMeetingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(meetingSchema, formData, (d) => recordOwnerMeeting(d), 'meeting.done');
  if (state.ok) {
    revalidatePath('/enterprises', 'layout');
    revalidatePath('/engagement');
  }
  return state;
}

/** Each partner kind's count is posted as `partner_<kind>` (blank or 0: it did not take part). */
const surveySchema = z.object({
  title: text(300),
  heldOn: isoDate,
  ...(Object.fromEntries(SURVEY_PARTICIPANTS.map((kind) => [`partner_${kind}`, optionalWholeNumber(MAX_PARTNER_COUNT)])) as Record<
    `partner_${(typeof SURVEY_PARTICIPANTS)[number]}`,
    ReturnType<typeof optionalWholeNumber>
  >),
});

export async function createSurveyRoundAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let created = 0;
  const state = await runAction(
    surveySchema,
    formData,
    async (d) =>
      ({ id: created } = await createSurveyRound({
        title: d.title,
        heldOn: d.heldOn,
        participants: SURVEY_PARTICIPANTS.map((kind) => ({ kind, count: d[`partner_${kind}`] ?? 0 })).filter((p) => p.count > 0),
      })),
    'survey.created',
  );
  if (!state.ok) return state;
  revalidatePath('/engagement');
  redirect(`/engagement/surveys/${created}`);
}

/**
 * A meeting round with several enterprises: the chosen enterprises are posted as `enterpriseIds`,
 * each with its outcome (`outcome_<id>`) and an optional note (`note_<id>`).
 */
export async function recordMeetingRoundAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ids = [...new Set(idList(formData, 'enterpriseIds'))];
  const schema = z.object({
    metOn: isoDate,
    attendees: text(500),
    enterpriseIds: z.string({ error: 'errors.meetingNoEnterprise' }),
    ...(Object.fromEntries(
      ids.slice(0, MAX_MEETINGS_PER_ROUND).flatMap((i) => [
        [`outcome_${i}`, z.enum(MEETING_OUTCOMES, { error: 'errors.invalidChoice' })],
        [`note_${i}`, optionalText(1000)],
      ]),
    ) as Record<string, z.ZodType<string | undefined>>),
  });
  let recorded = 0;
  const state = await runAction(
    schema,
    formData,
    async (d) => {
      const row = d as Record<string, string | undefined>;
      const items = ids.map((enterpriseId) => ({ enterpriseId, outcome: row[`outcome_${enterpriseId}`] as (typeof MEETING_OUTCOMES)[number], note: row[`note_${enterpriseId}`] }));
      recorded = (await recordOwnerMeetings({ metOn: d.metOn, attendees: d.attendees, items })).ids.length;
    },
    'meeting.done',
  );
  if (!state.ok) return state;
  revalidatePath('/enterprises', 'layout');
  revalidatePath('/engagement');
  revalidatePath('/reports');
  return { ...state, message: (await getT())('meeting.round.done', { n: recorded }) };
}

const findingSchema = z.object({
  roundId: id,
  enterpriseId: id,
  membersWorking: wholeNumber(10_000_000),
  unionPresent: checkbox,
  ownerAttitude: z.enum(OWNER_ATTITUDES, { error: 'errors.invalidChoice' }),
  note: optionalText(1000),
});

export async function recordFindingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(findingSchema, formData, (d) => recordSurveyFinding(d), 'survey.findingDone');
  if (state.ok) revalidatePath('/engagement', 'layout');
  return state;
}
