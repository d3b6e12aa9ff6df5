// Fetch one report page for a sweep: status and content type checked, bytes decoded with the
// shared decoder (GBK-safe), parsed by the caller's parser (DOMParser in the extension, jsdom in
// Node), and a login wall told apart from a report. No extension API here; the extension page
// passes its own fetch and parser. Failures carry a code an inspector's wording is chosen by
// (label.fail.<code>) and whether another attempt may help (isTransient).
import { decode } from './decode';
import type { RetryPolicy } from './queue';

export interface LoadedPage {
  doc: Document;
  /** The page's URL after redirects. */
  url: string;
  /** Hash of the bytes read, when the loader keeps one (the CLI's batch results). */
  hash?: string;
}

export type FailureCode =
  | 'http'
  | 'network'
  | 'not-html'
  | 'not-found'
  | 'timeout'
  | 'login'
  | 'no-links'
  /** An attachment (PDF/DOCX/DOC) that could not be read into a page: no reader for it, a scan, a damaged file. */
  | 'document'
  | 'error';

/** Why a page could not be read: a code for the UI's wording, and the detail (status, type, message). */
export interface Failure {
  code: FailureCode;
  detail: string;
}

export class LoadError extends Error {
  constructor(
    readonly code: FailureCode,
    readonly detail: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
    /** How long the server asked us to wait before asking again (Retry-After), ms. */
    readonly retryAfterMs?: number,
  ) {
    super(detail); // what a reader is shown where the code is not worded (a listing that failed)
    this.name = 'LoadError';
  }
}

/** Node's codes for a connection that timed out (undici's own, and the socket's). */
const TIMEOUT_CODES = /^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/;

/** Any thrown value as a Failure (Node's ENOENT is "not-found"; a refused or unresolvable host is "network" with its code). */
export function failureOf(e: unknown): Failure {
  if (e instanceof LoadError) return { code: e.code, detail: e.detail };
  const err = e as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown } | null;
  if (err && err.code === 'ENOENT') return { code: 'not-found', detail: 'ENOENT' };
  if (err && err.name === 'TimeoutError') return { code: 'timeout', detail: '' };
  if (e instanceof TypeError) {
    // Node's fetch: TypeError("fetch failed") with the socket's error as the cause (ECONNREFUSED, ENOTFOUND …).
    const cause = err?.cause as { code?: unknown } | undefined;
    const code = typeof cause?.code === 'string' ? cause.code : null;
    if (code && TIMEOUT_CODES.test(code)) return { code: 'timeout', detail: code };
    return { code: 'network', detail: code ?? e.message };
  }
  return { code: 'error', detail: err && typeof err.message === 'string' ? err.message : String(e) };
}

/**
 * A reader's failure on an attachment (no reader for the kind, a damaged or encrypted file) as a
 * 'document' failure; a load failure (a status, the network, a missing file) stays what it is.
 */
export function documentError(e: unknown): unknown {
  const err = e as { code?: unknown } | null;
  if (e instanceof LoadError || e instanceof TypeError || (err && typeof err.code === 'string')) return e;
  return new LoadError('document', e instanceof Error ? e.message : String(e));
}

/** A Retry-After header (seconds, or an HTTP date) as ms from `now`; undefined when absent or unreadable. */
export function retryAfterOf(header: string | null, now = Date.now()): number | undefined {
  const v = header?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A response that is not ok as a LoadError: 404 is not-found, any other status http, with its Retry-After. */
export function statusError(res: Response): LoadError {
  const code = res.status === 404 ? 'not-found' : 'http';
  return new LoadError(code, `HTTP ${res.status}`, res.status, retryAfterOf(res.headers.get('retry-after')));
}

/**
 * The sweeps' retries (CLI and extension alike): `retries` more attempts after a timeout, a network
 * error, a 5xx or a 429, with a growing backoff — or the wait the server asked for, when longer.
 */
export function transientRetry(retries = 2, backoffMs?: number): RetryPolicy {
  return {
    attempts: 1 + retries,
    backoffMs,
    retryable: isTransient,
    asked: (e) => (e instanceof LoadError ? e.retryAfterMs : undefined),
  };
}

/** Whether another attempt may succeed: a timeout, a network error, a 5xx or a 429 (not a 404, a login wall, a PDF). */
export function isTransient(e: unknown): boolean {
  if (e instanceof LoadError)
    return (
      e.code === 'timeout' || e.code === 'network' || (e.status !== undefined && (e.status >= 500 || e.status === 429))
    );
  const code = failureOf(e).code;
  return code === 'timeout' || code === 'network';
}

// A login or single-sign-on page: an address segment such as /login, /sso/, /cas/, /passport, or a
// host named so (sso.example.gov.cn); a page asking for a password under a 登录 title.
const LOGIN_SEGMENT = /^(login|logon|signin|sign-in|sso|cas|passport|oauth2?|authserver)([._-].*)?$/i;
const LOGIN_TITLE = /登录|登陆|log\s*in|sign\s*in|统一身份认证/i;

function loginAddress(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      LOGIN_SEGMENT.test(u.hostname.split('.')[0]) ||
      u.pathname.split('/').some((seg) => seg !== '' && LOGIN_SEGMENT.test(decodeURIComponent(seg)))
    );
  } catch {
    return false;
  }
}

/**
 * Whether what was received is a login wall rather than the page asked for: a redirect that ended on
 * a login/SSO address, or a page with a password field and a 登录 title. The detail to show (the
 * address reached), or null. Judged on the page actually received: the address asked for is only
 * compared with it, never judged itself.
 */
export function loginWall(finalUrl: string, requestedUrl: string, doc?: Document): string | null {
  const asks =
    (finalUrl !== requestedUrl && loginAddress(finalUrl)) ||
    (!!doc &&
      LOGIN_TITLE.test(doc.title) &&
      Array.from(doc.querySelectorAll('input')).some(
        (i) => i.getAttribute('type')?.trim().toLowerCase() === 'password',
      ));
  return asks ? shortUrl(finalUrl) : null;
}

/** An address without its query (a login URL's query repeats the page asked for). */
function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? `${u.origin}${u.pathname}` : url;
  } catch {
    return url;
  }
}

export interface FetchPageOptions {
  signal?: AbortSignal;
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  /**
   * Count toward the timeout only the time the process was free to take the answer (the CLI, which
   * audits pages between requests on the same thread). Not for a page that may sit in a background
   * tab, whose throttled timers would stretch it.
   */
  idleTimeout?: boolean;
  fetch?: typeof globalThis.fetch;
  parse: (html: string, url: string) => Document;
}

const HTML_TYPE = /html|xml|text\/plain/i;

/** A page fetched but not parsed. */
export interface FetchedText {
  /** After redirects. */
  url: string;
  bytes: Uint8Array;
  html: string;
}

/** Fetch and decode a page: a 404, another status, a login redirect (401 too), a non-HTML type, a timeout become a LoadError. */
export async function fetchText(url: string, opts: Omit<FetchPageOptions, 'parse'> = {}): Promise<FetchedText> {
  const { url: finalUrl, bytes, type } = await fetchBytes(url, opts, (t) => !t || HTML_TYPE.test(t));
  return { url: finalUrl, bytes, html: decode(bytes, type) };
}

/** A file fetched as it is (an attachment: PDF, DOCX, DOC), with its content type. */
export interface FetchedBytes {
  /** After redirects. */
  url: string;
  bytes: Uint8Array;
  type: string;
}

/**
 * Fetch an attachment's bytes: any content type (servers send PDFs as application/octet-stream, and
 * download.jsp as text/html); what the bytes are is the caller's to sniff. Statuses, a login
 * redirect and a timeout fail as in fetchText.
 */
export function fetchDocument(url: string, opts: Omit<FetchPageOptions, 'parse'> = {}): Promise<FetchedBytes> {
  return fetchBytes(url, opts, () => true);
}

async function fetchBytes(
  url: string,
  opts: Omit<FetchPageOptions, 'parse'>,
  acceptType: (type: string) => boolean,
): Promise<FetchedBytes> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const ctl = new AbortController();
  let timedOut = false;
  const expire = () => {
    timedOut = true;
    ctl.abort();
  };
  let timer: ReturnType<typeof setTimeout>;
  if (opts.idleTimeout) {
    // Ticks: a tick that comes late means the process was busy (auditing another page), not waiting
    // for this answer — which may be in and not yet read: it counts for one step only, and the
    // network gets a turn before the time can run out.
    const step = Math.max(10, Math.min(250, timeoutMs / 4));
    let waited = 0;
    let last = Date.now();
    const tick = () => {
      const now = Date.now();
      const busy = now - last > 2 * step;
      waited += busy ? step : now - last;
      last = now;
      if (waited >= timeoutMs && !busy) return expire();
      timer = setTimeout(tick, busy ? 0 : Math.max(1, Math.min(step, timeoutMs - waited)));
    };
    timer = setTimeout(tick, step);
  } else timer = setTimeout(expire, timeoutMs);
  const onAbort = () => ctl.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) ctl.abort();
  try {
    const res = await (opts.fetch ?? globalThis.fetch)(url, { signal: ctl.signal, redirect: 'follow' });
    const finalUrl = res.url || url;
    if (res.status === 401) throw new LoadError('login', `HTTP ${res.status}`, res.status);
    const wall = loginWall(finalUrl, url);
    if (wall) throw new LoadError('login', wall, res.status);
    if (!res.ok) throw statusError(res);
    const type = res.headers.get('content-type') ?? '';
    if (!acceptType(type)) throw new LoadError('not-html', type.split(';')[0].trim());
    return { url: finalUrl, bytes: new Uint8Array(await res.arrayBuffer()), type };
  } catch (e) {
    if (timedOut) throw new LoadError('timeout', `${Math.round(timeoutMs / 1000)} s`);
    throw e;
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

export async function fetchPage(url: string, opts: FetchPageOptions): Promise<LoadedPage> {
  const page = await fetchText(url, opts);
  const doc = opts.parse(page.html, page.url);
  const wall = loginWall(page.url, url, doc);
  if (wall) throw new LoadError('login', wall);
  return { doc, url: page.url };
}
