'use client';

import { ActionForm, Field, HiddenFields } from '@/components/action-form';
import { SearchPicker, type PickerLabels } from '@/components/search-picker';
import { createUnitAction, dissolveUnitAction, mergeUnitAction, moveUnitAction, updateUnitAction } from './actions';

type Option = { value: string; label: string; disabled?: boolean };

export type UnitAdminProps = {
  unit: { id: number; version: number; name: string; code: string; description: string | null };
  today: string;
  allowed: { create: boolean; update: boolean; move: boolean; merge: boolean; dissolve: boolean };
  kindOptions: Option[];
  /** Picker sources: units that may take this one in, and units it may merge into (never itself or below). */
  moveSource: string;
  mergeSource: string;
  pick: PickerLabels;
  text: Record<string, string>;
};

function Card({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm" data-testid={testId}>
      <h3 className="mb-4 font-semibold text-stone-900">{title}</h3>
      {children}
    </section>
  );
}

/** The administrator's forms for one unit; the server re-checks every one of them. */
export function UnitAdmin({ unit, today, allowed, kindOptions, moveSource, mergeSource, pick, text: L }: UnitAdminProps) {
  const labels = { pending: L.pending, confirm: L.confirm, cancel: L.cancel, confirmTitle: L.confirmTitle };
  const hidden = (
    <>
      <HiddenFields values={{ id: unit.id, version: unit.version }} />
    </>
  );
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {allowed.create ? (
        <Card title={L.createTitle} testId="unit-create">
          <ActionForm action={createUnitAction} submitLabel={L.createSubmit} labels={labels}>
            <input type="hidden" name="parentId" value={unit.id} />
            <Field name="kind" label={L.kind} type="select" options={kindOptions} required />
            <Field name="name" label={L.name} required />
            <Field name="code" label={L.code} hint={L.codeHint} />
            <Field name="effectiveOn" label={L.effectiveOn} type="date" defaultValue={today} required />
            <Field name="description" label={L.description} type="textarea" />
          </ActionForm>
        </Card>
      ) : null}
      {allowed.update ? (
        <Card title={L.updateTitle} testId="unit-update">
          <ActionForm action={updateUnitAction} submitLabel={L.updateSubmit} labels={labels}>
            {hidden}
            <Field name="name" label={L.name} defaultValue={unit.name} required />
            <Field name="code" label={L.code} defaultValue={unit.code} required />
            <Field name="effectiveOn" label={L.effectiveOn} type="date" defaultValue={today} required />
            <Field name="description" label={L.description} type="textarea" defaultValue={unit.description ?? ''} />
          </ActionForm>
        </Card>
      ) : null}
      {allowed.move ? (
        <Card title={L.moveTitle} testId="unit-move">
          <ActionForm action={moveUnitAction} submitLabel={L.moveSubmit} labels={labels} confirmText={L.moveConfirm}>
            {hidden}
            <SearchPicker name="newParentId" label={L.moveTarget} source={moveSource} labels={pick} required />
            <Field name="effectiveOn" label={L.effectiveOn} type="date" defaultValue={today} required />
          </ActionForm>
        </Card>
      ) : null}
      {allowed.merge ? (
        <Card title={L.mergeTitle} testId="unit-merge">
          <p className="mb-3 text-sm text-stone-600">{L.mergeHelp}</p>
          <ActionForm action={mergeUnitAction} submitLabel={L.mergeSubmit} labels={labels} confirmText={L.mergeConfirm} danger>
            {hidden}
            <SearchPicker name="intoId" label={L.mergeTarget} source={mergeSource} labels={pick} required />
            <Field name="effectiveOn" label={L.effectiveOn} type="date" defaultValue={today} required />
          </ActionForm>
        </Card>
      ) : null}
      {allowed.dissolve ? (
        <Card title={L.dissolveTitle} testId="unit-dissolve">
          <p className="mb-3 text-sm text-stone-600">{L.dissolveHelp}</p>
          <ActionForm action={dissolveUnitAction} submitLabel={L.dissolveSubmit} labels={labels} confirmText={L.dissolveConfirm} danger>
            {hidden}
            <Field name="reason" label={L.dissolveReason} required />
            <Field name="effectiveOn" label={L.effectiveOn} type="date" defaultValue={today} required />
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
