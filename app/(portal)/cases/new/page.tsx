import type { Metadata } from 'next';
import { BackLink } from '@/components/page-chrome';
import { assertCanRefer } from '@/lib/dal/referrals';
import { caseFormText } from '@/lib/case-labels';
import { today } from '@/lib/clock';
import { formatDate } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { orNotFound, pickerLabels } from '@/lib/page';
import { ReferralForm } from '../case-forms';

export const metadata: Metadata = { title: 'Giới thiệu quần chúng ưu tú' };

export default async function NewReferralPage() {
  // The data layer refuses anyone but a union or youth branch's officers: "not found" for the others.
  const [, t] = await Promise.all([orNotFound(assertCanRefer()), getT()]);
  return (
    <div className="max-w-3xl space-y-4">
      <BackLink href="/cases">{t('cases.title')}</BackLink>
      <h1 className="text-2xl font-bold text-red-900">{t('cases.new')}</h1>
      <p className="text-sm text-stone-600">{t('referral.help')}</p>
      <div className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <ReferralForm l={caseFormText(t)} today={formatDate(today())} pick={pickerLabels(t)} />
      </div>
    </div>
  );
}
