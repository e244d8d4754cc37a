import type { Metadata } from 'next';
import Link from 'next/link';
import { BackLink, DetailHeader, Disclosure, Field } from '@/components/page-chrome';
import { today } from '@/lib/clock';
import { getMember, LEAVING_STATUSES } from '@/lib/dal/members';
import { listAssignments } from '@/lib/dal/member-assignments';
import { OCCUPATIONS } from '@/lib/registry/kinds';
import { formatDate } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { idParam, orNotFound, pickerLabels } from '@/lib/page';
import { AssignForm, EditMemberForm, EndMembershipForm, MemberStepForm } from '../forms';

export const metadata: Metadata = { title: 'Đảng viên' };

export default async function MemberPage({ params }: { params: Promise<{ id: string }> }) {
  const m = await orNotFound(getMember(idParam((await params).id)));
  const t = await getT();
  const assignments = await listAssignments({ memberId: m.id });
  const active = m.status === 'active' || m.status === 'temporary_elsewhere';
  const pick = pickerLabels(t);
  const l = { pending: t('form.pending'), confirm: t('form.confirm'), cancel: t('form.cancel'), confirmTitle: t('form.confirmTitle'), effectiveOn: t('members.effectiveOn'), note: t('members.note') };
  const common = { l, memberId: m.id, version: m.version, today: formatDate(today()) };
  const pending = m.transferToUnitId !== null;
  return (
    <div className="space-y-6">
      <BackLink href="/members">{t('members.title')}</BackLink>
      <DetailHeader title={m.fullName} titleTestId="member-name" badge={{ tone: 'stone', text: t(`members.status.${m.status}`), testId: 'member-status' }}>
        {pending ? (
          <p className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="member-pending">
            {t('members.pendingTransfer', { unit: m.transferToName ?? '', date: formatDate(m.transferOutOn) })}
          </p>
        ) : null}
        {m.hostName ? <p className="mt-3 rounded-md bg-stone-50 p-3 text-sm">{t('members.temporaryAt', { unit: m.hostName })}</p> : null}
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
          <Field label={t('members.birthDate')} value={formatDate(m.birthDate)} />
          <Field label={t('members.gender')} value={t(m.gender === 'male' ? 'referral.male' : 'referral.female')} />
          <Field label={t('cases.col.nationalId')} value={m.nationalIdMasked ? <span className="font-mono">{m.nationalIdMasked}</span> : null} />
          <Field label={t('members.cell')} value={<span data-testid="member-cell">{m.cellName}</span>} />
          <Field
            label={t('members.enterprise')}
            value={
              m.enterpriseId ? (
                <Link href={`/enterprises/${m.enterpriseId}`} className="text-red-800 underline">
                  {m.enterpriseName}
                </Link>
              ) : null
            }
          />
          <Field label={t('members.occupation')} value={t(`members.occ.${m.occupation}`)} />
          <Field label={t('members.admittedOn')} value={formatDate(m.admittedOn)} />
          {m.admissionDecisionNo ? <Field label={t('members.admissionDecisionNo')} value={<span data-testid="member-decision-no">{m.admissionDecisionNo}</span>} /> : null}
          <Field label={t('members.officialOn')} value={m.officialOn ? formatDate(m.officialOn) : t('members.standing.probationary')} />
          <Field label={t('members.cardNo')} value={m.cardNo} />
          {m.admissionCaseId ? (
            <Field
              label={t('members.fromCase')}
              value={
                <Link href={`/cases/${m.admissionCaseId}`} className="text-red-800 underline">
                  #{m.admissionCaseId}
                </Link>
              }
            />
          ) : null}
        </dl>
      </DetailHeader>

      <section className="no-print space-y-3">
        {m.canReceive ? <MemberStepForm {...common} step="receive" title={t('members.receive')} /> : null}
        {m.canManage && pending ? <MemberStepForm {...common} step="cancel" title={t('members.cancelTransfer')} danger /> : null}
        {m.canManage && !pending && m.status === 'active' ? (
          <>
            <MemberStepForm {...common} step="transferOut" title={t('members.transferOut')} pick={pick} cellField={{ name: 'toCellUnitId', label: t('members.toCell') }} />
            <MemberStepForm {...common} step="temporaryStart" title={t('members.temporaryStart')} pick={pick} cellField={{ name: 'hostCellUnitId', label: t('members.hostCell') }} />
          </>
        ) : null}
        {m.canManage && m.status === 'temporary_elsewhere' ? <MemberStepForm {...common} step="temporaryEnd" title={t('members.temporaryEnd')} /> : null}
        {m.canManage && active ? (
          <Disclosure title={t('members.edit')}>
            <EditMemberForm
              l={{
                submit: t('members.submit'),
                pending: t('form.pending'),
                occupation: t('members.occupation'),
                enterprise: t('members.enterprise'),
                cardNo: t('members.cardNo'),
                officialOn: t('members.officialOn'),
              }}
              initial={{
                memberId: String(m.id),
                version: String(m.version),
                occupation: m.occupation,
                enterpriseId: m.enterpriseId ? String(m.enterpriseId) : '',
                cardNo: m.cardNo ?? '',
                officialOn: m.officialOn ? formatDate(m.officialOn) : '',
              }}
              occupations={OCCUPATIONS.map((o) => ({ value: o, label: t(`members.occ.${o}`) }))}
              pick={pick}
              enterprise={m.enterpriseId ? { value: String(m.enterpriseId), label: m.enterpriseName ?? '' } : null}
            />
          </Disclosure>
        ) : null}
        {m.canManage && active && !pending ? (
          <Disclosure title={t('members.end')}>
            <EndMembershipForm
              l={{ ...l, submit: t('members.end'), status: t('members.endStatus') }}
              memberId={m.id}
              version={m.version}
              statuses={[{ value: '', label: '—' }, ...LEAVING_STATUSES.map((s) => ({ value: s, label: t(`members.status.${s}`) }))]}
              today={formatDate(today())}
            />
          </Disclosure>
        ) : null}
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t('assignments.title')}</h2>
        {assignments.length === 0 ? (
          <p className="text-sm text-stone-600">{t('assignments.empty')}</p>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm" data-testid="member-assignments">
            {assignments.map((a) => (
              <li key={a.id} className="px-4 py-2">
                <span className="font-medium">{a.cellName}</span> — {a.role}{' '}
                <span className="text-stone-500">
                  ({formatDate(a.startOn)} – {a.endOn ? formatDate(a.endOn) : t('assignments.ongoing')}; {t('assignments.by')}: {a.assignedBy})
                </span>
              </li>
            ))}
          </ul>
        )}
        {m.canAssign ? (
          <Disclosure title={t('assignments.assign')} className="no-print">
            <AssignForm
              l={{
                submit: t('assignments.assign'),
                pending: t('form.pending'),
                cell: t('assignments.cell'),
                role: t('assignments.role'),
                startOn: t('assignments.startOn'),
                endOn: t('assignments.endOn'),
              }}
              memberId={m.id}
              pick={pick}
              today={formatDate(today())}
            />
          </Disclosure>
        ) : null}
      </section>

      <section>
        <h2 className="mb-3 text-lg font-semibold">{t('members.history')}</h2>
        <ol className="space-y-2 border-l-2 border-red-200 pl-4" data-testid="member-history">
          {m.events.map((e) => (
            <li key={e.id} className="text-sm">
              <span className="font-semibold tabular-nums">{formatDate(e.effectiveOn)}</span> — {t(`members.event.${e.kind}`)}
              {e.fromName || e.toName ? <span className="text-stone-600"> ({[e.fromName, e.toName].filter(Boolean).join(' → ')})</span> : null}
              {e.actorName ? <span className="text-stone-500"> · {e.actorName}</span> : null}
              {e.note ? <div className="text-stone-600">{e.note}</div> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
