// npm run bench (documents) — reports published as PDF files: the CLI's time per PDF (read with
// pdf.js and audited, in one process; the whole command with node's start too), and in Chromium
// the extension's document view on a 20-page report PDF: read and audited, and its first page
// painted with markers. Budgets from issue 14. Appends to bench/results.json.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadPage } from '../cli/load';
import { audit } from '../lib/audit';
import { documentViewTimes } from './document-view';
import { figures } from './figures';

const ROOT = join(import.meta.dirname, '..');
const PDF = join(ROOT, 'tests', 'fixtures', 'documents', 'pdf');
const REAL_PDF = join(ROOT, '..', 'shared', 'real', 'documents', 'huaian-shizhengfu-2024.pdf');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { record, save } = figures();

/** Read and audit one file in this process, as the CLI and a batch do: ms, median of RUNS. */
async function perDocument(file: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const { doc, url } = await loadPage(file);
    audit(doc, { url });
    times.push(performance.now() - t0);
  }
  return median(times);
}

const files: [string, string][] = [
  ['20-page report PDF', join(PDF, 'long-20pages__seeds__000.pdf')],
  ['6-page report PDF (Chromium print)', join(PDF, 'pages__clean-2021.pdf')],
  ['5-page Word-made PDF', join(PDF, 'lo__pages__clean-2021.pdf')],
];
if (existsSync(REAL_PDF)) files.push(['淮安 2024 (real, 6 pages)', REAL_PDF]);
await perDocument(files[0][1]); // pdf.js loaded and warm, as in a batch
for (const [name, file] of files) {
  const ms = await perDocument(file);
  record(`documents: CLI per document, ${name}`, ms, 'ms', { ok: ms <= 1000, text: '≤ 1000' });
}

const t0 = performance.now();
execFileSync('npx', ['tsx', join(ROOT, 'cli', 'audit.ts'), files[0][1]], { cwd: ROOT, stdio: 'ignore' });
record('documents: CLI whole command on the 20-page PDF (node start included)', performance.now() - t0, 'ms');

const view = await documentViewTimes(files[0][1]);
record('documents: Chromium document view, 20-page PDF read and audited', view.audited, 'ms', {
  ok: view.audited <= 1500,
  text: '≤ 1500',
});
record('documents: Chromium document view, first page painted with markers', view.firstPage, 'ms', {
  ok: view.firstPage <= 1000,
  text: '≤ 1000',
});

save(/^documents: /, 'documentsDate');
