// The overlay in real Chromium: for every fixture page, each finding its expectation file lists has
// a marker (same rule and location), beside the row it is about, and the chip counts as expected;
// look-alikes show nothing; screenshots of the overlay, an open card and the panel are saved.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { countKinds } from '../../lib/result';
import type { Expected, ExpectedFinding } from '../expected';
import { FIXTURES, markers, SHOTS, tabIdOf, fixtureSession, RULE_PAGES, SEED_PAGES } from './harness';

const session = fixtureSession();
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

const url = (path: string) => `http://www.linjiang.gov.cn:${session.served.port}/${path}`;

async function open(path: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(url(path));
  return page;
}

// The seeds, a page whose tables are images, and a broken total (the store's overlay screenshot).
const REPORTS = [...SEED_PAGES, 'pages/tables-image.html', 'rules/sum.t3-outcomes.fail.html'];

/** A fixture page's expectation (tests/fixtures/…/X.expected.json): the oracle, not the CLI. */
const expectationFor = (path: string): Expected =>
  JSON.parse(readFileSync(join(FIXTURES, path.replace(/\.html$/, '.expected.json')), 'utf8')) as Expected;

/** Vertical distance between two boxes (0 when they overlap). */
const apart = (a: Box, b: Box) => Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
type Box = { x: number; y: number; width: number; height: number };

/**
 * Where a finding's row is on the page: the row label's cell (a table three item by its own words,
 * "2.重复申请"), or for table four, whose findings sit on its one value row, the whole table.
 */
async function rowBoxes(page: Page, f: ExpectedFinding): Promise<Box[]> {
  const words = f.row!.split(' ').pop()!;
  let cells = page.getByText(words, { exact: true });
  if (!(await cells.count())) cells = page.getByText(words);
  const els = f.table === 't4' ? cells.locator('xpath=ancestor::table[1]') : cells;
  const boxes = await Promise.all((await els.all()).map((el) => el.boundingBox()));
  return boxes.filter((b): b is Box => b !== null);
}

/**
 * Every expected finding has its marker (same rule, same location), and a finding about a table
 * row sits at the height of that row's label as the page shows it: markers are checked against the
 * expectation's labels, not against where the CLI says it put them. The viewport is made as tall as
 * the page, so every marker is drawn at once (markers are drawn on screen only).
 */
async function expectMarkersAtLabels(page: Page, expected: Expected) {
  const normal = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: normal.width, height: Math.min(height + 100, 16000) });
  const all = page.locator('gov-report-audit .marker');
  await expect.poll(() => all.count(), { timeout: 5000 }).toBe(expected.findings.length);
  for (const f of expected.findings) {
    const marker = page.locator(`gov-report-audit .marker[data-rule="${f.rule}"][data-location="${f.location}"]`);
    expect(await marker.count(), `a ${f.rule} marker at ${f.location}`).toBeGreaterThan(0);
    if (!f.row || f.row === '数值行') continue;
    const m = (await marker.first().boundingBox())!;
    const near = Math.min(...(await rowBoxes(page, f)).map((b) => apart(m, b)));
    expect(near, `${f.rule} marker beside the row "${f.row}"`).toBeLessThanOrEqual(40);
  }
  // Back to a normal window, scrolled to the first marker (for the screenshots).
  const tops = await Promise.all((await all.all()).map(async (m) => (await m.boundingBox())!.y));
  await page.setViewportSize(normal);
  await page.evaluate((y) => window.scrollTo(0, y), Math.max(0, Math.min(...tops) - 150));
}

const chipCounts = (e: Expected) => {
  const c = countKinds(e.findings);
  return [c.error, c.warning, c.info, c.review];
};

describe('overlay on report pages', () => {
  for (const path of REPORTS) {
    it(`${path}: a marker for every expected finding, at its row; counts as expected`, async () => {
      const expected = expectationFor(path);
      const page = await open(path);
      const chip = page.locator('gov-report-audit .chip');
      await chip.waitFor({ timeout: 15000 });
      const counts = (await chip.locator('.count').allTextContents()).map((t) => Number(t.trim()));
      expect(counts).toEqual(chipCounts(expected));
      await expectMarkersAtLabels(page, expected);
      const name = path.replace(/\W+/g, '-').replace(/-html$/, '');
      const first = markers(page).first();
      if (expected.findings.length) {
        await first.waitFor();
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
  it.each(RULE_PAGES)('%s: a marker for every expected finding, at its row', async (path) => {
    const expected = expectationFor(path);
    const page = await open(path);
    if (expected.detected) {
      await page.locator('gov-report-audit .chip').waitFor({ timeout: 15000 });
      await expectMarkersAtLabels(page, expected);
    } else {
      await page.waitForTimeout(800);
      expect(await page.locator('gov-report-audit').count()).toBe(0);
    }
    await page.close();
  });
});

describe('badge and settings', () => {
  const badge = (tabId: number) =>
    session.browser.worker.evaluate(async (id) => {
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
      const tab = await tabIdOf(session.browser, page);
      await expect.poll(() => badge(tab), { timeout: 10000 }).toBe(text);
      await page.close();
    }
  });

  it('settings apply to an open tab without reload', async () => {
    const page = await open('seeds/002.html');
    await page.locator('gov-report-audit .chip').waitFor();
    const setMin = (min: string) =>
      session.browser.worker.evaluate(async (m) => {
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
