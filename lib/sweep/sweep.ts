// Sweep a 年报 column: load every linked report (politely: see queue.ts), audit each with the same
// audit() as a single page (forced: the listing vouches for it), then run the cross-year rules on
// every consecutive pair of one agency. The loader is the caller's: fetch + DOMParser in the
// extension page, local files or fetch + jsdom in the CLI.
import { audit } from '../audit';
import type { AuditResult, Locale } from '../result';
import type { Rule } from '../rules/types';
import { failureOf, type Failure, type LoadedPage } from './fetch';
import type { ReportLink } from './links';
import { DEFAULT_CONCURRENCY, DEFAULT_DELAY_MS, runQueue } from './queue';
import { compareYears, type YearFinding, type YearReport } from './years';

export type ItemState = 'pending' | 'loading' | 'done' | 'failed' | 'cancelled';

export interface SweepItem {
  index: number;
  link: ReportLink;
  state: ItemState;
  /** The URL the page was read from (after redirects; a local copy's canonical URL). */
  pageUrl?: string;
  result?: AuditResult;
  failure?: Failure;
}

export interface SweepResult {
  items: SweepItem[];
  years: YearFinding[];
  cancelled: boolean;
}

export interface SweepOptions {
  load: (link: ReportLink, signal?: AbortSignal) => Promise<LoadedPage>;
  /** Single-page rules to run (default: all). */
  rules?: Rule[];
  locale?: Locale;
  concurrency?: number;
  delayMs?: number;
  signal?: AbortSignal;
  /** Called with a fresh copy of the items whenever one starts or settles. */
  onUpdate?: (items: SweepItem[]) => void;
}

export async function sweep(links: readonly ReportLink[], opts: SweepOptions): Promise<SweepResult> {
  const items: SweepItem[] = links.map((link, index) => ({ index, link, state: 'pending' }));
  const reports = new Map<number, YearReport>();
  const update = () => opts.onUpdate?.(items.map((i) => ({ ...i })));

  await runQueue(
    links,
    async (link, index, signal) => {
      const page = await opts.load(link, signal);
      const { result, model } = audit(page.doc, {
        url: page.url,
        force: true,
        rules: opts.rules,
        locale: opts.locale,
      });
      if (model && result.detected)
        reports.set(index, { index, agency: result.report?.agency ?? null, year: result.report?.year ?? null, model });
      return { result, url: page.url };
    },
    {
      concurrency: opts.concurrency ?? DEFAULT_CONCURRENCY,
      delayMs: opts.delayMs ?? DEFAULT_DELAY_MS,
      signal: opts.signal,
      onStart: (i) => {
        items[i].state = 'loading';
        update();
      },
      onSettle: (i, o) => {
        const item = items[i];
        if (o.status === 'done') Object.assign(item, { state: 'done', result: o.value.result, pageUrl: o.value.url });
        else if (o.status === 'failed') Object.assign(item, { state: 'failed', failure: failureOf(o.error) });
        else item.state = 'cancelled';
        update();
      },
    },
  );

  // Pair what was read (also after a cancel), then let the documents go.
  const years = compareYears(
    [...reports.values()].sort((a, b) => a.index - b.index),
    { locale: opts.locale },
  );
  reports.clear();
  return { items, years, cancelled: !!opts.signal?.aborted };
}
