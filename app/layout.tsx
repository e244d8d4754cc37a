import type { Metadata, Viewport } from 'next';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './globals.css';
import { getLocale } from '@/lib/i18n/server';
import { THEME_COLOUR } from './manifest';

export const metadata: Metadata = {
  title: { default: 'Hạt nhân', template: '%s · Hạt nhân' },
  description: 'Cổng công tác xây dựng Đảng trong doanh nghiệp ngoài khu vực nhà nước',
  icons: { icon: '/icons/icon-192.png', apple: '/icons/apple-touch-icon.png' },
  appleWebApp: { title: 'Hạt nhân', capable: true },
};

export const viewport: Viewport = { themeColor: THEME_COLOUR, width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">{children}</body>
    </html>
  );
}
