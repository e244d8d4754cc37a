import type { Metadata } from 'next';
import { BackLink } from '@/components/page-chrome';
import { getUser } from '@/lib/dal/users';
import { requireUser } from '@/lib/dal/session';
import { formatDateTime } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { idParam, orNotFound, pickerLabels } from '@/lib/page';
import { roleOptions, userFormText } from '@/lib/user-labels';
import { ActiveForm, EditUserForm, EndSessionsForm, ResetPasswordForm } from '../user-forms';

export const metadata: Metadata = { title: 'Người dùng' };

export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const user = await orNotFound(getUser(idParam((await params).id)));
  const me = await requireUser();
  const { created } = await searchParams;
  const t = await getT();
  const L = userFormText(t, user.fullName);
  const self = me.id === user.id;
  return (
    <div className="max-w-3xl space-y-4">
      <BackLink href="/users" arrow={false}>
        {t('users.back')}
      </BackLink>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-bold text-red-900" data-testid="user-name">
          {user.fullName}
        </h1>
        <span className="font-mono text-sm text-stone-600">{user.username}</span>
        <span className={`rounded px-2 py-0.5 text-xs ${user.active ? 'bg-green-50 text-green-800' : 'bg-stone-200 text-stone-700'}`} data-testid="user-status">
          {user.active ? t('users.active') : t('users.inactive')}
        </span>
        <span className="text-xs text-stone-500">{formatDateTime(user.updatedAt)}</span>
      </div>
      {created ? (
        <p className="rounded-md bg-green-50 p-3 text-sm text-green-900" role="status">
          {t('users.edit.done')}
        </p>
      ) : null}
      <section className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <h2 className="mb-4 font-semibold">{t('users.edit.title')}</h2>
        <EditUserForm L={L} pick={pickerLabels(t)} user={user} roleOptions={roleOptions(t)} />
      </section>
      {self ? null : (
        <div className="grid gap-4 md:grid-cols-2">
          <section className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
            <h2 className="mb-4 font-semibold">{t('users.reset.title')}</h2>
            <ResetPasswordForm L={L} userId={user.id} />
          </section>
          <section className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
            <h2 className="mb-4 font-semibold">{t('users.deactivate.title')}</h2>
            <ActiveForm L={L} user={user} />
          </section>
          <section className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
            <h2 className="mb-4 font-semibold">{L.endSessionsTitle}</h2>
            <EndSessionsForm L={L} userId={user.id} />
          </section>
        </div>
      )}
    </div>
  );
}
