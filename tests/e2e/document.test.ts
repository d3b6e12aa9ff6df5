// The document view (document.html?src=…) in real Chromium: a report published as a PDF or a Word
// file, served on a gov.cn host, shown with the same markers as a page. Each finding about a cell
// is marked on that cell's top-right corner — the cell as the CLI's reader of the same file places
// it — and never over the number it questions; zoom moves the markers with the page. The ways in:
// "审核此 PDF" from the popup of a tab showing a PDF, "审核附件" from the popup (and the chip) of a
// stub page that links its report. Files that cannot be read say so in one line naming the file.
// Screenshots for review: document-pdf-zh.png, document-docx-zh.png, document-en.png.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadPage } from '../../cli/load';
import { audit } from '../../lib/audit';
import type { Finding } from '../../lib/result';
import {
  EXT,
  FIXTURES,
  SHOTS,
  copyFromPopup,
  fixtureSession,
  launchWith,
  markers,
  openPopup,
  setLog,
  tabIdOf,
  type Browser,
} from './harness';

const session = fixtureSession({ clipboard: true });
const served = (path: string, host = 'www.linjiang.gov.cn') => `http://${host}:${session.served.port}/${path}`;
const viewOf = (src: string) =>
  `chrome-extension://${session.browser.extensionId}/document.html?src=${encodeURIComponent(src)}`;

const SUM_PDF = 'documents/pdf/rules__sum.t3-outcomes.fail.pdf';
const SUM_DOCX = 'documents/rules__sum.t3-outcomes.fail.docx';
/** The reported values of the two broken totals (tests/fixtures/rules/sum.t3-outcomes.fail.expected.json). */
const REPORTED: Record<string, string> = { '三、（七）总计 / 自然人': '48', '三、（七）总计 / 商业企业': '11' };

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** What the CLI finds in a fixture file, and where its reader put each finding's first target. */
async function cliAudit(path: string) {
  const { doc } = await loadPage(join(FIXTURES, path));
  const { result, refs } = audit(doc, { url: served(path), force: true });
  const where = result.findings.map((f, i) => {
    const el = refs[i]?.targets[0];
    const [x, y, w, h] = (el?.getAttribute('data-box') ?? '').split(',').map(Number);
    return { tag: el?.tagName ?? '', page: Number(el?.getAttribute('data-page')), x, y, w, h };
  });
  return { result, where };
}

/** The view on a file's address, once it has been read and audited (or has said why not). */
async function openView(src: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(viewOf(src));
  await waitSettled(page);
  return page;
}
const waitSettled = (page: Page) =>
  page
    .locator(
      '.docview[data-audit="done"], .docview[data-audit="scanned"], .docview[data-audit="failed"], [data-testid="error"], [data-testid="permission"]',
    )
    .first()
    .waitFor({ timeout: 30000 });

/** A viewport as tall as the document (markers are drawn on screen only), and back. */
async function allOnScreen<T>(page: Page, run: () => Promise<T>): Promise<T> {
  const normal = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: normal.width, height: Math.min(height + 100, 16000) });
  try {
    return await run();
  } finally {
    await page.setViewportSize(normal);
  }
}

const markerOf = (page: Page, f: Pick<Finding, 'ruleId' | 'location'>) =>
  page.locator(`gov-report-audit .marker[data-rule="${f.ruleId}"][data-location="${f.location}"]`).first();

/** A marker sits on the cell's top-right corner (centred on it, as on a page) and not over its text. */
async function expectOnCorner(marker: Locator, cell: Box, text: Box | null) {
  const m = (await marker.boundingBox())!;
  expect(Math.abs(m.x + m.width / 2 - (cell.x + cell.width))).toBeLessThanOrEqual(1.5);
  expect(Math.abs(m.y + m.height / 2 - cell.y)).toBeLessThanOrEqual(1.5);
  if (text) expect(overlaps(m, text), 'marker over the number').toBe(false);
}

/** The box of a PDF cell (its data-box on its page) as the view shows it at the current zoom. */
function pdfCell(page: Page, w: { page: number; x: number; y: number; w: number; h: number }): Promise<Box> {
  return page.evaluate((w) => {
    const el = document.querySelector(`.pdf-page[data-page-number="${w.page}"]`)!;
    const scale = Number(getComputedStyle(document.querySelector('.pdf-pages')!).getPropertyValue('--scale-factor'));
    const r = el.getBoundingClientRect();
    return { x: r.left + w.x * scale, y: r.top + w.y * scale, width: w.w * scale, height: w.h * scale };
  }, w);
}

/** The text-layer span showing `value` inside a cell of a PDF page (pdf.js draws it once the page is near). */
async function pdfText(page: Page, n: number, cell: Box, value: string): Promise<Box> {
  const spans = page.locator(`.pdf-page[data-page-number="${n}"] .textLayer span`, { hasText: value });
  await spans.first().waitFor();
  for (const s of await spans.all()) {
    const b = await s.boundingBox();
    if (b && (await s.textContent())?.trim() === value && overlaps(b, cell)) return b;
  }
  throw new Error(`no "${value}" in the cell on page ${n}`);
}

/** Check every cell finding of the CLI's audit of a PDF against the view's markers. */
async function expectPdfMarkers(page: Page, path: string) {
  const { result, where } = await cliAudit(path);
  await allOnScreen(page, async () => {
    await expect.poll(() => markers(page).count()).toBeGreaterThanOrEqual(result.findings.length);
    for (const [i, f] of result.findings.entries()) {
      const w = where[i];
      if (w.tag !== 'TD') continue;
      const cell = await pdfCell(page, w);
      const value = REPORTED[f.location];
      await expectOnCorner(markerOf(page, f), cell, value ? await pdfText(page, w.page, cell, value) : null);
    }
  });
  return result;
}

/** The chip's counts, error / warning / info / review. */
const chipCounts = (page: Page) =>
  page.locator('gov-report-audit .chip .count').evaluateAll((els) => els.map((e) => Number(e.textContent)));

async function setLocale(b: Browser, locale: 'zh' | 'en') {
  await b.worker.evaluate(async (locale) => {
    type Area = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
    const area = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome.storage.local;
    const { settings } = await area.get('settings');
    await area.set({ settings: { ...(settings as object | undefined), version: 2, locale } });
  }, locale);
}

/** A finding revealed from the panel (scrolled to the middle of the window), its pulse over, the
 *  card and panel closed again with Escape, the page under it drawn: ready for a screenshot. */
async function showFinding(page: Page, f: Pick<Finding, 'ruleId' | 'location'>) {
  await page.locator('gov-report-audit .chip .open').click();
  await page.locator('gov-report-audit .panel li button', { hasText: f.location }).first().click();
  const marker = markerOf(page, f);
  await expect.poll(() => marker.getAttribute('class'), { timeout: 8000 }).not.toContain('pulse');
  await page.mouse.move(5, 500);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('gov-report-audit .card, gov-report-audit .panel').count()).toBe(0);
  const y = (await marker.boundingBox())!.y;
  expect(y).toBeGreaterThan(100);
  await expect.poll(async () => (await marker.boundingBox())?.y).toBe(y);
  await page.locator('.pdf-page canvas, article.word').first().waitFor();
}

describe('the document view on a PDF', () => {
  it('marks each broken total on its cell corner, as the CLI reads the file; the chip counts as the CLI', async () => {
    const page = await openView(served(SUM_PDF));
    const result = await expectPdfMarkers(page, SUM_PDF);
    const s = result.summary;
    expect(await chipCounts(page)).toEqual([s.error, s.warning, s.info, s.review]);
    expect(result.findings.filter((f) => f.ruleId === 'sum.t3-outcomes').map((f) => f.location)).toEqual(
      Object.keys(REPORTED),
    );
    expect(await page.locator('[data-testid="identity"]').textContent()).toContain(result.report!.agency!);
    await showFinding(
      page,
      result.findings.find((f) => f.ruleId === 'sum.t3-outcomes')!,
    );
    await page.screenshot({ path: join(SHOTS, 'document-pdf-zh.png') });
    await page.close();
  });

  it('zoom (+, −, fit width) redraws the pages and moves the markers with their cells', async () => {
    const page = await openView(served(SUM_PDF));
    const zoom = page.locator('[data-testid="zoom"]');
    const before = await zoom.textContent();
    await page.locator('[data-testid="zoom-in"]').click();
    await expect.poll(() => zoom.textContent()).not.toBe(before);
    await expectPdfMarkers(page, SUM_PDF);
    await page.locator('[data-testid="zoom-out"]').click();
    await page.locator('[data-testid="zoom-out"]').click();
    await expectPdfMarkers(page, SUM_PDF);
    // Fit width: the widest page fills the view, less its margins — and still does when the window narrows.
    const fills = async () => {
      const [pageWidth, viewWidth] = await page.evaluate(() => [
        document.querySelector('.pdf-page')!.getBoundingClientRect().width,
        document.querySelector('.pdf-pages')!.clientWidth,
      ]);
      return pageWidth > viewWidth - 60 && pageWidth <= viewWidth;
    };
    await page.locator('[data-testid="fit"]').click();
    expect(await fills()).toBe(true);
    await expectPdfMarkers(page, SUM_PDF);
    const { width, height } = page.viewportSize()!;
    await page.setViewportSize({ width: Math.round(width * 0.7), height });
    await expect.poll(fills).toBe(true);
    await expectPdfMarkers(page, SUM_PDF);
    // A zoom the reader stepped to stays when the window changes.
    await page.locator('[data-testid="zoom-in"]').click();
    const stepped = await zoom.textContent();
    await page.setViewportSize({ width, height });
    await expect.poll(() => page.evaluate(() => document.documentElement.clientWidth)).toBe(width);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await zoom.textContent()).toBe(stepped);
    await page.close();
  });

  it('pages: page N of M, next and previous, a page number typed in', async () => {
    const page = await openView(served(SUM_PDF));
    const n = page.locator('[data-testid="page"]');
    const total = await page.locator('.pdf-page').count();
    expect(total).toBeGreaterThan(2);
    expect(await page.locator('[data-testid="pages"]').textContent()).toBe(`页，共 ${total} 页`);
    expect(await n.inputValue()).toBe('1');
    await expect(page.locator('[data-testid="prev"]').isDisabled()).resolves.toBe(true);
    await page.locator('[data-testid="next"]').click();
    await expect.poll(() => n.inputValue()).toBe('2');
    await n.fill(String(total));
    await n.press('Enter');
    // The typed number is in the box at once; the page counts as reached when the scroll has landed.
    await expect.poll(() => page.locator('[data-testid="next"]').isDisabled()).toBe(true);
    expect(await n.inputValue()).toBe(String(total));
    await page.locator('[data-testid="prev"]').click();
    await expect.poll(() => n.inputValue()).toBe(String(total - 1));
    // Pages are drawn as they come near: the last one is, a middle one far away is not.
    await expect.poll(() => page.locator(`.pdf-page[data-page-number="${total}"] canvas`).count()).toBe(1);
    await page.close();
  });

  it('copies the findings as the popup does (text and HTML table)', async () => {
    const page = await openView(served(SUM_PDF));
    const { result } = await cliAudit(SUM_PDF);
    const clip = await copyFromPopup(page, result.findings.length);
    for (const f of result.findings) expect(clip.text).toContain(f.message);
    expect((clip.html.match(/<tr>/g) ?? []).length).toBe(result.findings.length + 1);
    expect(clip.text).toContain(served(SUM_PDF));
    await page.close();
  });

  it('is recorded in the inspection log when the log is on, as an audit asked for at a click', async () => {
    await setLog(session.browser, true);
    try {
      const page = await openView(served(SUM_PDF));
      const { result } = await cliAudit(SUM_PDF);
      const log = await session.browser.context.newPage();
      await log.goto(`chrome-extension://${session.browser.extensionId}/log.html`);
      const row = log.locator('[data-testid="row"]', { hasText: result.report!.agency! });
      await expect.poll(() => row.count(), { timeout: 10000 }).toBe(1);
      await log.close();
      await page.close();
    } finally {
      await setLog(session.browser, false);
    }
  });

  it('a scan: one notice, no audit, no markers', async () => {
    const page = await openView(served('documents/pdf/scanned__seeds__000.pdf'));
    const line = page.locator('[data-testid="scanned"]');
    expect(await line.textContent()).toBe(
      'scanned__seeds__000.pdf 是扫描件（页面是图片，没有文字层），无法作为文本读取，未审核。',
    );
    expect(await page.locator('gov-report-audit').count()).toBe(0);
    expect(await page.locator('.pdf-page').count()).toBeGreaterThan(0); // the pages are still shown
    await page.close();
  });

  it.each([
    ['documents/pdf/encrypted.pdf', 'encrypted.pdf 已加密（需要密码），无法读取'],
    ['documents/pdf/corrupt.pdf', 'corrupt.pdf 已损坏或不是有效的 PDF 文件，无法读取'],
    ['documents/pdf/missing-2023.pdf', '无法下载 missing-2023.pdf：服务器返回 HTTP 404'],
    ['pages/clean-2021.html', 'clean-2021.html 不是 PDF 或 Word 文件，无法读取'],
  ])('%s: one line naming the file', async (path, line) => {
    const page = await openView(served(path));
    expect(await page.locator('[data-testid="error"]').textContent()).toBe(line);
    expect(await page.locator('gov-report-audit').count()).toBe(0);
    await page.close();
  });

  it('a local file: asks for local files; with them granted, reads and audits it', async () => {
    const file = `file://${join(FIXTURES, SUM_PDF)}`;
    const page = await openView(file);
    expect(await page.locator('[data-testid="permission"] .status').textContent()).toBe(
      '读取 rules__sum.t3-outcomes.fail.pdf 需要访问 本地文件 的权限。',
    );
    await page.close();
    // Granted (the dialog cannot be answered headless: a copy of the build whose manifest says so).
    const dir = mkdtempSync(join(tmpdir(), 'gra-ext-'));
    cpSync(EXT, dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
    manifest.host_permissions.push('file:///*');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const context = await launchWith(dir);
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const view = await context.newPage();
      await view.goto(`chrome-extension://${new URL(worker.url()).host}/document.html?src=${encodeURIComponent(file)}`);
      await waitSettled(view);
      const { result } = await cliAudit(SUM_PDF);
      expect(await view.locator('[data-testid="identity"]').textContent()).toContain(result.report!.agency!);
      const s = result.summary;
      expect(await chipCounts(view)).toEqual([s.error, s.warning, s.info, s.review]);
    } finally {
      await context.close();
    }
  });

  it('a host the extension may not read yet: asks for it, naming the host and the file', async () => {
    const page = await openView(served(SUM_PDF, 'reports.example.org'));
    expect(await page.locator('[data-testid="permission"] .status').textContent()).toBe(
      '读取 rules__sum.t3-outcomes.fail.pdf 需要访问 reports.example.org 的权限。',
    );
    expect(await page.locator('[data-testid="grant"]').textContent()).toBe('授权并打开');
    expect(session.served.log.filter((p) => p.endsWith('.pdf') && p.includes('example'))).toEqual([]);
    await page.close();
  });

  it('in English when the settings say so (screenshot)', async () => {
    await setLocale(session.browser, 'en');
    try {
      const page = await openView(served(SUM_PDF));
      await expect.poll(() => page.locator('[data-testid="fit"]').textContent()).toBe('Fit width');
      const total = await page.locator('.pdf-page').count();
      expect(await page.locator('[data-testid="pages"]').textContent()).toBe(`of ${total}`);
      expect(await page.locator('[data-testid="copy"]').textContent()).toBe('Copy result');
      const { result } = await cliAudit(SUM_PDF);
      await showFinding(
        page,
        result.findings.find((f) => f.ruleId === 'sum.t3-outcomes')!,
      );
      await markerOf(
        page,
        result.findings.find((f) => f.ruleId === 'sum.t3-outcomes')!,
      ).hover();
      await page.locator('gov-report-audit .card').waitFor();
      expect(await page.locator('gov-report-audit .card .tag').textContent()).toBe('error');
      expect(await page.locator('gov-report-audit .chip .toggle').textContent()).toBe('Hide markers');
      await page.screenshot({ path: join(SHOTS, 'document-en.png') });
      await page.close();
    } finally {
      await setLocale(session.browser, 'zh');
    }
  });
});

/** Every cell finding of the CLI's audit of a Word file, marked on that cell's corner in the view
 *  (the view copies the written body as it is: the CLI's CSS path finds the cell), not over its text. */
async function expectWordMarkers(page: Page, path: string) {
  const { result } = await cliAudit(path);
  const s = result.summary;
  expect(await chipCounts(page)).toEqual([s.error, s.warning, s.info, s.review]);
  await allOnScreen(page, async () => {
    await expect.poll(() => markers(page).count()).toBeGreaterThanOrEqual(result.findings.length);
    for (const f of result.findings) {
      if (!/> td:nth-of-type\(\d+\)$/.test(f.target ?? '')) continue;
      const cell = page.locator(f.target!.replace(/^body\b/, 'article.word'));
      // The number itself: the cell's text, measured as a range.
      const text = await cell.evaluate((td) => {
        const r = document.createRange();
        r.selectNodeContents(td);
        const b = r.getBoundingClientRect();
        return { x: b.left, y: b.top, width: b.width, height: b.height };
      });
      if (REPORTED[f.location]) expect((await cell.textContent())?.trim()).toBe(REPORTED[f.location]);
      await expectOnCorner(markerOf(page, f), (await cell.boundingBox())!, text);
    }
  });
  return result;
}

describe('the document view on a Word file', () => {
  it('.docx: its text and tables, each broken total marked on its cell corner, not over its number', async () => {
    const page = await openView(served(SUM_DOCX));
    expect(await page.locator('article.word table').count()).toBeGreaterThan(2);
    const result = await expectWordMarkers(page, SUM_DOCX);
    expect(result.findings.filter((f) => f.ruleId === 'sum.t3-outcomes').map((f) => f.location)).toEqual(
      Object.keys(REPORTED),
    );
    await showFinding(
      page,
      result.findings.find((f) => f.ruleId === 'sum.t3-outcomes')!,
    );
    await page.screenshot({ path: join(SHOTS, 'document-docx-zh.png') });
    await page.close();
  });

  it('.doc (Word 97-2003): the same, through the legacy reader', async () => {
    const page = await openView(served('documents/rules__sum.t3-balance.fail.doc'));
    const result = await expectWordMarkers(page, 'documents/rules__sum.t3-balance.fail.doc');
    expect(result.findings.some((f) => f.ruleId === 'sum.t3-balance')).toBe(true);
    await page.close();
  });

  it("an encrypted .doc: one line naming the file, in the words of a PDF's", async () => {
    const page = await openView(served('documents/encrypted.doc'));
    expect(await page.locator('[data-testid="error"]').textContent()).toBe(
      'encrypted.doc 已加密（需要密码），无法读取',
    );
    await page.close();
  });
});

describe('ways into the document view', () => {
  const SEED_PDF = 'documents/pdf/seeds__000.pdf';
  /** The popup of a tab showing `pdfUrl` offers 审核此 PDF; the view it opens audits as the CLI does. */
  async function auditPdfTab(pdfUrl: string) {
    const tab = await session.browser.context.newPage();
    await tab.goto(pdfUrl);
    const popup = await openPopup(session.browser, await tabIdOf(session.browser, tab));
    const button = popup.locator('[data-testid="audit-pdf"]');
    expect(await button.textContent()).toBe('审核此 PDF');
    const [view] = await Promise.all([session.browser.context.waitForEvent('page'), button.click()]);
    expect(view.url()).toBe(viewOf(pdfUrl));
    await waitSettled(view);
    const { result } = await cliAudit(SEED_PDF);
    expect(await view.locator('[data-testid="identity"]').textContent()).toContain(result.report!.agency!);
    const s = result.summary;
    expect(await chipCounts(view)).toEqual([s.error, s.warning, s.info, s.review]);
    for (const p of [view, popup, tab]) await p.close();
  }

  it('审核此 PDF: the popup of a tab showing a PDF opens it in the view', () => auditPdfTab(served(SEED_PDF)));

  it('审核此 PDF: also for a PDF the browser shows at an address not ending in .pdf (download.jsp?id=…)', async () => {
    const bytes = readFileSync(join(FIXTURES, SEED_PDF));
    const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(bytes));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      await auditPdfTab(`http://www.linjiang.gov.cn:${(server.address() as AddressInfo).port}/download.jsp?id=7`);
    } finally {
      server.close();
    }
  });

  it('审核附件: the popup and the chip of a stub page (详见附件) open its report file in the view', async () => {
    const stub = await session.browser.context.newPage();
    await stub.goto(served('pages/attachment-stub.html'));
    await stub.locator('gov-report-audit .chip').waitFor();
    const pdfUrl = served('documents/pdf/seeds__000.pdf');

    const popup = await openPopup(session.browser, await tabIdOf(session.browser, stub));
    const button = popup.locator('[data-testid="audit-attachment"]');
    expect(await button.textContent()).toBe('审核附件');
    expect(await popup.locator('[data-testid="attachment-entry"]').textContent()).toContain(
      '临江市交通运输局2023年政府信息公开工作年度报告.pdf',
    );
    const [view] = await Promise.all([session.browser.context.waitForEvent('page'), button.click()]);
    expect(view.url()).toBe(viewOf(pdfUrl));
    await waitSettled(view);
    expect(await view.locator('.docview').getAttribute('data-audit')).toBe('done');
    await view.close();
    await popup.close();

    await stub.bringToFront();
    const [fromChip] = await Promise.all([
      session.browser.context.waitForEvent('page'),
      stub.locator('gov-report-audit [data-testid="chip-attachment"]').click(),
    ]);
    expect(fromChip.url()).toBe(viewOf(pdfUrl));
    await fromChip.close();
    await stub.close();
  });
});
