'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { createClass, enrolPeople, issueCertificates } from '@/lib/dal/classes';
import { getT } from '@/lib/i18n/server';
import { CLASS_KINDS } from '@/lib/registry/kinds';
import { id, idList, isoDate, text } from '@/lib/validation';

export async function createClassAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let created = 0;
  const schema = z.object({ kind: z.enum(CLASS_KINDS, { error: 'errors.invalidChoice' }), title: text(300), startOn: isoDate, endOn: isoDate });
  const state = await runAction(schema, formData, async (d) => ({ id: created } = await createClass(d)), 'classes.created');
  if (!state.ok) return state;
  revalidatePath('/classes');
  redirect(`/classes/${created}`);
}

export async function enrolAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let n = 0;
  const state = await runAction(z.object({ classId: id }), formData, async (d) => ({ enrolled: n } = await enrolPeople({ ...d, personIds: idList(formData, 'personIds') })), 'classes.created');
  if (state.ok) {
    revalidatePath('/classes', 'layout');
    return { ok: true, message: (await getT())('classes.enrolDone', { n }) };
  }
  return state;
}

export async function issueAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let n = 0;
  const schema = z.object({ classId: id, certificateOn: isoDate, firstNumber: text(60) });
  const state = await runAction(schema, formData, async (d) => ({ issued: n } = await issueCertificates({ ...d, enrolmentIds: idList(formData, 'enrolmentIds') })), 'classes.created');
  if (state.ok) {
    revalidatePath('/', 'layout');
    return { ok: true, message: (await getT())('classes.issueDone', { n }) };
  }
  return state;
}
