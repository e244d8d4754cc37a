import type { Metadata } from 'next';
import Link from 'next/link';
import { BackLink, DetailHeader, Disclosure, Field, Section } from '@/components/page-chrome';
import { getEnterprise } from '@/lib/dal/enterprises';
import { formatDate } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { idParam, orNotFound, pickerLabels } from '@/lib/page';
import { enterpriseFormLinks, enterpriseFormOptions, enterpriseFormText } from '@/lib/registry/labels';
import { today } from '@/lib/clock';
import { MEETING_OUTCOMES } from '@/lib/registry/kinds';
import { MeetingForm } from '../../engagement/forms';
import { EnterpriseForm } from '../enterprise-form';

export const metadata: Metadata = { title: 'Doanh nghiệp' };

export default async function EnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const e = await orNotFound(getEnterprise(idParam((await params).id)));
  const t = await getT();
  const yes = (b: boolean) => t(b ? 'yes' : 'no');
  return (
    <div className="space-y-6">
      <BackLink href="/enterprises">{t('enterprises.title')}</BackLink>
      <DetailHeader title={e.name} titleTestId="enterprise-name" badge={{ tone: 'stone', text: t(`enterprises.status.${e.status}`) }}>
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
          <Field label={t('enterprises.taxCode')} value={<span className="font-mono">{e.taxCode}</span>} testId="enterprise-tax-code" />
          <Field label={t('enterprises.type')} value={t(`enterprises.type.${e.type}`)} />
          <Field label={t('enterprises.foreignInvested')} value={yes(e.foreignInvested)} />
          <Field label={t('enterprises.address')} value={e.address} />
          <Field label={t('enterprises.managingUnit')} value={e.managingUnit.name} />
          <Field label={t('enterprises.zone')} value={e.zone} />
          <Field label={t('enterprises.workforce')} value={e.workforce.toLocaleString('vi-VN')} />
          <Field label={t('enterprises.ownerName')} value={e.ownerName} />
          <Field label={t('enterprises.ownerIsMember')} value={yes(e.ownerIsMember)} />
        </dl>
        <h2 className="mt-5 text-sm font-semibold text-stone-700">{t('enterprises.organisations')}</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
          <Field
            label={t('enterprises.partyUnit')}
            testId="enterprise-party"
            value={
              e.partyUnit ? (
                <Link href={`/units/${e.partyUnit.id}`} className="text-red-800 underline">
                  {e.partyUnit.name}
                </Link>
              ) : (
                <span className="text-amber-800">
                  {t('enterprises.noParty')}
                  {e.canRecordMeeting && e.status === 'operating' ? (
                    <>
                      {' · '}
                      <Link href={`/enterprises/${e.id}/found`} className="text-red-800 underline" data-testid="propose-founding">
                        {t('priority.propose')}
                      </Link>
                    </>
                  ) : null}
                </span>
              )
            }
          />
          <Field label={t('enterprises.hasTradeUnion')} value={e.tradeUnionUnit?.name ?? yes(e.hasTradeUnion)} />
          <Field label={t('enterprises.hasYouthUnion')} value={e.youthUnionUnit?.name ?? yes(e.hasYouthUnion)} />
        </dl>
      </DetailHeader>

      <Section title={t('enterprises.meetings')} emptyText={e.meetings.length ? null : t('enterprises.meetingsEmpty')}>
        <ol className="space-y-3 border-l-2 border-red-200 pl-4" data-testid="enterprise-meetings">
          {e.meetings.map((m) => (
            <li key={m.id} className="text-sm">
              <span className="font-semibold tabular-nums">{formatDate(m.metOn)}</span> — {t(`meeting.outcome.${m.outcome}`)}{' '}
              <span className="text-stone-500">
                ({m.unitName}: {m.attendees})
              </span>
              {m.summary ? <div className="mt-1">{m.summary}</div> : null}
              {m.nextStep ? (
                <div className="mt-1 text-stone-600">
                  {t('meeting.nextStep')}: {m.nextStep}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      </Section>

      {e.canRecordMeeting ? (
        <Disclosure title={t('meeting.record')} className="no-print">
          <MeetingForm
            l={{
              metOn: t('meeting.metOn'),
              outcome: t('meeting.outcome'),
              attendees: t('meeting.attendees'),
              nextStep: t('meeting.nextStep'),
              summary: t('meeting.summary'),
              submit: t('meeting.record'),
              pending: t('form.pending'),
            }}
            enterpriseId={e.id}
            today={formatDate(today())}
            outcomes={[{ value: '', label: '—' }, ...MEETING_OUTCOMES.map((o) => ({ value: o, label: t(`meeting.outcome.${o}`) }))]}
          />
        </Disclosure>
      ) : null}

      <Section title={t('enterprises.findings')} emptyText={e.findings.length ? null : t('enterprises.findingsEmpty')}>
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm" data-testid="enterprise-findings">
          {e.findings.map((f) => (
            <li key={f.id} className="px-4 py-2">
              <span className="font-medium">{f.roundTitle}</span> ({formatDate(f.heldOn)}): {t('survey.membersWorking')} {f.membersWorking} · {t('survey.unionPresent')} {yes(f.unionPresent)} ·{' '}
              {t(`survey.attitude.${f.ownerAttitude}`)}
              {f.note ? <div className="text-stone-600">{f.note}</div> : null}
            </li>
          ))}
        </ul>
      </Section>

      {e.canEdit ? (
        <Disclosure title={t('enterprises.edit')} className="no-print" testId="enterprise-edit">
          <EnterpriseForm
            l={enterpriseFormText(t)}
            pick={pickerLabels(t)}
            options={enterpriseFormOptions(t)}
            links={enterpriseFormLinks(e)}
            initial={{
              id: String(e.id),
              version: String(e.version),
              name: e.name,
              taxCode: e.taxCode,
              type: e.type,
              status: e.status,
              address: e.address,
              managingUnitId: String(e.managingUnit.id),
              zone: e.zone ?? '',
              workforce: String(e.workforce),
              ownerName: e.ownerName ?? '',
              partyUnitId: e.partyUnit ? String(e.partyUnit.id) : '',
              tradeUnionUnitId: e.tradeUnionUnit ? String(e.tradeUnionUnit.id) : '',
              youthUnionUnitId: e.youthUnionUnit ? String(e.youthUnionUnit.id) : '',
              foreignInvested: e.foreignInvested ? 'on' : '',
              ownerIsMember: e.ownerIsMember ? 'on' : '',
              hasTradeUnion: e.hasTradeUnion ? 'on' : '',
              hasYouthUnion: e.hasYouthUnion ? 'on' : '',
            }}
          />
        </Disclosure>
      ) : (
        <p className="text-sm text-stone-500">{t('enterprises.readOnly')}</p>
      )}
    </div>
  );
}
