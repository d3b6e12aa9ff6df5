// The CLI's sweep (Node only: reads the file system): `--sweep <listing.html | directory | URL>`.
// A listing file's links are resolved against its canonical URL (or, without one, the file path);
// links that point into the listing's own directory — under the canonical URL's directory, or
// file: URLs — are read from the local copies beside the listing; other http(s) links are fetched.
// A directory sweeps every .html/.htm file in it. The page loader (jsdom) is the caller's. A report
// published as an attachment (the listing links the PDF/DOCX/DOC, or a stub page does) is read by
// loadAttachment: the same parseSource (cli/load.ts) turns its bytes into a document.
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Locale } from '../lib/result';
import type { Rule } from '../lib/rules/types';
import type { Attachment } from '../lib/documents/attachments';
import { documentError, fetchDocument, type FetchPageOptions, type LoadedPage } from '../lib/sweep/fetch';
import { hostKey, type PoliteGate, type RetryPolicy } from '../lib/sweep/queue';
import { anchorsOf, reportLinks, type ReportLink } from '../lib/sweep/links';
import { sweepTable, type SweepFormat } from '../lib/sweep/export';
import { sweep, type ReusedPage, type SweepItem, type SweepResult } from '../lib/sweep/sweep';
import { summarize, sweepRows } from '../lib/sweep/table';
import { isHttp, parseSource, readSource, sourceOf } from './load';

export interface LocalSweepOptions {
  /** A file path or an http(s) URL → parsed page (cli/load.ts loadPage). */
  load: (source: string) => Promise<LoadedPage>;
  /** How to read a report page (default: load); may hand back an earlier audit (cli/columns.ts's re-run). */
  page?: (source: string, signal?: AbortSignal) => Promise<LoadedPage | ReusedPage>;
  /** How to read an attachment, a file path or an http(s) URL (default: loadAttachment); null: attachments are not followed. */
  attachment?: ((source: string, signal?: AbortSignal) => Promise<LoadedPage>) | null;
  rules?: Rule[];
  locale?: Locale;
  concurrency?: number;
  delayMs?: number;
  /** Per-host limits shared with other sweeps (the multi-column sweep); local copies bypass them. */
  gate?: PoliteGate;
  retry?: RetryPolicy;
  signal?: AbortSignal;
  onUpdate?: (items: SweepItem[]) => void;
}

export interface LocalSweep extends SweepResult {
  /** What was swept: the listing's URL, or the directory. */
  source: string;
}

/** Where to read a link from: a local path when it points into the listing's directory, else the URL. */
export function localSource(link: string, listingPath: string, canonical: string | null): string {
  if (link.startsWith('file:')) return fileURLToPath(link);
  if (canonical) {
    const dir = new URL('.', canonical).href;
    if (link.startsWith(dir)) {
      const rest = decodeURIComponent(link.slice(dir.length).split(/[?#]/)[0]);
      if (rest && !rest.split('/').includes('..')) return join(dirname(listingPath), rest);
    }
  }
  return link;
}

/**
 * Read an attachment for the CLI: a local file as cli/load.ts reads it, a URL fetched whatever its
 * content type and told apart by its bytes; parsed by parseSource (PDF, DOCX, DOC).
 */
export async function loadAttachment(source: string, opts: Omit<FetchPageOptions, 'parse'> = {}): Promise<LoadedPage> {
  let src;
  if (isHttp(source)) {
    const f = await fetchDocument(source, opts);
    src = sourceOf(f.url, f.bytes, f.type);
  } else src = await readSource(source);
  try {
    return { ...(await parseSource(src)), hash: src.hash };
  } catch (e) {
    throw documentError(e);
  }
}

export async function sweepLocal(target: string, opts: LocalSweepOptions): Promise<LocalSweep> {
  const readAttachment =
    opts.attachment === null ? null : (opts.attachment ?? ((s, signal) => loadAttachment(s, { signal })));
  const run = (links: ReportLink[], source: (l: ReportLink) => string) =>
    sweep(links, {
      load: (l, signal) => (opts.page ? opts.page(source(l), signal) : opts.load(source(l))),
      loadAttachment: readAttachment
        ? (a: Attachment, signal) => readAttachment(source({ url: a.url, text: a.text }), signal)
        : undefined,
      rules: opts.rules,
      locale: opts.locale,
      concurrency: opts.concurrency,
      // The pause between requests spares a web server; local copies need none.
      delayMs: links.some((l) => isHttp(source(l))) ? opts.delayMs : 0,
      key: (l) => hostKey(source(l)),
      gate: opts.gate,
      retry: opts.retry,
      signal: opts.signal,
      onUpdate: opts.onUpdate,
    });

  if (isHttp(target)) {
    const page = await opts.load(target);
    const links = reportLinks(anchorsOf(page.doc), page.url); // after redirects
    return { source: target, ...(await run(links, (l) => l.url)) };
  }

  const s = await stat(target);
  if (s.isDirectory()) {
    const names = (await readdir(target)).filter((n) => /\.html?$/i.test(n)).sort();
    const links = names.map((n) => ({ url: pathToFileURL(join(target, n)).href, text: n }));
    // A stub page's attachment may be a file: URL beside it, or the canonical site's (fetched).
    return { source: target, ...(await run(links, (l) => (l.url.startsWith('file:') ? fileURLToPath(l.url) : l.url))) };
  }

  const page = await opts.load(target);
  const canonical = page.doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const absCanonical = canonical && isHttp(canonical) ? canonical : null;
  const links = reportLinks(anchorsOf(page.doc), absCanonical ?? pathToFileURL(target).href);
  return {
    source: absCanonical ?? basename(target),
    ...(await run(links, (l) => localSource(l.url, target, absCanonical))),
  };
}

/** The CLI's output for `--sweep`: the result table (Markdown, TSV or CSV) and a summary, or JSON. */
export async function sweepReport(
  target: string,
  opts: LocalSweepOptions & { format?: SweepFormat | 'json' },
): Promise<string> {
  const locale = opts.locale ?? 'zh';
  const res = await sweepLocal(target, opts);
  const rows = sweepRows(res.items, res.years, locale);
  if (opts.format === 'json') return JSON.stringify({ source: res.source, rows }, null, 2);
  const table = sweepTable(rows, opts.format ?? 'md', locale);
  if (opts.format === 'csv' || opts.format === 'tsv') return table.trimEnd();
  const s = summarize(rows);
  const summary =
    locale === 'zh'
      ? `${res.source}：${s.total} 个年报链接，已审核 ${s.ok}，非年报 ${s.notReport}，无法读取 ${s.failed}；跨年度问题 ${s.yearFindings} 条`
      : `${res.source}: ${s.total} report links, ${s.ok} audited, ${s.notReport} not reports, ${s.failed} unreadable; ${s.yearFindings} cross-year findings`;
  return `${summary}\n\n${table.trimEnd()}`;
}
