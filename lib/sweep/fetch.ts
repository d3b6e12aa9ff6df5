// Fetch one report page for a sweep: status and content type checked, bytes decoded with the
// shared decoder (GBK-safe), parsed by the caller's parser (DOMParser in the extension, jsdom in
// Node). No extension API here; the extension page passes its own fetch and parser.
import { decode } from './decode';

export interface LoadedPage {
  doc: Document;
  /** The page's URL after redirects. */
  url: string;
}

export type FailureCode = 'http' | 'network' | 'not-html' | 'not-found' | 'timeout' | 'error';

/** Why a page could not be read: a code for the UI's wording, and the detail (status, type, message). */
export interface Failure {
  code: FailureCode;
  detail: string;
}

export class LoadError extends Error {
  constructor(
    readonly code: FailureCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'LoadError';
  }
}

/** Any thrown value as a Failure (Node's ENOENT is "not-found"). */
export function failureOf(e: unknown): Failure {
  if (e instanceof LoadError) return { code: e.code, detail: e.detail };
  const err = e as { code?: unknown; message?: unknown; name?: unknown } | null;
  if (err && err.code === 'ENOENT') return { code: 'not-found', detail: 'ENOENT' };
  if (err && err.name === 'TimeoutError') return { code: 'timeout', detail: '' };
  if (e instanceof TypeError) return { code: 'network', detail: e.message };
  return { code: 'error', detail: err && typeof err.message === 'string' ? err.message : String(e) };
}

export interface FetchPageOptions {
  signal?: AbortSignal;
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  parse: (html: string, url: string) => Document;
}

const HTML_TYPE = /html|xml|text\/plain/i;

export async function fetchPage(url: string, opts: FetchPageOptions): Promise<LoadedPage> {
  const ctl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort();
  }, opts.timeoutMs ?? 30_000);
  const onAbort = () => ctl.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) ctl.abort();
  try {
    const res = await (opts.fetch ?? globalThis.fetch)(url, { signal: ctl.signal, redirect: 'follow' });
    if (!res.ok) throw new LoadError(res.status === 404 ? 'not-found' : 'http', `HTTP ${res.status}`);
    const type = res.headers.get('content-type') ?? '';
    if (type && !HTML_TYPE.test(type)) throw new LoadError('not-html', type.split(';')[0].trim());
    const html = decode(new Uint8Array(await res.arrayBuffer()), type);
    const finalUrl = res.url || url;
    return { doc: opts.parse(html, finalUrl), url: finalUrl };
  } catch (e) {
    if (timedOut) throw new LoadError('timeout', `${Math.round((opts.timeoutMs ?? 30_000) / 1000)} s`);
    throw e;
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
