import Link from 'next/link';
import { Breadcrumb, ChildrenTable, KindBadge } from '@/components/units';
import { getHomeOverview } from '@/lib/dal/units';
import { getT } from '@/lib/i18n/server';
import { totalText } from '@/lib/page';

export default async function HomePage() {
  const { user, unit } = await getHomeOverview();
  const t = await getT();
  return (
    <div className="space-y-6">
      <Breadcrumb items={unit.breadcrumb} t={t} />
      <section className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <p className="text-sm text-stone-600">{t('home.greeting', { name: user.fullName })}</p>
        <h1 className="mt-1 text-2xl font-bold text-red-900" data-testid="home-unit-name">
          {unit.name}
        </h1>
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
          <KindBadge kind={unit.kind} t={t} />
          <span>
            {t('home.yourRole')}: <strong data-testid="home-role">{t(`role.${user.role}`)}</strong>
          </span>
          <span className="text-stone-500">{unit.code}</span>
          <Link href={`/units/${unit.id}`} className="ml-auto text-red-800 underline">
            {t('home.openUnit')}
          </Link>
        </div>
      </section>
      <section>
        <h2 className="mb-3 text-lg font-semibold">{t('unit.children')}</h2>
        <ChildrenTable items={unit.children.items} t={t} emptyText={t(unit.allowed.create ? 'unit.childrenEmptyAdmin' : 'unit.childrenEmpty')} />
        {unit.children.next ? (
          <Link href={`/units/${unit.id}`} className="mt-3 inline-block text-sm text-red-800 underline" data-testid="children-all">
            {t('unit.childrenAll', { n: totalText(t, unit.children) })}
          </Link>
        ) : null}
      </section>
    </div>
  );
}
