import type { Metadata } from 'next';
import { PlainTable } from '@/components/card-table';
import { BackLink, DetailHeader, FormPanel, Section } from '@/components/page-chrome';
import { today } from '@/lib/clock';
import { getClass } from '@/lib/dal/classes';
import { formatDate } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { idParam, orNotFound, pickerLabels } from '@/lib/page';
import { EnrolForm, IssueForm } from '../forms';

export const metadata: Metadata = { title: 'Lớp bồi dưỡng' };

export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const c = await orNotFound(getClass(idParam((await params).id)));
  const t = await getT();
  const pending = c.enrolments.filter((e) => !e.certificateNo);
  const year = today().slice(0, 4);
  const subtitle = (
    <>
      {t(`classes.kind.${c.kind}`)} · {c.organiserName} · {formatDate(c.startOn)}–{formatDate(c.endOn)} · {t('classes.counts', { enrolled: c.enrolled, certified: c.certified })}
    </>
  );
  return (
    <div className="space-y-6">
      <BackLink href="/classes">{t('classes.title')}</BackLink>
      <DetailHeader title={c.title} titleTestId="class-title" subtitle={subtitle} />
      <Section title={t('classes.enrolled')} emptyText={c.enrolments.length ? null : t('classes.noneEnrolled')}>
        <PlainTable
          head={[{ label: t('members.fullName') }, { label: t('cases.col.nationalId') }, { label: t('classes.certificate') }]}
          testId="enrolments-table"
          bodyClassName="divide-y divide-stone-100"
        >
          {c.enrolments.map((e) => (
            <tr key={e.id}>
              <td className="px-4 py-2">{e.fullName}</td>
              <td className="px-4 py-2 font-mono text-xs">{e.nationalIdMasked}</td>
              <td className="px-4 py-2">{e.certificateNo ? `${e.certificateNo} · ${formatDate(e.certificateOn)}` : <span className="text-stone-500">{t('classes.notYet')}</span>}</td>
            </tr>
          ))}
        </PlainTable>
      </Section>
      {c.canManage ? (
        <div className="grid gap-4 md:grid-cols-2">
          <FormPanel title={t('classes.enrol')} help={t('classes.enrolHelp')}>
            <EnrolForm l={{ submit: t('classes.enrol'), pending: t('form.pending'), legend: t('classes.enrolPick') }} pick={{ ...pickerLabels(t), none: t('classes.noEligible') }} classId={c.id} />
          </FormPanel>
          {pending.length ? (
            <FormPanel title={t('classes.issue')} help={t('classes.issueHelp')}>
              <IssueForm
                l={{ submit: t('classes.issue'), pending: t('form.pending'), legend: t('classes.enrolled'), firstNumber: t('classes.firstNumber'), certificateOn: t('classes.certificateOn') }}
                classId={c.id}
                enrolments={pending.map((e) => ({ value: String(e.id), label: e.fullName }))}
                today={formatDate(today())}
                firstNumber={`${c.kind === 'awareness' ? 'BDNT' : 'LLCT'}-${year}-001`}
              />
            </FormPanel>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
