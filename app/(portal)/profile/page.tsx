import type { Metadata } from 'next';
import { getProfile } from '@/lib/dal/notifications';
import { requireUser } from '@/lib/dal/session';
import { formatDateTime } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { DIGEST_FREQUENCIES } from '@/lib/notify/kinds';
import { mailEnabled } from '@/lib/notify/smtp';
import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: 'Tài khoản của tôi' };

export default async function ProfilePage() {
  const [user, profile, t] = await Promise.all([requireUser(), getProfile(), getT()]);
  const mailOn = mailEnabled();
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold text-red-900">{t('profile.title')}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-stone-600">{t('profile.account')}</dt>
        <dd className="break-words font-medium">{profile.username}</dd>
        <dt className="text-stone-600">{t('profile.unit')}</dt>
        <dd className="break-words">
          {t(`role.${user.role}`)} · {user.unitName}
        </dd>
      </dl>
      {mailOn ? (
        <p className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm" data-testid="mail-status">
          {t('profile.mailOn')}
          {profile.digestSentAt ? ` ${t('profile.lastSent', { at: formatDateTime(profile.digestSentAt) })}` : null}
        </p>
      ) : (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" role="status" data-testid="mail-status">
          <p className="font-semibold">{t('profile.mailOff')}</p>
          <p className="mt-1 text-stone-700">{t('profile.mailOffHint')}</p>
        </div>
      )}
      <ProfileForm
        L={{ submit: t('profile.submit'), pending: t('form.pending'), email: t('profile.email'), emailHint: t('profile.emailHint'), digest: t('profile.digest') }}
        profile={profile}
        digestOptions={DIGEST_FREQUENCIES.map((d) => ({ value: d, label: t(`profile.digest.${d}`) }))}
      />
    </div>
  );
}
