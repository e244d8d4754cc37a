'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { getT } from '@/lib/i18n/server';
import { CHECKS, DOCUMENT_KINDS, TRANSITIONS } from '@/lib/admission/workflow';
import { applyTransition } from '@/lib/dal/admission';
import { createReferral } from '@/lib/dal/referrals';
import { attachDocument, replacePaperFiles, type UploadedFile } from '@/lib/dal/papers';
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
  title: optionalText(300),
  number: optionalText(100),
  issuedOn: optionalDate,
  onFileReason: optionalText(2000),
});

/** The files a form posted under `files` (an empty file input posts one nameless empty file: dropped). */
async function uploadedFiles(formData: FormData): Promise<UploadedFile[]> {
  const files = formData.getAll('files').filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ''));
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export async function attachDocumentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getT();
  const state = await runAction(
    attachSchema,
    formData,
    async (d) =>
      attachDocument({
        ...d,
        // An untitled paper is called by its kind, as officials call it.
        title: d.title || t(`doc.${d.kind}`),
        issuedOn: d.issuedOn || undefined,
        onFileReason: d.onFileReason || undefined,
        files: await uploadedFiles(formData),
      }),
    'case.attachDone',
  );
  if (state.ok) revalidatePath('/cases', 'layout');
  return state;
}

const replaceSchema = z.object({ caseId: id, documentId: id });

export async function replacePaperFilesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(replaceSchema, formData, async (d) => replacePaperFiles({ ...d, files: await uploadedFiles(formData) }), 'papers.replaceDone');
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
      sponsors: f.sponsors
        ? f.sponsors
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
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
