import type { Metadata } from 'next';
import { CaseList } from '@/components/case-list';
import { Pager } from '@/components/pager';
import { listInbox } from '@/lib/dal/admission';
import { getT } from '@/lib/i18n/server';
import { cleanParams, pageParams, pagerText, totalText } from '@/lib/page';

export const metadata: Metadata = { title: 'Chờ xử lý' };

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ after?: string; before?: string; n?: string }> }) {
  const p = cleanParams(await searchParams);
  const { request, n } = pageParams(p);
  const [page, t] = await Promise.all([listInbox(request), getT()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-red-900">{t('cases.inboxTitle')}</h1>
      {page.items.length ? (
        <p className="text-sm text-stone-600" data-testid="inbox-total">
          {t('cases.count', { n: totalText(t, page) })}
        </p>
      ) : null}
      <CaseList items={page.items} t={t} testId="inbox-table" emptyText={t('cases.inboxEmpty')} />
      <Pager page={page} path="/cases/inbox" params={p} n={n} text={pagerText(t, page, n)} />
    </div>
  );
}
