import type { Metadata } from 'next';
import Link from 'next/link';
import { DetailHeader, Field } from '@/components/page-chrome';
import { ListSearch } from '@/components/list-search';
import { Breadcrumb, ChildrenTable, KindBadge, UnitHistory } from '@/components/units';
import { getUnit } from '@/lib/dal/units';
import { Pager } from '@/components/pager';
import { today } from '@/lib/clock';
import { formatDate } from '@/lib/format';
import { getT } from '@/lib/i18n/server';
import type { MessageKey } from '@/lib/i18n/messages';
import { cleanParams, idParam, orNotFound, pageParams, pagerText, pickerLabels } from '@/lib/page';
import { ALLOWED_CHILDREN, canContain, UNIT_KINDS } from '@/lib/units/kinds';
import { UnitAdmin } from './unit-admin';

export const metadata: Metadata = { title: 'Đơn vị' };

export default async function UnitPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string; after?: string; before?: string; n?: string }> }) {
  const p = cleanParams(await searchParams);
  const { request, n } = pageParams(p);
  const unit = await orNotFound(getUnit(idParam((await params).id), request, p.q));
  const t = await getT();
  const anyAdmin = Object.values(unit.allowed).some(Boolean);
  const parentKinds = UNIT_KINDS.filter((k) => canContain(k, unit.kind));

  return (
    <div className="space-y-6">
      <Breadcrumb items={unit.breadcrumb} t={t} />
      <DetailHeader
        title={unit.name}
        titleTestId="unit-name"
        beside={
          <>
            <KindBadge kind={unit.kind} t={t} />
            {unit.status !== 'active' ? (
              <span className="rounded bg-stone-200 px-2 py-0.5 text-xs font-semibold text-stone-700" data-testid="unit-status">
                {t(`status.${unit.status}`)}
              </span>
            ) : null}
          </>
        }
      >
        <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-stone-500">{t('unit.code')}</dt>
            <dd>{unit.code}</dd>
          </div>
          <Field hideEmpty label={t('unit.endedOn')} value={formatDate(unit.endedOn)} />
          <Field
            hideEmpty
            label={t('unit.mergedInto')}
            value={
              unit.mergedInto ? (
                <Link className="text-red-800 underline" href={`/units/${unit.mergedInto.id}`}>
                  {unit.mergedInto.name}
                </Link>
              ) : null
            }
          />
          <Field hideEmpty label={t('unit.description')} value={unit.description} className="sm:col-span-3" valueClassName="whitespace-pre-line" />
        </dl>
        {unit.allowed.manageUsers ? (
          <Link href={`/users?unitId=${unit.id}`} className="mt-3 inline-block text-sm text-red-800 underline">
            {t('unit.manageUsers')}
          </Link>
        ) : null}
      </DetailHeader>

      <section>
        <h2 className="mb-3 text-lg font-semibold">{t('unit.children')}</h2>
        {unit.children.items.length || p.q ? (
          <div className="mb-3">
            <ListSearch q={p.q} placeholder={t('unit.childrenSearch')} submit={t('users.searchSubmit')} testId="children-search" />
          </div>
        ) : null}
        <ChildrenTable items={unit.children.items} t={t} emptyText={t(p.q ? 'unit.childrenEmptyFiltered' : unit.allowed.create ? 'unit.childrenEmptyAdmin' : 'unit.childrenEmpty')} />
        <div className="mt-3">
          <Pager page={unit.children} path={`/units/${unit.id}`} params={p} n={n} text={pagerText(t, unit.children, n)} />
        </div>
      </section>

      {anyAdmin ? (
        <section className="no-print">
          <h2 className="mb-3 text-lg font-semibold">{t('unit.admin')}</h2>
          <UnitAdmin
            unit={{ id: unit.id, version: unit.version, name: unit.name, code: unit.code, description: unit.description }}
            today={formatDate(today())}
            allowed={unit.allowed}
            kindOptions={[{ value: '', label: t('unit.chooseKind') }, ...ALLOWED_CHILDREN[unit.kind].map((k) => ({ value: k, label: t(`kind.${k}` as MessageKey) }))]}
            moveSource={`/api/pick/units?notUnder=${unit.id}&kinds=${parentKinds.join(',')}`}
            mergeSource={`/api/pick/units?notUnder=${unit.id}`}
            pick={pickerLabels(t)}
            text={{
              pending: t('form.pending'),
              confirm: t('form.confirm'),
              cancel: t('form.cancel'),
              confirmTitle: t('form.confirmTitle'),
              kind: t('unit.kind'),
              name: t('unit.name'),
              code: t('unit.code'),
              codeHint: t('unit.codeHint'),
              description: t('unit.description'),
              effectiveOn: t('unit.effectiveOn'),
              createTitle: t('unit.create.title'),
              createSubmit: t('unit.create.submit'),
              updateTitle: t('unit.update.title'),
              updateSubmit: t('unit.update.submit'),
              moveTitle: t('unit.move.title'),
              moveTarget: t('unit.move.target'),
              moveSubmit: t('unit.move.submit'),
              moveConfirm: t('unit.move.confirm', { name: unit.name }),
              mergeTitle: t('unit.merge.title'),
              mergeTarget: t('unit.merge.target'),
              mergeHelp: t('unit.merge.help'),
              mergeSubmit: t('unit.merge.submit'),
              mergeConfirm: t('unit.merge.confirm', { name: unit.name }),
              dissolveTitle: t('unit.dissolve.title'),
              dissolveHelp: t('unit.dissolve.help'),
              dissolveReason: t('unit.dissolve.reason'),
              dissolveSubmit: t('unit.dissolve.submit'),
              dissolveConfirm: t('unit.dissolve.confirm', { name: unit.name }),
            }}
          />
        </section>
      ) : null}

      <section>
        <h2 className="mb-3 text-lg font-semibold">{t('unit.history')}</h2>
        <UnitHistory events={unit.events} t={t} />
      </section>
    </div>
  );
}
