import type { Metadata } from 'next';
import { PlainTable, RowLink } from '@/components/card-table';
import { cleanParams, pickerLabels } from '@/lib/page';
import { Disclosure } from '@/components/page-chrome';
import { today } from '@/lib/clock';
import { listOwnerMeetings, listSurveyRounds } from '@/lib/dal/engagement';
import { getAbilities } from '@/lib/dal/abilities';
import { formatDate } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { MEETING_OUTCOMES, SURVEY_PARTICIPANTS } from '@/lib/registry/kinds';
import { partnersText } from '@/lib/registry/survey-partners';
import { parseDate } from '@/lib/validation';
import { MeetingRoundForm, SurveyRoundForm } from './forms';
import { EmptyState } from '@/components/empty-state';

export const metadata: Metadata = { title: 'Khảo sát, vận động' };

const input = 'rounded-md border border-stone-300 bg-white px-3 py-2 text-sm';

export default async function EngagementPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const params = cleanParams(await searchParams);
  const now = today();
  // The period: what the user typed (dd/mm/yyyy) when it is a real date, else this calendar year.
  const from = parseDate(params.from ?? '') ?? `${now.slice(0, 4)}-01-01`;
  const to = parseDate(params.to ?? '') ?? `${now.slice(0, 4)}-12-31`;
  const badRange = from > to;
  const [abilities, meetings, rounds, t] = await Promise.all([getAbilities(), listOwnerMeetings(badRange ? { from: to, to: from } : { from, to }), listSurveyRounds(), getT()]);
  const canEdit = abilities.editData;
  const l = (keys: string[], prefix: string) => Object.fromEntries(keys.map((k) => [k, t(`${prefix}.${k}` as never)]));
  return (
    <div className="space-y-8">
      <section className="space-y-4">
        <h1 className="text-2xl font-bold text-red-900">{t('meeting.title')}</h1>
        <form className="flex flex-wrap items-end gap-2" data-testid="meeting-period">
          <label className="text-sm">
            <span className="mb-1 block">{t('meeting.from')}</span>
            <input name="from" defaultValue={formatDate(from)} className={input} placeholder="dd/mm/yyyy" />
          </label>
          <label className="text-sm">
            <span className="mb-1 block">{t('meeting.to')}</span>
            <input name="to" defaultValue={formatDate(to)} className={input} placeholder="dd/mm/yyyy" />
          </label>
          <button className="rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white">{t('meeting.show')}</button>
          {badRange ? <span className="text-sm text-red-700">{t('errors.dateRange')}</span> : null}
        </form>
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200" data-testid="meeting-summary">
          {t('meeting.summaryLine', meetings.summary)}
        </p>
        {canEdit ? (
          <Disclosure title={t('meeting.round')} testId="meeting-round">
            <MeetingRoundForm
              l={{
                ...l(['metOn', 'attendees', 'outcome'], 'meeting'),
                ...l(['help', 'enterprises', 'note', 'remove'], 'meeting.round'),
                submit: t('meeting.round.submit'),
                pending: t('form.pending'),
              }}
              pick={pickerLabels(t)}
              today={formatDate(now)}
              outcomes={MEETING_OUTCOMES.map((o) => ({ value: o, label: t(`meeting.outcome.${o}`) }))}
            />
          </Disclosure>
        ) : null}
        {meetings.items.length === 0 ? (
          <EmptyState>{t(canEdit ? 'meeting.empty' : 'meeting.emptyReadOnly')}</EmptyState>
        ) : (
          <PlainTable
            head={[{ label: t('meeting.metOn') }, { label: t('meeting.col.enterprise') }, { label: t('meeting.col.unit') }, { label: t('meeting.outcome') }, { label: t('meeting.nextStep') }]}
            testId="meetings-table"
          >
            {meetings.items.map((m) => (
              <tr key={m.id}>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{formatDate(m.metOn)}</td>
                <td className="px-4 py-2">
                  <RowLink href={`/enterprises/${m.enterpriseId}`}>{m.enterpriseName}</RowLink>
                  {m.ownerName ? <div className="text-xs text-stone-500">{m.ownerName}</div> : null}
                </td>
                <td className="px-4 py-2">
                  {m.unitName}
                  <div className="text-xs text-stone-500">{m.attendees}</div>
                </td>
                <td className="px-4 py-2">{t(`meeting.outcome.${m.outcome}`)}</td>
                <td className="px-4 py-2">{m.nextStep}</td>
              </tr>
            ))}
          </PlainTable>
        )}
      </section>

      <section className="space-y-4">
        <h2 className="text-xl font-bold text-red-900">{t('survey.title')}</h2>
        {canEdit ? (
          <Disclosure title={t('survey.new')}>
            <SurveyRoundForm
              l={{ ...l(['title', 'heldOn', 'participants', 'partnersHelp'], 'survey'), title: t('survey.name'), submit: t('survey.new'), pending: t('form.pending') }}
              today={formatDate(now)}
              participants={SURVEY_PARTICIPANTS.map((p) => ({ value: p, label: t(`survey.participant.${p}`) }))}
            />
          </Disclosure>
        ) : null}
        {rounds.length === 0 ? (
          <EmptyState>{t(canEdit ? 'survey.empty' : 'survey.emptyReadOnly')}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm" data-testid="survey-rounds">
            {rounds.map((r) => (
              <li key={r.id} className="px-4 py-3">
                <RowLink href={`/engagement/surveys/${r.id}`}>{r.title}</RowLink> <span className="tabular-nums text-stone-600">{formatDate(r.heldOn)}</span>
                <div className="text-xs text-stone-500">
                  {r.unitName}
                  {r.participants.length ? <span data-testid="survey-partners-text"> · {partnersText(t, r.participants)}</span> : null} · {t('survey.enterprises')}: {r.enterprises}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
