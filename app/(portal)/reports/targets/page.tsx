import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/authz/permissions';
import { today } from '@/lib/clock';
import { listTargetSheet } from '@/lib/dal/reports';
import { requireUser } from '@/lib/dal/session';
import { getT } from '@/lib/i18n/server';
import { yearPeriod } from '@/lib/reports/maths';
import { MEASURES } from '@/lib/reports/measures';
import { TargetsForm } from './form';

export const metadata: Metadata = { title: 'Giao chỉ tiêu' };

export default async function TargetsPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const p = await searchParams;
  const year = /^\d{4}$/.test(p.year ?? '') ? Number(p.year) : Number(today().slice(0, 4));
  const [user, t] = await Promise.all([requireUser(), getT()]);
  if (!can(user, 'target.set', user.unitPath))
    return <p className="rounded-md bg-amber-50 p-4 text-sm text-amber-950">{t('tgt.notAllowed')}</p>;
  const sheet = await listTargetSheet(yearPeriod(year));
  return (
    <div className="space-y-4">
      <Link href={`/reports?year=${year}`} className="text-sm text-red-800 underline">
        ← {t('rep.title')}
      </Link>
      <h1 className="text-2xl font-bold text-red-900">
        {t('tgt.title')} · {t('rep.period.year', { year })}
      </h1>
      <p className="text-sm text-stone-600">{t('tgt.help')}</p>
      <TargetsForm
        l={{
          save: t('tgt.save'),
          pending: t('form.pending'),
          measure: t('rep.measure'),
          directive: t('tgt.directive'),
          directiveNo: t('tgt.directiveNo'),
          directiveOn: t('tgt.directiveOn'),
          directiveIssuer: t('tgt.directiveIssuer'),
          directiveTitle: t('tgt.directiveTitle'),
        }}
        year={year}
        units={sheet.units}
        measures={MEASURES.map((m) => ({ key: m, label: t(`rep.m.${m}`) }))}
        values={sheet.values}
      />
    </div>
  );
}
