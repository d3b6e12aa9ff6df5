// Real-browser harness: fixture pages served on 127.0.0.1 under gov.cn-like host names (so the
// manifest's *.gov.cn match and host-based auto-run are exercised), Debian Chromium with the
// built extension loaded.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { loadPage } from '../../cli/load';
import { audit } from '../../lib/audit';
import type { AuditResult } from '../../lib/result';
import { FIXTURES, SEEDS } from '../expected';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = join(import.meta.dirname, '..', '..');
export const EXT = join(ROOT, '.output', 'chrome-mv3');
export { FIXTURES };
export const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');
/** The seed reports and the clean 2021 page: the pages every view is checked and photographed on. */
export const SEED_PAGES = [...SEEDS, 'pages/clean-2021.html'];
/** The per-rule fixture pages. */
export const RULE_PAGES = readdirSync(join(FIXTURES, 'rules'))
  .filter((n) => n.endsWith('.html'))
  .sort()
  .map((n) => `rules/${n}`);
/** Debian's Chromium, or a Chrome/Edge installed elsewhere (CHROMIUM_PATH names any other). */
export const CHROMIUM =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge'].find(
    existsSync,
  ) ??
  '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};

export interface Served {
  port: number;
  /** Every request the server saw (path), to assert the extension fetched nothing. */
  log: string[];
  close(): Promise<void>;
}

/** Pages on 127.0.0.1 (open them under a gov.cn host name): `get` gives a path's body, or null (404). */
export function servePages(get: (path: string) => Promise<Buffer | string | null>): Promise<Served> {
  const log: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    log.push(path);
    const body = await get(path).catch(() => null);
    if (body === null) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({ port, log, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

/** The fixture folder, served. */
export const serveFixtures = () => servePages((path) => readFile(join(FIXTURES, path)));

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * The built extension as a user who added `host` in options has it: permission granted and the
 * gate registered there. (The permission dialog cannot be answered in headless Chromium, so the
 * copy's manifest says it.)
 */
function withUserHost(host: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gra-ext-'));
  cpSync(EXT, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const m = JSON.parse(readFileSync(file, 'utf8')) as {
    host_permissions: string[];
    content_scripts: { matches: string[] }[];
  };
  m.host_permissions.push(`*://${host}/*`);
  m.content_scripts[0].matches.push(`*://${host}/*`);
  writeFileSync(file, JSON.stringify(m));
  return dir;
}

/** Debian Chromium with one unpacked extension loaded (Playwright disables extensions unless told). */
export function launchWith(ext: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gra-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--host-resolver-rules=MAP *.gov.cn 127.0.0.1, MAP *.example.org 127.0.0.1',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** The welcome tab the extension opens on install, once it is there. */
export async function welcomePage(context: BrowserContext): Promise<Page> {
  const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');
  return context.pages().find(isWelcome) ?? context.waitForEvent('page', { predicate: isWelcome, timeout: 10000 });
}

export async function launch(opts: { userHost?: string; keepWelcome?: boolean } = {}): Promise<Browser> {
  const context = await launchWith(opts.userHost ? withUserHost(opts.userHost) : EXT);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // Every launch is a fresh install: the welcome tab is tested on its own (welcome.test.ts).
  if (!opts.keepWelcome)
    await welcomePage(context).then(
      (p) => p.close(),
      () => {},
    );
  return { context, worker, extensionId, close: () => context.close() };
}

/**
 * For one test file: the fixture server and Chromium with the built extension, closed after it.
 * The inspection log is off unless `log` (settings.log false: nothing recorded, nothing compared),
 * so each page's findings are its own single-page audit, as the CLI's, whatever was opened before.
 */
export function fixtureSession(opts: { userHost?: string; clipboard?: boolean; log?: boolean } = {}): {
  browser: Browser;
  served: Served;
} {
  const s = {} as { browser: Browser; served: Served };
  beforeAll(async () => {
    s.served = await serveFixtures();
    s.browser = await launch(opts);
    if (opts.clipboard) await s.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    if (!opts.log) await setLog(s.browser, false);
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.served?.close();
  });
  return s;
}

/** Turn the inspection log on or off (the stored settings' `log`; the other fields keep their values). */
export async function setLog(b: Browser, on: boolean): Promise<void> {
  await b.worker.evaluate(async (log) => {
    type Area = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
    const area = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome.storage.local;
    const { settings } = await area.get('settings');
    await area.set({ settings: { ...(settings as object | undefined), version: 2, log } });
  }, on);
}

/** The overlay's markers on a page (Playwright CSS pierces our open shadow root). */
export const markers = (page: Page) => page.locator('gov-report-audit .marker');

/** Tab id of a page: brought to the front, it is the active tab (no `tabs` permission needed). */
export async function tabIdOf(b: Browser, page: Page): Promise<number> {
  await page.bringToFront();
  return b.worker.evaluate(async () => {
    type Tab = { id?: number };
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Tab[]> } } }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
}

/** Open the popup as a normal tab pointed at the given tab. */
export async function openPopup(b: Browser, tabId: number): Promise<Page> {
  const popup = await b.context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** What the CLI (same lib code under jsdom) finds on a fixture page: the browser must agree. */
export async function cliResult(path: string): Promise<AuditResult> {
  const { doc, url } = await loadPage(join(FIXTURES, path));
  return audit(doc, { url }).result;
}

/** Click "复制结果" in the popup, wait for its confirmation, and read both clipboard flavours back. */
export async function copyFromPopup(popup: Page, findings: number): Promise<{ text: string; html: string }> {
  await popup.locator('[data-testid="copy"]').click();
  for (
    let i = 0;
    i < 50 && !((await popup.locator('[data-testid="notice"]').textContent()) ?? '').includes(`已复制 ${findings} 条`);
    i++
  )
    await popup.waitForTimeout(100);
  return popup.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return {
      text: await (await item.getType('text/plain')).text(),
      html: await (await item.getType('text/html')).text(),
    };
  });
}
