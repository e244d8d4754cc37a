import type { Metadata } from 'next';
import { PageTitle } from '@/components/page-chrome';
import Link from 'next/link';
import { listUsers } from '@/lib/dal/users';
import { getT } from '@/lib/i18n/server';
import { cleanParams, orNotFound, pageParams, pagerText, totalText } from '@/lib/page';
import { param, parseParams } from '@/lib/validation';
import { CardTable, RowLink } from '@/components/card-table';
import { Pager } from '@/components/pager';
import { EmptyState } from '@/components/empty-state';

export const metadata: Metadata = { title: 'Người dùng' };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string; unitId?: string; after?: string; before?: string; n?: string }> }) {
  const p = cleanParams(await searchParams);
  const { q } = p;
  const { request, n } = pageParams(p);
  const { unitId: unitFilter } = parseParams(p, { unitId: param.id });
  const page = await orNotFound(listUsers({ q, unitId: unitFilter }, request));
  const users = page.items;
  const t = await getT();
  const filtered = Boolean(q || unitFilter);
  return (
    <div className="space-y-4">
      <PageTitle title={t('users.title')}>
        <Link href={unitFilter ? `/users/new?unitId=${unitFilter}` : '/users/new'} className="ml-auto rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white hover:bg-red-900">
          {t('users.new')}
        </Link>
      </PageTitle>
      <form className="flex gap-2" role="search">
        {unitFilter ? <input type="hidden" name="unitId" value={unitFilter} /> : null}
        <label className="sr-only" htmlFor="q">
          {t('users.search')}
        </label>
        <input id="q" name="q" defaultValue={q} placeholder={t('users.search')} className="w-full max-w-md rounded-md border border-stone-300 px-3 py-2 text-sm" />
        <button className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm">{t('users.searchSubmit')}</button>
      </form>
      {users.length ? (
        <p className="text-sm text-stone-600" data-testid="user-count">
          {t('users.count', { n: totalText(t, page) })}
        </p>
      ) : null}
      {users.length === 0 ? (
        <EmptyState>{t(filtered ? 'users.empty' : 'users.emptyAll')}</EmptyState>
      ) : (
        <CardTable
          testId="users-table"
          rows={users}
          rowKey={(u) => u.id}
          rowClassName={(u) => (u.active ? undefined : 'text-stone-400')}
          columns={[
            {
              label: t('users.col.fullName'),
              primary: true,
              cell: (u) => <RowLink href={`/users/${u.id}`}>{u.fullName}</RowLink>,
            },
            { label: t('users.col.username'), className: 'font-mono text-xs', cell: (u) => u.username },
            { label: t('users.col.unit'), cell: (u) => u.unitName },
            { label: t('users.col.role'), cell: (u) => t(`role.${u.role}`) },
            { label: t('users.col.status'), cell: (u) => (u.active ? t('users.active') : t('users.inactive')) },
          ]}
        />
      )}
      <Pager page={page} path="/users" params={p} n={n} text={pagerText(t, page, n)} />
    </div>
  );
}
