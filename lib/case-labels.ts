import 'server-only';
import type { T } from '@/lib/i18n/server';
import type { MessageKey } from '@/lib/i18n/messages';

/** Labels for the case pages' client forms. */
export function caseFormText(t: T): Record<string, string> {
  const keys = ['fullName', 'birthDate', 'gender', 'male', 'female', 'nationalId', 'phone', 'workplace', 'cell', 'certificateNo', 'certificateIssuedOn', 'confirmNotDuplicate', 'submit'] as const;
  const caseKeys = [
    'docKind',
    'docTitle',
    'docNumber',
    'docIssuedOn',
    'attachSubmit',
    'effectiveOn',
    'reason',
    'votesFor',
    'eligible',
    'sponsors',
    'withUnionResolution',
    'decisionNo',
    'proposesRemoval',
    'overrideHint',
  ] as const;
  return {
    pending: t('form.pending'),
    confirm: t('form.confirm'),
    cancel: t('form.cancel'),
    confirmTitle: t('form.confirmTitle'),
    ...Object.fromEntries(keys.map((k) => [k, t(`referral.${k}` as MessageKey)])),
    ...Object.fromEntries(caseKeys.map((k) => [k, t(`case.${k}` as MessageKey)])),
  };
}
