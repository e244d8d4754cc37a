'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { createSurveyRound, recordOwnerMeeting, recordSurveyFinding } from '@/lib/dal/engagement';
import { MEETING_OUTCOMES, OWNER_ATTITUDES, SURVEY_PARTICIPANTS } from '@/lib/registry/kinds';
import { wholeNumber } from '@/lib/validation';
import { checkbox, id, isoDate, optionalText, text } from '@/lib/validation';

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

export async function createSurveyRoundAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let created = 0;
  const schema = z.object({ title: text(300), heldOn: isoDate });
  const participants = formData.getAll('participants').filter((p): p is (typeof SURVEY_PARTICIPANTS)[number] => (SURVEY_PARTICIPANTS as readonly unknown[]).includes(p));
  const state = await runAction(schema, formData, async (d) => ({ id: created } = await createSurveyRound({ ...d, participants: participants.map((kind) => ({ kind, count: 1 })) })), 'survey.created');
  if (!state.ok) return state;
  revalidatePath('/engagement');
  redirect(`/engagement/surveys/${created}`);
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
