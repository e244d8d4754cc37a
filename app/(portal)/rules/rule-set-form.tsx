'use client';

import { ActionForm, Field, FieldGrid } from '@/components/action-form';
import { createRuleSetAction } from './actions';

export function RuleSetForm({ fields, labels, defaults }: { fields: { name: string; label: string }[]; labels: Record<string, string>; defaults: Record<string, string> }) {
  return (
    <ActionForm
      action={createRuleSetAction}
      submitLabel={labels.submit}
      labels={{ pending: labels.pending, confirm: labels.confirm, cancel: labels.cancel, confirmTitle: labels.confirmTitle }}
      confirmText={labels.confirmText}
      testId="ruleset-create"
    >
      <FieldGrid>
        <Field name="effectiveFrom" label={labels.effectiveFrom} type="date" defaultValue={defaults.effectiveFrom} required />
        <Field name="label" label={labels.label} required />
        <div className="sm:col-span-2">
          <Field name="reason" label={labels.reason} hint={labels.reasonHint} type="textarea" />
        </div>
        {fields.map((f) => (
          <Field key={f.name} name={f.name} label={f.label} defaultValue={defaults[f.name]} required />
        ))}
      </FieldGrid>
    </ActionForm>
  );
}
