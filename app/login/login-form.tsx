'use client';

import { ActionForm, Field } from '@/components/action-form';
import { loginAction } from './actions';

/** `next`: the page to open after login (checked again by the action). */
export function LoginForm({ labels, next }: { labels: Record<'username' | 'password' | 'submit' | 'pending', string>; next: string }) {
  return (
    <ActionForm action={loginAction} submitLabel={labels.submit} labels={{ pending: labels.pending }} testId="login-form">
      {next !== '/' ? <input type="hidden" name="next" value={next} /> : null}
      <Field name="username" label={labels.username} autoComplete="username" required />
      <Field name="password" label={labels.password} type="password" autoComplete="current-password" required />
    </ActionForm>
  );
}
