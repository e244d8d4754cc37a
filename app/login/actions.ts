'use server';

import { AuthError } from 'next-auth';
import { cookies } from 'next/headers';
import { signIn, signOut } from '@/lib/auth';
import { safeNextPath } from '@/lib/auth/next-path';
import { endCurrentSession } from '@/lib/dal/session';
import { LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES } from '@/lib/auth/policy';
import { getT, LOCALE_COOKIE } from '@/lib/i18n/server';
import type { FormState } from '@/components/action-form';

export async function loginAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getT();
  const username = String(formData.get('username') ?? '').trim();
  const password = String(formData.get('password') ?? '');
  if (!username || !password) {
    return {
      ok: false,
      message: t('login.required'),
      values: { username },
      fieldErrors: {
        ...(username ? {} : { username: t('errors.required') }),
        ...(password ? {} : { password: t('errors.required') }),
      },
    };
  }
  try {
    await signIn('credentials', { username, password, redirectTo: safeNextPath(formData.get('next')) });
    return { ok: true };
  } catch (err) {
    if (err instanceof AuthError) {
      const throttled = (err as { code?: string }).code === 'throttled';
      return {
        ok: false,
        values: { username },
        message: throttled ? t('login.throttled', { max: LOGIN_MAX_FAILURES, minutes: LOGIN_LOCK_MINUTES }) : t('login.invalid'),
      };
    }
    throw err; // the redirect after a successful sign-in
  }
}

export async function logoutAction(): Promise<void> {
  // The session ends on the server too: a copy of the cookie no longer opens anything.
  await endCurrentSession();
  await signOut({ redirectTo: '/login' });
}

export async function setLanguageAction(formData: FormData): Promise<void> {
  const lang = formData.get('lang') === 'en' ? 'en' : 'vi';
  (await cookies()).set(LOCALE_COOKIE, lang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
}
