// Profile the extension on one page in Chromium and print the functions with the most self
// time: `npx tsx bench/profile.ts seeds/000.html` (a fixture path) or `… home` (portal page) or `… heavy` (the bench's ~20k-cell report).
// Build first (npm run build). Names are minified; grep .output/chrome-mv3/engine.js for them.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { EXT, launchWith } from '../tests/e2e/harness';
import { portalHome, scaledReport } from './pages';

const target = process.argv[2] ?? 'seeds/000.html';
const body =
  target === 'home'
    ? portalHome()
    : target === 'heavy'
      ? scaledReport(70)
      : readFileSync(join(import.meta.dirname, '..', 'tests', 'fixtures', target), 'utf8');
const server = createServer((_, r) => r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const ctx = await launchWith(EXT);
if (!ctx.serviceWorkers().length) await ctx.waitForEvent('serviceworker');
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(`http://www.linjiang.gov.cn:${port}/p.html`);
if (target === 'home') await page.waitForTimeout(1000);
else await page.locator('gov-report-audit .chip').waitFor();
const { profile } = await cdp.send('Profiler.stop');
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
profile.samples!.forEach((id, i) => {
  const f = nodes.get(id)!.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas![i] ?? 0) / 1000);
});
for (const [k, v] of [...self]
  .filter(([k]) => !/^\((idle|program)\)/.test(k))
  .sort((a, b) => b[1] - a[1])
  .slice(0, 25))
  console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
await ctx.close();
server.close();
