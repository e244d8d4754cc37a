'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { saveRatings, type RatingEntry } from '@/lib/dal/ratings';
import { RATING_GRADES, type RatingGrade } from '@/lib/registry/kinds';
import { MAX_INT, parseWholeNumber, year } from '@/lib/validation';

/** The sheet posts score_<id> and grade_<id> for each row; rows left empty are not touched. */
const ratingsSchema = z.looseObject({ kind: z.unknown(), year: z.unknown() }).transform((form, ctx) => {
  const parsedYear = year.safeParse(String(form.year ?? ''));
  // The year is the sheet's own (a hidden field): a wrong one is said as such, above the form.
  if (!parsedYear.success) {
    ctx.addIssue({ code: 'custom', message: 'errors.invalidYear', path: [] });
    return z.NEVER;
  }
  const entries = new Map<number, RatingEntry>();
  for (const [key, raw] of Object.entries(form)) {
    const m = /^(score|grade)_(\d+)$/.exec(key);
    if (!m || typeof raw !== 'string' || !raw.trim()) continue;
    const id = Number(m[2]);
    if (id > MAX_INT) continue; // not an id the portal made: the data layer would refuse it as out of scope anyway
    const entry = entries.get(id) ?? { subjectId: id };
    if (m[1] === 'score') {
      const score = parseWholeNumber(raw, 100);
      if ('problem' in score) ctx.addIssue({ code: 'custom', message: score.problem === 'errors.numberTooLarge' ? 'errors.scoreRange' : score.problem, path: [key] });
      else entry.score = score.value;
    } else if ((RATING_GRADES as readonly string[]).includes(raw)) entry.grade = raw as RatingGrade;
    entries.set(id, entry);
  }
  return { year: parsedYear.data, kind: form.kind === 'unit' ? ('unit' as const) : ('member' as const), entries: [...entries.values()] };
});

export async function saveRatingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ratingsSchema, formData, saveRatings, ({ saved }, t) => ({ ok: true, message: t('ratings.saved', { n: saved }) }));
  if (state.ok) revalidatePath('/ratings');
  return state;
}
