import { getT } from '@/lib/i18n/server';
import { RegistryNav } from './registry-nav';

export default async function RegistryLayout({ children }: { children: React.ReactNode }) {
  const t = await getT();
  return (
    <>
      <RegistryNav
        items={[
          { href: '/enterprises', label: t('nav.enterprises') },
          { href: '/enterprises/priority', label: t('enterprises.priority') },
          { href: '/founding', label: t('nav.founding') },
          { href: '/engagement', label: t('nav.engagement') },
          { href: '/classes', label: t('nav.classes') },
          { href: '/ratings', label: t('nav.ratings') },
          { href: '/import', label: t('nav.import') },
        ]}
      />
      {children}
    </>
  );
}
