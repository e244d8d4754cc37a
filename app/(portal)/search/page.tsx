import type { Metadata } from 'next';
import Link from 'next/link';
import { RowLink } from '@/components/card-table';
import { searchEverything, type SearchResults } from '@/lib/dal/search';
import { formatDate } from '@/lib/format';
import { getT, type T } from '@/lib/i18n/server';
import { cleanParams, totalText } from '@/lib/page';
import { EmptyState } from '@/components/empty-state';

export const metadata: Metadata = { title: 'Tìm kiếm' };

type Item = { key: string | number; href: string; title: string; detail: string };

function Group({ t, testId, title, items, more, moreHref, moreText }: { t: T; testId: string; title: string; items: Item[]; more: boolean; moreHref?: string; moreText: string }) {
  return (
    <section className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm" aria-label={title} data-testid={testId}>
      <h2 className="text-lg font-semibold">{title}</h2>
      {items.length ? (
        <ul className="divide-y divide-stone-100">
          {items.map((i) => (
            <li key={i.key} className="py-2">
              <RowLink href={i.href} testId="search-hit">
                {i.title}
              </RowLink>
              <div className="text-xs text-stone-600">{i.detail}</div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-600">{t('search.kindNone')}</p>
      )}
      {more ? (
        moreHref ? (
          <Link href={moreHref} className="mt-2 inline-block text-sm text-red-800 underline" data-testid={`${testId}-more`}>
            {moreText}
          </Link>
        ) : (
          <p className="mt-2 text-xs text-stone-600">{moreText}</p>
        )
      ) : null}
    </section>
  );
}

function Results({ r, t }: { r: SearchResults; t: T }) {
  const q = encodeURIComponent(r.q);
  const none = !r.members.items.length && !r.enterprises.items.length && !r.cases.items.length && !r.units.items.length;
  if (none) return <EmptyState testId="search-none">{t('search.none', { q: r.q })}</EmptyState>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Group
        t={t}
        testId="search-members"
        title={t('search.members')}
        items={r.members.items.map((m) => ({ key: m.id, href: `/members/${m.id}`, title: m.fullName, detail: [formatDate(m.birthDate), m.cellName, m.enterpriseName].filter(Boolean).join(' · ') }))}
        more={r.members.more}
        moreHref={`/members?q=${q}`}
        moreText={t('search.more', { n: totalText(t, r.members) })}
      />
      <Group
        t={t}
        testId="search-enterprises"
        title={t('search.enterprises')}
        items={r.enterprises.items.map((e) => ({ key: e.id, href: `/enterprises/${e.id}`, title: e.name, detail: `${e.taxCode} · ${e.managingUnitName}` }))}
        more={r.enterprises.more}
        moreHref={`/enterprises?q=${q}`}
        moreText={t('search.more', { n: totalText(t, r.enterprises) })}
      />
      <Group
        t={t}
        testId="search-cases"
        title={t('search.cases')}
        items={r.cases.items.map((c) => ({
          key: c.id,
          href: `/cases/${c.id}`,
          title: c.fullName,
          detail: [t(`state.${c.state}`), c.cellName, c.dueOn ? formatDate(c.dueOn) : null].filter(Boolean).join(' · '),
        }))}
        more={r.cases.more}
        moreHref={`/cases?q=${q}`}
        moreText={t('search.more', { n: totalText(t, r.cases) })}
      />
      <Group
        t={t}
        testId="search-units"
        title={t('search.units')}
        items={r.units.items.map((u) => ({ key: u.value, href: `/units/${u.value}`, title: u.label, detail: u.detail ?? '' }))}
        more={r.units.more}
        moreText={t('search.moreUnits')}
      />
    </div>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q = '' } = cleanParams(await searchParams);
  const [r, t] = await Promise.all([searchEverything(q), getT()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-red-900">{t('search.title')}</h1>
      <form action="/search" method="get" role="search" className="flex flex-wrap gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          {t('search.label')}
        </label>
        <input id="search-page-q" name="q" type="search" defaultValue={r.q} className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-3 py-2 text-sm" data-testid="search-q" />
        <button className="rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white">{t('search.button')}</button>
      </form>
      <p className="text-sm text-stone-600">{t(r.tooShort && r.q ? 'search.tooShort' : 'search.intro')}</p>
      {r.tooShort ? null : <Results r={r} t={t} />}
    </div>
  );
}
