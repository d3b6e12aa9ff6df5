// The overlay in real Chromium: for every fixture page, each finding of the CLI's JSON (same lib
// code under jsdom) has a marker touching the element its `target` path names; look-alikes show
// nothing; screenshots of the overlay, an open card and the panel are saved for review.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../lib/audit';
import type { AuditResult } from '../../lib/result';
import { loadPage } from '../../cli/load';
import { FIXTURES, SHOTS, launch, markers, serveFixtures, type Browser, type Served } from './harness';

let served: Served;
let browser: Browser;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  served = await serveFixtures();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const url = (path: string) => `http://www.linjiang.gov.cn:${served.port}/${path}`;

async function cliResult(path: string): Promise<AuditResult> {
  const { doc, url: u } = await loadPage(join(FIXTURES, path));
  return audit(doc, { url: u }).result;
}

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url(path));
  return page;
}

/** Distance between two boxes (0 when they overlap or touch). */
function gap(a: { x: number; y: number; width: number; height: number }, b: typeof a): number {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}

const REPORTS = [
  'seeds/000.html',
  'seeds/001.html',
  'seeds/002.html',
  'seeds/003.html',
  'seeds/004.html',
  'pages/clean-2021.html',
  'pages/tables-image.html',
];

describe('overlay on report pages', () => {
  for (const path of REPORTS) {
    it(`${path}: a marker at every finding's target, counts as in the CLI`, async () => {
      const expected = await cliResult(path);
      const page = await open(path);
      const chip = page.locator('gov-report-audit .chip');
      await chip.waitFor({ timeout: 15000 });
      const counts = (await chip.locator('.count').allTextContents()).map((t) => Number(t.trim()));
      const s = expected.summary;
      expect(counts).toEqual([s.error, s.warning, s.info, s.review]);
      for (const [i, f] of expected.findings.entries()) {
        expect(f.target, `${f.ruleId} has a target`).toBeTruthy();
        const target = page.locator(f.target!).first();
        await target.scrollIntoViewIfNeeded();
        const marker = page.locator(`gov-report-audit .marker[data-index="${i}"]`);
        await marker.waitFor({ timeout: 5000 });
        expect(await marker.getAttribute('data-rule')).toBe(f.ruleId);
        const [m, t] = [await marker.boundingBox(), await target.boundingBox()];
        expect(gap(m!, t!), `${f.ruleId} marker touches ${f.target}`).toBeLessThanOrEqual(30);
      }
      const name = path.replace(/\W+/g, '-').replace(/-html$/, '');
      const first = markers(page).first();
      if (await first.count()) {
        await first.scrollIntoViewIfNeeded();
        await page.mouse.wheel(0, -150);
        await page.screenshot({ path: join(SHOTS, `${name}-overlay.png`) });
        await first.hover();
        await page.locator('gov-report-audit .card').waitFor();
        await page.screenshot({ path: join(SHOTS, `${name}-card.png`) });
        await page.mouse.move(5, 5);
      }
      await chip.locator('.open').click();
      await page.locator('gov-report-audit .panel').waitFor();
      await page.screenshot({ path: join(SHOTS, `${name}-panel.png`) });
      await page.close();
    });
  }
});

describe('look-alike and ordinary pages', () => {
  for (const path of [
    'pages/notice-30hao.html',
    'pages/compile-notice.html',
    'pages/rules-page.html',
    'pages/listing.html',
    'pages/news-layout.html',
    'pages/website-report.html',
  ]) {
    it(`${path}: no overlay`, async () => {
      const page = await open(path);
      await page.waitForTimeout(1200);
      expect(await page.locator('gov-report-audit').count()).toBe(0);
      await page.close();
    });
  }
});
