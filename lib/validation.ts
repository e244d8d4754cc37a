import { z } from 'zod';
import { ROLES } from '@/lib/authz/roles';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/policy';
import { cccdProblem } from '@/lib/people/identity';
import { UNIT_KINDS } from '@/lib/units/kinds';

/**
 * Zod building blocks shared by every form. Error messages are message keys (see
 * lib/i18n/vi.ts), optionally followed by "|param" for the {max}/{min} placeholder.
 */
/** Control characters no one types (NUL, escape, …): PostgreSQL refuses NUL in text, and none belongs in a record. Tabs and line breaks are allowed. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** `text` with every control character, tabs and line breaks included, read as a space: a search or a link parameter is one line. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

export const text = (max: number) =>
  z
    .string({ error: 'errors.required' })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, { error: 'errors.required' })
        .max(max, { error: `errors.tooLong|${max}` })
        .refine((s) => !CONTROL.test(s), { error: 'errors.controlChars' }),
    );

export const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? '').normalize('NFC').trim())
    .pipe(
      z
        .string()
        .max(max, { error: `errors.tooLong|${max}` })
        .refine((s) => !CONTROL.test(s), { error: 'errors.controlChars' }),
    );

/** PostgreSQL's integer: ids and counts above it are not ids the portal made. */
export const MAX_INT = 2_147_483_647;

export const id = z.coerce.number({ error: 'errors.invalidChoice' }).int({ error: 'errors.invalidChoice' }).positive({ error: 'errors.invalidChoice' }).max(MAX_INT, { error: 'errors.invalidChoice' });

/** An optional id from a select ('' when none chosen). */
export const optionalId = z
  .string()
  .optional()
  .transform((s) => (s?.trim() ? Number(s) : undefined))
  .pipe(z.number({ error: 'errors.invalidChoice' }).int({ error: 'errors.invalidChoice' }).positive({ error: 'errors.invalidChoice' }).max(MAX_INT, { error: 'errors.invalidChoice' }).optional());

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
    .filter((n) => Number.isSafeInteger(n) && n > 0 && n <= MAX_INT);
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

/**
 * A date as officials type it, to yyyy-mm-dd; null when it is not a real date between 1900 and
 * 2100. Day first, with "/", "-" or "." between the parts and spaces allowed around them
 * (12/08/1990, 12-08-1990, 12.08.1990, 1/2/1990), or ISO yyyy-mm-dd. Two-digit years are refused
 * (12/08/90 could be 1990 or 2090). The one date parser of the forms and the Excel import.
 */
export function parseDate(input: string): string | null {
  const s = input.normalize('NFKC').trim();
  let y: number, m: number, d: number;
  const vn = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (vn) [d, m, y] = [Number(vn[1]), Number(vn[3]), Number(vn[4])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  if (y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Why a typed whole number was refused: the message key says it to the user. */
export type WholeNumberProblem = 'errors.required' | 'errors.notWholeNumber' | 'errors.notANumber' | 'errors.numberTooLarge';

/**
 * A whole number as Vietnamese officials type it: digits, with "." or spaces between groups of
 * three (1.147 and 1 147 are one thousand one hundred forty-seven, as in Vietnamese writing).
 * A decimal part ("1,5", and "1.5" whose dot does not separate thousands) is refused as not whole,
 * anything else ("0x10", "1e3", "-3", "12a") as not a number, values above `max` as too large.
 * Full-width digits are read as digits.
 */
export function parseWholeNumber(input: string, max = MAX_INT): { value: number } | { problem: WholeNumberProblem } {
  const s = input
    .normalize('NFKC')
    .trim()
    .replace(/[\s\u00a0\u202f]+/g, ' ');
  if (!s) return { problem: 'errors.required' };
  let digits: string;
  if (/^\d+$/.test(s)) digits = s;
  else if (/^\d{1,3}(\.\d{3})+$/.test(s) || /^\d{1,3}( \d{3})+$/.test(s)) digits = s.replace(/[. ]/g, '');
  else if (/^\d+[.,]\d+$/.test(s)) return { problem: 'errors.notWholeNumber' };
  else return { problem: 'errors.notANumber' };
  const value = Number(digits);
  if (!Number.isSafeInteger(value) || value > max) return { problem: 'errors.numberTooLarge' };
  return { value };
}

/** A required whole number field (see parseWholeNumber), at most `max`. */
export const wholeNumber = (max = MAX_INT) =>
  z.string({ error: 'errors.required' }).transform((s, ctx) => {
    const r = parseWholeNumber(s, max);
    if ('value' in r) return r.value;
    ctx.addIssue({ code: 'custom', message: r.problem === 'errors.numberTooLarge' ? `${r.problem}|${max}` : r.problem });
    return z.NEVER;
  });

/** An optional whole number field: undefined when left empty. */
export const optionalWholeNumber = (max = MAX_INT) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s?.trim()) return undefined;
      const r = parseWholeNumber(s, max);
      if ('value' in r) return r.value;
      ctx.addIssue({ code: 'custom', message: r.problem === 'errors.numberTooLarge' ? `${r.problem}|${max}` : r.problem });
      return z.NEVER;
    });

/** The row version a form was opened on (optimistic locking); anything else is a forged post. */
export const version = z.coerce
  .number({ error: 'errors.invalidChoice' })
  .int({ error: 'errors.invalidChoice' })
  .min(0, { error: 'errors.invalidChoice' })
  .max(MAX_INT, { error: 'errors.invalidChoice' });

/** A year typed in a form or a link: four digits between 1900 and 2100. */
export const year = z.string({ error: 'errors.invalidYear' }).transform((s, ctx) => {
  const t = s.trim();
  const n = /^\d{4}$/.test(t) ? Number(t) : NaN;
  if (n >= 1900 && n <= 2100) return n;
  ctx.addIssue({ code: 'custom', message: 'errors.invalidYear' });
  return z.NEVER;
});

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
  if (v.nationalId && cccdProblem(v.nationalId, { birthDate: v.birthDate, gender: v.gender })) ctx.addIssue({ code: 'custom', path: ['nationalId'], message: 'errors.invalidNationalId' });
}

/**
 * Zod schemas for one search parameter each (a link's or a filter form's). A value its schema
 * refuses reads as not given: a link with a wrong parameter shows the page's default, never an
 * error. Pages read their parameters with `parseParams` (after lib/page's `cleanParams`).
 */
export const param = {
  /** A positive id (?unit=8). */
  id: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .pipe(z.number().positive()),
  /** A year, four digits between 1900 and 2100 (the form's `year`: PostgreSQL has no year 0, and no date of the portal lies outside). */
  year,
  /** One value of an `as const` list. */
  oneOf: <const V extends readonly [string, ...string[]]>(values: V) => z.enum(values),
  /** A yes/no filter (?party=yes): true or false. */
  yesNo: z.enum(['yes', 'no']).transform((v) => v === 'yes'),
  /** A whole number as people type it (1.147 is 1147), at most `max`. */
  wholeNumber: (max: number) =>
    z.string().transform((s, ctx) => {
      const read = parseWholeNumber(s, max);
      if ('value' in read) return read.value;
      ctx.addIssue({ code: 'custom', message: read.problem });
      return z.NEVER;
    }),
  /** A ticked filter (?inEnterprise=1): true, or not given. */
  flag: z.literal('1').transform(() => true as const),
};

/** The search parameters `shape` names, each read by its schema; one absent or refused is left out. */
export function parseParams<S extends Record<string, z.ZodType<unknown, string>>>(p: Partial<Record<string, string>>, shape: S): { [K in keyof S]?: z.output<S[K]> } {
  const out: { [K in keyof S]?: z.output<S[K]> } = {};
  for (const k of Object.keys(shape) as (keyof S & string)[]) {
    const raw = p[k];
    if (raw === undefined) continue;
    const read = shape[k].safeParse(raw);
    if (read.success) out[k] = read.data as z.output<S[typeof k]>;
  }
  return out;
}
