// A batch audit of saved pages or URLs on every core: a pool of worker threads (cli/batch-worker.ts)
// each reading, parsing (domino, cli/dom.ts) and auditing one page at a time. Each page's result
// line goes out as soon as it is back; the cross-report checks (year.* and copied text) run once
// every page is read, on the digests the workers sent (no documents kept). A page audited before
// whose bytes are unchanged (same source, same hash) is not audited again: its earlier line stands,
// and it is parsed again only if a new or changed report of the same agency is compared with it.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { crossLine, type BatchLine, type CrossLine, type ReportLine } from '../lib/batch/lines';
import type { CrossDigest } from '../lib/report/cross';
import type { Locale } from '../lib/result';
import { copiedFindings } from '../lib/sweep/copied';
import { compareYears, yearPairs } from '../lib/sweep/years';
import type { Progress } from './progress';

export interface Job {
  id: number;
  source: string;
  /** The hash of the page's earlier audit: the worker answers `reused` when the bytes still have it. */
  doneHash?: string;
  /** Only the digest is wanted (an unchanged page compared with a changed one). */
  digestOnly?: boolean;
}

export interface Reply {
  id: number;
  line?: ReportLine;
  digest?: CrossDigest;
  reused?: boolean;
}

export interface BatchOptions {
  /** Worker threads (default: one per core). */
  workers?: number;
  locale?: Locale;
  /** Earlier result lines by source (cli/results.ts): unchanged pages are taken from here. */
  done?: ReadonlyMap<string, ReportLine>;
  /** Every report line (also the reused ones), then the cross lines. */
  onLine: (line: BatchLine, info: { reused: boolean }) => void;
  progress?: Progress;
  signal?: AbortSignal;
}

export interface BatchSummary {
  pages: number;
  reused: number;
  unreadable: number;
  /** Sources audited afresh this run: earlier cross lines naming one of them are stale. */
  audited: Set<string>;
  cancelled: boolean;
}

/**
 * Worker threads answering jobs in any order. A worker that dies (out of memory on a monstrous
 * page) answers its job as unreadable and is replaced; `clear()` drops the jobs not started.
 */
function createPool(size: number, locale: Locale) {
  const entry = new URL('./batch-worker.mjs', import.meta.url);
  const waiting = new Map<number, (r: Reply) => void>();
  const current = new Map<Worker, Job>();
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const answer = (r: Reply) => {
    waiting.get(r.id)?.(r);
    waiting.delete(r.id);
  };
  const give = (w: Worker) => {
    const job = queue.shift();
    if (!job) return void idle.push(w);
    current.set(w, job);
    w.postMessage({ job, locale });
  };
  const spawn = (): Worker => {
    // A larger young generation: a page's DOM is short-lived garbage, and the default one made the
    // collector a fifth of the run (measured: 64 MB takes 1,000 pages from 18 s to 16 s).
    const w = new Worker(entry, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    w.on('message', (r: Reply) => {
      current.delete(w);
      answer(r);
      give(w);
    });
    w.on('error', (e) => {
      const job = current.get(w);
      current.delete(w);
      workers.delete(w);
      if (job)
        answer({
          id: job.id,
          line: { type: 'report', source: job.source, auditedAt: new Date().toISOString(), error: e.message },
        });
      give(spawnOne());
    });
    return w;
  };
  const workers = new Set<Worker>();
  const spawnOne = () => {
    const w = spawn();
    workers.add(w);
    return w;
  };
  for (let i = 0; i < size; i++) give(spawnOne());
  return {
    run(job: Job): Promise<Reply> {
      return new Promise((resolve) => {
        waiting.set(job.id, resolve);
        queue.push(job);
        const w = idle.pop();
        if (w) give(w);
      });
    },
    clear: () => queue.splice(0).forEach((j) => answer({ id: j.id })),
    close: () => Promise.all([...workers].map((w) => w.terminate())),
  };
}

export async function runBatch(sources: readonly string[], opts: BatchOptions): Promise<BatchSummary> {
  const locale = opts.locale ?? 'zh';
  const pool = createPool(Math.max(1, Math.min(opts.workers ?? availableParallelism(), sources.length)), locale);
  const onAbort = () => pool.clear();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const digests = new Map<number, CrossDigest>();
  const reused = new Set<number>();
  const years = new Map<number, { agency: string | null; year: number | null }>();
  const summary: BatchSummary = {
    pages: sources.length,
    audited: new Set(),
    reused: 0,
    unreadable: 0,
    cancelled: false,
  };
  opts.progress?.setTotal(sources.length);

  try {
    await Promise.all(
      sources.map(async (source, id) => {
        const before = opts.done?.get(source);
        const reply = await pool.run({ id, source, doneHash: before?.hash });
        const line = reply.reused ? before : reply.line;
        if (!line) return; // cancelled
        if (reply.reused) {
          reused.add(id);
          summary.reused++;
        } else {
          summary.audited.add(source);
          if (line.error) summary.unreadable++;
        }
        if (reply.digest) digests.set(id, reply.digest);
        const r = line.result;
        if (r?.detected) years.set(id, { agency: r.report?.agency ?? null, year: r.report?.year ?? null });
        opts.onLine(line, { reused: !!reply.reused });
        opts.progress?.tick();
      }),
    );
    if (opts.signal?.aborted) return { ...summary, cancelled: true };

    // An unchanged report compared with a new or changed one needs its digest again.
    const pairs = yearPairs([...years].map(([index, y]) => ({ index, ...y })));
    const again = new Set(
      pairs.flatMap(([a, b]) => (reused.has(a.index) !== reused.has(b.index) ? [a.index, b.index] : [])),
    );
    await Promise.all(
      [...again]
        .filter((id) => reused.has(id))
        .map(async (id) => {
          const { digest } = await pool.run({ id, source: sources[id], digestOnly: true });
          if (digest) digests.set(id, digest);
        }),
    );
    // Two unchanged reports were compared before: their cross lines stand from then.
    for (const { index, prevIndex, line } of crossLines(sources, digests, years, locale))
      if (!reused.has(index) || !reused.has(prevIndex)) opts.onLine(line, { reused: false });
    return summary;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
}

/** The year.* and copied-text findings among the digested reports, as cross lines. */
function crossLines(
  sources: readonly string[],
  digests: ReadonlyMap<number, CrossDigest>,
  years: ReadonlyMap<number, { agency: string | null; year: number | null }>,
  locale: Locale,
): { index: number; prevIndex: number; line: CrossLine }[] {
  const reports = [...digests].map(([index, d]) => ({ index, ...years.get(index)!, model: d.view, prose: d.prose }));
  const found = [...compareYears(reports, { locale }), ...copiedFindings(reports, { locale })];
  return found
    .sort((a, b) => a.index - b.index || a.prevIndex - b.prevIndex)
    .map((y) => ({ index: y.index, prevIndex: y.prevIndex, line: crossLine(y, (i) => sources[i]) }));
}
