import type { Metadata } from 'next';
import { PlainTable, RowLink } from '@/components/card-table';
import Link from 'next/link';
import { BackLink, PageTitle } from '@/components/page-chrome';
import { listPriorityEnterprises } from '@/lib/dal/enterprises';
import { getT } from '@/lib/i18n/server';
import { EmptyState } from '@/components/empty-state';

export const metadata: Metadata = { title: 'Ưu tiên thành lập tổ chức đảng' };

export default async function PriorityPage() {
  const [{ items, minMembers }, t] = await Promise.all([listPriorityEnterprises(), getT()]);
  return (
    <div className="space-y-4">
      <BackLink href="/enterprises">{t('enterprises.title')}</BackLink>
      <PageTitle title={t('priority.title')}>
        {items.length ? (
          // A file download from a route handler: a plain link, not a client-side navigation.
          // eslint-disable-next-line @next/next/no-html-link-for-pages
          <a href="/enterprises/priority/export" className="ml-auto rounded-md border border-red-800 px-4 py-2 text-sm font-semibold text-red-900 hover:bg-red-50" data-testid="priority-export">
            {t('priority.download')}
          </a>
        ) : null}
      </PageTitle>
      <p className="text-sm text-stone-600">{t('priority.help', { min: minMembers })}</p>
      {items.length === 0 ? (
        <EmptyState>{t('priority.empty')}</EmptyState>
      ) : (
        <PlainTable
          head={[
            { label: t('priority.rank') },
            { label: t('enterprises.name') },
            { label: t('priority.officialMembers'), align: 'right' },
            { label: t('enterprises.workforce'), align: 'right' },
            { label: t('priority.score'), align: 'right' },
            { label: t('priority.lastMeeting') },
          ]}
          testId="priority-table"
          cell="px-3 py-2"
        >
          {items.map((e) => (
            <tr key={e.id} className={e.ready ? 'bg-green-50' : ''}>
              <td className="px-3 py-2 tabular-nums">{e.rank}</td>
              <td className="px-3 py-2">
                <RowLink href={`/enterprises/${e.id}`}>{e.name}</RowLink>
                <div className="text-xs text-stone-500">
                  {[e.managingUnitName, e.zone, e.foreignInvested ? 'FDI' : null, e.hasTradeUnion ? t('enterprises.union') : null].filter(Boolean).join(' · ')}
                </div>
                {e.ready ? (
                  <div className="mt-1 flex items-center gap-2">
                    <span className="rounded bg-green-700 px-1.5 py-0.5 text-xs font-semibold text-white">{t('priority.readyBadge')}</span>
                    <Link href={`/enterprises/${e.id}/found`} className="text-xs text-red-800 underline">
                      {t('priority.propose')}
                    </Link>
                  </div>
                ) : null}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {e.officialMembers}
                {e.surveyedMembers !== null ? <div className="text-xs text-stone-500">{t('priority.surveyed', { n: e.surveyedMembers })}</div> : null}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{e.workforce.toLocaleString('vi-VN')}</td>
              <td className="px-3 py-2 text-right tabular-nums">{e.priorityScore}</td>
              <td className="px-3 py-2">{e.lastMeetingOutcome ? t(`meeting.outcome.${e.lastMeetingOutcome}`) : '—'}</td>
            </tr>
          ))}
        </PlainTable>
      )}
    </div>
  );
}
