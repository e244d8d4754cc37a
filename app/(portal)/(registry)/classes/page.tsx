import type { Metadata } from 'next';
import { RowLink } from '@/components/card-table';
import { Disclosure } from '@/components/page-chrome';
import { today } from '@/lib/clock';
import { classTotals, listClasses } from '@/lib/dal/classes';
import { FigureFilter } from '@/components/figure-filter';
import { parseWindow } from '@/lib/reports/maths';
import { getAbilities } from '@/lib/dal/abilities';
import { formatDate } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { ListSearch } from '@/components/list-search';
import { Pager } from '@/components/pager';
import { cleanParams, pageParams, pagerText } from '@/lib/page';
import { param, parseParams } from '@/lib/validation';
import { CLASS_KINDS } from '@/lib/registry/kinds';
import { ClassForm } from './forms';
import { EmptyState } from '@/components/empty-state';

export const metadata: Metadata = { title: 'Lớp bồi dưỡng' };

type Params = Record<'q' | 'kind' | 'wUnit' | 'wFrom' | 'wTo' | 'after' | 'before' | 'n', string | undefined>;

export default async function ClassesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const p = cleanParams(await searchParams);
  const held = parseWindow(p);
  const { request, n } = pageParams(p);
  const filter = { kind: parseParams(p, { kind: param.oneOf(CLASS_KINDS) }).kind, held, q: p.q };
  const filtered = !!(filter.kind || filter.q || held);
  const [abilities, page, totals, t] = await Promise.all([getAbilities(), listClasses(filter, request), held ? classTotals(filter) : Promise.resolve(null), getT()]);
  const items = page.items;
  const canCreate = abilities.organise;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-red-900">{t('classes.title')}</h1>
      {held && totals ? (
        <FigureFilter
          text={t('classes.heldBetween', {
            kind: filter.kind ? t(`classes.kind.${filter.kind}`) : t('classes.title'),
            n: totals.classes.toLocaleString('vi-VN'),
            m: totals.attendees.toLocaleString('vi-VN'),
            from: formatDate(held.from),
            to: formatDate(held.to),
          })}
          clearHref="/classes"
          clearLabel={t('enterprises.filter.clear')}
        />
      ) : null}
      {canCreate ? (
        <Disclosure title={t('classes.new')}>
          <ClassForm
            l={{ submit: t('classes.new'), pending: t('form.pending'), kind: t('classes.kind'), title: t('classes.name'), startOn: t('classes.startOn'), endOn: t('classes.endOn') }}
            kinds={[{ value: '', label: '—' }, ...CLASS_KINDS.map((k) => ({ value: k, label: t(`classes.kind.${k}`) }))]}
            today={formatDate(today())}
          />
        </Disclosure>
      ) : null}
      <ListSearch
        q={p.q}
        placeholder={t('classes.search')}
        submit={t('users.searchSubmit')}
        selects={[
          {
            name: 'kind',
            label: t('classes.kind'),
            value: filter.kind,
            options: [{ value: '', label: t('classes.allKinds') }, ...CLASS_KINDS.map((k) => ({ value: k, label: t(`classes.kind.${k}`) }))],
          },
        ]}
        hidden={{ wUnit: p.wUnit, wFrom: p.wFrom, wTo: p.wTo }}
        testId="class-search"
      />
      {items.length === 0 ? (
        <EmptyState testId="class-empty">{t(filtered ? 'classes.emptyFiltered' : canCreate ? 'classes.empty' : 'classes.emptyReadOnly')}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm" data-testid="class-list">
          {items.map((c) => (
            <li key={c.id} className="px-4 py-3">
              <RowLink href={`/classes/${c.id}`}>{c.title}</RowLink> <span className="text-xs text-stone-500">{t(`classes.kind.${c.kind}`)}</span>
              <div className="text-xs text-stone-500">
                {c.organiserName} · {formatDate(c.startOn)}–{formatDate(c.endOn)} · {t('classes.counts', { enrolled: c.enrolled, certified: c.certified })}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} path="/classes" params={p} n={n} text={pagerText(t, page, n)} />
    </div>
  );
}
