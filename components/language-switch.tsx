import { setLanguageAction } from '@/app/login/actions';
import { getLocale, getT } from '@/lib/i18n/server';

/** Switches between Vietnamese and English (a cookie); the page re-renders in place. */
export async function LanguageSwitch({ className = '' }: { className?: string }) {
  const locale = await getLocale();
  const t = await getT();
  return (
    <form action={setLanguageAction} className={className}>
      <input type="hidden" name="lang" value={locale === 'vi' ? 'en' : 'vi'} />
      <button type="submit" className="text-sm underline-offset-2 hover:underline" data-testid="language-switch">
        {t('nav.language')}
      </button>
    </form>
  );
}
