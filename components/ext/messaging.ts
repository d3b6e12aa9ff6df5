// The one message protocol between popup, background and content script. Everything else
// imports sendToTab / sendToBackground / onMessage from here: no stringly-typed messages elsewhere.
// The native namespace (wxt/browser), not webextension-polyfill: this module runs in every gov.cn
// page, where evaluating the polyfill cost ~5 ms of main thread (see bench). Replies travel as
// { ok, value | error } through sendResponse, which Chrome and Firefox both support natively.
import { browser } from 'wxt/browser';
import type { Attachment } from '../../lib/documents/attachments';
import type { AuditResult } from '../../lib/result';
import type { Settings } from './settings-model';
import type { Verdict } from './toolbar';

/** What the content script knows about its page. */
export interface Snapshot {
  state: 'report' | 'not-report' | 'failed';
  result: AuditResult | null;
  /** "审核失败：<reason>" material when state is failed. */
  error?: string;
  page: { url: string; title: string };
  auditedAt: string;
  /** Attachment / image links found where tables should be (popup lists them). */
  unreadable: { text: string; href: string }[];
  /** The report's own file (PDF, Word) linked or embedded in the page, best first, where the page
   *  itself cannot be checked (a stub, or tables not on the page): the popup offers "审核附件". */
  attachments?: Attachment[];
  /** The audit was started by the user on a page the gate did not pick up. */
  forced: boolean;
  /** The same agency's previous-year report in the inspection log, which the year.* findings compare with. */
  compared?: LogPrevious;
  /** Audits run on this page so far (re-audits after late content or in-page navigation). */
  runs?: number;
  /** Where the time went (for the benchmark), on the page's clock (performance.now(), ms): gate
   *  start and its own duration, engine start, audit done, overlay drawn, next frame produced. */
  timing?: {
    scriptStart: number;
    gateMs: number;
    engineReady: number;
    audited: number;
    drawn: number;
    painted: number;
  };
}

export interface Protocol {
  /** popup → content: the last audit, or null when none ran. */
  'audit:get': { req: void; res: Snapshot | null };
  /** popup → content: audit now (force skips the cheap gate). */
  'audit:run': { req: { force: boolean }; res: Snapshot };
  /** popup → content: the document's content type (a PDF shown by the browser's viewer at an
   *  address not ending in .pdf, e.g. download.jsp?id=…, says application/pdf). */
  'page:type': { req: void; res: string };
  /** popup → content: scroll to a finding and pulse its marker. */
  'audit:reveal': { req: { index: number }; res: boolean };
  /** content → background: inject the audit engine into this frame, where the gate cannot import it. */
  'engine:load': { req: void; res: boolean };
  /** any page → background: the validated settings. */
  'settings:get': { req: void; res: Settings };
  /** content → background: this tab's verdict for the toolbar button (icon and badge: toolbar.ts). */
  'badge:set': { req: Verdict; res: void };
  /** content, sweep page → background: record an audit in the inspection log (a LogEntry encoded
   *  by lib/log/wire.ts); false when not recorded (private window, logging off). */
  'log:record': { req: { entry: string }; res: boolean };
  /** content → background: the same agency's previous-year report in the log, or null. */
  'log:previous': { req: { agency: string; year: number }; res: LogPrevious | null };
  /** popup → background: reports in the log audited today (the popup stays clear of IndexedDB's code). */
  'log:today': { req: void; res: number };
  /** content (the chip's "审核附件") → background: open the document view on a report file in a new tab. */
  'document:open': { req: { url: string }; res: void };
}

/** A report of the log the page is compared with: its link and, encoded (lib/log/wire.ts), its YearView. */
export interface LogPrevious {
  url: string;
  title: string;
  year: number;
  /** Only in the 'log:previous' answer; the snapshot leaves it out. */
  view?: string;
}

export type MessageName = keyof Protocol;
interface Envelope<K extends MessageName = MessageName> {
  type: K;
  data: Protocol[K]['req'];
}

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

function unwrap<T>(reply: unknown): T {
  const r = reply as Reply | undefined;
  if (!r || typeof r !== 'object' || !('ok' in r)) throw new Error('no answer from the receiving end');
  if (!r.ok) throw new Error(r.error);
  return r.value as T;
}

export async function sendToTab<K extends MessageName>(
  tabId: number,
  type: K,
  data: Protocol[K]['req'],
): Promise<Protocol[K]['res']> {
  return unwrap(await browser.tabs.sendMessage(tabId, { type, data } satisfies Envelope<K>));
}

export async function sendToBackground<K extends MessageName>(
  type: K,
  data: Protocol[K]['req'],
): Promise<Protocol[K]['res']> {
  return unwrap(await browser.runtime.sendMessage({ type, data } satisfies Envelope<K>));
}

type Handler<K extends MessageName> = (
  data: Protocol[K]['req'],
  sender: { tabId?: number; frameId?: number; incognito?: boolean },
) => Protocol[K]['res'] | Promise<Protocol[K]['res']>;

/** Register handlers for some messages; returns the unsubscribe function. */
export function onMessages(handlers: { [K in MessageName]?: Handler<K> }): () => void {
  const listener = (
    msg: unknown,
    sender: { tab?: { id?: number; incognito?: boolean }; frameId?: number },
    respond: (r: Reply) => void,
  ): true | undefined => {
    const env = msg as Envelope;
    const h =
      env && typeof env.type === 'string' ? (handlers[env.type] as Handler<MessageName> | undefined) : undefined;
    if (!h) return undefined; // not ours: let other listeners answer
    new Promise((ok) =>
      ok(h(env.data as never, { tabId: sender.tab?.id, frameId: sender.frameId, incognito: sender.tab?.incognito })),
    ).then(
      (value) => respond({ ok: true, value }),
      (e: unknown) => respond({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
    return true; // the answer comes asynchronously
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
