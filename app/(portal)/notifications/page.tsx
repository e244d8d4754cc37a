import type { Metadata } from 'next';
import Link from 'next/link';
import { Pager } from '@/components/pager';
import { listNotifications } from '@/lib/dal/notifications';
import { formatDate, formatDateTime } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { cleanParams, pageParams, pagerText, totalText } from '@/lib/page';
import { openNotificationAction, readAllNotificationsAction } from './actions';

export const metadata: Metadata = { title: 'Thông báo' };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ show?: string; after?: string; before?: string; n?: string }> }) {
  const p = cleanParams(await searchParams);
  const { request, n } = pageParams(p);
  const unread = p.show === 'unread';
  const [page, t] = await Promise.all([listNotifications(request, { unread }), getT()]);
  const tab = (on: boolean) => `rounded px-3 py-1 ${on ? 'bg-red-900 text-white' : 'border border-stone-300 hover:bg-stone-100'}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-red-900">{t('notify.title')}</h1>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <nav aria-label={t('notify.filterLabel')} className="flex gap-2">
          <Link href="/notifications" className={tab(!unread)} aria-current={!unread ? 'page' : undefined}>
            {t('notify.filterAll')}
          </Link>
          <Link href="/notifications?show=unread" className={tab(unread)} aria-current={unread ? 'page' : undefined}>
            {t('notify.filterUnread')}
          </Link>
        </nav>
        <form action={readAllNotificationsAction} className="ml-auto">
          <button type="submit" className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100" data-testid="read-all">
            {t('notify.readAll')}
          </button>
        </form>
      </div>
      {page.items.length ? (
        <>
          <p className="text-sm text-stone-600" data-testid="notifications-total">
            {t('notify.count', { n: totalText(t, page) })}
          </p>
          <ul className="space-y-2" data-testid="notifications">
            {page.items.map((item) => (
              <li
                key={item.id}
                className={`rounded border p-3 ${item.read ? 'border-stone-200 bg-white' : 'border-amber-300 bg-amber-50'}`}
                data-testid="notification"
                data-kind={item.kind}
                data-read={item.read ? 'true' : 'false'}
              >
                <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                  <p className="font-semibold text-red-900">
                    {item.read ? null : <span className="mr-2 rounded bg-amber-400 px-1.5 text-xs font-bold text-red-950">{t('notify.unread')}</span>}
                    {t(`notify.kind.${item.kind}`)}
                  </p>
                  <p className="text-xs text-stone-500">{t('notify.at', { at: formatDateTime(item.createdAt) })}</p>
                </div>
                <p className="mt-1 break-words text-base">{item.fullName}</p>
                <p className="text-sm text-stone-700">
                  {t('notify.stage', { state: t(`state.${item.caseState}`) })}
                  {item.currentState !== item.caseState ? ` (${t('notify.stageNow', { state: t(`state.${item.currentState}`) })})` : null}
                  {item.dueOn ? (
                    <>
                      {' '}
                      · <span className={item.kind === 'overdue' ? 'font-semibold text-red-700' : undefined}>{t('notify.due', { date: formatDate(item.dueOn) })}</span>
                    </>
                  ) : null}
                </p>
                {item.note ? <p className="mt-1 break-words text-sm text-stone-700">{t('notify.reason', { reason: item.note })}</p> : null}
                <form action={openNotificationAction} className="mt-2">
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" className="rounded bg-red-900 px-3 py-1 text-sm text-white hover:bg-red-800">
                    {t('notify.open')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="rounded border border-dashed border-stone-300 p-4 text-stone-600" data-testid="notifications-empty">
          {t(unread ? 'notify.emptyUnread' : 'notify.empty')}
        </p>
      )}
      <Pager page={page} path="/notifications" params={p} n={n} text={pagerText(t, page, n)} />
      <p className="text-sm text-stone-600">
        {t('notify.mailHint')}{' '}
        <Link href="/profile" className="text-red-900 underline">
          {t('nav.profile')}
        </Link>
        .
      </p>
    </div>
  );
}
