import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditTabs } from '@/components/audit/audit-tabs';
import { LogFilters } from '@/components/audit/log-filters';
import { FigureFilter } from '@/components/figure-filter';
import { Pager } from '@/components/pager';
import { SearchPicker } from '@/components/search-picker';
import { accessedPersonName, listPersonAccess, type PersonAccessFilter } from '@/lib/dal/access-log';
import { getUserOption } from '@/lib/dal/users';
import { formatDate, formatDateTime } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { cleanParams, orNotFound, pageParams, pagerText, periodParams, pickerLabels } from '@/lib/page';
import { param, parseParams } from '@/lib/validation';
import { logFilterText } from '../text';
import { EmptyState } from '@/components/empty-state';

export const metadata: Metadata = { title: 'Ai đã xem hồ sơ cá nhân' };

type Params = Record<'user' | 'userLabel' | 'person' | 'from' | 'to' | 'after' | 'before' | 'n', string | undefined>;

export default async function PersonAccessPage({ searchParams }: { searchParams: Promise<Params> }) {
  const p = cleanParams(await searchParams);
  const ids = parseParams(p, { user: param.id, person: param.id });
  const { request, n } = pageParams(p);
  const period = periodParams(p);
  const filter: PersonAccessFilter = { userId: ids.user, personId: ids.person, from: period.from, to: period.to };
  const [page, t, userChosen, personName] = await Promise.all([
    orNotFound(listPersonAccess(filter, request)),
    getT(),
    filter.userId ? getUserOption(filter.userId) : null,
    filter.personId ? accessedPersonName(filter.personId) : null,
  ]);
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const withPerson = (id: number) =>
    `/audit/access?${new URLSearchParams({ ...(p.user ? { user: p.user } : {}), ...(p.from ? { from: p.from } : {}), ...(p.to ? { to: p.to } : {}), person: String(id) })}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-red-900">{t('audit.title')}</h1>
      <AuditTabs current="access" labels={{ changes: t('audit.tab.changes'), access: t('audit.tab.access') }} />
      <p className="text-sm text-stone-600">{t('access.help')}</p>
      {filter.personId ? (
        <FigureFilter
          testId="access-person-filter"
          text={t('access.filter.person', { name: personName ?? `#${filter.personId}` })}
          clearHref="/audit/access"
          clearLabel={t('enterprises.filter.clear')}
        />
      ) : null}
      <LogFilters testId="access-filters" from={p.from} to={p.to} unread={period.unread} clearHref="/audit/access" filtered={filtered} text={logFilterText(t)}>
        {filter.personId ? <input type="hidden" name="person" value={filter.personId} /> : null}
        <SearchPicker name="user" label={t('access.filter.user')} source="/api/pick/users" defaultValue={userChosen} labels={pickerLabels(t)} testId="access-user" />
      </LogFilters>
      {page.items.length === 0 ? (
        <EmptyState testId="access-empty">{t(filtered ? 'access.emptyFiltered' : 'access.empty')}</EmptyState>
      ) : (
        <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="access-list">
          {page.items.map((a) => (
            <li key={a.id} className="grid gap-1 p-3 text-sm sm:grid-cols-[10rem_1fr_1fr]" data-testid="access-entry">
              <span className="text-stone-500 tabular-nums">{formatDateTime(a.at)}</span>
              <span>
                <span className="sr-only">{t('access.col.user')}: </span>
                {a.userName}
                <span className="block text-xs text-stone-500">{a.unitName}</span>
              </span>
              <span>
                <span className="sr-only">{t('access.col.person')}: </span>
                <Link href={withPerson(a.personId)} className="text-red-900 underline-offset-2 hover:underline" title={t('access.personFilterTitle')}>
                  {a.personName}
                </Link>
                <span className="block text-xs text-stone-500">{formatDate(a.personBirthDate)}</span>
                {a.fileName ? (
                  <span className="block break-all text-xs text-stone-600" data-testid="access-file">
                    {t('access.openedFile', { name: a.fileName })}
                  </span>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      )}
      <Pager page={page} path="/audit/access" params={p} n={n} text={pagerText(t, page, n)} />
    </div>
  );
}
