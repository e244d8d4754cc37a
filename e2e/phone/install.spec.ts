import { expect, test } from '@playwright/test';

test('[PHONE] the portal is installable: its manifest, served without a session, opens on the inbox, with a Vietnamese name, the header colour and PNG icons', async ({ page, request }) => {
  // Browsers fetch the manifest and icons without cookies: no login redirect.
  const res = await request.get('/manifest.webmanifest', { maxRedirects: 0 });
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('manifest+json');
  const manifest = await res.json();
  expect(manifest.start_url).toBe('/cases/inbox');
  expect(manifest.short_name).toBe('Hạt nhân');
  expect(manifest.name).toContain('Cổng công tác xây dựng Đảng');
  expect(manifest.lang).toBe('vi');
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toBe('#7f1d1d');
  const icons: { src: string; sizes: string; type: string; purpose?: string }[] = manifest.icons;
  expect(icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of [...icons, { src: '/icons/apple-touch-icon.png', sizes: '180x180', type: 'image/png' }]) {
    const image = await request.get(icon.src, { maxRedirects: 0 });
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
    const png = await image.body();
    // The PNG's own width and height (IHDR) are the size the manifest states.
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
  }

  // The pages point at it, with the theme colour and the Apple icon.
  await page.goto('/login');
  await expect(page.locator('link[rel=manifest]')).toHaveAttribute('href', '/manifest.webmanifest');
  await expect(page.locator('meta[name=theme-color]')).toHaveAttribute('content', '#7f1d1d');
  await expect(page.locator('link[rel=apple-touch-icon]')).toHaveAttribute('href', '/icons/apple-touch-icon.png');
});
