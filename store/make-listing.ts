// The store listing's images, composed from the screenshots the real-browser tests take of the
// real extension (tests/e2e/screenshots/), so the listing shows what the extension does today:
// 1280×800 screenshots (a broken total's card on the page, the findings panel, the popup beside its
// page, the column sweep) and the 440×280 promotional tile. `npm run listing` runs those tests
// first; this script alone re-composes from the screenshots already there.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { MESSAGES } from '../lib/i18n';
import { CHROMIUM, SHOTS } from '../tests/e2e/harness';

const OUT = join(import.meta.dirname, 'listing');
const png = (path: string) => `data:image/png;base64,${readFileSync(path).toString('base64')}`;
const shot = (name: string) => png(join(SHOTS, `${name}.png`));
const FONT = "font-family:'PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif";

/** Each listing image: its file, size and the page that draws it (screenshots as <img>, no page text). */
const IMAGES: { file: string; width: number; height: number; html: () => string }[] = [
  {
    file: '1-overlay-card.png',
    width: 1280,
    height: 800,
    html: () => `<img src="${shot('rules-sum-t3-outcomes-fail-card')}" style="display:block">`,
  },
  {
    file: '2-findings-panel.png',
    width: 1280,
    height: 800,
    // The panel opens at the bottom right: keep the bottom 800 of the 900 px the test window had.
    html: () => `<img src="${shot('seeds-000-panel')}" style="display:block;margin-top:-100px">`,
  },
  {
    // The popup as it opens over its page: the page dimmed behind, the popup at the toolbar's corner.
    file: '3-popup.png',
    width: 1280,
    height: 800,
    html: () => `
      <img src="${shot('seeds-002-overlay')}" style="display:block;filter:brightness(.55)">
      <div style="position:absolute;top:12px;right:24px;width:400px;max-height:776px;overflow:hidden;
        border-radius:8px;box-shadow:0 8px 32px rgba(0,0,0,.45)"><img src="${shot('seeds-002-popup')}"
        style="display:block"></div>`,
  },
  {
    file: '4-column-sweep.png',
    width: 1280,
    height: 800,
    html: () => `<div style="background:#f6f8fa;height:800px;display:flex;justify-content:center">
      <img src="${shot('sweep-popup')}" style="display:block;box-shadow:0 0 0 1px #d0d7de"></div>`,
  },
  {
    file: 'tile-440x280.png',
    width: 440,
    height: 280,
    html: () => `<div style="${FONT};height:280px;box-sizing:border-box;padding:36px;color:#fff;
        background:linear-gradient(135deg,#0b57d0,#083d94);display:flex;flex-direction:column;gap:18px">
      <div style="display:flex;align-items:center;gap:16px">
        <img src="${png(join(import.meta.dirname, '..', 'public', 'icon', '128.png'))}" width="72" height="72"
          style="background:#fff;border-radius:14px;padding:4px">
        <div style="font-size:26px;font-weight:700;line-height:1.25">${MESSAGES.zh['manifest.action']}</div>
      </div>
      <div style="font-size:17px;line-height:1.5">${MESSAGES.zh['manifest.name']}</div>
      <div style="font-size:13px;opacity:.85;line-height:1.5">缺失章节 · 旧版表格 · 勾稽关系 · 文表不符</div></div>`,
  },
];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  mkdirSync(OUT, { recursive: true });
  for (const { file, width, height, html } of IMAGES) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    await page.setContent(`<body style="margin:0;overflow:hidden;position:relative">${html()}</body>`);
    await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
    writeFileSync(join(OUT, file), await page.screenshot({ clip: { x: 0, y: 0, width, height } }));
    await page.close();
  }
  console.log(`wrote ${IMAGES.length} listing images to store/listing/`);
} finally {
  await browser.close();
}
