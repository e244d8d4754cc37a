'use server';

import { revalidatePath } from 'next/cache';
import { dalMessage, type ActionState } from '@/lib/actions';
import { DalError } from '@/lib/dal/errors';
import { setTargets, type TargetInput } from '@/lib/dal/reports';
import { getT } from '@/lib/i18n/server';
import { termPeriod, yearPeriod } from '@/lib/reports/maths';
import { MEASURES, SHARE_MEASURES, type Measure } from '@/lib/reports/measures';
import { formatNumber } from '@/lib/format';
import { MAX_INT, parseDate, parseWholeNumber, year } from '@/lib/validation';

/** The grid posts t_<unitId>_<measure> for each cell; empty cells are left as they are. */
export async function saveTargetsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getT();
  const str = (k: string) => String(formData.get(k) ?? '').trim();
  const values = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string') as [string, string][]);
  const fieldErrors: Record<string, string> = {};
  const kind = str('periodKind') === 'term' ? 'term' : 'year';
  const yearOf = (k: string) => {
    const y = year.safeParse(str(k));
    return y.success && y.data >= 2000 ? y.data : NaN;
  };
  const from = yearOf(kind === 'term' ? 'from' : 'year');
  const to = kind === 'term' ? yearOf('to') : from;
  if (!Number.isInteger(from)) fieldErrors[kind === 'term' ? 'from' : 'year'] = t('errors.invalidYear');
  if (kind === 'term' && (!Number.isInteger(to) || to < from || to > from + 10)) fieldErrors.to = t('errors.invalidYear');
  const directiveOnRaw = str('directiveOn');
  const directiveOn = directiveOnRaw ? parseDate(directiveOnRaw) : undefined;
  if (directiveOnRaw && !directiveOn) fieldErrors.directiveOn = t('errors.invalidDate');
  const entries: TargetInput[] = [];
  for (const [key, raw] of formData.entries()) {
    const m = /^t_(\d+)_([a-z_]+)$/.exec(key);
    if (!m || typeof raw !== 'string' || !raw.trim()) continue;
    if (!(MEASURES as readonly string[]).includes(m[2]) || Number(m[1]) > MAX_INT) continue;
    const parsed = parseWholeNumber(raw, 10_000_000);
    if ('problem' in parsed) {
      fieldErrors[key] = t(parsed.problem, { max: formatNumber(10_000_000) });
      continue;
    }
    const value = parsed.value;
    // A share is a percentage: refused beside its cell, as the data layer would refuse it.
    if (SHARE_MEASURES.includes(m[2] as Measure) && value > 100) {
      fieldErrors[key] = t('errors.targetValue');
      continue;
    }
    entries.push({ unitId: Number(m[1]), measure: m[2] as Measure, period: kind === 'term' ? termPeriod(from, Math.max(from, to)) : yearPeriod(from), value });
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors, values, message: t(fieldErrors.year || fieldErrors.from ? 'errors.formStale' : 'form.fixErrors') };
  const directive = {
    directiveNo: str('directiveNo') || undefined,
    directiveOn: directiveOn || undefined,
    directiveIssuer: str('directiveIssuer') || undefined,
    directiveTitle: str('directiveTitle') || undefined,
  };
  try {
    const { saved } = await setTargets(entries.map((e) => ({ ...e, ...directive })));
    revalidatePath('/reports', 'layout');
    return { ok: true, message: saved ? t('tgt.saved', { n: saved }) : t('tgt.unchanged') };
  } catch (err) {
    if (err instanceof DalError) return { ok: false, message: dalMessage(t, err), values };
    console.error('targets failed', err);
    return { ok: false, message: t('errors.unexpected'), values };
  }
}
