import Link from 'next/link';
import { countUnreadNotifications } from '@/lib/dal/notifications';
import { getT } from '@/lib/i18n/server';

/** The header's bell: a link to the user's notifications, with the number unread. */
export async function NotificationBell() {
  const [unread, t] = await Promise.all([countUnreadNotifications(), getT()]);
  const label = unread > 0 ? t('nav.notificationsUnread', { n: unread }) : t('nav.notifications');
  return (
    <Link href="/notifications" className="relative inline-flex items-center rounded p-1 hover:bg-red-800" aria-label={label} title={label} data-testid="notification-bell">
      <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread > 0 ? (
        <span aria-hidden className="absolute -right-1 -top-1 min-w-5 rounded-full bg-amber-400 px-1 text-center text-xs font-bold text-red-950" data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}

/** The header's link to the user's own account page (e-mail and reminder settings). */
export async function ProfileLink() {
  const t = await getT();
  return (
    <Link href="/profile" className="inline-flex items-center rounded p-1 hover:bg-red-800" aria-label={t('nav.profile')} title={t('nav.profile')} data-testid="profile-link">
      <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <circle cx="12" cy="8" r="4" />
        <path d="M4 21c0-4 4-6 8-6s8 2 8 6" />
      </svg>
    </Link>
  );
}
