import type { Metadata } from 'next';
import { PlainTable, RowLink } from '@/components/card-table';
import { BackLink, DetailHeader, FormPanel, Section } from '@/components/page-chrome';
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
  const subtitle = (
    <>
      {formatDate(r.heldOn)} · {t('survey.organiser')}: {r.unitName}
      {r.participants.length ? (
        <>
          {' '}
          · {t('survey.participants')}: <span data-testid="survey-partners-text">{partnersText(t, r.participants)}</span>
        </>
      ) : null}
    </>
  );
  return (
    <div className="space-y-6">
      <BackLink href="/engagement">{t('survey.title')}</BackLink>
      <DetailHeader title={r.title} titleTestId="survey-title" subtitle={subtitle} />
      <Section title={t('survey.findings')} emptyText={r.findings.length ? null : t('survey.findingsEmpty')}>
        <PlainTable
          head={[
            { label: t('survey.enterprise') },
            { label: t('survey.membersWorking'), align: 'right' },
            { label: t('survey.unionPresent') },
            { label: t('survey.ownerAttitude') },
            { label: t('survey.note') },
          ]}
          testId="findings-table"
        >
          {r.findings.map((f) => (
            <tr key={f.id}>
              <td className="px-4 py-2">
                <RowLink href={`/enterprises/${f.enterpriseId}`}>{f.enterpriseName}</RowLink>
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{f.membersWorking}</td>
              <td className="px-4 py-2">{t(f.unionPresent ? 'yes' : 'no')}</td>
              <td className="px-4 py-2">{t(`survey.attitude.${f.ownerAttitude}`)}</td>
              <td className="px-4 py-2">{f.note}</td>
            </tr>
          ))}
        </PlainTable>
      </Section>
      {r.canRecord ? (
        <FormPanel title={t('survey.addFinding')}>
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
        </FormPanel>
      ) : null}
    </div>
  );
}
