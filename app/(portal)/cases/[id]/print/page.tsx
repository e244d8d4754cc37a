import type { Metadata } from 'next';
import { BackLink } from '@/components/page-chrome';
import { getCase } from '@/lib/dal/admission';
import { formatDate, formatDateTime } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import type { MessageKey } from '@/lib/i18n/messages';
import { idParam, orNotFound } from '@/lib/page';
import { PrintButton } from '@/components/print-button';

export const metadata: Metadata = { title: 'Bản in hồ sơ kết nạp' };

/** The case on A4 portrait: who, where it stands, its papers and its whole timeline (opening it is logged as opening the case). */
/** A part of the printed case: its title, then the content or, when there is nothing, `emptyText`. */
function PrintSection({ title, emptyText, children }: { title: string; emptyText: string | null; children: React.ReactNode }) {
  return (
    <section>
      <h2 className="mb-2 font-semibold">{title}</h2>
      {emptyText ? <p>{emptyText}</p> : children}
    </section>
  );
}

export default async function CasePrintPage({ params }: { params: Promise<{ id: string }> }) {
  const c = await orNotFound(getCase(idParam((await params).id)));
  const t = await getT();
  const rows: [string, string | number | null][] = [
    [t('case.birthDate'), formatDate(c.birthDate)],
    [t('referral.gender'), t(c.gender === 'male' ? 'referral.male' : 'referral.female')],
    [t('cases.col.nationalId'), c.nationalIdMasked || null],
    [t('cases.col.workplace'), c.workplace],
    [t('case.certificate'), [c.certificateNo, formatDate(c.certificateIssuedOn)].filter(Boolean).join(' · ') || null],
    [t('case.referrer'), c.referrer.name],
    [t('case.cell'), c.cell.name],
    [t('case.committee'), c.committee?.name ?? null],
    [t('case.decider'), c.decider.name],
    [t('case.decision'), c.decisionNo ? `${c.decisionNo} · ${formatDate(c.decisionOn)}` : null],
    [t('case.ceremony'), formatDate(c.ceremonyOn) || null],
    [t('case.probationEnds'), formatDate(c.probationEndsOn) || null],
    [t('case.recognitionDecision'), c.recognitionDecisionNo ? `${c.recognitionDecisionNo} · ${formatDate(c.recognitionDecisionOn)}` : null],
    [t('case.due'), formatDate(c.dueOn) || null],
  ];
  return (
    <article className="print-case mx-auto max-w-[210mm] space-y-5 bg-white p-6 text-sm text-stone-900 print:max-w-none print:p-0" data-testid="case-print">
      <div className="no-print flex flex-wrap items-center gap-3">
        <BackLink href={`/cases/${c.id}`}>{c.fullName}</BackLink>
        <PrintButton label={t('print.button')} />
      </div>
      <header className="border-b border-stone-300 pb-3">
        <p className="text-xs uppercase tracking-wide text-stone-600">{t('print.caseTitle')}</p>
        <h1 className="text-xl font-bold">{c.fullName}</h1>
        <p>
          {t(`state.${c.state}`)} · {t('case.round')} {c.round}
        </p>
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {rows
          .filter(([, v]) => v !== null && v !== '')
          .map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-stone-600">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <PrintSection title={t('case.documents')} emptyText={c.documents.length ? null : t('case.documentsEmpty')}>
        <table className="w-full border-collapse text-left">
          <thead>
            <tr className="border-b border-stone-400">
              <th className="py-1 pr-2">{t('print.paper')}</th>
              <th className="py-1 pr-2">{t('print.numberDate')}</th>
              <th className="py-1">{t('print.file')}</th>
            </tr>
          </thead>
          <tbody>
            {c.documents.map((d) => (
              <tr key={d.id} className="border-b border-stone-200 align-top">
                <td className="py-1 pr-2">
                  <div className="font-medium">{t(`doc.${d.kind}` as MessageKey)}</div>
                  <div>{d.title}</div>
                </td>
                <td className="py-1 pr-2">{[d.number, formatDate(d.issuedOn)].filter(Boolean).join(' · ')}</td>
                <td className="py-1">{d.files.length ? d.files.map((f) => f.fileName).join('; ') : d.onFileReason ? t('papers.onFile', { reason: d.onFileReason }) : t('papers.noFileYet')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </PrintSection>
      <PrintSection title={t('case.timeline')} emptyText={c.timeline.length ? null : t('case.timelineEmpty')}>
        <ol className="space-y-1">
          {c.timeline.map((e) => (
            <li key={e.id} className="break-inside-avoid">
              <span className="font-semibold tabular-nums">{formatDate(e.effectiveOn)}</span> — {t(`transition.${e.transition}` as MessageKey)} ({e.actorName}, {e.actorUnitName}; {t('case.round')}{' '}
              {e.round}){e.comment ? <div className="pl-4 italic">{e.comment}</div> : null}
              {e.overrides.map((o) => (
                <div key={o.check} className="pl-4">
                  {t('case.overrideBy', { check: t(`checkName.${o.check}` as MessageKey), reason: o.reason })}
                </div>
              ))}
            </li>
          ))}
        </ol>
      </PrintSection>
      <footer className="border-t border-stone-300 pt-2 text-xs text-stone-600">{t('print.printedOn', { at: formatDateTime(new Date()) })}</footer>
    </article>
  );
}
