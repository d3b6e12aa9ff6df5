// The inspection log in real Chromium (issue 17): three reports of one agency (临江市统计局 2021,
// 2022, 2023 of tests/fixtures/column, on a gov.cn host) opened one after the other are recorded by
// the background; the 2023 page, whose 二、上年结转 disagrees with the 2022 report's 结转下年度,
// gets year.carry-over markers on those cells from the log alone (no sweep), and the popup shows
// them "与 2022 年报告比对" with the link and "今日已审核 3 份". The log page lists the three and
// copies them. (Private windows are never logged: a unit test of the background's rule,
// tests/log.test.ts, as persistent Playwright contexts have no incognito window.)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../../lib/sweep/decode';
import { FIXTURES, SHOTS, launch, openPopup, servePages, tabIdOf, type Browser, type Served } from './harness';

// The column's pages as UTF-8 (the harness serves every page as UTF-8; tjj-2022 is saved in GBK,
// which the sweep decodes itself but a browser reads by the server's charset).
const session = {} as { browser: Browser; served: Served };
beforeAll(async () => {
  session.served = await servePages(async (path) =>
    decode(await readFile(join(FIXTURES, path))).replace(/<meta charset="gbk">/i, '<meta charset="utf-8">'),
  );
  session.browser = await launch();
  await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterAll(async () => {
  await session.browser?.close();
  await session.served?.close();
});

/** The log as the background stored it (IndexedDB, read in the service worker). */
const logged = () =>
  session.browser.worker.evaluate(
    () =>
      new Promise<{ url: string; year: number | null; via: string }[]>((resolve, reject) => {
        const open = indexedDB.open('inspection-log');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('entries')) return resolve([]);
          const req = db.transaction('entries').objectStore('entries').getAll();
          req.onsuccess = () =>
            resolve(
              (req.result as { url: string; year: number | null; via: string }[]).map(({ url, year, via }) => ({
                url,
                year,
                via,
              })),
            );
          req.onerror = () => reject(req.error);
        };
      }),
  );

const carryMarkers = (page: Page) =>
  page
    .locator('gov-report-audit .marker[data-rule="year.carry-over"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-location')));

describe('the inspection log', () => {
  it('2021, 2022, 2023 of one agency: all three logged; 2023 compared with 2022 from the log, on the page and in the popup', async () => {
    const base = `http://www.linjiang.gov.cn:${session.served.port}/column/`;
    const page = await session.browser.context.newPage();
    for (const [i, year] of [2021, 2022, 2023].entries()) {
      await page.goto(`${base}tjj-${year}.html`);
      await page.locator('gov-report-audit').waitFor({ state: 'attached', timeout: 15000 });
      await expect.poll(async () => (await logged()).length, { timeout: 10000 }).toBe(i + 1);
    }
    const log = await logged();
    expect(log.map((e) => e.year).sort()).toEqual([2021, 2022, 2023]);
    expect(log.every((e) => e.via === 'page' && e.url.startsWith(base))).toBe(true);

    // The 二、上年结转 row of table 三 in view: its markers are drawn (on-screen markers only).
    await page.evaluate(() => {
      const cell = [...document.querySelectorAll('td')].find((td) => td.textContent?.includes('上年结转'));
      cell?.scrollIntoView({ block: 'center' });
    });
    await expect
      .poll(() => carryMarkers(page), { timeout: 10000 })
      .toEqual(['二、上年结转 / 自然人', '二、上年结转 / 总计']);
    await page.screenshot({ path: join(SHOTS, 'log-crossyear-page.png') });
    // Each marker sits at the top right corner of its cell in the 上年结转 row (自然人 3, 总计 5),
    // clear of the number in it.
    const placed = await page.locator('gov-report-audit .marker[data-rule="year.carry-over"]').evaluateAll((els) => {
      const row = [...document.querySelectorAll('tr')].find((tr) => tr.textContent?.includes('上年结转'))!;
      return els.map((m) => {
        const r = m.getBoundingClientRect();
        const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
        const td = [...row.querySelectorAll('td')].find((c) => {
          const b = c.getBoundingClientRect();
          return Math.abs(b.right - x) <= 12 && Math.abs(b.top - y) <= 12;
        });
        if (!td) return null;
        // The glyphs' boxes (text nodes only: a block inside the cell spans its whole width).
        const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
        let covers = false;
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const t of range.getClientRects())
            covers ||= r.left < t.right && r.right > t.left && r.top < t.bottom && r.bottom > t.top;
        }
        return { value: td.textContent?.trim(), covers };
      });
    });
    expect(placed).toEqual([
      { value: '3', covers: false },
      { value: '5', covers: false },
    ]);

    const popup = await openPopup(session.browser, await tabIdOf(session.browser, page));
    await popup.locator('[data-testid="compared"]').waitFor({ timeout: 10000 });
    await expect(popup.locator('[data-testid="compared"] h3').textContent()).resolves.toBe('与 2022 年报告比对');
    await expect(popup.locator('[data-testid="compared-link"]').getAttribute('href')).resolves.toBe(
      `${base}tjj-2022.html`,
    );
    await expect(popup.locator('.finding[data-rule="year.carry-over"]').count()).resolves.toBe(2);
    await expect(popup.locator('[data-group="year"] h3').textContent()).resolves.toMatch(/^跨年度/);
    await expect.poll(() => popup.locator('[data-testid="today"]').textContent()).toBe('今日已审核 3 份');
    await popup.screenshot({ path: join(SHOTS, 'log-crossyear-popup.png'), fullPage: true });

    // "今日已审核 3 份" opens the log page, which lists the three; its copy reads back.
    const [logPage] = await Promise.all([
      session.browser.context.waitForEvent('page'),
      popup.locator('[data-testid="today"]').click(),
    ]);
    expect(logPage.url()).toBe(`chrome-extension://${session.browser.extensionId}/log.html`);
    await logPage.setViewportSize({ width: 1200, height: 700 });
    await expect.poll(() => logPage.locator('[data-testid="row"]').count(), { timeout: 10000 }).toBe(3);
    await logPage.screenshot({ path: join(SHOTS, 'log-crossyear-log.png'), fullPage: true });
    await logPage.locator('[data-testid="copy"]').click();
    await expect
      .poll(() => logPage.locator('[data-testid="notice"]').textContent(), { timeout: 5000 })
      .toMatch(/已复制 3 条/);
    const copied = await logPage.evaluate(() => navigator.clipboard.readText());
    for (const y of ['2021', '2022', '2023']) expect(copied).toContain(`临江市统计局${y}年政府信息公开工作年度报告`);
  });
});
