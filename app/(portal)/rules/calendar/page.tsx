import type { Metadata } from 'next';
import Link from 'next/link';
import { BackLink } from '@/components/page-chrome';
import { today } from '@/lib/clock';
import { listCalendar } from '@/lib/dal/rules';
import { formatDate } from '@/lib/format';
import { weekday } from '@/lib/rules/dates';
import { getT } from '@/lib/i18n/server';
import type { MessageKey } from '@/lib/i18n/messages';
import { parseParams, year as yearSchema } from '@/lib/validation';
import { cleanParams } from '@/lib/page';
import { CalendarDayForm, CalendarYearForm, RemoveCalendarDay } from './calendar-forms';

export const metadata: Metadata = { title: 'Lịch nghỉ lễ' };

/** The official calendar of one year: days off on weekdays, worked weekend days, the year's status; administrators edit it. */
export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const thisYear = Number(today().slice(0, 4));
  const { year = thisYear } = parseParams(cleanParams(await searchParams), { year: yearSchema });
  const [{ status, years, days, canManage }, t] = await Promise.all([listCalendar(year), getT()]);
  const shown = [...new Set([...years.map((y) => y.year), thisYear, thisYear + 1, year])].sort();
  const l = {
    pending: t('form.pending'),
    confirm: t('form.confirm'),
    cancel: t('form.cancel'),
    confirmTitle: t('form.confirmTitle'),
    date: t('calendar.col.date'),
    name: t('calendar.col.name'),
    kind: t('calendar.col.kind'),
    addSubmit: t('calendar.addSubmit'),
    remove: t('calendar.remove'),
    removeConfirm: t('calendar.removeConfirm'),
    status: t('calendar.status'),
    statusSubmit: t('calendar.statusSubmit'),
    source: t('calendar.source'),
  };
  const weekdayName = (iso: string) => t(`calendar.weekday.${weekday(iso)}` as MessageKey);
  return (
    <div className="space-y-6">
      <div>
        <BackLink href="/rules" arrow={false}>
          {t('rules.title')}
        </BackLink>
        <h1 className="mt-1 text-2xl font-bold text-red-900">{t('calendar.title')}</h1>
        <p className="mt-1 text-sm text-stone-600">{t('calendar.help')}</p>
      </div>
      <nav aria-label={t('calendar.year')} className="flex flex-wrap gap-2" data-testid="calendar-years">
        {shown.map((y) => (
          <Link
            key={y}
            href={`/rules/calendar?year=${y}`}
            aria-current={y === year ? 'page' : undefined}
            className={`rounded-md border px-3 py-1 text-sm tabular-nums ${y === year ? 'border-red-800 bg-red-800 text-white' : 'border-stone-300 bg-white'}`}
          >
            {y}
          </Link>
        ))}
      </nav>
      <p className={`rounded-md p-3 text-sm ${status?.status === 'announced' ? 'bg-green-50 text-green-900' : 'bg-amber-50 text-amber-950'}`} data-testid="calendar-status">
        <span className="font-semibold">{status ? t(`calendar.${status.status}`) : t('calendar.noStatus')}</span>
        {status ? (
          <>
            {' · '}
            {t('calendar.source')}: {status.source}
          </>
        ) : null}
      </p>
      {days.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-600" data-testid="calendar-empty">
          {t(canManage ? 'calendar.empty' : 'calendar.emptyReadOnly', { year })}
        </p>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm" data-testid="calendar-table" aria-label={t('calendar.title')}>
          {days.map((d) => (
            <li key={d.date} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2" data-testid={`calendar-day-${d.date}`}>
              <span className="w-40 shrink-0 tabular-nums">
                <span className="font-medium">{formatDate(d.date)}</span> <span className="text-stone-500">{weekdayName(d.date)}</span>
              </span>
              <span className="order-last w-full sm:order-none sm:w-auto sm:min-w-0 sm:flex-1">{d.name}</span>
              <span className={`rounded px-2 py-0.5 text-xs ${d.kind === 'working_day' ? 'bg-blue-50 text-blue-900' : 'bg-red-50 text-red-900'}`}>{t(`calendar.kind.${d.kind}`)}</span>
              {canManage ? <RemoveCalendarDay l={l} date={d.date} label={`${formatDate(d.date)} ${d.name}`} /> : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <section className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
            <h2 className="mb-3 font-semibold">{t('calendar.add')}</h2>
            <CalendarDayForm
              l={l}
              kinds={[
                { value: 'day_off', label: t('calendar.kind.day_off') },
                { value: 'working_day', label: t('calendar.kind.working_day') },
              ]}
            />
          </section>
          <section className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
            <h2 className="mb-3 font-semibold">
              {t('calendar.status')} {year}
            </h2>
            <CalendarYearForm
              l={l}
              year={year}
              status={status?.status ?? 'provisional'}
              source={status?.source ?? ''}
              statuses={[
                { value: 'announced', label: t('calendar.announced') },
                { value: 'provisional', label: t('calendar.provisional') },
              ]}
            />
          </section>
        </div>
      ) : null}
    </div>
  );
}
