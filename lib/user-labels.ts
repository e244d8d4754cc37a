import 'server-only';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/policy';
import { ROLES } from '@/lib/authz/roles';
import type { T } from '@/lib/i18n/server';

/** Labels and options shared by the user pages' client forms. */
export function userFormText(t: T, name = ''): Record<string, string> {
  return {
    pending: t('form.pending'),
    confirm: t('form.confirm'),
    cancel: t('form.cancel'),
    confirmTitle: t('form.confirmTitle'),
    fullName: t('users.fullName'),
    username: t('users.username'),
    usernameHint: t('users.usernameHint'),
    unit: t('users.unit'),
    role: t('users.role'),
    password: t('users.password'),
    passwordHint: t('users.passwordHint', { min: PASSWORD_MIN_LENGTH }),
    createSubmit: t('users.create.submit'),
    editSubmit: t('users.edit.submit'),
    deactivateSubmit: t('users.deactivate.submit'),
    deactivateConfirm: t('users.deactivate.confirm', { name }),
    activateSubmit: t('users.activate.submit'),
    resetSubmit: t('users.reset.submit'),
    resetConfirm: t('users.reset.confirm', { name }),
    endSessionsTitle: t('users.endSessions.title'),
    endSessionsHelp: t('users.endSessions.help'),
    endSessionsSubmit: t('users.endSessions.submit'),
    endSessionsConfirm: t('users.endSessions.confirm', { name }),
  };
}

export function roleOptions(t: T) {
  return ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
}
