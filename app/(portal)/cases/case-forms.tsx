'use client';

import { ActionForm, confirmLabels, Field, FieldGrid, HiddenFields, useFormState } from '@/components/action-form';
import { Disclosure } from '@/components/page-chrome';
import { PersonFields } from '@/components/person-fields';
import { SearchPicker, type PickerLabels } from '@/components/search-picker';
import { stepInputs, type TransitionName } from '@/lib/admission/workflow';
import { attachDocumentAction, createReferralAction, replacePaperFilesAction, transitionAction } from './actions';

type Option = { value: string; label: string };
type L = Record<string, string>;
export function ReferralForm({ l, pick, today }: { l: L; pick: PickerLabels; today: string }) {
  return (
    <ActionForm action={createReferralAction} submitLabel={l.submit} labels={confirmLabels(l)} testId="referral-form">
      <FieldGrid>
        <PersonFields l={l} />
        <Field name="workplace" label={l.workplace} required />
        <SearchPicker name="cellUnitId" label={l.cell} source="/api/pick/referral-cells" labels={pick} required />
        <Field name="certificateNo" label={l.certificateNo} />
        <Field name="certificateIssuedOn" label={l.certificateIssuedOn} type="date" hint={`dd/mm/yyyy · ${today}`} />
      </FieldGrid>
      <Field name="confirmNotDuplicate" label={l.confirmNotDuplicate} type="checkbox" />
    </ActionForm>
  );
}

/** A refusal before sending when the chosen files together exceed `maxBytes` (the server checks again). */
function sizeCheck(maxBytes: number, message: string) {
  return (form: HTMLFormElement) => {
    const input = form.elements.namedItem('files') as HTMLInputElement | null;
    const total = Array.from(input?.files ?? []).reduce((n, f) => n + f.size, 0);
    return total > maxBytes ? message : null;
  };
}

export type PaperFormText = { files: string; filesHint: string; onFileReason: string; onFileHint: string; tooLargeHere: string; accept: string; maxBytes: number };

export function AttachForm({ l, p, caseId, kinds, canRecordOnFile }: { l: L; p: PaperFormText; caseId: number; kinds: Option[]; canRecordOnFile: boolean }) {
  return (
    <ActionForm action={attachDocumentAction} submitLabel={l.attachSubmit} labels={confirmLabels(l)} testId="attach-form" checkBeforeSend={sizeCheck(p.maxBytes, p.tooLargeHere)}>
      <input type="hidden" name="caseId" value={caseId} />
      <FieldGrid>
        <Field name="kind" label={l.docKind} type="select" options={kinds} required />
        <Field name="files" label={p.files} type="file" accept={p.accept} multiple hint={p.filesHint} required={!canRecordOnFile} />
        <Field name="title" label={l.docTitle} />
        <Field name="number" label={l.docNumber} />
        <Field name="issuedOn" label={l.docIssuedOn} type="date" />
      </FieldGrid>
      {canRecordOnFile ? <Field name="onFileReason" label={p.onFileReason} hint={p.onFileHint} type="textarea" /> : null}
    </ActionForm>
  );
}

export function ReplaceFilesForm({ l, p, caseId, documentId, submitLabel }: { l: L; p: PaperFormText; caseId: number; documentId: number; submitLabel: string }) {
  return (
    <ActionForm action={replacePaperFilesAction} submitLabel={submitLabel} labels={confirmLabels(l)} testId={`replace-form-${documentId}`} checkBeforeSend={sizeCheck(p.maxBytes, p.tooLargeHere)}>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="documentId" value={documentId} />
      <Field name="files" label={p.files} type="file" accept={p.accept} multiple hint={p.filesHint} required />
    </ActionForm>
  );
}

/** Override fields appear for the checks the server found failing (leaders only may use them). */
function OverrideFields({ l }: { l: L }) {
  const state = useFormState();
  const failing = Object.keys(state.fieldErrors ?? {}).filter((k) => k.startsWith('override_'));
  if (!failing.length) return null;
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="override-fields">
      {failing.map((name) => (
        <Field key={name} name={name} label={l.overrideHint} type="textarea" />
      ))}
    </div>
  );
}

export function TransitionForm({
  l,
  caseId,
  version,
  transition,
  title,
  today,
  danger,
  confirmText,
  missing,
}: {
  l: L;
  /** The papers this step still needs, by their Vietnamese names (the server refuses the step without them). */
  missing?: string;
  caseId: number;
  version: number;
  transition: TransitionName;
  title: string;
  today: string;
  danger?: boolean;
  confirmText?: string;
}) {
  // The inputs the step's form shows are the workflow's (which the data layer records).
  const fields = stepInputs(transition);
  return (
    <Disclosure title={title} testId={`action-${transition}`} open={transition !== 'return' && transition !== 'reject'}>
      {missing ? (
        <p className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="missing-papers">
          {missing}
        </p>
      ) : null}
      <ActionForm action={transitionAction} submitLabel={title} labels={confirmLabels(l)} danger={danger} confirmText={confirmText}>
        <HiddenFields values={{ caseId, version }} />
        <input type="hidden" name="transition" value={transition} />
        <FieldGrid>
          <Field name="effectiveOn" label={l.effectiveOn} type="date" defaultValue={today} required />
          {fields.includes('decisionNo') ? <Field name="decisionNo" label={l.decisionNo} required /> : null}
          {fields.includes('votes') ? (
            <>
              <Field name="votesFor" label={l.votesFor} type="number" required />
              <Field name="eligible" label={l.eligible} type="number" required />
            </>
          ) : null}
        </FieldGrid>
        {fields.includes('reason') ? <Field name="reason" label={l.reason} type="textarea" required /> : null}
        {fields.includes('sponsors') ? (
          <>
            <Field name="sponsors" label={l.sponsors} type="textarea" required />
            <Field name="withUnionResolution" label={l.withUnionResolution} type="checkbox" defaultValue="on" />
          </>
        ) : null}
        {fields.includes('removal') ? <Field name="proposesRemoval" label={l.proposesRemoval} type="checkbox" /> : null}
        <OverrideFields l={l} />
      </ActionForm>
    </Disclosure>
  );
}
