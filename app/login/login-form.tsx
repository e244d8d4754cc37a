'use client';

import { ActionForm, Field } from '@/components/action-form';
import { loginAction } from './actions';

export function LoginForm({ labels }: { labels: Record<'username' | 'password' | 'submit' | 'pending', string> }) {
  return (
    <ActionForm action={loginAction} submitLabel={labels.submit} labels={{ pending: labels.pending }} testId="login-form">
      <Field name="username" label={labels.username} autoComplete="username" required />
      <Field name="password" label={labels.password} type="password" autoComplete="current-password" required />
    </ActionForm>
  );
}
