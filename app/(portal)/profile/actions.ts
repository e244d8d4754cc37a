'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { updateProfile } from '@/lib/dal/notifications';
import { DIGEST_FREQUENCIES } from '@/lib/notify/kinds';

const profileSchema = z.object({
  email: z
    .string()
    .trim()
    .max(254, { error: 'profile.invalidEmail' })
    // zod's own address check (not a pattern of ours); empty means "no address".
    .refine((v) => v === '' || z.email().safeParse(v).success, { error: 'profile.invalidEmail' })
    .default(''),
  digest: z.enum(DIGEST_FREQUENCIES, { error: 'errors.invalidChoice' }),
});

/** The signed-in user's own e-mail address and digest (the data layer writes only their row). */
export async function updateProfileAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(profileSchema, formData, updateProfile, 'profile.done');
  if (state.ok) revalidatePath('/profile');
  return state;
}
