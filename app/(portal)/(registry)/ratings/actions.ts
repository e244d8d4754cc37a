'use server';

import { revalidatePath } from 'next/cache';
import { dalMessage, type ActionState } from '@/lib/actions';
import { DalError } from '@/lib/dal/errors';
import { saveRatings, type RatingEntry } from '@/lib/dal/ratings';
import { getT } from '@/lib/i18n/server';
import { RATING_GRADES, type RatingGrade } from '@/lib/registry/kinds';
import { MAX_INT, parseWholeNumber, year } from '@/lib/validation';

/** The sheet posts score_<id> and grade_<id> for each row; rows left empty are not touched. */
export async function saveRatingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getT();
  const kind = formData.get('kind') === 'unit' ? 'unit' : 'member';
  const parsedYear = year.safeParse(String(formData.get('year') ?? ''));
  if (!parsedYear.success) return { ok: false, message: t('errors.invalidYear') };
  const entries = new Map<number, RatingEntry>();
  const fieldErrors: Record<string, string> = {};
  for (const [key, raw] of formData.entries()) {
    const m = /^(score|grade)_(\d+)$/.exec(key);
    if (!m || typeof raw !== 'string' || !raw.trim()) continue;
    const id = Number(m[2]);
    if (id > MAX_INT) continue; // not an id the portal made: the data layer would refuse it as out of scope anyway
    const entry = entries.get(id) ?? { subjectId: id };
    if (m[1] === 'score') {
      const score = parseWholeNumber(raw, 100);
      if ('problem' in score) fieldErrors[key] = t(score.problem === 'errors.numberTooLarge' ? 'errors.scoreRange' : score.problem);
      else entry.score = score.value;
    } else if ((RATING_GRADES as readonly string[]).includes(raw)) entry.grade = raw as RatingGrade;
    entries.set(id, entry);
  }
  const values = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string') as [string, string][]);
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors, values, message: t('form.fixErrors') };
  try {
    const { saved } = await saveRatings({ year: parsedYear.data, kind, entries: [...entries.values()] });
    revalidatePath('/ratings');
    return { ok: true, message: t('rat.saved', { n: saved }) };
  } catch (err) {
    if (err instanceof DalError) return { ok: false, message: dalMessage(t, err), values };
    console.error('ratings failed', err);
    return { ok: false, message: t('errors.unexpected'), values };
  }
}
