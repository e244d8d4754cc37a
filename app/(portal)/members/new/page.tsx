import type { Metadata } from 'next';
import { BackLink } from '@/components/page-chrome';
import { getT } from '@/lib/i18n/server';
import { pickerLabels } from '@/lib/page';
import { OCCUPATIONS } from '@/lib/registry/kinds';
import { MemberForm } from '../forms';

export const metadata: Metadata = { title: 'Thêm đảng viên' };

export default async function NewMemberPage() {
  const t = await getT();
  const keys = [
    'fullName',
    'birthDate',
    'gender',
    'nationalId',
    'phone',
    'cell',
    'enterprise',
    'occupation',
    'admittedOn',
    'admissionDecisionNo',
    'admissionDecisionNoHint',
    'officialOn',
    'cardNo',
    'confirmNotDuplicate',
    'submit',
  ] as const;
  const l = { ...Object.fromEntries(keys.map((k) => [k, t(`members.${k}`)])), male: t('referral.male'), female: t('referral.female'), pending: t('form.pending') };
  return (
    <div className="space-y-4">
      <BackLink href="/members">{t('members.title')}</BackLink>
      <h1 className="text-2xl font-bold text-red-900">{t('members.new')}</h1>
      <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <MemberForm l={l} pick={pickerLabels(t)} occupations={[{ value: '', label: '—' }, ...OCCUPATIONS.map((o) => ({ value: o, label: t(`members.occ.${o}`) }))]} />
      </div>
    </div>
  );
}
