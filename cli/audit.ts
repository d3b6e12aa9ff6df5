// npm run audit -- [file.html | file.docx | file.doc | file.pdf | directory | URL …] [--json]
// npm run audit -- DIR … [--jsonl] [--out results.jsonl] [--summary summary.html] [--workers N]
// npm run audit -- --sweep <listing.html | directory | URL> [--tsv | --csv | --json]
// npm run audit -- --sweep columns.csv [--jsonl] [--out …] [--summary …] [--timeout SECONDS]
// With no argument: the bundled sample pages (the five seeds as portal pages).
import { readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { audit } from '../lib/audit';
import type { BatchLine, ReportLine } from '../lib/batch/lines';
import { summaryCsv, summaryHtml } from '../lib/batch/summary';
import { toText } from '../lib/format/text';
import { runBatch } from './batch';
import { sweepColumns } from './columns';
import { isHttp, loadPage } from './load';
import { createProgress } from './progress';
import { appendResults, compactResults, crossKey, doneOf, readResults, type Results } from './results';
import { transientRetry } from '../lib/sweep/fetch';
import { sweepReport } from './sweep';

const SAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/seeds');
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function expand(arg: string): Promise<string[]> {
  if (isHttp(arg)) return [arg];
  const s = await stat(arg).catch(() => null);
  if (!s) return [arg]; // reported as unreadable below
  if (!s.isDirectory()) return [arg];
  const names = (await readdir(arg)).filter((n) => /\.(html?|docx?|pdf)$/i.test(n)).sort();
  return names.map((n) => join(arg, n));
}

/** The value after a flag (`--out FILE`), or undefined. */
function option(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

const VALUED = ['--out', '--summary', '--workers', '--sweep', '--timeout'];

/** One page after another, printed as text or as one JSON document (the single-report contract). */
async function auditInOrder(sources: string[], json: boolean): Promise<number> {
  const out: unknown[] = [];
  let failed = 0;
  for (const source of sources) {
    try {
      const { doc, url } = await loadPage(source);
      const { result } = audit(doc, { url });
      if (json) out.push({ source, url, ...result });
      else console.log(toText(result, { source }) + '\n');
    } catch (e) {
      failed++;
      if (json) out.push({ source, error: reason(e) });
      console.error(`无法读取 ${source}：${reason(e)}`);
    }
  }
  if (json) console.log(JSON.stringify(out.length === 1 ? out[0] : out, null, 2));
  return failed === sources.length && sources.length > 0 ? 1 : 0;
}

/**
 * Where a batch's lines go: stdout (--jsonl), the results file (--out), the summary (--summary).
 * Lines are kept in memory only for a summary without a results file (else it is read back).
 */
function outputs(argv: string[]) {
  const jsonl = argv.includes('--jsonl');
  const outPath = option(argv, '--out');
  const summaryPath = option(argv, '--summary');
  const before: Results = outPath ? readResults(outPath) : { reports: new Map(), cross: [] };
  const file = outPath ? appendResults(outPath) : null;
  const kept: BatchLine[] | null = summaryPath && !outPath ? [] : null;
  const counts = { reports: 0, read: 0, unreadable: 0, cross: 0 };
  const fresh = new Set<string>(); // this run's cross lines (crossKey), few: kept for the compaction
  return {
    done: doneOf(before),
    counts,
    /** Every line: new ones appended to the file at once. */
    onLine(line: BatchLine, info: { reused: boolean }) {
      if (line.type === 'report') {
        counts.reports++;
        if (line.result?.detected) counts.read++;
        if (line.error) counts.unreadable++;
      } else {
        counts.cross++;
        fresh.add(crossKey(line));
      }
      kept?.push(line);
      if (jsonl) process.stdout.write(JSON.stringify(line) + '\n');
      if (!info.reused) file?.write(line);
    },
    /** After a finished run: the results file compacted, the summary page and its CSV written. */
    async finish(audited: ReadonlySet<string>) {
      file?.close();
      const all = outPath ? compactResults(outPath, audited, fresh) : kept;
      if (summaryPath && all) {
        await writeFile(summaryPath, summaryHtml(all, { locale: 'zh', generatedAt: new Date().toISOString() }));
        await writeFile(summaryPath.replace(/\.html?$/i, '') + '.csv', summaryCsv(all, 'zh'));
      }
    },
    interrupted() {
      file?.close();
      if (outPath) console.error(`已中断：已完成的结果在 ${outPath}，再次运行同一命令将从中断处继续`);
    },
  };
}

/** Ctrl-C: stop starting pages, keep what is written. */
function cancelOnInterrupt() {
  const ctl = new AbortController();
  process.once('SIGINT', () => ctl.abort());
  return ctl.signal;
}

const countLine = (c: ReturnType<typeof outputs>['counts']) =>
  `${c.reports} 页：年报 ${c.read}，非年报 ${c.reports - c.read - c.unreadable}，无法读取 ${c.unreadable}；跨报告问题 ${c.cross} 条`;

async function batch(argv: string[], sources: string[]): Promise<number> {
  const out = outputs(argv);
  const signal = cancelOnInterrupt();
  const progress = createProgress(sources.length, '审核');
  const workers = Number(option(argv, '--workers')) || undefined;
  const res = await runBatch(sources, { workers, done: out.done, onLine: out.onLine, progress, signal });
  progress.done();
  if (res.cancelled) return (out.interrupted(), 130);
  await out.finish(res.audited);
  console.error(countLine(out.counts) + (res.reused ? `（未变化、沿用上次结果 ${res.reused} 页）` : ''));
  return res.unreadable === res.pages && res.pages > 0 ? 1 : 0;
}

async function columns(argv: string[], csv: string): Promise<number> {
  const out = outputs(argv);
  const signal = cancelOnInterrupt();
  // A re-run's pages by what sweepColumns reads them as: the URL after redirects, or the file URL.
  const earlier = new Map<string, ReportLine>();
  for (const l of out.done.values()) {
    earlier.set(`${l.url}\n${l.hash}`, l);
    if (!isHttp(l.source)) earlier.set(`${pathToFileURL(l.source).href}\n${l.hash}`, l);
  }
  const progress = createProgress(null, '年报栏目');
  const audited = new Set<string>();
  const res = await sweepColumns(csv, {
    onLine: (line, info) => {
      if (line.type === 'report' && !info.reused) audited.add(line.source);
      out.onLine(line, info);
    },
    skip: (url, hash) => earlier.get(`${url}\n${hash}`),
    timeoutMs: Number(option(argv, '--timeout')) * 1000 || undefined,
    progress,
    signal,
  });
  progress.done();
  if (signal.aborted) return (out.interrupted(), 130);
  await out.finish(audited);
  console.error(`${res.columns} 个栏目，` + countLine(out.counts));
  return res.failed === res.pages && res.pages > 0 ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const sweepTarget = option(argv, '--sweep');
  if (sweepTarget !== undefined && /\.csv$/i.test(sweepTarget)) return columns(argv, sweepTarget);
  if (sweepTarget !== undefined) {
    const format = json ? 'json' : argv.includes('--csv') ? 'csv' : argv.includes('--tsv') ? 'tsv' : 'md';
    return sweepReport(sweepTarget, { load: loadPage, format, retry: transientRetry() }).then(
      (out) => (console.log(out), 0),
      (e: unknown) => (console.error(`无法读取 ${sweepTarget}：${reason(e)}`), 1),
    );
  }
  const args = argv.filter((a, i) => !a.startsWith('--') && !VALUED.includes(argv[i - 1]));
  const sources = (await Promise.all((args.length ? args : [SAMPLES]).map(expand))).flat();
  const asBatch = ['--jsonl', '--out', '--summary'].some((f) => argv.includes(f));
  return asBatch ? batch(argv, sources) : auditInOrder(sources, json);
}

main(process.argv.slice(2)).then((code) => process.exit(code));
