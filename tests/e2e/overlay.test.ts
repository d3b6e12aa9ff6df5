// The overlay in real Chromium: for every fixture page, each finding of the CLI's JSON (same lib
// code under jsdom) has a marker touching the element its `target` path names; look-alikes show
// nothing; screenshots of the overlay, an open card and the panel are saved for review.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../lib/result';
import {
  type Browser,
  cliResult,
  FIXTURES,
  launch,
  markers,
  type Served,
  serveFixtures,
  SHOTS,
  tabIdOf,
} from './harness';

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
const RULE_PAGES = readdirSync(join(FIXTURES, 'rules'))
  .filter((n) => n.endsWith('.html'))
  .sort()
  .map((n) => `rules/${n}`);

/** Every finding of the CLI's result has its marker, touching its target element. */
async function expectMarkersOnTargets(page: Page, expected: AuditResult) {
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
}

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
      await expectMarkersOnTargets(page, expected);
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

describe('per-rule fixtures', () => {
  it.each(RULE_PAGES)('%s: markers where the CLI puts findings', async (path) => {
    const expected = await cliResult(path);
    const page = await open(path);
    if (expected.detected) {
      await page.locator('gov-report-audit .chip').waitFor({ timeout: 15000 });
      await expectMarkersOnTargets(page, expected);
    } else {
      await page.waitForTimeout(800);
      expect(await page.locator('gov-report-audit').count()).toBe(0);
    }
    await page.close();
  });
});

describe('badge and settings', () => {
  const badge = (tabId: number) =>
    browser.worker.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } })
        .chrome;
      return api.action.getBadgeText({ tabId: id });
    }, tabId);

  it('the toolbar badge shows the error count, ✓ on a clean report, nothing elsewhere', async () => {
    for (const [path, text] of [
      ['seeds/002.html', '1'],
      ['pages/clean-2021.html', '✓'],
      ['seeds/000.html', '0'],
      ['pages/listing.html', ''],
    ] as const) {
      const page = await open(path);
      const tab = await tabIdOf(browser, page);
      await expect.poll(() => badge(tab), { timeout: 10000 }).toBe(text);
      await page.close();
    }
  });

  it('settings apply to an open tab without reload', async () => {
    const page = await open('seeds/002.html');
    await page.locator('gov-report-audit .chip').waitFor();
    const setMin = (min: string) =>
      browser.worker.evaluate(async (m) => {
        const api = (
          globalThis as unknown as {
            chrome: {
              storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
            };
          }
        ).chrome;
        const cur = ((await api.storage.local.get('settings')).settings ?? {}) as object;
        await api.storage.local.set({ settings: { ...cur, version: 1, minSeverity: m } });
      }, min);
    const kinds = () => markers(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    await page.getByText('五、存在的主要问题及改进情况').first().scrollIntoViewIfNeeded();
    await setMin('error');
    await expect.poll(kinds).toEqual(['section.missing']);
    await setMin('info');
    await expect.poll(async () => (await kinds()).length).toBeGreaterThan(1);
    await page.close();
  });
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
