// Hostile pages in real Chromium (issue 5): the payload report served with a strict CSP
// (default-src 'none'; style-src 'unsafe-inline'), audited by the extension. No dialog ever
// opens, nothing violates the page's CSP, the overlay marks the page and shows every payload as
// literal text (card and panel), our shadow root holds no element or handler from page text, the
// popup shows them as text too, and what it copies (both clipboard flavours, Markdown) and
// downloads (CSV, JSON) passes the same checks as the unit tests of the exports.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../lib/audit';
import type { AuditResult } from '../../lib/result';
import { collapse } from '../../lib/text/normalize';
import { loadPage } from '../../cli/load';
import { csvProblems, htmlProblems, markdownProblems, markdownText } from '../fixtures/hostile/checks';
import { AGENCY, COMPILER, PAGE_TITLE_TAIL, PAYLOADS, T3_CELLS } from '../fixtures/hostile/payloads';
import { FIXTURES, launch, openPopup, tabIdOf, type Browser, copyFromPopup } from './harness';

const CSP = "default-src 'none'; style-src 'unsafe-inline'";
const PAGE = 'payloads.html';

let server: Server;
let port: number;
const log: string[] = [];
let browser: Browser;
let expected: AuditResult;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const name = (req.url ?? '/').split('?')[0].replace(/^\/+/, '');
    log.push(`/${name}`);
    if (!/^[\w.-]+\.html$/.test(name)) return void res.writeHead(404).end();
    try {
      const body = await readFile(join(FIXTURES, 'hostile', name));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
  browser = await launch();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { doc, url } = await loadPage(join(FIXTURES, 'hostile', PAGE));
  expected = audit(doc, { url }).result;
});
afterAll(async () => {
  console.log(
    `[hostile e2e] ${Object.keys(PAYLOADS).length + 3} payload strings on ${PAGE} under CSP "${CSP}"; ` +
      `${expected?.findings.length} findings checked in card, panel and popup`,
  );
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

/** Payload strings as the page shows them (the auditor collapses whitespace in cell text). */
const SHOWN = [...T3_CELLS.map(([, name]) => collapse(PAYLOADS[name])), PAYLOADS.jsUrl, AGENCY, COMPILER];

interface Watch {
  dialogs: string[];
  violations: string[];
  errors: string[];
}

/** Fail-safe observers: dialogs are dismissed and recorded; CSP violations and page errors too. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { dialogs: [], violations: [], errors: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) w.violations.push(m.text());
  });
  await page.exposeBinding('__violation', (_src, v: string) => void w.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        (window as unknown as { __violation(v: string): void }).__violation(
          `${e.violatedDirective} ${e.blockedURI} ${e.sample}`,
        ),
      true,
    );
  });
  return w;
}

/** Elements and attributes in a subtree that page text must never become. */
function liveMarkup(page: Page, root: 'shadow' | 'body'): Promise<string[]> {
  return page.evaluate((where) => {
    const scope: ParentNode =
      where === 'shadow' ? document.querySelector('gov-report-audit')!.shadowRoot! : document.body;
    const out: string[] = [];
    for (const el of Array.from(scope.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (['img', 'script', 'svg', 'iframe', 'object', 'embed', 'a', 'link', 'math', 'video', 'audio'].includes(tag))
        out.push(`<${tag}>`);
      if (tag === 'style' && !(where === 'shadow' && el.parentElement?.tagName === 'HEAD')) out.push('<style> in body');
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) out.push(`${a.name} on <${tag}>`);
        if (/^(src|href|srcdoc|action|formaction)$/i.test(a.name)) out.push(`${a.name} on <${tag}>`);
      }
    }
    return out;
  }, root);
}

describe(`hostile page under a strict CSP (${CSP})`, () => {
  it('the page is served with the CSP and renders the payloads as text', async () => {
    const page = await browser.context.newPage();
    const res = await page.goto(`http://www.linjiang.gov.cn:${port}/${PAGE}`);
    expect(res?.headers()['content-security-policy']).toBe(CSP);
    const text = await page.evaluate(() => document.body.textContent ?? '');
    for (const s of [PAYLOADS.img, PAYLOADS.script, PAYLOADS.svgBreakout, AGENCY, COMPILER]) expect(text).toContain(s);
    expect(await page.title()).toContain(PAGE_TITLE_TAIL);
    await page.close();
  });

  it('canary: the watchers do see a dialog and a CSP violation', async () => {
    const page = await browser.context.newPage();
    const w = await watch(page);
    await page.goto(`http://www.linjiang.gov.cn:${port}/${PAGE}`);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/blocked.png';
      document.body.append(img);
      alert('canary');
    });
    await expect.poll(() => w.violations.length).toBeGreaterThan(0);
    expect(w.dialogs).toEqual(['alert: canary']);
    await page.close();
  });

  it('overlay: markers, card and panel show every payload as text; no dialog, no CSP violation', async () => {
    const page = await browser.context.newPage();
    const w = await watch(page);
    const from = log.length;
    await page.goto(`http://www.linjiang.gov.cn:${port}/${PAGE}`);
    const chip = page.locator('gov-report-audit .chip');
    await chip.waitFor({ timeout: 15000 });
    const s = expected.summary;
    expect((await chip.locator('.count').allTextContents()).map((t) => Number(t.trim()))).toEqual([
      s.error,
      s.warning,
      s.info,
      s.review,
    ]);

    // The card of every finding that quotes page text: the message verbatim, as text.
    const quoting = expected.findings
      .map((f, i) => [f, i] as const)
      .filter(([f]) => SHOWN.some((p) => f.message.includes(p) || f.location.includes(p)));
    expect(quoting.length).toBeGreaterThanOrEqual(T3_CELLS.length + 2);
    for (const [f, i] of quoting) {
      // The target's top edge (where a cell's marker sits) in the upper part of the viewport,
      // clear of the chip in the bottom-right corner, even for the 10,000-character cell.
      await page
        .locator(f.target!)
        .first()
        .evaluate((e) => {
          e.scrollIntoView({ block: 'start' });
          window.scrollBy(0, -200);
        });
      const marker = page.locator(`gov-report-audit .marker[data-index="${i}"]`);
      await marker.waitFor({ timeout: 5000 });
      await marker.hover();
      const card = page.locator('gov-report-audit .card');
      await card.waitFor();
      const text = (await card.textContent()) ?? '';
      expect(text, `card of ${f.ruleId} ${f.location}`).toContain(f.message);
      expect(text).toContain(f.location);
      expect(await card.locator('.msg').textContent()).toBe(f.message);
      await page.mouse.move(2, 2);
    }
    expect(await liveMarkup(page, 'shadow'), 'our shadow root with cards').toEqual([]);

    await chip.locator('.open').click();
    const panel = page.locator('gov-report-audit .panel');
    await panel.waitFor();
    const ptext = (await panel.textContent()) ?? '';
    for (const f of expected.findings) {
      expect(ptext).toContain(f.message);
      expect(ptext).toContain(f.location);
    }
    for (const p of SHOWN) expect(ptext, `panel shows ${p.slice(0, 40)}`).toContain(p);
    expect(await liveMarkup(page, 'shadow'), 'our shadow root with the panel').toEqual([]);
    // The overlay's own styles still apply: no page text became a <style> that hides it.
    expect(await panel.evaluate((e) => getComputedStyle(e).position)).toBe('fixed');

    await page.waitForTimeout(500);
    expect(w.dialogs, 'dialogs').toEqual([]);
    expect(w.violations, 'CSP violations').toEqual([]);
    expect(w.errors, 'page errors').toEqual([]);
    expect(log.slice(from), 'requests').toEqual([`/${PAGE}`]);
    await page.close();
  });

  it('popup: identity and findings as text; copy and downloads carry no live markup', async () => {
    const page = await browser.context.newPage();
    const w = await watch(page);
    await page.goto(`http://www.linjiang.gov.cn:${port}/${PAGE}`);
    await page.locator('gov-report-audit .chip').waitFor({ timeout: 15000 });
    const popup = await openPopup(browser, await tabIdOf(browser, page));
    const pw = await watch(popup);
    await popup.locator('[data-testid="identity"]').waitFor({ timeout: 10000 });

    expect(await popup.locator('[data-testid="agency"]').textContent()).toBe(AGENCY);
    expect(await popup.locator('.identity .title').textContent()).toBe(expected.report!.title);
    const text = (await popup.locator('.popup').textContent()) ?? '';
    for (const f of expected.findings) expect(text).toContain(f.message);
    for (const p of SHOWN) expect(text, `popup shows ${p.slice(0, 40)}`).toContain(p);
    expect(await liveMarkup(popup, 'body'), 'popup body').toEqual([]);

    // Copy: both clipboard flavours.
    const clip = await copyFromPopup(popup, expected.findings.length);
    for (const f of expected.findings) expect(clip.text).toContain(f.message);
    for (const s of [AGENCY, PAGE_TITLE_TAIL]) expect(clip.text).toContain(s);
    const html = htmlProblems(clip.html);
    expect.soft(html.problems, 'clipboard text/html: live markup').toEqual([]);
    for (const f of expected.findings) expect.soft(html.text).toContain(f.message);
    expect.soft(html.text).toContain(AGENCY);

    // Copy as Markdown.
    await popup.locator('[data-testid="copy-md"]').click();
    await expect.poll(() => popup.locator('[data-testid="notice"]').textContent()).toContain('已复制');
    const md = await popup.evaluate(() => navigator.clipboard.readText());
    expect.soft(markdownProblems(md), 'clipboard Markdown: live markup').toEqual([]);
    const mdShown = markdownText(md);
    for (const f of expected.findings) expect.soft(mdShown, 'Markdown as rendered').toContain(f.message);

    // Downloads: CSV and JSON.
    const download = async (id: string) => {
      const [d] = await Promise.all([popup.waitForEvent('download'), popup.locator(`[data-testid="${id}"]`).click()]);
      return readFile((await d.path())!, 'utf8');
    };
    const csv = csvProblems(await download('csv'));
    expect.soft(csv.problems, 'CSV download').toEqual([]);
    expect(csv.records).toHaveLength(expected.findings.length + 1);
    for (const name of ['hyperlink', 'dde', 'at', 'minus'] as const)
      expect
        .soft(
          csv.records.some((r) => r.includes(`'${PAYLOADS[name]}`)),
          `CSV neutralises ${name}`,
        )
        .toBe(true);
    const json = JSON.parse(await download('json')) as AuditResult & { page: { title: string } };
    expect(json.findings.map((f) => f.message)).toEqual(expected.findings.map((f) => f.message));
    expect(json.report?.agency).toBe(AGENCY);

    await page.bringToFront();
    await page.waitForTimeout(300);
    expect([...w.dialogs, ...pw.dialogs], 'dialogs').toEqual([]);
    expect(w.violations, 'CSP violations').toEqual([]);
    expect([...w.errors, ...pw.errors], 'errors').toEqual([]);
    await popup.close();
    await page.close();
  });
});
