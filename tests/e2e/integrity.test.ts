// Page integrity (issue 5): the extension changes nothing of a page outside its own host element
// and fetches nothing. Every fixture page is loaded twice — in a plain Chromium without the
// extension, and with it — and compared: the DOM with our host removed, the computed style of
// <html> and <body>, the number of <style>/<link> in <head>; after the audit ran (chip shown on
// reports) and again after the chip's "隐藏标记". The requests of the page and the server's log
// must be the same with and without the extension (for these fixtures: the page alone).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser as PlainBrowser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, FIXTURES, launch, type Browser, type Served, serveFixtures } from './harness';

const DIRS = ['seeds', 'pages', 'rules', 'hostile'];
const PAGES = DIRS.flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((n) => n.endsWith('.html'))
    .sort()
    .map((n) => ({
      path: `${dir}/${n}`,
      detected: (
        JSON.parse(readFileSync(join(FIXTURES, dir, n.replace(/\.html$/, '.expected.json')), 'utf8')) as {
          detected: boolean;
        }
      ).detected,
    })),
);

let served: Served;
let ext: Browser;
let plainBrowser: PlainBrowser;
let plain: BrowserContext;
const workerLog: string[] = [];
const checked = { pages: 0, reports: 0, toggled: 0, requests: 0 };

beforeAll(async () => {
  served = await serveFixtures();
  ext = await launch();
  ext.worker.on('console', (m) => workerLog.push(`${m.type()}: ${m.text()}`));
  plainBrowser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP *.gov.cn 127.0.0.1'],
  });
  // Same viewport and locale as the harness's context, so layout-dependent styles compare.
  plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
});
afterAll(async () => {
  console.log(
    `[integrity] ${checked.pages} pages checked with and without the extension ` +
      `(${checked.reports} reports with the overlay, ${checked.toggled} also after 隐藏标记; ` +
      `${checked.requests} requests, all made by the pages themselves)`,
  );
  await ext?.close();
  await plain?.close();
  await plainBrowser?.close();
  await served?.close();
});

const url = (path: string) => `http://www.linjiang.gov.cn:${served.port}/${path}`;

interface Snapshot {
  dom: string;
  htmlStyle: string;
  bodyStyle: string;
  headStyles: number;
  scroll: [number, number];
}

/** The page as the page sees it, minus our host element. */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const host of Array.from(clone.querySelectorAll('gov-report-audit'))) host.remove();
    const style = (el: Element) => {
      const cs = getComputedStyle(el);
      return Array.from(cs)
        .map((p) => `${p}: ${cs.getPropertyValue(p)}`)
        .join('\n');
    };
    return {
      dom: new XMLSerializer().serializeToString(clone),
      htmlStyle: style(document.documentElement),
      bodyStyle: style(document.body),
      headStyles: document.head.querySelectorAll('style, link').length,
      scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight] as [number, number],
    };
  });
}

/** Load a page in a context, recording every request it makes and what the server saw. */
async function load(context: BrowserContext, path: string) {
  const requests: string[] = [];
  const onContext = (r: { url(): string }) => requests.push(r.url());
  context.on('request', onContext);
  const from = served.log.length;
  const page = await context.newPage();
  const logs: string[] = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  await page.goto(url(path), { waitUntil: 'load' });
  return {
    page,
    console: logs,
    /** Stop recording: the requests seen (page and context) and the server log since loading. */
    done: () => {
      context.off('request', onContext);
      return { requests: requests.filter((u) => !u.startsWith('chrome-extension://')), log: served.log.slice(from) };
    },
  };
}

/** Soft: every difference is reported, and the rest of the page's checks still run. */
function expectSame(withExt: Snapshot, without: Snapshot, when: string) {
  expect.soft(withExt.headStyles, `${when}: <style>/<link> in <head>`).toBe(without.headStyles);
  expect.soft(withExt.htmlStyle, `${when}: computed style of <html>`).toBe(without.htmlStyle);
  expect.soft(withExt.bodyStyle, `${when}: computed style of <body>`).toBe(without.bodyStyle);
  expect.soft(withExt.scroll, `${when}: document scroll size`).toEqual(without.scroll);
  expect.soft(withExt.dom, `${when}: DOM outside our host`).toBe(without.dom);
}

describe('the page is untouched outside our host, and nothing is fetched', () => {
  it.each(PAGES)('$path', async ({ path, detected }) => {
    const a = await load(plain, path);
    await a.page.waitForTimeout(300);
    const before = await snapshot(a.page);
    const bare = a.done();
    await a.page.close();

    const b = await load(ext.context, path);
    const chip = b.page.locator('gov-report-audit .chip');
    if (detected) {
      const shown = await chip.waitFor({ timeout: 15000 }).then(
        () => true,
        () => false,
      );
      const worker = workerLog.splice(0).join('\n');
      expect(shown, `overlay shown on a report; page console:\n${b.console.join('\n')}\nworker:\n${worker}`).toBe(true);
      checked.reports++;
    } else await b.page.waitForTimeout(1000);
    expect(await b.page.locator('gov-report-audit').count(), 'our host only on reports').toBe(detected ? 1 : 0);
    expectSame(await snapshot(b.page), before, 'after the audit');

    if (detected) {
      const toggle = chip.locator('.toggle');
      expect(await toggle.textContent()).toBe('隐藏标记');
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
      expect(await b.page.locator('gov-report-audit .marker').count(), 'markers hidden').toBe(0);
      expectSame(await snapshot(b.page), before, 'after 隐藏标记');
      checked.toggled++;
    }
    // Let any late work (re-audit debounce, settings, badge) run before counting requests.
    await b.page.waitForTimeout(500);
    const withExt = b.done();
    await b.page.close();

    // Without the extension: the page, then only what it references itself (images of the
    // tables-unreadable pages), all from the fixture server. With it: exactly the same.
    expect(bare.requests[0]).toBe(url(path));
    for (const r of bare.requests) expect(r.startsWith(url(''))).toBe(true);
    // URLs, not events: Chromium may report a request for a re-used 404 image more than once.
    const urls = (xs: string[]) => [...new Set(xs)].sort();
    expect.soft(urls(withExt.requests), 'URLs requested with the extension').toEqual(urls(bare.requests));
    expect.soft(urls(withExt.log), 'paths the server saw with the extension').toEqual(urls(bare.log));
    checked.requests += withExt.requests.length;
    checked.pages++;
  });
});
