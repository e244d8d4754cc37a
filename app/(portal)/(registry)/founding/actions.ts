'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { decideFounding, proposeFounding, rejectFounding } from '@/lib/dal/founding';
import { recordPastFounding } from '@/lib/dal/founding-records';
import { id, idList, isoDate, text, version } from '@/lib/validation';

export async function proposeFoundingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let created = 0;
  const memberIds = idList(formData, 'memberIds');
  const schema = z.object({ enterpriseId: id, parentUnitId: id, cellName: text(300), proposedOn: isoDate });
  const state = await runAction(schema, formData, async (d) => ({ id: created } = await proposeFounding({ ...d, memberIds })), 'founding.proposed');
  if (!state.ok) return state;
  revalidatePath('/founding');
  revalidatePath('/enterprises', 'layout');
  redirect(`/founding/${created}`);
}

const decideSchema = z.object({ id, version, decisionNo: text(100), decisionOn: isoDate, secretaryMemberId: id });

export async function decideFoundingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(decideSchema, formData, (d) => decideFounding(d), 'founding.decided');
  if (state.ok) revalidatePath('/', 'layout');
  return state;
}

const rejectSchema = z.object({ id, version, reason: text(1000) });

export async function rejectFoundingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(rejectSchema, formData, (d) => rejectFounding(d), 'founding.rejected');
  if (state.ok) revalidatePath('/founding', 'layout');
  return state;
}

const pastSchema = z.object({ enterpriseId: id, parentUnitId: id, cellName: text(300), decisionNo: text(100), decisionOn: isoDate });

/** A founding decided before the portal, entered from the records. */
export async function recordPastFoundingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(pastSchema, formData, (d) => recordPastFounding(d), 'founding.pastDone');
  if (state.ok) revalidatePath('/', 'layout');
  return state;
}
