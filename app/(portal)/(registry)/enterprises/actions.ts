'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { linkEnterprises } from '@/lib/dal/enterprise-links';
import { createEnterprise, updateEnterprise } from '@/lib/dal/enterprises';
import { getT } from '@/lib/i18n/server';
import { linkFormSchema } from '@/lib/registry/links';
import { enterpriseSchema } from '@/lib/registry/validation';
import { id, idList, version } from '@/lib/validation';

export async function createEnterpriseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let created = 0;
  const state = await runAction(enterpriseSchema, formData, async (data) => ({ id: created } = await createEnterprise(data)), 'enterprises.created');
  if (!state.ok) return state;
  revalidatePath('/enterprises');
  redirect(`/enterprises/${created}`);
}

const updateSchema = enterpriseSchema.and(z.object({ id, version }));

export async function updateEnterpriseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(updateSchema, formData, (data) => updateEnterprise(data), 'enterprises.saved');
  if (state.ok) revalidatePath('/enterprises', 'layout');
  return state;
}

/** Link the enterprises ticked in the list to one organisation (the data layer checks everything again). */
export async function linkEnterprisesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let result = { linked: 0, unchanged: 0 };
  const state = await runAction(
    linkFormSchema,
    formData,
    async (d) => (result = await linkEnterprises({ enterpriseIds: idList(formData, 'enterpriseIds'), unitId: d.organisationId, replace: d.replace })),
    'enterprises.link.done',
  );
  if (state.ok) {
    revalidatePath('/enterprises', 'layout');
    return { ok: true, message: (await getT())('enterprises.link.doneCount', result) };
  }
  // The data layer names the unit `unitId`; the form's picker is `organisationId`.
  if (state.fieldErrors?.unitId) {
    const { unitId, ...rest } = state.fieldErrors;
    state.fieldErrors = { ...rest, organisationId: unitId };
  }
  return state;
}
