import type { MetadataRoute } from 'next';
import { translate } from '@/lib/i18n/messages';

/** The header's red (Tailwind red-900): the installed app's bar takes the same colour. */
export const THEME_COLOUR = '#7f1d1d';

/**
 * The web app manifest (served at /manifest.webmanifest, outside the login: a browser fetches it
 * without cookies). Installed on a phone, the portal opens on the steps awaiting the user.
 * Icons: public/icons, drawn by lib/setup/icons.ts.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: `${translate('vi', 'app.name')} · ${translate('vi', 'app.tagline')}`,
    short_name: translate('vi', 'app.name'),
    description: translate('vi', 'app.tagline'),
    lang: 'vi',
    dir: 'ltr',
    start_url: '/cases/inbox',
    scope: '/',
    display: 'standalone',
    background_color: '#fafaf9',
    theme_color: THEME_COLOUR,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
