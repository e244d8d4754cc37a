import type { Metadata } from 'next';
import { CaseList } from '@/components/case-list';
import { listInbox } from '@/lib/dal/admission';
import { getT } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'Chờ xử lý' };

export default async function InboxPage() {
  const [items, t] = await Promise.all([listInbox(), getT()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-red-900">{t('cases.inboxTitle')}</h1>
      <CaseList items={items} t={t} testId="inbox-table" emptyText={t('cases.inboxEmpty')} />
    </div>
  );
}
