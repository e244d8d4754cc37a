'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { removeCalendarDay, saveCalendarDay, setCalendarYear } from '@/lib/dal/rules';
import { isoDate, text, year } from '@/lib/validation';
import { CALENDAR_DAY_KINDS, CALENDAR_YEAR_STATUSES } from '@/db/schema';

const daySchema = z.object({ date: isoDate, name: text(200), kind: z.enum(CALENDAR_DAY_KINDS, { error: 'errors.invalidChoice' }) });
const removeSchema = z.object({ date: isoDate });
const yearSchema = z.object({ year, status: z.enum(CALENDAR_YEAR_STATUSES, { error: 'errors.invalidChoice' }), source: text(500) });

export async function saveCalendarDayAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(daySchema, formData, saveCalendarDay, 'calendar.saved');
  if (state.ok) revalidatePath('/rules/calendar');
  return state;
}

export async function removeCalendarDayAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(removeSchema, formData, (d) => removeCalendarDay(d.date), 'calendar.removed');
  if (state.ok) revalidatePath('/rules/calendar');
  return state;
}

export async function setCalendarYearAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(yearSchema, formData, setCalendarYear, 'calendar.statusSaved');
  if (state.ok) revalidatePath('/rules/calendar');
  return state;
}
