import type { Metadata } from 'next';
import { BackLink, DetailHeader, Field, Section } from '@/components/page-chrome';
import { getCase } from '@/lib/dal/admission';
import { caseFormText } from '@/lib/case-labels';
import { today } from '@/lib/clock';
import { formatDate } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import type { MessageKey } from '@/lib/i18n/messages';
import { idParam, orNotFound } from '@/lib/page';
import { TransitionForm } from '../case-forms';
import { FormsSection } from './forms-section';
import { PapersSection } from './papers-section';

export const metadata: Metadata = { title: 'Hồ sơ kết nạp' };

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const c = await orNotFound(getCase(idParam((await params).id)));
  const t = await getT();
  const l = caseFormText(t);
  const overdue = c.dueOn !== null && c.dueOn < today();
  return (
    <div className="space-y-6">
      <BackLink href="/cases">{t('cases.title')}</BackLink>
      <DetailHeader
        title={c.fullName}
        titleTestId="case-name"
        badge={{ tone: 'amber', text: t(`state.${c.state}`), testId: 'case-state' }}
        beside={
          c.dueOn ? (
            <span className={`text-sm ${overdue ? 'font-semibold text-red-700' : 'text-stone-600'}`}>
              {t('case.due')}: {formatDate(c.dueOn)} {overdue ? `(${t('cases.overdue')})` : ''}
            </span>
          ) : null
        }
      >
        {c.lastReturnReason && c.state !== 'official' ? (
          <p className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="return-reason">
            {t('case.returnedBanner', { reason: c.lastReturnReason })}
          </p>
        ) : null}
        <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <Field hideEmpty label={t('case.birthDate')} value={formatDate(c.birthDate)} />
          <Field hideEmpty label={t('referral.gender')} value={t(c.gender === 'male' ? 'referral.male' : 'referral.female')} />
          <Field hideEmpty label={t('cases.col.nationalId')} value={c.nationalIdMasked ? <span className="font-mono">{c.nationalIdMasked}</span> : null} />
          <Field hideEmpty label={t('cases.col.workplace')} value={c.workplace} />
          <Field hideEmpty label={t('case.certificate')} value={[c.certificateNo, formatDate(c.certificateIssuedOn)].filter(Boolean).join(' · ')} />
          <Field hideEmpty label={t('case.round')} value={c.round} />
          <Field hideEmpty label={t('case.decision')} value={c.decisionNo ? `${c.decisionNo} · ${formatDate(c.decisionOn)}` : null} />
          <Field hideEmpty label={t('case.ceremony')} value={formatDate(c.ceremonyOn)} />
          <Field hideEmpty label={t('case.probationEnds')} value={formatDate(c.probationEndsOn)} />
          <Field hideEmpty label={t('case.recognitionDecision')} value={c.recognitionDecisionNo ? `${c.recognitionDecisionNo} · ${formatDate(c.recognitionDecisionOn)}` : null} />
        </dl>
        <h2 className="mt-5 text-sm font-semibold text-stone-700">{t('case.chain')}</h2>
        <ol className="mt-2 flex flex-wrap items-center gap-2 text-sm" data-testid="case-chain">
          {[
            [t('case.referrer'), c.referrer],
            [t('case.cell'), c.cell],
            [t('case.committee'), c.committee],
            [t('case.decider'), c.decider],
          ]
            .filter((x): x is [string, { id: number; name: string; path: string }] => Boolean(x[1]))
            .map(([label, unit], i) => (
              <li key={label} className="flex items-center gap-2">
                {i > 0 ? <span aria-hidden>→</span> : null}
                <span className="rounded border border-stone-200 px-2 py-1">
                  <span className="block text-xs text-stone-500">{label}</span>
                  {unit.name}
                </span>
              </li>
            ))}
        </ol>
      </DetailHeader>

      <Section title={t('case.actions')} emptyText={c.actions.length ? null : t('case.noActions')} emptyTestId="no-actions" className="no-print">
        <div className="space-y-3">
          {c.actions.map((a) => (
            <TransitionForm
              key={a}
              l={l}
              caseId={c.id}
              version={c.version}
              transition={a}
              title={t(`transition.${a}` as MessageKey)}
              today={formatDate(today())}
              danger={a === 'reject'}
              confirmText={a === 'reject' ? t(`transition.reject`) + '?' : undefined}
              missing={c.missingPapers[a] ? t('papers.missing', { documents: c.missingPapers[a].map((k) => t(`doc.${k}` as MessageKey)).join('; ') }) : undefined}
            />
          ))}
        </div>
      </Section>

      <PapersSection c={c} t={t} l={l} />

      <div className="no-print">
        <FormsSection caseId={c.id} state={c.state} hasCommittee={c.committee !== null} />
      </div>

      <Section title={t('case.timeline')} emptyText={c.timeline.length ? null : t('case.timelineEmpty')}>
        <ol className="space-y-3 border-l-2 border-red-200 pl-4" data-testid="case-timeline">
          {c.timeline.map((e) => (
            <li key={e.id} className="text-sm">
              <span className="font-semibold tabular-nums">{formatDate(e.effectiveOn)}</span> — {t(`transition.${e.transition}` as MessageKey)}{' '}
              <span className="text-stone-500">
                ({e.actorName}, {e.actorUnitName}; {t('case.round')} {e.round})
              </span>
              {e.comment ? <div className="mt-1 rounded bg-amber-50 px-2 py-1 text-amber-900">{e.comment}</div> : null}
              {e.overrides.map((o) => (
                <div key={o.check} className="mt-1 rounded bg-red-50 px-2 py-1 text-red-900">
                  {t('case.overrideBy', { check: t(`checkName.${o.check}` as MessageKey), reason: o.reason })}
                </div>
              ))}
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}
