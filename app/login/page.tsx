import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { LanguageSwitch } from '@/components/language-switch';
import { getCurrentUser } from '@/lib/dal/session';
import { safeNextPath } from '@/lib/auth/next-path';
import { getT } from '@/lib/i18n/server';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Đăng nhập' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ expired?: string; next?: string | string[] }> }) {
  await connection();
  const { expired, next: asked } = await searchParams;
  const next = safeNextPath(asked);
  if (await getCurrentUser()) redirect(next);
  const t = await getT();
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-red-900 via-red-800 to-amber-700 p-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-2xl">
        <div className="mb-6 text-center">
          <div className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-full bg-red-800 text-2xl text-amber-300" aria-hidden>
            ★
          </div>
          <h1 className="text-2xl font-bold text-red-900">{t('app.name')}</h1>
          <p className="mt-1 text-sm text-stone-600">{t('app.tagline')}</p>
        </div>
        {expired ? (
          <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="session-expired">
            {t('login.expired')}
          </p>
        ) : null}
        <h2 className="mb-4 text-lg font-semibold">{t('login.title')}</h2>
        <LoginForm next={next} labels={{ username: t('login.username'), password: t('login.password'), submit: t('login.submit'), pending: t('login.pending') }} />
        <LanguageSwitch className="mt-6 text-center text-stone-600" />
      </div>
    </main>
  );
}
