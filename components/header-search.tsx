import { getT } from '@/lib/i18n/server';
import { SearchShortcut } from './search-shortcut';

export const HEADER_SEARCH_ID = 'header-search';

/**
 * The search box of every page: a plain GET form to /search (it works before the page's scripts
 * run), focused from anywhere by "/" or Ctrl+K (SearchShortcut).
 */
export async function HeaderSearch() {
  const t = await getT();
  return (
    <form action="/search" method="get" role="search" className="min-w-0 flex-1 basis-48 sm:max-w-xs" data-testid="header-search">
      <label htmlFor={HEADER_SEARCH_ID} className="sr-only">
        {t('search.label')}
      </label>
      <input
        id={HEADER_SEARCH_ID}
        name="q"
        type="search"
        autoComplete="off"
        enterKeyHint="search"
        placeholder={t('search.placeholder')}
        aria-keyshortcuts="/ Control+K"
        className="w-full rounded-md border border-red-200/40 bg-red-950/40 px-3 py-1.5 text-sm text-white placeholder:text-red-100/80 focus:bg-white focus:text-stone-900 focus:placeholder:text-stone-500 focus:outline-none focus:ring-2 focus:ring-amber-300"
      />
      <SearchShortcut inputId={HEADER_SEARCH_ID} />
    </form>
  );
}
