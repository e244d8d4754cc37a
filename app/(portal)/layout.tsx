import Link from 'next/link';
import { connection } from 'next/server';
import { logoutAction } from '@/app/login/actions';
import { HeaderSearch } from '@/components/header-search';
import { LanguageSwitch } from '@/components/language-switch';
import { NotificationBell, ProfileLink } from '@/components/notification-bell';
import { requireUser } from '@/lib/dal/session';
import { canManageUsers } from '@/lib/dal/users';
import { countInbox } from '@/lib/dal/admission';
import { getT } from '@/lib/i18n/server';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const user = await requireUser();
  const t = await getT();
  const [showUsers, inbox] = await Promise.all([canManageUsers(), countInbox()]);
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t('nav.skip')}
      </a>
      <header className="no-print bg-red-900 text-white shadow">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="flex items-center gap-2 text-lg font-bold">
            <span className="text-amber-300" aria-hidden>
              ★
            </span>
            {t('app.name')}
          </Link>
          {/* On a phone the links stay on one line and scroll sideways inside the bar, never widening the page. */}
          <nav className="flex min-w-0 max-w-full gap-4 overflow-x-auto whitespace-nowrap pb-1 text-sm" aria-label="Chính">
            <Link href="/" className="hover:underline">
              {t('nav.home')}
            </Link>
            <Link href={`/units/${user.unitId}`} className="hover:underline">
              {t('nav.units')}
            </Link>
            <Link href="/enterprises" className="hover:underline">
              {t('nav.enterprises')}
            </Link>
            <Link href="/members" className="hover:underline">
              {t('nav.members')}
            </Link>
            <Link href="/reports" className="hover:underline">
              {t('nav.reports')}
            </Link>
            <Link href="/cases" className="hover:underline">
              {t('nav.cases')}
            </Link>
            <Link href="/cases/inbox" className="hover:underline" data-testid="nav-inbox">
              {t('nav.inbox')}
              {inbox > 0 ? (
                <span className="ml-1 rounded-full bg-amber-400 px-1.5 text-xs font-bold text-red-950" data-testid="inbox-count">
                  {inbox}
                </span>
              ) : null}
            </Link>
            <Link href="/rules" className="hover:underline">
              {t('nav.rules')}
            </Link>
            {showUsers ? (
              <>
                <Link href="/users" className="hover:underline">
                  {t('nav.users')}
                </Link>
                <Link href="/audit" className="hover:underline">
                  {t('nav.audit')}
                </Link>
              </>
            ) : null}
          </nav>
          <HeaderSearch />
          <div className="ml-auto flex items-center gap-4 text-sm">
            <span className="text-right leading-tight" data-testid="current-user">
              <span className="block font-semibold">{user.fullName}</span>
              <span className="block text-xs text-red-100">
                {t(`role.${user.role}`)} · {user.unitName}
              </span>
            </span>
            <NotificationBell /><ProfileLink />
            <LanguageSwitch />
            <form action={logoutAction}>
              <button type="submit" className="rounded border border-red-200/50 px-3 py-1 hover:bg-red-800" data-testid="logout">
                {t('nav.logout')}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
