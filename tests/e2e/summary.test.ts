// The batch summary page in Chromium, as an evaluator opens it: a file on disk (file://), the fixture
// column, pages and seed reports audited into batch lines. Sorting, filtering, opening a report's findings; no
// console error and no request beyond the file itself. Screenshots (zh, en, findings open, print)
// go to tests/e2e/screenshots/.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPage } from '../../cli/load';
import { audit } from '../../lib/audit';
import { crossLine, type BatchLine, type ReportLine } from '../../lib/batch/lines';
import { summaryHtml } from '../../lib/batch/summary';
import type { Locale } from '../../lib/result';
import { compareYears, type YearReport } from '../../lib/sweep/years';
import { CHROMIUM, FIXTURES, SHOTS } from './harness';

const AUDITED_AT = '2025-03-02T08:00:00Z';

/** The fixture column, pages and seed reports as a batch run writes them: report lines, then the cross lines. */
async function batchLines(): Promise<BatchLine[]> {
  const html = (dir: string) =>
    readdirSync(join(FIXTURES, dir))
      .filter((n) => n.endsWith('.html'))
      .sort()
      .map((n) => join(FIXTURES, dir, n));
  const sources = [
    ...html('column'),
    ...html('pages'),
    ...html('seeds'),
    join(FIXTURES, 'pages', 'no-such-report.html'),
  ];
  const lines: BatchLine[] = [];
  const reports: YearReport[] = [];
  for (const [index, source] of sources.entries()) {
    const column = source.includes('/column/') ? '临江市' : undefined;
    try {
      const { doc, url } = await loadPage(source);
      const { result, model } = audit(doc, { url });
      lines.push({ type: 'report', source, url, column, auditedAt: AUDITED_AT, result } satisfies ReportLine);
      if (model && result.report)
        reports.push({ index, agency: result.report.agency, year: result.report.year, model });
    } catch (e) {
      lines.push({ type: 'report', source, column, auditedAt: AUDITED_AT, error: (e as Error).message });
    }
  }
  for (const y of compareYears(reports)) lines.push(crossLine(y, (i) => sources[i]));
  return lines;
}

let browser: Browser;
let lines: BatchLine[];
const dir = mkdtempSync(join(tmpdir(), 'gra-summary-'));
const fileOf = (locale: Locale) => join(dir, `summary.${locale}.html`);

beforeAll(async () => {
  lines = await batchLines();
  for (const locale of ['zh', 'en'] as const)
    writeFileSync(fileOf(locale), summaryHtml(lines, { locale, generatedAt: '2025-03-02T09:30:00Z' }));
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  requests: string[];
  problems: string[];
}

async function open(locale: Locale): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(pathToFileURL(fileOf(locale)).href);
  return { page, requests, problems };
}

const visible = (page: Page) =>
  page.$$eval('#reports tbody.rep', (bs) =>
    bs
      .filter((b) => !(b as HTMLElement).hidden)
      .map((b) => ({
        agency: b.getAttribute('data-v-agency') ?? '',
        errors: b.getAttribute('data-v-errors') ?? '',
        status: b.getAttribute('data-status') ?? '',
        q: b.getAttribute('data-q') ?? '',
      })),
  );

describe('summary page in Chromium (file://)', () => {
  it('shows the batch: tiles, both charts, every page a row, the cross-year findings', async () => {
    const { page, requests, problems } = await open('zh');
    const reportLines = lines.filter((l) => l.type === 'report');
    expect(await page.locator('#reports tbody.rep').count()).toBe(reportLines.length);
    expect(await page.locator('[data-tile="unreadable"] .n').textContent()).toBe('1');
    expect(Number(await page.locator('[data-tile="errors"] .n').textContent())).toBeGreaterThan(0);
    expect(await page.locator('#by-rule li').count()).toBeGreaterThan(3);
    expect(await page.locator('#by-agency li').count()).toBeGreaterThan(1);
    const cross = lines.filter((l) => l.type === 'cross').length;
    expect(cross).toBeGreaterThan(0);
    expect(await page.locator('table.cross tbody tr').count()).toBe(cross);
    expect(await page.locator('#shown').textContent()).toBe(`显示 ${reportLines.length}/${reportLines.length} 份`);
    await page.screenshot({ path: join(SHOTS, 'summary-zh.png'), fullPage: true });
    expect(requests).toEqual([pathToFileURL(fileOf('zh')).href]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sorts by any column: errors puts the most first, a second click the fewest; unread pages last', async () => {
    const { page, problems } = await open('zh');
    const errors = async () => (await visible(page)).map((r) => r.errors);
    const counted = (await errors()).filter(Boolean).map(Number);
    const max = Math.max(...counted);
    await page.click('th button[data-sort="errors"]');
    const desc = await errors();
    expect(Number(desc[0])).toBe(max);
    expect(desc.filter(Boolean).map(Number)).toEqual([...counted].sort((a, b) => b - a));
    expect(desc.slice(counted.length).every((e) => e === '')).toBe(true);
    expect(await page.getAttribute('th.h-errors', 'aria-sort')).toBe('descending');
    await page.click('th button[data-sort="errors"]');
    const asc = await errors();
    expect(Number(asc[0])).toBe(Math.min(...counted));
    expect(await page.getAttribute('th.h-errors', 'aria-sort')).toBe('ascending');
    await page.click('th button[data-sort="agency"]');
    const agencies = (await visible(page)).map((r) => r.agency).filter(Boolean);
    expect(agencies).toEqual([...agencies].sort(new Intl.Collator('zh-CN', { numeric: true }).compare));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters by text and by status, and says how many are shown', async () => {
    const { page, problems } = await open('zh');
    const total = (await visible(page)).length;
    await page.fill('#q', '统计局');
    const shown = await visible(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(total);
    expect(shown.every((r) => r.q.includes('统计局'))).toBe(true);
    expect(await page.locator('#shown').textContent()).toBe(`显示 ${shown.length}/${total} 份`);
    await page.fill('#q', 'sum.t3');
    expect((await visible(page)).every((r) => r.q.includes('sum.t3'))).toBe(true);
    await page.fill('#q', '没有这样的机关');
    expect(await visible(page)).toEqual([]);
    await expect.poll(() => page.locator('#empty').isVisible()).toBe(true);
    await page.fill('#q', '');
    await page.selectOption('#show', 'errors');
    const errors = await visible(page);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((r) => r.status === 'errors')).toBe(true);
    await page.selectOption('#show', 'unreadable');
    expect((await visible(page)).map((r) => r.status)).toEqual(['unreadable']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("opens a report's findings, and a cross-year link opens the report's row", async () => {
    const { page, problems } = await open('zh');
    const first = page.locator('button.tog').first();
    const detail = page.locator(`#${await first.getAttribute('aria-controls')}`);
    await expect.poll(() => detail.isVisible()).toBe(false);
    await first.click();
    await expect.poll(() => detail.isVisible()).toBe(true);
    expect(await detail.locator('li.f').count()).toBeGreaterThan(0);
    await first.click();
    await expect.poll(() => detail.isVisible()).toBe(false);
    const link = page.locator('table.cross tbody tr td:first-child a').first();
    const target = (await link.getAttribute('href'))!;
    await link.click();
    await expect.poll(() => page.locator(`${target} tr.detail`).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('looks right: English, everything open, printed (screenshots)', async () => {
    const { page, requests, problems } = await open('en');
    expect(await page.locator('h1').textContent()).toBe('Annual report audit summary');
    await page.screenshot({ path: join(SHOTS, 'summary-en.png'), fullPage: true });
    await page.click('#all');
    expect(await page.locator('tr.detail:visible').count()).toBe(await page.locator('button.tog').count());
    await page.screenshot({ path: join(SHOTS, 'summary-en-open.png'), fullPage: true });
    // A4 landscape's printable width at 96 dpi.
    await page.setViewportSize({ width: 1032, height: 730 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.tools').isVisible()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'summary-en-print.png'), fullPage: true });
    expect(requests).toEqual([pathToFileURL(fileOf('en')).href]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
