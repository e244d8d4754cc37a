import Link from 'next/link';
import { getT } from '@/lib/i18n/server';

export default async function NotFound() {
  const t = await getT();
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="mb-3 text-2xl font-bold text-red-900" data-testid="not-found">
        {t('errors.notFound')}
      </h1>
      <p className="mb-6 text-stone-700">{t('errors.notFoundPage')}</p>
      <Link href="/" className="text-red-800 underline">
        {t('errors.backHome')}
      </Link>
    </main>
  );
}
