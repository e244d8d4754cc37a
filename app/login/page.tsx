import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { LanguageSwitch } from '@/components/language-switch';
import { getCurrentUser } from '@/lib/dal/session';
import { getT } from '@/lib/i18n/server';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Đăng nhập' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ expired?: string }> }) {
  await connection();
  if (await getCurrentUser()) redirect('/');
  const t = await getT();
  const { expired } = await searchParams;
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
        <LoginForm
          labels={{ username: t('login.username'), password: t('login.password'), submit: t('login.submit'), pending: t('login.pending') }}
        />
        <LanguageSwitch className="mt-6 text-center text-stone-600" />
      </div>
    </main>
  );
}
