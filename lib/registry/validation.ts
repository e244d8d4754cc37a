import { z } from 'zod';
import { checkbox, checkNationalId, id, isoDate, optionalDate, optionalId, optionalText, personFields, text, wholeNumber } from '@/lib/validation';
import { ENTERPRISE_STATUSES, ENTERPRISE_TYPES, OCCUPATIONS } from './kinds';
import { compactTaxCode, taxCodeProblem } from './tax-code';

/** Form schemas of the enterprise registry. */

/** A workforce: at most ten million (the largest employers have a few hundred thousand). */
const workforce = wholeNumber(10_000_000);

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
  managingUnitId: id,
  zone: optionalText(200),
  workforce,
  hasTradeUnion: checkbox,
  tradeUnionUnitId: optionalId,
  hasYouthUnion: checkbox,
  youthUnionUnitId: optionalId,
  ownerName: optionalText(200),
  ownerIsMember: checkbox,
  partyUnitId: optionalId,
  status: z.enum(ENTERPRISE_STATUSES, { error: 'errors.invalidChoice' }),
});

export const memberSchema = z
  .object({
    ...personFields,
    cellUnitId: id,
    enterpriseId: optionalId,
    occupation: z.enum(OCCUPATIONS, { error: 'errors.invalidChoice' }),
    admittedOn: isoDate,
    officialOn: optionalDate,
    cardNo: optionalText(30),
    /** For a member admitted before the portal: the admission decision's number. */
    admissionDecisionNo: optionalText(100),
    confirmNotDuplicate: checkbox,
  })
  .superRefine((v, ctx) => {
    checkNationalId(v, ctx);
    if (v.officialOn && v.officialOn < v.admittedOn) ctx.addIssue({ code: 'custom', path: ['officialOn'], message: 'errors.officialBeforeAdmitted' });
  })
  .transform((v) => ({ ...v, officialOn: v.officialOn || undefined, nationalId: v.nationalId || undefined }));
