'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { createUnit, dissolveUnit, mergeUnit, moveUnit, updateUnit } from '@/lib/dal/units';
import { id, isoDate, optionalText, text, unitCode, unitKind, version } from '@/lib/validation';

const createSchema = z.object({
  parentId: id,
  kind: unitKind,
  name: text(200),
  code: unitCode,
  description: optionalText(1000),
  effectiveOn: isoDate,
});

export async function createUnitAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(createSchema, formData, createUnit, 'unit.create.done');
  if (state.ok) revalidatePath('/', 'layout');
  return state;
}

const updateSchema = z.object({
  id,
  version,
  name: text(200),
  code: unitCode.pipe(z.string().min(1, { error: 'errors.required' })),
  description: optionalText(1000),
  effectiveOn: isoDate,
});

export async function updateUnitAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(updateSchema, formData, updateUnit, 'unit.update.done');
  if (state.ok) revalidatePath('/', 'layout');
  return state;
}

const moveSchema = z.object({ id, version, newParentId: id, effectiveOn: isoDate });

export async function moveUnitAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(moveSchema, formData, moveUnit, 'unit.move.done');
  if (state.ok) revalidatePath('/', 'layout');
  return state;
}

const mergeSchema = z.object({ id, version, intoId: id, effectiveOn: isoDate });

export async function mergeUnitAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(mergeSchema, formData, mergeUnit, 'unit.merge.done');
  if (state.ok) revalidatePath('/', 'layout');
  return state;
}

const dissolveSchema = z.object({ id, version, effectiveOn: isoDate, reason: text(500) });

export async function dissolveUnitAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(dissolveSchema, formData, dissolveUnit, 'unit.dissolve.done');
  if (state.ok) revalidatePath('/', 'layout');
  return state;
}
