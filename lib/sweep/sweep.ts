// Sweep a 年报 column: load every linked report (politely: see queue.ts), audit each with the same
// audit() as a single page (forced: the listing vouches for it), then run the cross-year rules on
// every consecutive pair of one agency and compare the reports' prose for copied text (copied.ts).
// The loader is the caller's: fetch + DOMParser in the extension page, local files or fetch + jsdom
// in the CLI. A report published as an attachment — the listing links the PDF/DOCX/DOC itself, or
// the linked page is a stub (title, 详见附件, the file) — is audited from the attachment, read by
// the caller's loadAttachment, and the item says so.
import { audit } from '../audit';
import { linkedAttachment, type Attachment } from '../documents/attachments';
import type { ReportModel } from '../report/build';
import type { AuditResult, Locale } from '../result';
import type { Rule } from '../rules/types';
import { failureOf, type Failure, type LoadedPage } from './fetch';
import type { ReportLink } from './links';
import { DEFAULT_CONCURRENCY, DEFAULT_DELAY_MS, hostKey, runQueue, type PoliteGate, type RetryPolicy } from './queue';
import { copiedInSweep } from './copied';
import { compareYears, yearPairs, type YearFinding, type YearReport } from './years';

export type ItemState = 'pending' | 'loading' | 'done' | 'failed' | 'cancelled';

export interface SweepItem {
  index: number;
  link: ReportLink;
  state: ItemState;
  /** The URL the page was read from (after redirects; a local copy's canonical URL). */
  pageUrl?: string;
  result?: AuditResult;
  failure?: Failure;
  /** Hash of the bytes read, when the loader gave one. */
  hash?: string;
  /** The result was taken from an earlier audit (a ReusedPage), not audited again. */
  reused?: boolean;
  /** The report was read from this attachment (linked by the listing, or by the stub page it links). */
  attachment?: Attachment;
}

/**
 * A page audited before and unchanged since (the CLI's re-run): its result is taken as it is, and
 * the page is parsed again (`reparse`) only when a freshly audited report of the same agency is
 * compared with it. Two reused reports are not compared again: their findings stand from before.
 */
export interface ReusedPage {
  url: string;
  hash?: string;
  result: AuditResult;
  reparse: () => Promise<LoadedPage>;
}

export interface SweepResult {
  items: SweepItem[];
  years: YearFinding[];
  cancelled: boolean;
}

export interface SweepOptions {
  load: (link: ReportLink, signal?: AbortSignal) => Promise<LoadedPage | ReusedPage>;
  /**
   * Read an attachment (PDF, DOCX, DOC) into a page (the reader is the caller's: cli/load.ts, or the
   * extension's). Without it attachments are not followed: a link to a file goes to `load`, and a
   * stub page stands as audited (its note that the report is in the attachment).
   */
  loadAttachment?: (attachment: Attachment, signal?: AbortSignal) => Promise<LoadedPage>;
  /** Single-page rules to run (default: all). */
  rules?: Rule[];
  locale?: Locale;
  concurrency?: number;
  delayMs?: number;
  /** The host a link's request goes to, for the per-host limits (default: its URL's; null: read locally, no limits). */
  key?: (link: ReportLink) => string | null;
  /** A gate shared with other sweeps (queue.ts createGate): replaces concurrency and delayMs. */
  gate?: PoliteGate;
  /** Retries of a failed page (default none). */
  retry?: RetryPolicy;
  signal?: AbortSignal;
  /** Compare the reports' prose for copied text (year.copied-text, text.copied-from); default on. */
  copied?: boolean;
  /** Called with each report audited afresh (not reused), while its document is at hand (the inspection log). */
  onReport?: (index: number, audited: { result: AuditResult; model: ReportModel }) => void;
  /** Called with a fresh copy of the items whenever one starts or settles. */
  onUpdate?: (items: SweepItem[]) => void;
}

export async function sweep(links: readonly ReportLink[], opts: SweepOptions): Promise<SweepResult> {
  const items: SweepItem[] = links.map((link, index) => ({ index, link, state: 'pending' }));
  const reports = new Map<number, YearReport & { model: ReportModel }>();
  const reused = new Map<number, Omit<YearReport, 'model'> & { reparse: ReusedPage['reparse'] }>();
  const update = () => opts.onUpdate?.(items.map((i) => ({ ...i })));
  const auditPage = (page: LoadedPage) =>
    audit(page.doc, { url: page.url, force: true, rules: opts.rules, locale: opts.locale });
  /** The attachment each item was (or is being) read from, also when reading it failed. */
  const attached = new Map<number, Attachment>();
  const readAttachment = (index: number, att: Attachment, signal?: AbortSignal) => {
    attached.set(index, att);
    return opts.loadAttachment!(att, signal);
  };

  await runQueue(
    links,
    async (link, index, signal) => {
      const direct = opts.loadAttachment ? linkedAttachment(link.url, link.text) : null;
      const page = direct ? await readAttachment(index, direct, signal) : await opts.load(link, signal);
      if ('result' in page) {
        const r = page.result;
        if (r.detected)
          reused.set(index, {
            index,
            agency: r.report?.agency ?? null,
            year: r.report?.year ?? null,
            reparse: page.reparse,
          });
        return { result: r, url: page.url, hash: page.hash, reused: true };
      }
      let { result, model } = auditPage(page);
      // A stub page: the report is its attachment (the best one, named as the report).
      const stub = opts.loadAttachment && result.reason === 'attachment' ? model?.attachments?.[0] : undefined;
      if (stub) {
        const { url, kind, text, embedded } = stub;
        ({ result, model } = auditPage(await readAttachment(index, { url, kind, text, embedded }, signal)));
      }
      if (model && result.detected) {
        reports.set(index, { index, agency: result.report?.agency ?? null, year: result.report?.year ?? null, model });
        opts.onReport?.(index, { result, model });
      }
      return { result, url: page.url, hash: page.hash, reused: false };
    },
    {
      concurrency: opts.concurrency ?? DEFAULT_CONCURRENCY,
      delayMs: opts.delayMs ?? DEFAULT_DELAY_MS,
      key: (link) => (opts.key ? opts.key(link) : hostKey(link.url)),
      gate: opts.gate,
      retry: opts.retry,
      signal: opts.signal,
      onStart: (i) => {
        items[i].state = 'loading';
        update();
      },
      onSettle: (i, o) => {
        const item = items[i];
        const att = attached.get(i);
        if (att) item.attachment = att;
        if (o.status === 'done') {
          const { result, url, hash, reused } = o.value;
          Object.assign(item, { state: 'done', result, pageUrl: url }, hash ? { hash } : {}, reused ? { reused } : {});
        } else if (o.status === 'failed') Object.assign(item, { state: 'failed', failure: failureOf(o.error) });
        else item.state = 'cancelled';
        update();
      },
    },
  );

  // Pair what was read (also after a cancel), then let the documents go. A reused report is parsed
  // again only to meet a fresh one; a pair of two reused reports is not compared again.
  for (const [cur, prev] of yearPairs([...reports.values(), ...reused.values()])) {
    for (const r of [cur, prev]) {
      const old = reused.get(r.index);
      if (!old || reports.has(r.index) || (reused.has(cur.index) && reused.has(prev.index))) continue;
      const page = await old.reparse().catch(() => null);
      const model =
        page && audit(page.doc, { url: page.url, force: true, rules: opts.rules, locale: opts.locale }).model;
      if (model) reports.set(r.index, { index: r.index, agency: old.agency, year: old.year, model });
    }
  }
  const read = [...reports.values()].sort((a, b) => a.index - b.index);
  const years = [
    ...compareYears(read, { locale: opts.locale }),
    ...(opts.copied === false ? [] : copiedInSweep(read, { locale: opts.locale })),
  ]
    .sort((a, b) => a.index - b.index)
    .filter((y) => !(reused.has(y.index) && reused.has(y.prevIndex)));
  reports.clear();
  return { items, years, cancelled: !!opts.signal?.aborted };
}
