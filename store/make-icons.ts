// Renders store/icon.svg (the one drawing) to the checked-in PNGs in public/icon/: the mark at the
// manifest sizes, and the toolbar states at the action sizes (components/ext/toolbar.ts picks them).
// Chromium draws the SVG, so what the browser shows is what was designed; re-run after editing it:
//
//   npx tsx store/make-icons.ts [--preview /tmp/icons-preview.png]
//
// --preview also writes a sheet of the 16 and 32 px PNGs magnified to 128 px (pixelated), then of
// every PNG at its real size, on a light and a dark toolbar: for judging 16 px crispness by eye.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/harness';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'public', 'icon');
const SVG = readFileSync(join(import.meta.dirname, 'icon.svg'), 'utf8');

const STATES = ['idle', 'clean', 'findings', 'failed'];

/** file → [size, state class (none: the plain mark), transparent padding]. */
const ICONS: Record<string, [number, string?, number?]> = {
  '16.png': [16],
  '32.png': [32],
  '48.png': [48],
  // The store wants the artwork in about 96 of the 128 px: 16 grid units × 7 px plus 8 px on
  // each side puts the sheet at 84 × 98 px, still on whole pixels.
  '128.png': [128, '', 8],
  ...Object.fromEntries(STATES.flatMap((s) => [16, 32].map((n) => [`state-${s}-${n}.png`, [n, s]]))),
};

async function render(page: Page, [size, state = '', pad = 0]: [number, string?, number?]): Promise<Buffer> {
  const box = size - 2 * pad;
  const svg = SVG.replace(
    '<svg ',
    `<svg width="${box}" height="${box}" class="${state}" style="display:block;margin:${pad}px" `,
  );
  await page.setContent(`<body style="margin:0;line-height:0">${svg}</body>`);
  return page.screenshot({ clip: { x: 0, y: 0, width: size, height: size }, omitBackground: true });
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  // deviceScaleFactor 1: one CSS pixel is one PNG pixel, so whole-pixel edges stay whole.
  const page = await browser.newPage({ viewport: { width: 256, height: 256 }, deviceScaleFactor: 1 });
  mkdirSync(OUT, { recursive: true });
  const files = Object.keys(ICONS);
  for (const file of files) writeFileSync(join(OUT, file), await render(page, ICONS[file]));
  console.log(`wrote ${files.length} icons to public/icon/`);

  const at = process.argv.indexOf('--preview');
  if (at > 0) {
    const preview = process.argv[at + 1] ?? '/tmp/icons-preview.png';
    // Each PNG magnified to 128 px (16 px ones 8×), then at its real size, on a light and a dark toolbar.
    const src = (f: string) => `data:image/png;base64,${readFileSync(join(OUT, f)).toString('base64')}`;
    const big = (f: string) => `<img src="${src(f)}" style="width:128px;image-rendering:pixelated">`;
    const real = (f: string) => `<img src="${src(f)}">`;
    const small = files.filter((f) => /-?(16|32)\.png$/.test(f));
    const sheet = (bg: string) =>
      `<div style="background:${bg}"><p>${small.map(big).join('')}</p><p>${files.map(real).join('')}</p></div>`;
    await page.setViewportSize({ width: 10 * 136, height: 600 });
    await page.setContent(
      `<style>img{margin:4px;vertical-align:top}p{margin:0;padding:4px}</style>${sheet('#f1f3f4')}${sheet('#202124')}`,
    );
    await page.screenshot({ path: preview, fullPage: true });
    console.log(`preview: ${preview}`);
  }
} finally {
  await browser.close();
}
