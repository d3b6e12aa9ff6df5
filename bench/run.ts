// npm run bench — performance of the extension in Debian Chromium, measured as ratios within one
// run (machines are noisy), medians of at least 7 alternated runs. Prints a table and writes
// bench/results.json with each figure's budget and pass/fail. See issue "Performance".
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { audit } from '../lib/audit';
import { loadPage } from '../cli/load';
import type { Snapshot } from '../components/ext/messaging';
import { EXT, launchWith, servePages } from '../tests/e2e/harness';
import { fixture, portalHome, scaledReport } from './pages';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => Math.round(n / 10.24) / 100;

type Row =
  | { metric: string; value: number; unit: string; budget?: string; pass?: boolean }
  /** A breakdown printed under a figure, with no value of its own. */
  | { metric: string; detail: string };
const rows: Row[] = [];
const detail = (metric: string, text: string) => rows.push({ metric, detail: text });
const record = (metric: string, value: number, unit: string, budget?: { max: number; text: string }) =>
  rows.push({
    metric,
    value: Math.round(value * 100) / 100,
    unit,
    ...(budget ? { budget: budget.text, pass: value <= budget.max } : {}),
  });

// ---- pages, served on 127.0.0.1 under a gov.cn name ----
const pages: Record<string, string> = {
  'home.html': portalHome(),
  'news.html': fixture('pages/news-layout.html'),
  'listing.html': fixture('pages/listing.html'),
  'heavy.html': scaledReport(70), // ≈ 21k cells, 118k nodes
  'x1.html': scaledReport(1),
  'x4.html': scaledReport(4),
  'x16.html': scaledReport(16),
};
for (const s of ['000', '001', '002', '003', '004']) pages[`seed-${s}.html`] = fixture(`seeds/${s}.html`);
/** All nodes of the heavy page (elements, text, comments): it is also issue 5's 100k-node page. */
const heavyNodes = (() => {
  const doc = new JSDOM(pages['heavy.html']).window.document;
  let n = 0;
  for (const w = doc.createTreeWalker(doc, 0xffffffff); w.nextNode();) n++;
  return n;
})();
const server = await servePages(async (path) => pages[path.slice(1)] ?? null);
const port = server.port;
const url = (name: string) => `http://www.linjiang.gov.cn:${port}/${name}`;

// ---- browsers: ours, and a do-nothing extension with the same matches (the floor) ----
function noopExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'noop-ext-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'noop',
      version: '1.0',
      content_scripts: [{ matches: ['*://*.gov.cn/*'], js: ['c.js'], run_at: 'document_idle' }],
    }),
  );
  writeFileSync(join(dir, 'c.js'), '');
  return dir;
}
/** The e2e harness's Chromium (same flags), with long tasks recorded from the first script on. */
async function launch(ext: string): Promise<{ ctx: BrowserContext; worker?: Worker }> {
  const ctx = await launchWith(ext);
  await ctx.addInitScript(() => {
    const w = window as unknown as { __longtasks: { start: number; d: number }[] };
    w.__longtasks = [];
    try {
      new PerformanceObserver((l) =>
        l.getEntries().forEach((e) => w.__longtasks.push({ start: e.startTime, d: e.duration })),
      ).observe({ type: 'longtask', buffered: true });
    } catch {
      /* no longtask API */
    }
  });
  const worker = ext === EXT ? (ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'))) : undefined;
  return { ctx, worker };
}

async function loadMetrics(ctx: BrowserContext, name: string) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  // Our content script's isolated world, to read the main-thread time it measured itself.
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => {
    const c = e.context as { id: number; name: string; auxData?: { type?: string } };
    if (c.auxData?.type === 'isolated' && c.name.includes('年报审核')) worlds.push(c.id);
  });
  await cdp.send('Runtime.enable');
  await page.goto(url(name), { waitUntil: 'load' });
  await page.waitForTimeout(400); // document_idle + our gate
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const load = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return n.loadEventEnd - n.startTime;
  });
  let own = 0;
  for (const contextId of worlds) {
    const r = await cdp
      .send('Runtime.evaluate', { expression: 'window.__govReportMainMs ?? 0', contextId, returnByValue: true })
      .catch(() => null);
    own = Math.max(own, Number(r?.result.value ?? 0));
  }
  await page.close();
  return { script: (m.ScriptDuration ?? 0) * 1000, load, own };
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  /** Wall time and thread (CPU) time, µs. */
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string } };
}

/** The trace of one load of a page, `settleMs` after its load event. */
async function traceLoad(ctx: BrowserContext, name: string, settleMs: number): Promise<TraceEvent[]> {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8', transferMode: 'ReportEvents' });
  await page.goto(url(name), { waitUntil: 'load' });
  await page.waitForTimeout(settleMs);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  return events;
}

/** EvaluateScript of an extension's content script in a trace (compile, world setup and run): wall and thread time, ms. */
async function evaluateTrace(ctx: BrowserContext, name: string, script: string) {
  const evaluated = (await traceLoad(ctx, name, 300)).filter(
    (e) => e.ph === 'X' && e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith(script),
  );
  return {
    wall: evaluated.reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0),
    cpu: evaluated.reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0),
  };
}

/** Script work on a page's main thread (compile, run, microtasks, GC), outermost events only. */
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.run',
  'v8.callFunction',
  'FunctionCall',
  'RunMicrotasks',
  'BlinkScheduler_PerformMicrotaskCheckpoint',
  'MinorGC',
  'MajorGC',
]);

/**
 * Thread (CPU) time of all script on a seed page's main thread: the seeds have no scripts of
 * their own, so this is the gate, the engine's load and start, the audit and the draw, with the
 * layouts they force. Unlike wall time it does not count the page's own layout, the wait for a
 * frame, or time the thread spends descheduled on a busy machine.
 */
async function scriptCpu(ctx: BrowserContext, name: string) {
  const events = await traceLoad(ctx, name, 500);
  const gate = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith('/gate.js'));
  if (!gate) return NaN;
  let end = 0;
  let cpu = 0;
  for (const e of events
    .filter((x) => x.ph === 'X' && x.pid === gate.pid && x.tid === gate.tid && SCRIPT_EVENTS.has(x.name))
    .sort((a, b) => a.ts - b.ts)) {
    if (e.ts < end) continue; // nested in one already counted
    end = e.ts + (e.dur ?? 0);
    cpu += (e.tdur ?? 0) / 1000;
  }
  return cpu;
}

/** The page's own first contentful paint (ms from navigation start), or NaN when it has none. */
const firstPaint = (page: Page): Promise<number> =>
  // A string: tsx would wrap a named helper in __name(), which the page does not have.
  page.evaluate(`new Promise((resolve) => {
    const at = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    if (at() !== undefined) return resolve(at());
    new PerformanceObserver(() => at() !== undefined && resolve(at())).observe({ type: 'paint' });
    setTimeout(() => resolve(NaN), 2000);
  })`);

/** The same page with the do-nothing extension: when the page itself is first painted. */
async function floorPaint(ctx: BrowserContext, name: string) {
  const page = await ctx.newPage();
  await page.goto(url(name), { waitUntil: 'load' });
  const fcp = await firstPaint(page);
  await page.close();
  return fcp;
}
async function snapshot(worker: Worker, page: Page) {
  await page.bringToFront();
  for (let i = 0; i < 100; i++) {
    const snap = await worker.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: {
            tabs: {
              query(q: object): Promise<{ id?: number }[]>;
              sendMessage(id: number, m: object): Promise<unknown>;
            };
          };
        }
      ).chrome;
      const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      const reply = (await c.tabs.sendMessage(tab.id!, { type: 'audit:get' }).catch(() => null)) as {
        value?: unknown;
      } | null;
      return reply?.value ?? null;
    });
    const s = snap as Snapshot | null;
    if (s?.timing && s.result) return { ...s, timing: s.timing, result: s.result };
    await page.waitForTimeout(50);
  }
  throw new Error(`no audit snapshot on ${page.url()}`);
}

async function reportRun(ctx: BrowserContext, worker: Worker, name: string) {
  const page = await ctx.newPage();
  await page.goto(url(name), { waitUntil: 'load' });
  const s = await snapshot(worker, page);
  const bare = await page.evaluate(() => {
    const t0 = performance.now();
    let n = 0;
    for (const td of Array.from(document.querySelectorAll('td, th'))) n += (td.textContent ?? '').length;
    return { ms: performance.now() - t0, n };
  });
  const longest = await page.evaluate(
    (from) =>
      Math.max(
        0,
        ...(window as unknown as { __longtasks: { start: number; d: number }[] }).__longtasks
          .filter((t) => t.start + t.d > from)
          .map((t) => t.d),
      ),
    s.timing.scriptStart,
  );
  const fcp = await firstPaint(page);
  await page.close();
  const t = s.timing;
  const { detect, parse, rules } = s.result.timingMs;
  return {
    total: t.painted - t.scriptStart,
    gate: t.gateMs,
    load: t.engineReady - t.scriptStart - t.gateMs,
    detect,
    parse,
    rules,
    draw: t.drawn - t.audited,
    frame: t.painted - t.drawn,
    render: t.painted - t.audited,
    own: t.gateMs + detect + parse + rules + (t.drawn - t.audited),
    // ms from navigation start (the isolated world shares the page's clock)
    scriptStart: t.scriptStart,
    painted: t.painted,
    fcp,
    bare: bare.ms,
    longest,
  };
}

// ---- 5. bundle sizes ----
const file = (p: string) => readFileSync(join(EXT, p));
const content = file('gate.js');
const engine = file('engine.js');
const popupHtml = file('popup.html').toString();
const popupFiles = [...popupHtml.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)]
  .map((m) => m[1])
  .filter((p) => existsSync(join(EXT, p)));
const popupBytes = popupFiles.map((p) => file(p));
record('content script (raw, minified)', kb(content.length), 'kB', { max: 60, text: '≤ 60 kB' });
record('content script (gzip)', kb(gzipSync(content).length), 'kB');
record('engine, loaded on reports only (raw)', kb(engine.length), 'kB');
record('engine (gzip)', kb(gzipSync(engine).length), 'kB');
record('popup (raw, all its js+css)', kb(popupBytes.reduce((s, b) => s + b.length, 0)), 'kB', {
  max: 80,
  text: '≤ 80 kB',
});
record('popup (gzip)', kb(popupBytes.reduce((s, b) => s + gzipSync(b).length, 0)), 'kB');

const ours = await launch(EXT);
const floor = await launch(noopExtension());

// ---- 1. non-report pages: our main-thread time and load time vs the do-nothing extension ----
for (const name of ['home.html', 'news.html', 'listing.html']) {
  const a: Awaited<ReturnType<typeof loadMetrics>>[] = [];
  const b: Awaited<ReturnType<typeof loadMetrics>>[] = [];
  await loadMetrics(ours.ctx, name); // warm caches
  await loadMetrics(floor.ctx, name);
  for (let i = 0; i < RUNS; i++) {
    a.push(await loadMetrics(ours.ctx, name));
    b.push(await loadMetrics(floor.ctx, name));
  }
  record(`${name}: content-script main-thread time (own, sync)`, median(a.map((x) => x.own)), 'ms', {
    max: 1,
    text: '≤ 1 ms',
  });
  const script = median(a.map((x) => x.script)) - median(b.map((x) => x.script));
  record(`${name}: all script time over floor (CDP, incl. compile)`, script, 'ms');
  const traced = { ours: [] as { wall: number; cpu: number }[], floor: [] as { wall: number; cpu: number }[] };
  for (let i = 0; i < RUNS; i++) {
    traced.ours.push(await evaluateTrace(ours.ctx, name, '/gate.js'));
    traced.floor.push(await evaluateTrace(floor.ctx, name, '/c.js'));
  }
  record(
    `${name}: gate script evaluation, traced, thread time (incl. compile; wall ${median(traced.ours.map((t) => t.wall)).toFixed(2)} ms; an empty script: ${median(traced.floor.map((t) => t.cpu)).toFixed(2)} ms)`,
    median(traced.ours.map((t) => t.cpu)),
    'ms',
  );
  // Paired differences of alternated loads: drift of the machine cancels within each pair.
  const loadB = median(b.map((x) => x.load));
  const overFloor = median(a.map((x, i) => x.load - b[i].load));
  record(`${name}: load time (floor ${loadB.toFixed(1)} ms)`, overFloor, 'ms over floor', {
    max: 5,
    text: '≤ floor + 5 ms',
  });
}

// ---- 2–4. report pages: script start → overlay painted, split; bare-walk ratio; scaling ----
// The window from script start to overlay painted also holds the page's own first layout and
// paint (the gate runs at document_idle, usually before them), so each seed page is also loaded
// with the do-nothing extension, alternated: the floor is when the page itself is first painted.
const reports: Record<string, Awaited<ReturnType<typeof reportRun>>[]> = {};
const floors: Record<string, number[]> = {};
const cpus: Record<string, number[]> = {};
for (const name of [
  'seed-000.html',
  'seed-001.html',
  'seed-002.html',
  'seed-003.html',
  'seed-004.html',
  'heavy.html',
  'x1.html',
  'x4.html',
  'x16.html',
]) {
  const seed = name.startsWith('seed');
  await reportRun(ours.ctx, ours.worker!, name); // warm
  if (seed) await floorPaint(floor.ctx, name);
  reports[name] = [];
  floors[name] = [];
  cpus[name] = [];
  for (let i = 0; i < RUNS; i++) {
    reports[name].push(await reportRun(ours.ctx, ours.worker!, name));
    if (seed) floors[name].push(await floorPaint(floor.ctx, name));
    if (seed) cpus[name].push(await scriptCpu(ours.ctx, name));
  }
}
const med = (name: string, k: keyof Awaited<ReturnType<typeof reportRun>>) => median(reports[name].map((r) => r[k]));
/** Median of paired differences (run i of ours against run i of the floor), skipping runs without a paint entry. */
const pairedOverFloor = (name: string, k: 'painted' | 'fcp') =>
  median(reports[name].map((r, i) => r[k] - floors[name][i]).filter(Number.isFinite));
for (const name of Object.keys(reports).filter((n) => n.startsWith('seed'))) {
  record(`${name}: script start → overlay painted`, med(name, 'total'), 'ms', { max: 20, text: '≤ 20 ms' });
  detail(
    `  ${name} split`,
    `gate ${med(name, 'gate').toFixed(1)} · load ${med(name, 'load').toFixed(1)} · detect ${med(name, 'detect').toFixed(1)} · parse ${med(name, 'parse').toFixed(1)} · rules ${med(name, 'rules').toFixed(1)} · draw ${med(name, 'draw').toFixed(1)} · next frame ${med(name, 'frame').toFixed(1)} ms`,
  );
  const pageFirst = median(floors[name].filter(Number.isFinite)) - med(name, 'scriptStart');
  record(
    `  ${name}: overlay painted after the page's own first paint (floor: ${pageFirst.toFixed(1)} ms after script start)`,
    pairedOverFloor(name, 'painted'),
    'ms over floor',
    { max: 20, text: '≤ floor + 20 ms' },
  );
  record(`  ${name}: our own work on the way (gate + detect + parse + rules + draw)`, med(name, 'own'), 'ms');
  record(
    `  ${name}: the same as main-thread CPU, traced (all script on the page, incl. engine compile and start)`,
    median(cpus[name].filter(Number.isFinite)),
    'ms',
  );
  record(`  ${name}: page's own first paint, with us vs the floor`, pairedOverFloor(name, 'fcp'), 'ms later');
}
record('heavy page (~21k cells): script start → overlay painted', med('heavy.html', 'total'), 'ms', {
  max: 250,
  text: '≤ 250 ms',
});
detail(
  '  heavy split',
  `gate+load ${(med('heavy.html', 'gate') + med('heavy.html', 'load')).toFixed(1)} · detect ${med('heavy.html', 'detect').toFixed(1)} · parse ${med('heavy.html', 'parse').toFixed(1)} · rules ${med('heavy.html', 'rules').toFixed(1)} · render ${med('heavy.html', 'render').toFixed(1)} ms`,
);
const longest = Math.max(...reports['heavy.html'].map((r) => r.longest));
record('heavy page: longest task from our script start to overlay, worst run', longest, 'ms', {
  max: 50,
  text: '≤ 50 ms',
});
record(`${heavyNodes} nodes (≥ 100k): longest task from us, worst run (issue 5)`, longest, 'ms', {
  max: 100,
  text: '≤ 100 ms',
});
const work = (n: string) => med(n, 'parse') + med(n, 'rules');
record(
  'heavy page: parse+rules ÷ bare cell walk',
  work('heavy.html') / Math.max(0.05, med('heavy.html', 'bare')),
  '×',
  { max: 4, text: '≤ 4×' },
);
record(
  'seed-000: parse+rules ÷ bare cell walk',
  work('seed-000.html') / Math.max(0.05, med('seed-000.html', 'bare')),
  '×',
);
const t1 = med('x1.html', 'detect') + work('x1.html');
const t16 = med('x16.html', 'detect') + work('x16.html');
record(
  `scaling: audit time 1× ${t1.toFixed(1)} · 4× ${(med('x4.html', 'detect') + work('x4.html')).toFixed(1)} · 16× ${t16.toFixed(1)} ms; 16× ÷ 1×`,
  t16 / t1,
  '×',
  { max: 20, text: '≤ 20×' },
);
record('scaling slope (log t / log volume)', Math.log(t16 / t1) / Math.log(16), '');

await ours.ctx.close();
await floor.ctx.close();
await server.close();

// ---- 6. the CLI over the sample set ----
const samples = ['000', '001', '002', '003', '004'].map((s) => join(ROOT, 'tests', 'fixtures', 'seeds', `${s}.html`));
const t0 = performance.now();
let n = 0;
for (let round = 0; round < 3; round++)
  for (const p of samples) {
    const { doc, url: u } = await loadPage(p);
    audit(doc, { url: u });
    n++;
  }
record('CLI: pages per second (load + parse + audit, one thread)', n / ((performance.now() - t0) / 1000), 'pages/s');

// ---- report ----
const width = Math.max(...rows.map((r) => r.metric.length));
console.log(`\n${'metric'.padEnd(width)}  value         budget      result`);
for (const r of rows) {
  if ('detail' in r) console.log(`${r.metric.padEnd(width)}  ${r.detail}`);
  else
    console.log(
      `${r.metric.padEnd(width)}  ${`${r.value} ${r.unit}`.padEnd(14)}${(r.budget ?? '').padEnd(12)}${r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL'}`,
    );
}
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench', 'results.json'),
  JSON.stringify({ date: new Date().toISOString(), runs: RUNS, results: rows }, null, 2),
);
console.log(
  `\n${rows.filter((r) => 'pass' in r && r.pass === false).length} budget(s) missed; figures in bench/results.json`,
);
