'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { createEnterprise, updateEnterprise } from '@/lib/dal/enterprises';
import { enterpriseSchema } from '@/lib/registry/validation';
import { id, version } from '@/lib/validation';

export async function createEnterpriseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let created = 0;
  const state = await runAction(enterpriseSchema, formData, async (data) => ({ id: created } = await createEnterprise(data)), 'ent.created');
  if (!state.ok) return state;
  revalidatePath('/enterprises');
  redirect(`/enterprises/${created}`);
}

const updateSchema = enterpriseSchema.and(z.object({ id, version }));

export async function updateEnterpriseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(updateSchema, formData, (data) => updateEnterprise(data), 'ent.saved');
  if (state.ok) revalidatePath('/enterprises', 'layout');
  return state;
}
