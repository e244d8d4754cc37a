'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { assignMember } from '@/lib/dal/member-assignments';
import { cancelTransfer, receiveTransfer, setTemporaryActivity, transferOut } from '@/lib/dal/member-transfers';
import { createMember, endMembership, LEAVING_STATUSES, updateMember } from '@/lib/dal/members';
import { OCCUPATIONS } from '@/lib/registry/kinds';
import { memberSchema } from '@/lib/registry/validation';
import { id, isoDate, optionalDate, optionalId, optionalText, text, version } from '@/lib/validation';

export async function createMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let created = 0;
  const state = await runAction(memberSchema, formData, async (d) => ({ id: created } = await createMember(d)), 'members.created');
  if (!state.ok) return state;
  revalidatePath('/members');
  redirect(`/members/${created}`);
}

const stepSchema = z.object({
  step: z.enum(['transferOut', 'receive', 'cancel', 'temporaryStart', 'temporaryEnd'], { error: 'errors.invalidChoice' }),
  memberId: id,
  version,
  effectiveOn: isoDate,
  note: optionalText(500),
  toCellUnitId: optionalId,
  hostCellUnitId: optionalId,
});

export async function memberStepAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(
    stepSchema,
    formData,
    async ({ step, toCellUnitId, hostCellUnitId, ...d }) => {
      if (step === 'transferOut') return transferOut({ ...d, toCellUnitId: toCellUnitId ?? 0 });
      if (step === 'receive') return receiveTransfer(d);
      if (step === 'cancel') return cancelTransfer(d);
      return setTemporaryActivity({ ...d, hostCellUnitId: step === 'temporaryStart' ? (hostCellUnitId ?? 0) : undefined });
    },
    'members.stepDone',
  );
  if (state.ok) revalidatePath('/members', 'layout');
  return state;
}

const assignSchema = z.object({ memberId: id, cellUnitId: id, role: text(200), startOn: isoDate, endOn: optionalDate });

export async function assignAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(assignSchema, formData, (d) => assignMember({ ...d, endOn: d.endOn || undefined }), 'assignments.done');
  if (state.ok) revalidatePath('/members', 'layout');
  return state;
}

const updateSchema = z.object({
  memberId: id,
  version,
  occupation: z.enum(OCCUPATIONS, { error: 'errors.invalidChoice' }),
  enterpriseId: optionalId,
  cardNo: optionalText(30),
  officialOn: optionalDate,
});

export async function updateMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(updateSchema, formData, (d) => updateMember({ ...d, officialOn: d.officialOn || undefined, cardNo: d.cardNo || undefined }), 'members.saved');
  if (state.ok) revalidatePath('/members', 'layout');
  return state;
}

const endSchema = z.object({
  memberId: id,
  version,
  status: z.enum(LEAVING_STATUSES, { error: 'errors.invalidChoice' }),
  effectiveOn: isoDate,
  note: optionalText(500),
});

export async function endMembershipAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(endSchema, formData, (d) => endMembership(d), 'members.ended');
  if (state.ok) revalidatePath('/members', 'layout');
  return state;
}
