// npm run bench (second part), or alone: npx tsx bench/batch.ts — batch throughput of the CLI
// (`npm run audit -- DIR --jsonl`): pages per second, startup included, and peak memory (the
// process's maximum resident set, worker threads included, from /usr/bin/time) over 1,000 and
// 10,000 copies of the fixture pages, and the scaling from one worker thread to one per core.
// Budgets (issue 15): ≥ 50 pages/s, ≤ 1 GB at 10,000 pages. Then the multi-column sweep of the
// fault fixture, served locally. Appends to bench/results.json.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveFaults } from '../tests/fixtures/columns/serve';
import { figures } from './figures';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const SIZES = (process.env.BENCH_BATCH ?? '1000,10000').split(',').map(Number);

/** The fixture pages (seeds, pages, rule pages, the column), as a batch of `n` saved pages. */
function batchDir(n: number): string {
  const pages = ['seeds', 'pages', 'rules', 'column'].flatMap((d) =>
    readdirSync(join(FIXTURES, d))
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => join(FIXTURES, d, f)),
  );
  const dir = mkdtempSync(join(tmpdir(), `batch-${n}-`));
  for (let i = 0; i < n; i++) copyFileSync(pages[i % pages.length], join(dir, `p${String(i).padStart(5, '0')}.html`));
  return dir;
}

/** Wall seconds and peak resident MB of one CLI run over `dir`. */
function run(dir: string, workers: number): { seconds: number; peakMb: number } {
  const time = `${dir}.time`;
  const cli = ['node', '--import', 'tsx', 'cli/audit.ts', dir, '--jsonl', '--workers', String(workers)];
  // The lines are read (a pipe, as a caller would) and dropped.
  execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', time, ...cli], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 1 << 30,
  });
  const [seconds, kb] = readFileSync(time, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  rmSync(time);
  return { seconds, peakMb: kb / 1024 };
}

const { record, save } = figures();

if (!existsSync('/usr/bin/time')) throw new Error('bench/batch.ts needs /usr/bin/time (apt-get install time)');
const cores = availableParallelism();
for (const n of SIZES) {
  const dir = batchDir(n);
  try {
    if (n === Math.min(...SIZES)) {
      const one = run(dir, 1);
      const all = run(dir, cores);
      record(`batch ${n} pages, 1 worker: pages/s`, n / one.seconds, 'pages/s');
      record(`batch ${n} pages, ${cores} workers: pages/s`, n / all.seconds, 'pages/s', {
        ok: n / all.seconds >= 50,
        text: '≥ 50',
      });
      record(`batch scaling 1 → ${cores} workers`, one.seconds / all.seconds, '×');
      record(`batch ${n} pages: peak memory`, all.peakMb, 'MB');
    } else {
      const all = run(dir, cores);
      record(`batch ${n} pages, ${cores} workers: pages/s`, n / all.seconds, 'pages/s', {
        ok: n / all.seconds >= 50,
        text: '≥ 50',
      });
      record(`batch ${n} pages: peak memory`, all.peakMb, 'MB', { ok: all.peakMb <= 1024, text: '≤ 1024' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The multi-column sweep's fault fixture (tests/fixtures/columns): five columns, 150 ms a response,
// 500s, a slow host past a 2 s timeout, a login redirect, a dead host, a 404 — served locally.
{
  const sites = await serveFaults();
  try {
    const t0 = performance.now();
    // Not execFileSync: the server answers from this process's event loop.
    const cli = ['--import', 'tsx', 'cli/audit.ts', '--sweep', sites.csvPath, '--jsonl', '--timeout', '2'];
    const { stdout: out } = await promisify(execFile)('node', cli, { cwd: ROOT });
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; error?: string });
    record('multi-column sweep with faults: wall time', (performance.now() - t0) / 1000, 's');
    record(
      'multi-column sweep with faults: pages read / failed with a reason',
      lines.filter((l) => l.type === 'report' && !l.error).length,
      `/ ${lines.filter((l) => l.type === 'report' && l.error).length}`,
    );
  } finally {
    await sites.close();
  }
}

save(/^(batch|multi-column) /, 'batchDate');
