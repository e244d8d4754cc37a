import type { Metadata } from 'next';
import { BackLink } from '@/components/page-chrome';
import { getT } from '@/lib/i18n/server';
import { pickerLabels } from '@/lib/page';
import { enterpriseFormOptions, enterpriseFormText } from '@/lib/registry/labels';
import { EnterpriseForm } from '../enterprise-form';

export const metadata: Metadata = { title: 'Đăng ký doanh nghiệp' };

export default async function NewEnterprisePage() {
  const t = await getT();
  return (
    <div className="space-y-4">
      <BackLink href="/enterprises">{t('enterprises.title')}</BackLink>
      <h1 className="text-2xl font-bold text-red-900">{t('enterprises.new')}</h1>
      <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <EnterpriseForm l={enterpriseFormText(t)} pick={pickerLabels(t)} options={enterpriseFormOptions(t)} />
      </div>
    </div>
  );
}
