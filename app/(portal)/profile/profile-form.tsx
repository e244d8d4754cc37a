'use client';

import { ActionForm, Field } from '@/components/action-form';
import { updateProfileAction } from './actions';

type Labels = Record<string, string>;

export function ProfileForm({ L, profile, digestOptions }: { L: Labels; profile: { email: string | null; digest: string }; digestOptions: { value: string; label: string }[] }) {
  return (
    <ActionForm action={updateProfileAction} submitLabel={L.submit} labels={{ pending: L.pending }} testId="profile-form">
      <Field name="email" label={L.email} hint={L.emailHint} defaultValue={profile.email ?? ''} autoComplete="email" />
      <Field name="digest" label={L.digest} type="select" options={digestOptions} defaultValue={profile.digest} required />
    </ActionForm>
  );
}
