'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { setTargets, type TargetInput } from '@/lib/dal/reports';
import { termPeriod, yearPeriod } from '@/lib/reports/maths';
import { MEASURES, SHARE_MEASURES, type Measure } from '@/lib/reports/measures';
import { MAX_INT, parseDate, parseWholeNumber, year } from '@/lib/validation';

const TARGET_MAX = 10_000_000;

/** The grid posts t_<unitId>_<measure> for each cell; empty cells are left as they are. */
const targetsSchema = z.looseObject({}).transform((form, ctx) => {
  const str = (k: string) => String(form[k] ?? '').trim();
  let failed = false;
  const fail = (path: string, message: string) => {
    failed = true;
    ctx.addIssue({ code: 'custom', message, path: [path] });
  };
  const kind = str('periodKind') === 'term' ? 'term' : 'year';
  const yearOf = (k: string) => {
    const y = year.safeParse(str(k));
    return y.success && y.data >= 2000 ? y.data : NaN;
  };
  const from = yearOf(kind === 'term' ? 'from' : 'year');
  const to = kind === 'term' ? yearOf('to') : from;
  if (!Number.isInteger(from)) {
    fail(kind === 'term' ? 'from' : 'year', 'errors.invalidYear');
    // The period comes with the page: a wrong one means the page is stale (or forged).
    ctx.addIssue({ code: 'custom', message: 'errors.formStale', path: [] });
  }
  if (kind === 'term' && (!Number.isInteger(to) || to < from || to > from + 10)) fail('to', 'errors.invalidYear');
  const directiveOnRaw = str('directiveOn');
  const directiveOn = directiveOnRaw ? parseDate(directiveOnRaw) : undefined;
  if (directiveOnRaw && !directiveOn) fail('directiveOn', 'errors.invalidDate');
  const entries: Omit<TargetInput, 'period'>[] = [];
  for (const [key, raw] of Object.entries(form)) {
    const m = /^t_(\d+)_([a-z_]+)$/.exec(key);
    if (!m || typeof raw !== 'string' || !raw.trim()) continue;
    if (!(MEASURES as readonly string[]).includes(m[2]) || Number(m[1]) > MAX_INT) continue;
    const parsed = parseWholeNumber(raw, TARGET_MAX);
    if ('problem' in parsed) fail(key, parsed.problem === 'errors.numberTooLarge' ? `${parsed.problem}|${TARGET_MAX}` : parsed.problem);
    // A share is a percentage: refused beside its cell, as the data layer would refuse it.
    else if (SHARE_MEASURES.includes(m[2] as Measure) && parsed.value > 100) fail(key, 'errors.targetValue');
    else entries.push({ unitId: Number(m[1]), measure: m[2] as Measure, value: parsed.value });
  }
  if (failed) return z.NEVER;
  const period = kind === 'term' ? termPeriod(from, Math.max(from, to)) : yearPeriod(from);
  const directive = {
    directiveNo: str('directiveNo') || undefined,
    directiveOn: directiveOn || undefined,
    directiveIssuer: str('directiveIssuer') || undefined,
    directiveTitle: str('directiveTitle') || undefined,
  };
  return entries.map((e): TargetInput => ({ ...e, period, ...directive }));
});

export async function saveTargetsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(targetsSchema, formData, setTargets, ({ saved }, t) => ({ ok: true, message: saved ? t('targets.saved', { n: saved }) : t('targets.unchanged') }));
  if (state.ok) revalidatePath('/reports', 'layout');
  return state;
}
