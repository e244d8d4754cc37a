import type { Metadata } from 'next';
import Link from 'next/link';
import { BackLink, DetailHeader, Field, FormPanel } from '@/components/page-chrome';
import { today } from '@/lib/clock';
import { getFoundingProposal } from '@/lib/dal/founding';
import { formatDate } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { idParam, orNotFound } from '@/lib/page';
import { DecideForm, RejectForm } from '../forms';

export const metadata: Metadata = { title: 'Đề nghị thành lập' };

export default async function FoundingProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const p = await orNotFound(getFoundingProposal(idParam((await params).id)));
  const t = await getT();
  const common = { pending: t('form.pending'), confirm: t('form.confirm'), cancel: t('form.cancel'), confirmTitle: t('form.confirmTitle') };
  return (
    <div className="space-y-6">
      <BackLink href="/founding">{t('founding.title')}</BackLink>
      <DetailHeader title={p.cellName} badge={{ tone: 'amber', text: t(`founding.state.${p.state}`), testId: 'founding-state' }}>
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-stone-500">{t('survey.enterprise')}</dt>
            <dd>
              <Link href={`/enterprises/${p.enterpriseId}`} className="text-red-800 underline">
                {p.enterpriseName}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="text-stone-500">{t('founding.parent')}</dt>
            <dd>{p.parentName}</dd>
          </div>
          <div>
            <dt className="text-stone-500">{t('founding.decider')}</dt>
            <dd>{p.deciderName}</dd>
          </div>
          <div>
            <dt className="text-stone-500">{t('founding.proposer')}</dt>
            <dd>
              {p.proposerName} · {formatDate(p.proposedOn)}
            </dd>
          </div>
          {p.decisionNo ? (
            <div>
              <dt className="text-stone-500">{t('founding.decisionNo')}</dt>
              <dd>
                {p.decisionNo} · {formatDate(p.decisionOn)}
              </dd>
              {p.state === 'decided' ? (
                <dd className="mt-1">
                  <a href={`/founding/${p.id}/decision`} download className="text-red-800 underline" data-testid="form-founding_decision">
                    {t('forms.foundingDownload')}
                  </a>
                </dd>
              ) : null}
            </div>
          ) : null}
          <Field
            hideEmpty
            label={t('founding.newUnit')}
            value={
              p.newUnitId ? (
                <Link href={`/units/${p.newUnitId}`} className="text-red-800 underline" data-testid="founding-new-unit">
                  {p.cellName}
                </Link>
              ) : null
            }
          />
          <Field hideEmpty label={t('founding.reason')} value={p.rejectReason} className="sm:col-span-3" />
        </dl>
        <h2 className="mt-5 text-sm font-semibold text-stone-700">{t('founding.members')}</h2>
        <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2" data-testid="founding-members">
          {p.memberList.map((m) => (
            <li key={m.id}>
              {m.fullName}{' '}
              <span className="text-stone-500">
                ({t(m.official ? 'founding.official' : 'founding.probationary')}, {m.cellName})
              </span>
            </li>
          ))}
        </ul>
      </DetailHeader>
      {p.canDecide ? (
        <section className="grid gap-4 md:grid-cols-2">
          <FormPanel title={t('founding.decide')} as="div">
            <DecideForm
              l={{ ...common, submit: t('founding.decide'), decisionNo: t('founding.decisionNo'), decisionOn: t('founding.decisionOn'), secretary: t('founding.secretary') }}
              id={p.id}
              version={p.version}
              members={[{ value: '', label: '—' }, ...p.memberList.map((m) => ({ value: String(m.id), label: m.fullName }))]}
              today={formatDate(today())}
            />
          </FormPanel>
          <FormPanel title={t('founding.reject')} as="div">
            <RejectForm l={{ ...common, submit: t('founding.reject'), reason: t('founding.reason') }} id={p.id} version={p.version} />
          </FormPanel>
        </section>
      ) : null}
    </div>
  );
}
