import { z } from 'zod';
import { ROLES } from '@/lib/authz/roles';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/policy';
import { cccdProblem } from '@/lib/people/identity';
import { UNIT_KINDS } from '@/lib/units/kinds';

/**
 * Zod building blocks shared by every form. Error messages are message keys (see
 * lib/i18n/messages.ts), optionally followed by "|param" for the {max}/{min} placeholder.
 */
export const text = (max: number) =>
  z
    .string({ error: 'errors.required' })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, { error: 'errors.required' }).max(max, { error: `errors.tooLong|${max}` }));

export const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? '').normalize('NFC').trim())
    .pipe(z.string().max(max, { error: `errors.tooLong|${max}` }));

export const id = z.coerce.number({ error: 'errors.invalidChoice' }).int({ error: 'errors.invalidChoice' }).positive({ error: 'errors.invalidChoice' });

/** An optional id from a select ('' when none chosen). */
export const optionalId = z
  .string()
  .optional()
  .transform((s) => (s?.trim() ? Number(s) : undefined))
  .pipe(z.number({ error: 'errors.invalidChoice' }).int({ error: 'errors.invalidChoice' }).positive({ error: 'errors.invalidChoice' }).optional());

/** A checkbox: true when ticked. */
export const checkbox = z
  .string()
  .optional()
  .transform((s) => s === 'on' || s === 'true');

/** The ids a checkbox list posted under `name` (anything that is not a positive integer is dropped; the data layer checks the rest). */
export function idList(formData: FormData, name: string): number[] {
  return formData
    .getAll(name)
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
}

/**
 * A date typed as dd/mm/yyyy (how officials write dates; also accepts yyyy-mm-dd), returned as
 * an ISO date string (yyyy-mm-dd).
 */
export const isoDate = z
  .string({ error: 'errors.invalidDate' })
  .transform((s) => parseDate(s) ?? '')
  .pipe(z.string().min(1, { error: 'errors.invalidDate' }));

/** An optional dd/mm/yyyy date: '' when empty. */
export const optionalDate = z
  .string()
  .optional()
  .transform((s) => s?.trim() ?? '')
  .pipe(z.union([z.literal(''), isoDate]));

/** dd/mm/yyyy (or d/m/yyyy, or yyyy-mm-dd) to yyyy-mm-dd; null when it is not a real date. */
export function parseDate(input: string): string | null {
  const s = input.trim();
  let y: number, m: number, d: number;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  if (y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export const unitKind = z.enum(UNIT_KINDS, { error: 'errors.invalidChoice' });
export const role = z.enum(ROLES, { error: 'errors.invalidChoice' });

export const unitCode = z
  .string()
  .optional()
  .transform((s) => (s ?? '').trim().toUpperCase())
  .pipe(z.string().regex(/^$|^[A-Z0-9._-]{1,40}$/, { error: 'errors.invalidCode' }));

export const username = z
  .string({ error: 'errors.required' })
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9._-]{3,40}$/, { error: 'errors.invalidUsername' }));

export const password = z
  .string({ error: 'errors.required' })
  .min(PASSWORD_MIN_LENGTH, { error: `errors.passwordTooShort|${PASSWORD_MIN_LENGTH}` })
  .max(200, { error: 'errors.tooLong|200' });

/** The person fields of every form that registers someone (a referral, a member). */
export const personFields = {
  fullName: text(200),
  birthDate: isoDate,
  gender: z.enum(['male', 'female'], { error: 'errors.invalidChoice' }),
  nationalId: optionalText(20).transform((s) => s.replace(/\s/g, '')),
  phone: optionalText(30),
};

/** A CCCD, when given, must agree with the birth date and sex it encodes. */
export function checkNationalId(v: { nationalId: string; birthDate: string; gender: 'male' | 'female' }, ctx: z.RefinementCtx): void {
  if (v.nationalId && cccdProblem(v.nationalId, { birthDate: v.birthDate, gender: v.gender }))
    ctx.addIssue({ code: 'custom', path: ['nationalId'], message: 'errors.invalidNationalId' });
}
