import Link from 'next/link';
import { connection } from 'next/server';
import { logoutAction } from '@/app/login/actions';
import { HeaderSearch } from '@/components/header-search';
import { LanguageSwitch } from '@/components/language-switch';
import { NavMenu } from '@/components/nav-menu';
import { NotificationBell, ProfileLink } from '@/components/notification-bell';
import { requireUser } from '@/lib/dal/session';
import { canManageUsers } from '@/lib/dal/users';
import { countInbox } from '@/lib/dal/case-lists';
import { getT } from '@/lib/i18n/server';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const user = await requireUser();
  const t = await getT();
  const [showUsers, inbox] = await Promise.all([canManageUsers(), countInbox()]);
  const links: { href: string; label: string; testId?: string; badge?: number }[] = [
    { href: '/', label: t('nav.home') },
    { href: `/units/${user.unitId}`, label: t('nav.units') },
    { href: '/enterprises', label: t('nav.enterprises') },
    { href: '/members', label: t('nav.members') },
    { href: '/reports', label: t('nav.reports') },
    { href: '/cases', label: t('nav.cases') },
    { href: '/cases/inbox', label: t('nav.inbox'), testId: 'nav-inbox', badge: inbox },
    { href: '/rules', label: t('nav.rules') },
    ...(showUsers
      ? [
          { href: '/users', label: t('nav.users') },
          { href: '/audit', label: t('nav.audit') },
        ]
      : []),
  ];
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t('nav.skip')}
      </a>
      <header className="no-print relative z-20 bg-red-900 text-white shadow">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <Link href="/" className="flex shrink-0 items-center gap-2 text-lg font-bold">
            <span className="text-amber-300" aria-hidden>
              ★
            </span>
            {t('app.name')}
          </Link>
          {/* Slot for tools every page carries (the notification bell, the search box): beside the
              menu button on a phone, after the user box on a wide screen. */}
          <div className="ml-auto flex items-center gap-2 lg:order-last lg:ml-0" data-testid="header-tools">
            <NotificationBell />
            <ProfileLink />
          </div>
          <NavMenu label={t('nav.menu')}>
            <div className="absolute inset-x-0 top-full flex max-h-[calc(100dvh-4rem)] flex-col gap-4 overflow-y-auto bg-red-900 px-4 pb-4 pt-2 shadow-lg lg:static lg:max-h-none lg:flex-row lg:items-center lg:gap-6 lg:overflow-visible lg:p-0 lg:shadow-none">
              <nav className="flex flex-col gap-1 text-sm lg:min-w-0 lg:flex-1 lg:flex-row lg:flex-wrap lg:gap-x-4 lg:gap-y-1" aria-label={t('nav.main')}>
                {links.map((l) => (
                  <Link key={l.href} href={l.href} className="rounded px-2 py-2 hover:bg-red-800 hover:underline lg:px-0 lg:py-0 lg:hover:bg-transparent" data-testid={l.testId}>
                    {l.label}
                    {l.badge ? (
                      <span className="ml-1 rounded-full bg-amber-400 px-1.5 text-xs font-bold text-red-950" data-testid="inbox-count">
                        {l.badge}
                      </span>
                    ) : null}
                  </Link>
                ))}
              </nav>
              <div className="flex flex-wrap items-center gap-4 border-t border-red-200/30 pt-3 text-sm lg:ml-auto lg:shrink-0 lg:flex-nowrap lg:border-0 lg:pt-0">
                <span className="leading-tight lg:max-w-56 lg:text-right" data-testid="current-user">
                  <span className="block font-semibold">{user.fullName}</span>
                  <span className="block text-xs text-red-100">
                    {t(`role.${user.role}`)} · {user.unitName}
                  </span>
                </span>
                <LanguageSwitch />
                <form action={logoutAction}>
                  <button type="submit" className="whitespace-nowrap rounded border border-red-200/50 px-3 py-1 hover:bg-red-800" data-testid="logout">
                    {t('nav.logout')}
                  </button>
                </form>
              </div>
            </div>
          </NavMenu>
          {/* Its own full row on a phone and a narrow screen; beside the menu where there is room. */}
          <div className="order-last flex w-full lg:order-none lg:w-auto">
            <HeaderSearch />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
