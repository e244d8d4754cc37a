import type { Metadata } from 'next';
import Link from 'next/link';
import { getSurveyRound } from '@/lib/dal/engagement';
import { formatDate } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { idParam, orNotFound, pickerLabels } from '@/lib/page';
import { OWNER_ATTITUDES } from '@/lib/registry/kinds';
import { partnersText } from '@/lib/registry/survey-partners';
import { FindingForm } from '../../forms';

export const metadata: Metadata = { title: 'Đợt khảo sát' };

export default async function SurveyRoundPage({ params }: { params: Promise<{ id: string }> }) {
  const r = await orNotFound(getSurveyRound(idParam((await params).id)));
  const t = await getT();
  return (
    <div className="space-y-6">
      <Link href="/engagement" className="text-sm text-red-800 underline">
        ← {t('survey.title')}
      </Link>
      <header className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold text-red-900" data-testid="survey-title">
          {r.title}
        </h1>
        <p className="mt-2 text-sm text-stone-600">
          {formatDate(r.heldOn)} · {t('survey.organiser')}: {r.unitName}
          {r.participants.length ? (
            <>
              {' '}
              · {t('survey.participants')}: <span data-testid="survey-partners-text">{partnersText(t, r.participants)}</span>
            </>
          ) : null}
        </p>
      </header>
      <section>
        <h2 className="mb-3 text-lg font-semibold">{t('survey.findings')}</h2>
        {r.findings.length === 0 ? (
          <p className="text-sm text-stone-600">{t('survey.findingsEmpty')}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="min-w-full text-sm" data-testid="findings-table">
              <thead className="bg-stone-100 text-left text-xs uppercase tracking-wide text-stone-600">
                <tr>
                  <th className="px-4 py-2">{t('survey.enterprise')}</th>
                  <th className="px-4 py-2 text-right">{t('survey.membersWorking')}</th>
                  <th className="px-4 py-2">{t('survey.unionPresent')}</th>
                  <th className="px-4 py-2">{t('survey.ownerAttitude')}</th>
                  <th className="px-4 py-2">{t('survey.note')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100 align-top">
                {r.findings.map((f) => (
                  <tr key={f.id}>
                    <td className="px-4 py-2">
                      <Link href={`/enterprises/${f.enterpriseId}`} className="font-medium text-red-900 hover:underline">
                        {f.enterpriseName}
                      </Link>
                    </td>
                    <td className="px-4 py-2 text-right tabular-nums">{f.membersWorking}</td>
                    <td className="px-4 py-2">{t(f.unionPresent ? 'yes' : 'no')}</td>
                    <td className="px-4 py-2">{t(`survey.attitude.${f.ownerAttitude}`)}</td>
                    <td className="px-4 py-2">{f.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {r.canRecord ? (
        <section className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
          <h2 className="mb-3 font-semibold text-red-900">{t('survey.addFinding')}</h2>
          <FindingForm
            l={{
              enterprise: t('survey.enterprise'),
              membersWorking: t('survey.membersWorking'),
              ownerAttitude: t('survey.ownerAttitude'),
              note: t('survey.note'),
              unionPresent: t('survey.unionPresent'),
              submit: t('survey.addFinding'),
              pending: t('form.pending'),
            }}
            roundId={r.id}
            pick={pickerLabels(t)}
            attitudes={[{ value: '', label: '—' }, ...OWNER_ATTITUDES.map((a) => ({ value: a, label: t(`survey.attitude.${a}`) }))]}
          />
        </section>
      ) : null}
    </div>
  );
}
