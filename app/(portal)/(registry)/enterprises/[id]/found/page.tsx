import type { Metadata } from 'next';
import { BackLink } from '@/components/page-chrome';
import { today } from '@/lib/clock';
import { getEnterprise } from '@/lib/dal/enterprises';
import { FOUNDING_PARENT_KINDS, foundingOptions } from '@/lib/dal/founding';
import { formatDate } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import { idParam, orNotFound, pickerLabels } from '@/lib/page';
import { ProposeForm } from '../../../founding/forms';
import { EmptyState } from '@/components/empty-state';

export const metadata: Metadata = { title: 'Đề nghị thành lập chi bộ' };

export default async function ProposeFoundingPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam((await params).id);
  const [e, opts, t] = await Promise.all([orNotFound(getEnterprise(id)), orNotFound(foundingOptions(id)), getT()]);
  return (
    <div className="space-y-4">
      <BackLink href={`/enterprises/${e.id}`}>{e.name}</BackLink>
      <h1 className="text-2xl font-bold text-red-900">{t('founding.propose')}</h1>
      {e.partyUnit ? (
        <p className="rounded-md bg-amber-50 p-4 text-sm text-amber-950">{t('errors.foundingNotNeeded')}</p>
      ) : opts.members.length === 0 ? (
        <EmptyState>{t('founding.noMembers')}</EmptyState>
      ) : (
        <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
          <ProposeForm
            l={{
              submit: t('founding.propose'),
              pending: t('form.pending'),
              cellName: t('founding.cellName'),
              parent: t('founding.parent'),
              proposedOn: t('founding.proposedOn'),
              members: t('founding.members'),
              membersHelp: t('founding.membersHelp', { min: opts.minMembers }),
            }}
            enterpriseId={e.id}
            cellName={`Chi bộ ${e.name}`}
            parentSource={`/api/pick/units?kinds=${FOUNDING_PARENT_KINDS.join(',')}`}
            pick={pickerLabels(t)}
            members={opts.members.map((m) => ({ id: m.id, label: `${m.fullName} (${t(m.official ? 'founding.official' : 'founding.probationary')}, ${m.cellName})` }))}
            today={formatDate(today())}
          />
        </div>
      )}
    </div>
  );
}
