import type { Metadata } from 'next';
import { CaseList } from '@/components/case-list';
import { ListSearch } from '@/components/list-search';
import { STATES } from '@/lib/admission/workflow';
import { Pager } from '@/components/pager';
import { listInbox } from '@/lib/dal/case-lists';
import { getT } from '@/lib/i18n/server';
import { cleanParams, pageParams, pagerText, totalText } from '@/lib/page';
import { param, parseParams } from '@/lib/validation';

export const metadata: Metadata = { title: 'Chờ xử lý' };

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ q?: string; state?: string; after?: string; before?: string; n?: string }> }) {
  const p = cleanParams(await searchParams);
  const { request, n } = pageParams(p);
  const { state } = parseParams(p, { state: param.oneOf(STATES) });
  const [page, t] = await Promise.all([listInbox(request, { q: p.q, state }), getT()]);
  const filtered = !!(p.q || state);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-red-900">{t('cases.inboxTitle')}</h1>
      <ListSearch
        q={p.q}
        placeholder={t('cases.search')}
        submit={t('users.searchSubmit')}
        selects={[{ name: 'state', label: t('cases.col.state'), value: state, options: [{ value: '', label: t('cases.allStates') }, ...STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))] }]}
        testId="inbox-search"
      />
      {page.items.length ? (
        <p className="text-sm text-stone-600" data-testid="inbox-total">
          {t('cases.count', { n: totalText(t, page) })}
        </p>
      ) : null}
      <CaseList items={page.items} t={t} testId="inbox-table" emptyText={t(filtered ? 'cases.emptyFiltered' : 'cases.inboxEmpty')} />
      <Pager page={page} path="/cases/inbox" params={p} n={n} text={pagerText(t, page, n)} />
    </div>
  );
}
