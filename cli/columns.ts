// Many 年报 columns at once (`npm run audit -- --sweep FILE.csv`): each CSV row names an agency and
// its column — a listing URL, or a local listing file or folder (a saved copy of the site). Every
// column is swept by sweepLocal (cli/sweep.ts), and all their requests share one polite gate: at
// most 3 in flight per host, starts to a host spaced by the delay, 12 overall; a 5xx, 429, timeout
// or network error is retried with backoff. Results stream out as batch lines (lib/batch/lines.ts):
// a `report` line per page as soon as it is audited or has failed (with the reason an inspector
// reads: 页面不存在, 超时, 需要登录 …), a failed column as one `report` line with its error, and the
// `cross` lines (year.*) of each column once it is done. A re-run passes `skip`: a page whose URL
// and hash were audited before is not parsed again, its earlier line is handed back.
import { setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossLine, type BatchLine, type ReportLine } from '../lib/batch/lines';
import type { Locale } from '../lib/result';
import type { Rule } from '../lib/rules/types';
import { decode } from '../lib/sweep/decode';
import { failureOf, fetchText, LoadError, loginWall, transientRetry, type LoadedPage } from '../lib/sweep/fetch';
import { createGate, hostKey, runQueue } from '../lib/sweep/queue';
import type { ReusedPage, SweepItem } from '../lib/sweep/sweep';
import { failureText } from '../lib/sweep/table';
import { hashOf, isHttp, parseSource, readSource, type Source } from './load';
import type { Progress } from './progress';
import { loadAttachment, sweepLocal } from './sweep';

// ---------------------------------------------------------------------------------------------
// The CSV

/** CSV text as rows of cells: comma separated, "quoted" cells with "" for a quote and line breaks inside, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows.map((r) => r.map((s) => s.trim())).filter((r) => r.some((s) => s !== ''));
}

export interface ColumnRow {
  /** The agency or label the CSV gives (the location when it gives none). */
  name: string;
  /** An http(s) URL, or an absolute local path. */
  location: string;
}

/** "www.x.gov.cn/col/ndbg/" without its scheme. */
const bareHost = (s: string) => /^[\w-]+(\.[\w-]+)+(:\d+)?(\/|$)/.test(s);

/**
 * The columns a CSV names: agency, then column URL or local path (relative to the CSV's folder, else
 * to the working directory); a URL without a scheme gets http://. The first row is a header when its
 * location is neither a URL nor an existing path and has no slash or dot ("网址", "URL").
 */
export function columnRows(
  rows: readonly string[][],
  csvDir: string,
  exists: (p: string) => boolean = existsSync,
): ColumnRow[] {
  const out: ColumnRow[] = [];
  rows.forEach((cells, i) => {
    const [a = '', b = ''] = cells;
    // Agency then location; a row with one cell, or the two the other way round, is read as meant.
    const [name, raw] = b === '' ? ['', a] : isHttp(a) && !isHttp(b) ? [b, a] : [a, b];
    const local = [resolve(csvDir, raw), resolve(raw)].find((p) => exists(p));
    const location = isHttp(raw) ? raw : local ? local : bareHost(raw) ? `http://${raw}` : null;
    if (!location) {
      if (i === 0 && !/[/\\.]/.test(raw)) return; // the header row
      out.push({ name: name || raw, location: resolve(csvDir, raw) }); // reported as unreadable
      return;
    }
    out.push({ name: name || raw, location });
  });
  return out;
}

/** The CSV file's columns: UTF-8 with or without BOM, or GBK (the shared decoder). */
export async function readColumns(csvPath: string): Promise<ColumnRow[]> {
  return columnRows(parseCsv(decode(await readFile(csvPath))), dirname(resolve(csvPath)));
}

// ---------------------------------------------------------------------------------------------
// The sweep

export interface ColumnsOptions {
  /** Each line as it is ready; `reused` for a page's earlier line handed back by `skip`. */
  onLine: (line: BatchLine, info: { reused: boolean }) => void;
  /** A page read before, unchanged (same URL after redirects — the file: URL for a local copy — and hash): its earlier line. */
  skip?: (url: string, hash: string) => ReportLine | undefined | Promise<ReportLine | undefined>;
  /** Ticked once per page settled; its total grows as the listings are read. Not ended here. */
  progress?: Progress;
  /** Requests in flight at most per host (default 3). */
  concurrencyPerHost?: number;
  /** Requests in flight at most overall (default 12). */
  concurrencyTotal?: number;
  /** Minimum time between two requests to one host, ms (default 200). */
  delayMs?: number;
  /** Further attempts after a 5xx, 429, timeout or network error (default 2). */
  retries?: number;
  /** The first backoff before a retry, ms (default 1000; doubled each time, with jitter). */
  backoffMs?: number;
  /** Give a request up after this long, ms (default 30 000). */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  rules?: Rule[];
  /** Language of the reasons and findings (default zh). */
  locale?: Locale;
  signal?: AbortSignal;
}

export interface ColumnsSummary {
  /** Columns named in the CSV. */
  columns: number;
  /** Report pages linked from them (read, failed or reused). */
  pages: number;
  /** Pages that could not be read, and columns whose listing could not. */
  failed: number;
}

/** Columns swept side by side (their requests still wait for the per-host turns). */
const COLUMNS_AT_ONCE = 8;

/** ReportLine.source for a swept link: a local copy's path, else the link's URL as listed. */
const sourceOf = (url: string) => (url.startsWith('file:') ? fileURLToPath(url) : url);

export async function sweepColumns(csvPath: string, opts: ColumnsOptions): Promise<ColumnsSummary> {
  const locale = opts.locale ?? 'zh';
  const columns = await readColumns(csvPath);
  const gate = createGate({ perHost: opts.concurrencyPerHost, total: opts.concurrencyTotal, delayMs: opts.delayMs });
  const retry = transientRetry(opts.retries, opts.backoffMs);
  const { signal } = opts;
  if (signal) setMaxListeners(0, signal); // every queued turn and request listens for the cancel
  const now = () => new Date().toISOString();
  let pages = 0;
  let failed = 0;
  let known = 0;

  /** Read a source: a local file as cli/load.ts reads it; a URL fetched with a timeout, decoded, hashed. */
  const read = async (source: string, s?: AbortSignal): Promise<Source> => {
    if (!isHttp(source)) return readSource(source);
    const page = await fetchText(source, {
      fetch: opts.fetch,
      timeoutMs: opts.timeoutMs,
      idleTimeout: true,
      signal: s,
    });
    return { url: page.url, hash: hashOf(page.bytes), html: page.html };
  };
  /** Parse what was read; a login page saved or served instead of the report is a failure. */
  const parse = async (src: Source, source: string): Promise<LoadedPage> => {
    const page = await parseSource(src);
    const wall = loginWall(src.url, isHttp(source) ? source : src.url, page.doc);
    if (wall) throw new LoadError('login', wall);
    return { ...page, hash: src.hash };
  };
  /** The listing: one request through the gate, retried like a page. */
  const listing = async (source: string): Promise<LoadedPage> => {
    if (!isHttp(source)) return parse(await read(source), source);
    const [o] = await runQueue([source], (u, _i, s) => read(u, s), { gate, key: hostKey, retry, signal });
    if (o.status === 'done') return parse(o.value, source);
    throw o.status === 'failed' ? o.error : new LoadError('error', 'cancelled');
  };

  const sweepOne = async (col: ColumnRow) => {
    const earlier = new Map<string, ReportLine>(); // url + hash → the line skip() handed back
    const page = async (source: string, s?: AbortSignal): Promise<LoadedPage | ReusedPage> => {
      const src = await read(source, s);
      const line = await opts.skip?.(src.url, src.hash);
      if (!line?.result) return parse(src, source);
      const url = line.url ?? src.url;
      earlier.set(`${url}\n${src.hash}`, line);
      return { url, hash: src.hash, result: line.result, reparse: () => parse(src, source) };
    };
    const emitted = new Set<number>();
    let counted = false;
    const emit = (it: SweepItem) => {
      if (emitted.has(it.index) || (it.state !== 'done' && it.state !== 'failed')) return;
      emitted.add(it.index);
      opts.progress?.tick();
      const source = sourceOf(it.link.url);
      const old = it.reused ? earlier.get(`${it.pageUrl}\n${it.hash}`) : undefined;
      if (old) return opts.onLine({ ...old, source, column: col.name }, { reused: true });
      const line: ReportLine = { type: 'report', source, column: col.name, auditedAt: now() };
      if (it.state === 'failed') {
        failed++;
        line.error = failureText(it.failure!, locale);
      } else Object.assign(line, { url: it.pageUrl, hash: it.hash, result: it.result });
      opts.onLine(line, { reused: false });
    };

    let res;
    try {
      res = await sweepLocal(col.location, {
        load: listing,
        page,
        attachment: (source, s) =>
          loadAttachment(source, { fetch: opts.fetch, timeoutMs: opts.timeoutMs, idleTimeout: true, signal: s }),
        rules: opts.rules,
        locale,
        gate,
        retry,
        signal,
        onUpdate: (items) => {
          if (!counted) {
            counted = true;
            known += items.length;
            opts.progress?.setTotal(known);
          }
          items.forEach(emit);
        },
      });
    } catch (e) {
      failed++;
      const error = failureText(failureOf(e), locale);
      return opts.onLine(
        { type: 'report', source: col.location, column: col.name, auditedAt: now(), error },
        { reused: false },
      );
    }
    pages += res.items.length;
    res.items.forEach(emit);
    if (!res.items.length) {
      failed++;
      const error = failureText({ code: 'no-links', detail: '' }, locale);
      opts.onLine(
        { type: 'report', source: col.location, column: col.name, auditedAt: now(), error },
        { reused: false },
      );
    }
    for (const y of res.years) {
      const cross = crossLine(y, (i) => sourceOf(res.items[i].link.url));
      opts.onLine(cross, { reused: false });
    }
  };

  await runQueue(columns, sweepOne, { concurrency: COLUMNS_AT_ONCE, delayMs: 0, signal });
  return { columns: columns.length, pages, failed };
}
