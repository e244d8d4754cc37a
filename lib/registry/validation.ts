import { z } from 'zod';
import { optionalText, text } from '@/lib/validation';
import { ENTERPRISE_STATUSES, ENTERPRISE_TYPES } from './kinds';
import { compactTaxCode, taxCodeProblem } from './tax-code';

/** Form schemas of the enterprise registry (shared by the forms' actions and the Excel import). */

const checkbox = z
  .string()
  .optional()
  .transform((s) => s === 'on' || s === 'true');

export const optionalId = z
  .string()
  .optional()
  .transform((s) => (s?.trim() ? Number(s) : undefined))
  .pipe(z.number({ error: 'errors.invalidChoice' }).int({ error: 'errors.invalidChoice' }).positive({ error: 'errors.invalidChoice' }).optional());

export const wholeNumber = z
  .string({ error: 'errors.required' })
  .transform((s) => s.replace(/[\s.,]/g, ''))
  .pipe(z.string().min(1, { error: 'errors.required' }).regex(/^\d{1,7}$/, { error: 'errors.positiveNumber' }))
  .transform(Number);

export const taxCode = z
  .string({ error: 'errors.required' })
  .transform((s) => compactTaxCode(s.trim()))
  .superRefine((s, ctx) => {
    const problem = taxCodeProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem === 'checksum' ? 'errors.taxCodeChecksum' : 'errors.invalidTaxCode' });
  });

export const enterpriseSchema = z.object({
  name: text(300),
  taxCode,
  type: z.enum(ENTERPRISE_TYPES, { error: 'errors.invalidChoice' }),
  foreignInvested: checkbox,
  address: text(500),
  managingUnitId: z.coerce.number({ error: 'errors.invalidChoice' }).int({ error: 'errors.invalidChoice' }).positive({ error: 'errors.invalidChoice' }),
  zone: optionalText(200),
  workforce: wholeNumber,
  hasTradeUnion: checkbox,
  tradeUnionUnitId: optionalId,
  hasYouthUnion: checkbox,
  youthUnionUnitId: optionalId,
  ownerName: optionalText(200),
  ownerIsMember: checkbox,
  partyUnitId: optionalId,
  status: z.enum(ENTERPRISE_STATUSES, { error: 'errors.invalidChoice' }),
});
export type EnterpriseForm = z.output<typeof enterpriseSchema>;
