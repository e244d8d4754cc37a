import Link from 'next/link';
import { RowLink } from '@/components/card-table';
import { Breadcrumb, ChildrenTable, KindBadge } from '@/components/units';
import type { CaseListItem } from '@/lib/dal/case-lists';
import { getHome, type Home } from '@/lib/dal/home';
import { formatDate, formatNumber } from '@/lib/format';
import { getT, type T } from '@/lib/i18n/server';
import { totalText } from '@/lib/page';
import { MEASURE_TABLE, SHARE_MEASURES } from '@/lib/reports/measures';

const card = 'rounded-xl border border-stone-200 bg-white p-4 shadow-sm';
const empty = 'rounded-md border border-dashed border-stone-300 bg-stone-50 p-4 text-sm text-stone-600';
const button = 'inline-block rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white hover:bg-red-900';
const link = 'text-sm text-red-800 underline';

/** A short list of cases, one card each: it reads on a phone as on a desktop. */
function Cases({ items, t, testId }: { items: CaseListItem[]; t: T; testId: string }) {
  return (
    <ul className="divide-y divide-stone-100" data-testid={testId}>
      {items.map((c) => (
        <li key={c.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
          <RowLink href={`/cases/${c.id}`} testId="home-case">
            {c.fullName}
          </RowLink>
          <span className="text-sm text-stone-600">{t(`state.${c.state}`)}</span>
          <span className="ml-auto whitespace-nowrap text-sm tabular-nums">
            {formatDate(c.dueOn)}
            {c.overdue ? <span className="ml-2 rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">{t('cases.overdue')}</span> : null}
          </span>
          {c.lastReturnReason ? <span className="w-full text-xs text-amber-800">{t('cases.returned', { reason: c.lastReturnReason })}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** One card of the home page: its heading (`id` names it for the section and the tests), `aside` beside the heading, then the content. */
function HomeCard({ id, title, aside, children }: { id: string; title: string; aside?: React.ReactNode; children: React.ReactNode }) {
  const heading = (
    <h2 id={id} className="text-lg font-semibold">
      {title}
    </h2>
  );
  return (
    <section className={card} aria-labelledby={id} data-testid={id}>
      {aside === undefined ? (
        heading
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          {heading}
          {aside}
        </div>
      )}
      {children}
    </section>
  );
}

function Work({ h, t }: { h: Home; t: T }) {
  const { overdue, thisWeek, upcoming, later, total } = h.inbox;
  const nothing = h.abilities.refer ? 'home.nothingWaitingRefer' : h.abilities.takeApprovals || h.abilities.editData ? 'home.nothingWaiting' : 'home.nothingWaitingView';
  return (
    <HomeCard
      id="home-work"
      title={t('home.awaiting')}
      aside={
        h.abilities.refer ? (
          <Link href="/cases/new" className={`${button} ml-auto`} data-testid="home-refer">
            {t('cases.new')}
          </Link>
        ) : null
      }
    >
      {total === 0 ? (
        <p className={`${empty} mt-3`} data-testid="home-work-empty">
          {t(nothing)}
        </p>
      ) : (
        <div className="mt-2 space-y-3">
          {overdue.length ? (
            <div>
              <h3 className="text-sm font-semibold text-red-800">{t('home.overdue', { n: overdue.length })}</h3>
              <Cases items={overdue} t={t} testId="home-overdue" />
            </div>
          ) : null}
          {thisWeek.length ? (
            <div>
              <h3 className="text-sm font-semibold text-amber-900">{t('home.thisWeek', { date: formatDate(h.weekEnd), n: thisWeek.length })}</h3>
              <Cases items={thisWeek} t={t} testId="home-this-week" />
            </div>
          ) : null}
          {!overdue.length && !thisWeek.length ? <p className="text-sm text-stone-600">{t('home.nothingSoon')}</p> : null}
          {upcoming.length ? (
            <div>
              <h3 className="text-sm font-semibold">{t('home.upcoming')}</h3>
              <Cases items={upcoming} t={t} testId="home-upcoming" />
            </div>
          ) : null}
          <p className="flex flex-wrap items-center gap-3 text-sm">
            {later ? <span data-testid="home-later">{t('home.later', { n: h.inbox.totalCapped ? `${formatNumber(later)}+` : formatNumber(later) })}</span> : null}
            <Link href="/cases/inbox" className={link} data-testid="home-inbox">
              {t('home.openInbox')}
            </Link>
          </p>
        </div>
      )}
    </HomeCard>
  );
}

function Stages({ h, t }: { h: Home; t: T }) {
  const entries = Object.entries(h.stages) as [keyof Home['stages'], number][];
  return (
    <div data-testid="home-stages">
      <h3 className="text-sm font-semibold">{t(h.referrals ? 'home.stagesBranch' : 'home.stages')}</h3>
      {entries.length ? (
        <ul className="mt-1 grid gap-x-4 text-sm sm:grid-cols-2">
          {entries.map(([state, n]) => (
            <li key={state} className="flex justify-between gap-3 border-b border-stone-100 py-1">
              <Link href={`/cases?state=${state}`} className="text-red-900 hover:underline">
                {t(`state.${state}`)}
              </Link>
              <span className="font-semibold tabular-nums">{formatNumber(n)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-600">{t('home.stagesEmpty')}</p>
      )}
    </div>
  );
}

function Referrals({ h, t }: { h: Home; t: T }) {
  const r = h.referrals!;
  return (
    <HomeCard id="home-referrals" title={t('home.referrals')}>
      {r.items.length ? (
        <>
          <Cases items={r.items} t={t} testId="home-referral-list" />
          <Link href="/cases" className={link}>
            {t('home.referralsAll', { n: totalText(t, r) })}
          </Link>
        </>
      ) : (
        <p className={`${empty} mt-3`}>{t(h.abilities.refer ? 'home.referralsEmpty' : 'home.referralsEmptyView')}</p>
      )}
      <div className="mt-4">
        <Stages h={h} t={t} />
      </div>
    </HomeCard>
  );
}

function Enterprise({ h, t }: { h: Home; t: T }) {
  const e = h.headline.enterprises;
  const m = h.headline.members;
  return (
    <HomeCard id="home-enterprise" title={t('home.enterprise')}>
      {h.enterprises.length ? (
        <>
          <ul className="mt-1 text-sm">
            {h.enterprises.map((x) => (
              <li key={x.id}>
                <RowLink href={`/enterprises/${x.id}`}>{x.name}</RowLink>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-stone-700" data-testid="home-enterprise-figures">
            {t('home.figures', { operating: e.operating, members: m.total, owners: m.owners, workers: m.workers, withParty: e.withParty })}
          </p>
        </>
      ) : (
        <p className={`${empty} mt-3`}>{t('home.enterpriseNone')}</p>
      )}
    </HomeCard>
  );
}

function Progress({ h, t }: { h: Home; t: T }) {
  const fmt = (v: number | null, share: boolean) => (v === null ? '—' : share ? `${formatNumber(v)}%` : formatNumber(v));
  return (
    <HomeCard
      id="home-progress"
      title={t('home.progress', { year: h.year })}
      aside={
        <span className="ml-auto flex gap-3">
          {h.abilities.setTargets ? (
            <Link href={`/reports/targets?period=${h.year}`} className={link}>
              {t('reports.setTargets')}
            </Link>
          ) : null}
          <Link href="/reports" className={link}>
            {t('home.openReports')}
          </Link>
        </span>
      }
    >
      {h.progress.length ? (
        <ul className="mt-2 space-y-2 text-sm">
          {h.progress.map((p) => {
            const share = SHARE_MEASURES.includes(p.measure);
            const pct = p.percent === null ? null : Math.min(100, Math.max(0, p.percent));
            return (
              <li key={p.measure} data-testid={`home-progress-${p.measure}`}>
                <div className="flex flex-wrap justify-between gap-x-3">
                  <span>{t(MEASURE_TABLE[p.measure].label)}</span>
                  <span className="tabular-nums">
                    <strong>{fmt(p.actual, share)}</strong>
                    {p.target !== null ? <span className="text-stone-500"> / {fmt(p.target, share)}</span> : <span className="text-xs text-stone-500"> · {t('home.progressNoTarget')}</span>}
                    {p.percent !== null ? <span className={`ml-2 text-xs ${p.percent >= 100 ? 'text-green-700' : 'text-amber-800'}`}>{p.percent}%</span> : null}
                  </span>
                </div>
                {pct !== null ? (
                  <div className="mt-1 h-1.5 rounded bg-stone-100" aria-hidden>
                    <div className={`h-1.5 rounded ${pct >= 100 ? 'bg-green-600' : 'bg-amber-500'}`} style={{ width: `${pct}%` }} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className={`${empty} mt-3`}>{t(h.abilities.setTargets ? 'home.progressEmptySet' : 'home.progressEmpty', { year: h.year })}</p>
      )}
    </HomeCard>
  );
}

export default async function HomePage() {
  const [h, t] = await Promise.all([getHome(), getT()]);
  const { user, unit } = h;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-stone-600">{t('home.greeting', { name: user.fullName })}</p>
        <h1 className="text-2xl font-bold text-red-900">{t('home.work')}</h1>
      </div>
      <Work h={h} t={t} />
      <div className="grid gap-4 lg:grid-cols-2">
        {h.referrals ? <Referrals h={h} t={t} /> : null}
        {h.referrals ? <Enterprise h={h} t={t} /> : null}
        {!h.referrals ? (
          <section className={card} data-testid="home-cases">
            <Stages h={h} t={t} />
          </section>
        ) : null}
        <Progress h={h} t={t} />
      </div>
      <section className="space-y-3 rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm" aria-label={t('home.yourUnit')} data-testid="home-unit">
        <Breadcrumb items={unit.breadcrumb} t={t} />
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span className="font-semibold" data-testid="home-unit-name">
            {unit.name}
          </span>
          <KindBadge kind={unit.kind} t={t} />
          <span>
            {t('home.yourRole')}: <strong data-testid="home-role">{t(`role.${user.role}`)}</strong>
          </span>
          <span className="text-stone-500">{unit.code}</span>
          <Link href={`/units/${unit.id}`} className="ml-auto text-red-800 underline">
            {t('home.openUnit')}
          </Link>
        </div>
        {/* A long list of units below stays folded: the work comes first. */}
        <details open={unit.children.items.length <= 8}>
          <summary className="cursor-pointer font-semibold">{t('unit.children')}</summary>
          <div className="mt-2 space-y-2">
            <ChildrenTable items={unit.children.items} t={t} emptyText={t(h.abilities.createUnits ? 'home.childrenEmptyAdmin' : 'unit.childrenEmpty')} />
            {unit.children.next ? (
              <Link href={`/units/${unit.id}`} className="inline-block text-sm text-red-800 underline" data-testid="children-all">
                {t('unit.childrenAll', { n: totalText(t, unit.children) })}
              </Link>
            ) : null}
          </div>
        </details>
      </section>
    </div>
  );
}
