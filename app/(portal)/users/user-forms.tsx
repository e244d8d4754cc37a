'use client';

import { ActionForm, Field, HiddenFields } from '@/components/action-form';
import { SearchPicker, type PickerLabels, type PickOption } from '@/components/search-picker';
import { createUserAction, resetPasswordAction, setUserActiveAction, updateUserAction, endUserSessionsAction } from './actions';

type Option = { value: string; label: string };
type Labels = Record<string, string>;

const formLabels = (L: Labels) => ({ pending: L.pending, confirm: L.confirm, cancel: L.cancel, confirmTitle: L.confirmTitle });

/** Any active unit of the admin's subtree. */
const UNITS = '/api/pick/units';

export function CreateUserForm({ L, pick, roleOptions, defaultUnit }: { L: Labels; pick: PickerLabels; roleOptions: Option[]; defaultUnit: PickOption | null }) {
  return (
    <ActionForm action={createUserAction} submitLabel={L.createSubmit} labels={formLabels(L)} testId="user-create">
      <Field name="fullName" label={L.fullName} required />
      <Field name="username" label={L.username} hint={L.usernameHint} autoComplete="off" required />
      <SearchPicker name="unitId" label={L.unit} source={UNITS} labels={pick} defaultValue={defaultUnit} required />
      <Field name="role" label={L.role} type="select" options={roleOptions} defaultValue="viewer" required />
      <Field name="password" label={L.password} hint={L.passwordHint} type="password" autoComplete="new-password" required />
    </ActionForm>
  );
}

export function EditUserForm({
  L,
  pick,
  user,
  roleOptions,
}: {
  L: Labels;
  pick: PickerLabels;
  user: { id: number; version: number; fullName: string; unitId: number; unitName: string; role: string };
  roleOptions: Option[];
}) {
  return (
    <ActionForm action={updateUserAction} submitLabel={L.editSubmit} labels={formLabels(L)} testId="user-edit">
      <HiddenFields values={{ id: user.id, version: user.version }} />
      <Field name="fullName" label={L.fullName} defaultValue={user.fullName} required />
      <SearchPicker name="unitId" label={L.unit} source={UNITS} labels={pick} defaultValue={{ value: String(user.unitId), label: user.unitName }} required />
      <Field name="role" label={L.role} type="select" options={roleOptions} defaultValue={user.role} required />
    </ActionForm>
  );
}

export function ActiveForm({ L, user }: { L: Labels; user: { id: number; version: number; active: boolean } }) {
  return (
    <ActionForm
      action={setUserActiveAction}
      submitLabel={user.active ? L.deactivateSubmit : L.activateSubmit}
      labels={formLabels(L)}
      confirmText={user.active ? L.deactivateConfirm : undefined}
      danger={user.active}
      testId="user-active"
    >
      <HiddenFields values={{ id: user.id, version: user.version }} />
      <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
    </ActionForm>
  );
}

export function ResetPasswordForm({ L, userId }: { L: Labels; userId: number }) {
  return (
    <ActionForm action={resetPasswordAction} submitLabel={L.resetSubmit} labels={formLabels(L)} confirmText={L.resetConfirm} testId="user-reset">
      <input type="hidden" name="id" value={userId} />
      <Field name="password" label={L.password} hint={L.passwordHint} type="password" autoComplete="new-password" required />
    </ActionForm>
  );
}

/** End every session of the user (after a lost phone or a shared computer), after a confirmation. */
export function EndSessionsForm({ L, userId }: { L: Labels; userId: number }) {
  return (
    <ActionForm action={endUserSessionsAction} submitLabel={L.endSessionsSubmit} labels={formLabels(L)} confirmText={L.endSessionsConfirm} danger testId="user-end-sessions">
      <input type="hidden" name="id" value={userId} />
      <p className="text-sm text-stone-600">{L.endSessionsHelp}</p>
    </ActionForm>
  );
}
