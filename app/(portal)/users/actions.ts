'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { createUser, endUserSessions, resetPassword, setUserActive, updateUser } from '@/lib/dal/users';
import { id, password, role, text, username, version } from '@/lib/validation';

const createSchema = z.object({ username, fullName: text(200), unitId: id, role, password });

export async function createUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let createdId = 0;
  const state = await runAction(createSchema, formData, async (data) => ({ id: createdId } = await createUser(data)), 'users.edit.done');
  if (!state.ok) return state;
  revalidatePath('/users');
  redirect(`/users/${createdId}?created=1`);
}

const updateSchema = z.object({ id, version, fullName: text(200), unitId: id, role });

export async function updateUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(updateSchema, formData, updateUser, 'users.edit.done');
  if (state.ok) revalidatePath('/users', 'layout');
  return state;
}

const activeSchema = z.object({ id, version, active: z.enum(['true', 'false'], { error: 'errors.invalidChoice' }).transform((v) => v === 'true') });

export async function setUserActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const active = formData.get('active') === 'true';
  const state = await runAction(activeSchema, formData, setUserActive, active ? 'users.activate.done' : 'users.deactivate.done');
  if (state.ok) revalidatePath('/users', 'layout');
  return state;
}

const resetSchema = z.object({ id, password });

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(resetSchema, formData, resetPassword, 'users.reset.done');
  if (state.ok) revalidatePath('/users', 'layout');
  return state;
}

const endSessionsSchema = z.object({ id });

export async function endUserSessionsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(endSessionsSchema, formData, endUserSessions, 'users.endSessions.done');
}
