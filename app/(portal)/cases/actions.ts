'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { CHECKS, DOCUMENT_KINDS, TRANSITIONS } from '@/lib/admission/workflow';
import { applyTransition, attachDocument, createReferral } from '@/lib/dal/admission';
import { checkbox, checkNationalId, id, optionalDate, optionalText, optionalWholeNumber, personFields, text, version } from '@/lib/validation';

const referralSchema = z
  .object({
    ...personFields,
    workplace: text(300),
    cellUnitId: id,
    certificateNo: optionalText(100),
    certificateIssuedOn: optionalDate,
    confirmNotDuplicate: checkbox,
  })
  .superRefine(checkNationalId);

export async function createReferralAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let caseId = 0;
  const state = await runAction(
    referralSchema,
    formData,
    async (data) => ({ caseId } = await createReferral({ ...data, certificateIssuedOn: data.certificateIssuedOn || undefined })),
    'referral.done',
  );
  if (!state.ok) return state;
  revalidatePath('/cases', 'layout');
  redirect(`/cases/${caseId}`);
}

const attachSchema = z.object({
  caseId: id,
  kind: z.enum(DOCUMENT_KINDS, { error: 'errors.invalidChoice' }),
  title: text(300),
  number: optionalText(100),
  issuedOn: optionalDate,
});

export async function attachDocumentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(attachSchema, formData, (d) => attachDocument({ ...d, issuedOn: d.issuedOn || undefined }), 'case.attachDone');
  if (state.ok) revalidatePath('/cases', 'layout');
  return state;
}

const count = optionalWholeNumber(1_000_000);

const transitionSchema = z
  .object({
    caseId: id,
    version,
    transition: z.enum(TRANSITIONS, { error: 'errors.invalidChoice' }),
    effectiveOn: optionalDate,
    reason: optionalText(2000),
    votesFor: count,
    eligible: count,
    sponsors: optionalText(2000),
    withUnionResolution: checkbox,
    decisionNo: optionalText(100),
    proposesRemoval: checkbox,
    ...Object.fromEntries(CHECKS.map((c) => [`override_${c}`, optionalText(2000)])),
  })
  .transform((f) => {
    const raw = f as Record<string, unknown>;
    return {
      caseId: f.caseId,
      version: f.version,
      transition: f.transition,
      effectiveOn: f.effectiveOn || undefined,
      reason: f.reason || undefined,
      votesFor: f.votesFor,
      eligible: f.eligible,
      sponsors: f.sponsors ? f.sponsors.split('\n').map((s) => s.trim()).filter(Boolean) : undefined,
      withUnionResolution: f.withUnionResolution,
      decisionNo: f.decisionNo || undefined,
      proposesRemoval: f.proposesRemoval,
      overrides: Object.fromEntries(CHECKS.map((c) => [c, raw[`override_${c}`] as string]).filter(([, v]) => v)),
    };
  });

export async function transitionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(transitionSchema, formData, applyTransition, 'case.stepDone');
  if (state.ok) revalidatePath('/', 'layout');
  return state;
}
