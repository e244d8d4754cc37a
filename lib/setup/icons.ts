/**
 * Draws the portal's app icons (the header's amber star on its dark red) into public/icons:
 * `npx tsx lib/setup/icons.ts`. The PNGs are committed; run again only to change the drawing.
 * Uses sharp, which Next.js already installs for its image optimiser.
 */
import path from 'node:path';
import sharp from 'sharp';

/** Tailwind's red-900 and amber-300, the header's colours (app/(portal)/layout.tsx). */
const ICON_BACKGROUND = '#7f1d1d';
const STAR = '#fcd34d';

/** A five-pointed star centred in a 100×100 box, its outer radius `r`. */
function star(r: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.4;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(50 + radius * Math.cos(angle)).toFixed(2)},${(52 + radius * Math.sin(angle)).toFixed(2)}`);
  }
  return `<polygon points="${points.join(' ')}" fill="${STAR}"/>`;
}

/** `rounded`: the "any" icon with its own corners; otherwise full bleed (maskable, Apple). */
function svg({ rounded, starRadius }: { rounded: boolean; starRadius: number }): string {
  const corner = rounded ? 'rx="18"' : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" ${corner} fill="${ICON_BACKGROUND}"/>${star(starRadius)}</svg>`;
}

const ICONS = [
  { file: 'icon-192.png', size: 192, rounded: true, starRadius: 38 },
  { file: 'icon-512.png', size: 512, rounded: true, starRadius: 38 },
  // Maskable: the star inside the central safe circle (radius 40 of 100).
  { file: 'maskable-512.png', size: 512, rounded: false, starRadius: 28 },
  { file: 'apple-touch-icon.png', size: 180, rounded: false, starRadius: 34 },
];

async function main() {
  const dir = path.join(import.meta.dirname, '..', '..', 'public', 'icons');
  for (const icon of ICONS) {
    await sharp(Buffer.from(svg(icon)), { density: (72 * icon.size) / 100 })
      .resize(icon.size, icon.size)
      .png()
      .toFile(path.join(dir, icon.file));
    console.log(`${icon.file} (${icon.size}×${icon.size})`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
