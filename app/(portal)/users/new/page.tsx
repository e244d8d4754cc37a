import type { Metadata } from 'next';
import { BackLink } from '@/components/page-chrome';
import { getUnitOption } from '@/lib/dal/units';
import { canManageUsers } from '@/lib/dal/users';
import { getT } from '@/lib/i18n/server';
import { notFound } from 'next/navigation';
import { cleanParams, pickerLabels } from '@/lib/page';
import { param, parseParams } from '@/lib/validation';
import { roleOptions, userFormText } from '@/lib/user-labels';
import { CreateUserForm } from '../user-forms';

export const metadata: Metadata = { title: 'Thêm người dùng' };

export default async function NewUserPage({ searchParams }: { searchParams: Promise<{ unitId?: string }> }) {
  if (!(await canManageUsers())) notFound();
  const t = await getT();
  const { unitId } = parseParams(cleanParams(await searchParams), { unitId: param.id });
  const defaultUnit = unitId ? await getUnitOption(unitId) : null;
  return (
    <div className="max-w-xl space-y-4">
      <BackLink href="/users" arrow={false}>
        {t('users.back')}
      </BackLink>
      <h1 className="text-2xl font-bold text-red-900">{t('users.new')}</h1>
      <div className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <CreateUserForm L={userFormText(t)} pick={pickerLabels(t)} roleOptions={roleOptions(t)} defaultUnit={defaultUnit} />
      </div>
    </div>
  );
}
