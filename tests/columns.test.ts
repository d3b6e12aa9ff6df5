// Many columns at once (cli/columns.ts): the CSV, the polite per-host gate with retries
// (lib/sweep/queue.ts), the failure reasons (lib/sweep/fetch.ts), the fault fixture served locally
// (tests/fixtures/columns/serve.ts: a 500 twice, a slow host, a login redirect, a dead host, a 404),
// a re-run that reuses unchanged pages, and the progress line (cli/progress.ts).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnRows, parseCsv, readColumns, sweepColumns } from '../cli/columns';
import { clock, createProgress, progressLine } from '../cli/progress';
import { YEAR_RULES } from '../lib/sweep/years';
import type { BatchLine, CrossLine, ReportLine } from '../lib/batch/lines';
import { RULES } from '../lib/rules';
import type { Rule } from '../lib/rules/types';
import {
  failureOf,
  fetchPage,
  fetchText,
  isTransient,
  LoadError,
  loginWall,
  retryAfterOf,
  transientRetry,
} from '../lib/sweep/fetch';
import { backoff, createGate, MAX_ASKED_WAIT_MS, runQueue } from '../lib/sweep/queue';
import { failureText } from '../lib/sweep/table';
import { serveFaults, type FaultSites } from './fixtures/columns/serve';

const root = join(import.meta.dirname, '..');
const FIXTURES = join(root, 'tests', 'fixtures');
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const parse = (html: string, url: string) => new JSDOM(html, { url }).window.document;

/** The year.* rules' cross lines (the fixture column's pages also repeat each other's text: tests/copied.test.ts). */
const yearRulesOf = (cs: CrossLine[]) => cs.filter((c) => YEAR_RULES.some((r) => r.id === c.finding.ruleId));

describe('the columns CSV', () => {
  it('reads quoted cells, "" quotes, line breaks inside quotes, CRLF and blank lines', () => {
    expect(parseCsv('a,"b, ""c"""\r\n\r\n"d\ne",f\n g ,')).toEqual([
      ['a', 'b, "c"'],
      ['d\ne', 'f'],
      ['g', ''],
    ]);
  });

  it('a header row is optional; paths are relative to the CSV; a bare host gets http://', () => {
    const dir = join(FIXTURES, 'columns');
    const rows = [
      ['机关', '网址'],
      ['临江市统计局', 'http://www.a.gov.cn/col/1/'],
      ['http://www.b.gov.cn/col/2/', '临江市民政局'],
      ['www.c.gov.cn/col/3/'],
      ['临江市本地', '../column'],
      ['临江市缺失', 'no/such/dir'],
    ];
    expect(columnRows(rows, dir)).toEqual([
      { name: '临江市统计局', location: 'http://www.a.gov.cn/col/1/' },
      { name: '临江市民政局', location: 'http://www.b.gov.cn/col/2/' },
      { name: 'www.c.gov.cn/col/3/', location: 'http://www.c.gov.cn/col/3/' },
      { name: '临江市本地', location: join(FIXTURES, 'column') },
      { name: '临江市缺失', location: join(dir, 'no/such/dir') },
    ]);
    expect(columnRows([['临江市统计局', 'http://www.a.gov.cn/']], dir)).toHaveLength(1); // no header
  });

  it('decodes GBK (and a UTF-8 BOM) with the shared decoder', async () => {
    expect(await readColumns(join(FIXTURES, 'columns', 'gbk.csv'))).toEqual([
      { name: '临江市统计局', location: join(FIXTURES, 'column', 'listing.html') },
      { name: '临江市民政局', location: 'http://www.linjiang.gov.cn/col/mzj/' },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'columns-csv-'));
    writeFileSync(join(dir, 'bom.csv'), '\ufeff机关,网址\n临江市统计局,http://www.a.gov.cn/\n');
    expect(await readColumns(join(dir, 'bom.csv'))).toEqual([
      { name: '临江市统计局', location: 'http://www.a.gov.cn/' },
    ]);
  });
});

describe('the polite gate', () => {
  it('per host at most 3 in flight and starts spaced; hosts side by side; an overall cap', async () => {
    const gate = createGate({ perHost: 3, total: 4, delayMs: 20 });
    const inFlight = new Map<string, number>();
    const max = new Map<string, number>();
    const starts = new Map<string, number[]>();
    let all = 0;
    let maxAll = 0;
    const items = [...Array(8).keys()].map((i) => (i % 2 ? 'b.gov.cn' : 'a.gov.cn'));
    const t0 = Date.now();
    await runQueue(
      items,
      async (host) => {
        inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
        max.set(host, Math.max(max.get(host) ?? 0, inFlight.get(host)!));
        maxAll = Math.max(maxAll, ++all);
        starts.set(host, [...(starts.get(host) ?? []), Date.now()]);
        await wait(60);
        inFlight.set(host, inFlight.get(host)! - 1);
        all--;
      },
      { gate, key: (h) => h },
    );
    expect(max.get('a.gov.cn')).toBeLessThanOrEqual(3);
    expect(maxAll).toBe(4);
    for (const s of starts.values())
      for (let k = 1; k < s.length; k++) expect(s[k] - s[k - 1]).toBeGreaterThanOrEqual(19);
    // The two hosts started together, not one delay after the other.
    expect(Math.abs(starts.get('a.gov.cn')![0] - starts.get('b.gov.cn')![0])).toBeLessThan(15);
    expect(starts.get('a.gov.cn')![0] - t0).toBeLessThan(15);
  });

  it('retries what is transient with a growing backoff, not what is not', async () => {
    const tries = new Map<string, number>();
    const retries: [number, number, number][] = [];
    const out = await runQueue(
      ['503', '404', 'net'],
      async (what) => {
        const n = (tries.get(what) ?? 0) + 1;
        tries.set(what, n);
        if (what === '503' && n < 3) throw new LoadError('http', 'HTTP 503', 503);
        if (what === '404') throw new LoadError('not-found', 'HTTP 404', 404);
        if (what === 'net') throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
        return n;
      },
      {
        delayMs: 0,
        key: (w) => w,
        retry: { attempts: 3, backoffMs: 10, retryable: isTransient },
        onRetry: (i, attempt, _e, ms) => retries.push([i, attempt, ms]),
      },
    );
    expect(out.map((o) => (o.status === 'done' ? o.value : failureOf(o.status === 'failed' ? o.error : null)))).toEqual(
      [3, { code: 'not-found', detail: 'HTTP 404' }, { code: 'network', detail: 'ECONNREFUSED' }],
    );
    expect([...tries.values()]).toEqual([3, 1, 3]);
    // 10 ms, then 20 ms, each plus up to half again.
    expect(retries.filter(([i]) => i === 0).map(([, a, ms]) => [a, ms >= 10 * a && ms <= 15 * a])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(backoff(1, 1000, () => 0)).toBe(1000);
    expect(backoff(3, 1000, () => 1)).toBe(6000);
    expect(isTransient(new LoadError('http', 'HTTP 429', 429))).toBe(true);
    expect(isTransient(new LoadError('login', 'x'))).toBe(false);
    expect(isTransient(new LoadError('timeout', '30 s'))).toBe(true);
  });

  it("waits what a server's Retry-After asks when longer than the backoff, up to a minute", async () => {
    expect(retryAfterOf('120')).toBe(120_000);
    expect(retryAfterOf('Wed, 21 Oct 2026 07:28:30 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(30_000);
    expect([retryAfterOf(null), retryAfterOf('soon')]).toEqual([undefined, undefined]);
    const waits: number[] = [];
    const ctl = new AbortController();
    const asks = [80, 5, 3_600_000]; // ms: longer than the backoff, shorter, an hour
    const out = await runQueue(
      asks,
      async (ms) => {
        throw new LoadError('http', 'HTTP 429', 429, ms);
      },
      {
        concurrency: 1,
        delayMs: 0,
        retry: transientRetry(1, 10),
        signal: ctl.signal,
        onRetry: (_i, _attempt, _e, ms) => {
          waits.push(ms);
          if (waits.length === asks.length) ctl.abort(); // not an hour, nor a minute, in a test
        },
      },
    );
    expect(waits[0]).toBe(80);
    expect(waits[1]).toBeGreaterThanOrEqual(10);
    expect(waits[1]).toBeLessThanOrEqual(15);
    expect(waits[2]).toBe(MAX_ASKED_WAIT_MS);
    expect(out.map((o) => o.status)).toEqual(['failed', 'failed', 'cancelled']);
  });
});

describe('timeouts', () => {
  it('the CLI counts only the time it could wait: an answer that came while it was busy is taken', async () => {
    const answer: typeof fetch = () =>
      new Promise((r) =>
        setTimeout(() => r(new Response('<p>x</p>', { headers: { 'content-type': 'text/html' } })), 30),
      );
    const hang: typeof fetch = (_u, init) =>
      new Promise((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const got = (f: typeof fetch) =>
      fetchText('http://a.gov.cn/x.html', { fetch: f, timeoutMs: 100, idleTimeout: true }).then(
        (p) => p.html,
        (e: unknown) => failureOf(e),
      );
    const p = got(answer);
    for (const end = Date.now() + 300; Date.now() < end;); // busy auditing another page
    expect(await p).toBe('<p>x</p>');
    const t0 = Date.now();
    expect(await got(hang)).toEqual({ code: 'timeout', detail: '0 s' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(95);
  });
});

describe('login walls', () => {
  const page = (title: string, body: string) =>
    parse(`<title>${title}</title><body>${body}</body>`, 'http://a.gov.cn/x');

  it('a redirect to a login/SSO address, or a password page titled 登录; never the address asked for alone', () => {
    expect(loginWall('https://sso.a.gov.cn/cas/login?service=x', 'http://a.gov.cn/art/1.html')).toBe(
      'https://sso.a.gov.cn/cas/login',
    );
    expect(loginWall('http://a.gov.cn/passport.do?x', 'http://a.gov.cn/art/1.html')).toBe(
      'http://a.gov.cn/passport.do',
    );
    expect(loginWall('http://a.gov.cn/login/2023.html', 'http://a.gov.cn/login/2023.html')).toBeNull();
    expect(loginWall('http://a.gov.cn/art/broadcast.html', 'http://a.gov.cn/art/1.html')).toBeNull();
    const wall = page('用户登录', '<input name=u><input type="PASSWORD">');
    expect(loginWall('http://a.gov.cn/x', 'http://a.gov.cn/x', wall)).toBe('http://a.gov.cn/x');
    // A report with a login box in its header is still a report.
    const report = page('临江市统计局2023年政府信息公开工作年度报告', '<input type=password>');
    expect(loginWall('http://a.gov.cn/x', 'http://a.gov.cn/x', report)).toBeNull();
  });

  it('fetchPage fails with the login reason (zh and en wording), and on a 401', async () => {
    const res =
      (init: ResponseInit, body = '') =>
      async () =>
        new Response(body, init);
    const fail = (f: typeof fetch) =>
      fetchPage('http://a.gov.cn/x.html', { fetch: f, parse }).then(
        () => null,
        (e: unknown) => failureOf(e),
      );
    const wall = await fail(
      res({ headers: { 'content-type': 'text/html' } }, '<title>登录</title><input type="password">'),
    );
    expect(wall).toEqual({ code: 'login', detail: 'http://a.gov.cn/x.html' });
    expect(failureText(wall!)).toBe('无法读取：需要登录（http://a.gov.cn/x.html）');
    expect(failureText(wall!, 'en')).toBe('cannot read: login required (http://a.gov.cn/x.html)');
    expect(await fail(res({ status: 401 }))).toEqual({ code: 'login', detail: 'HTTP 401' });
  });
});

describe('sweepColumns on the fault fixture', () => {
  let sites: FaultSites;
  const lines: BatchLine[] = [];
  const starts = new Map<string, number[]>();
  let summary: Awaited<ReturnType<typeof sweepColumns>>;
  const ticks: number[] = [];

  beforeAll(async () => {
    sites = await serveFaults({ latencyMs: 150 });
    summary = await sweepColumns(sites.csvPath, {
      onLine: (l) => lines.push(l),
      delayMs: 30,
      timeoutMs: 600,
      backoffMs: 20,
      fetch: (input, init) => {
        const host = new URL(String(input)).host;
        starts.set(host, [...(starts.get(host) ?? []), Date.now()]);
        return fetch(input, init);
      },
      progress: { tick: (n = 1) => ticks.push(n), setTotal: () => {}, done: () => {} },
    });
  }, 20000);
  afterAll(() => sites?.close());

  const reports = () => lines.filter((l): l is ReportLine => l.type === 'report');
  const byName = (tail: string) => reports().find((l) => l.source.endsWith(tail));

  it('gives every page its reason: read, 404, login wall, timeout after retries, dead host', () => {
    const got = reports().map((l) => [
      l.column,
      l.source.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''),
      l.error ?? `${l.result?.report?.agency} ${l.result?.report?.year}`,
    ]);
    const www = sites.www.origin;
    expect(got.sort()).toEqual(
      [
        ['临江市民政局', '/a.html', '临江市统计局 2023'],
        ['临江市审计局,已撤并', '/index.html', '无法读取：网络错误（ECONNREFUSED）'],
        ['临江市市场监督管理局（"市场监管局"）', '/smj/2019.html', '无法读取：页面不存在（HTTP 404）'],
        ['临江市市场监督管理局（"市场监管局"）', '/smj/2020.html', `无法读取：需要登录（${www}/login）`],
        ['临江市市场监督管理局（"市场监管局"）', '/smj/smj-2021.html', '临江市市场监督管理局 2021'],
        ['临江市市场监督管理局（"市场监管局"）', '/smj/smj-2022.html', '临江市市场监督管理局 2022'],
        ['临江市水利局', '/b.html', '无法读取：超时（1 s）'],
        ['临江市统计局', '/tjj/tjj-2021.html', '临江市统计局 2021'],
        ['临江市统计局', '/tjj/tjj-2022.html', '临江市统计局 2022'],
        ['临江市统计局', '/tjj/tjj-2023.html', '临江市统计局 2023'],
      ].sort(),
    );
    expect(summary).toEqual({ columns: 5, pages: 9, failed: 4 });
    expect(ticks).toHaveLength(9);
    const ok = byName('/tjj/tjj-2022.html')!;
    expect(ok.url).toBe(ok.source);
    expect(ok.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(ok.result?.detected).toBe(true);
    expect(byName('/smj/2019.html')!.result).toBeUndefined();
  });

  it('retries a 500 and a timeout (3 requests each), not a 404 or a login wall', () => {
    expect(sites.flaky.count('/a.html')).toBe(3);
    expect(sites.slow.count('/b.html')).toBe(3);
    expect(sites.www.count('/smj/2019.html')).toBe(1);
    expect(sites.www.count('/smj/2020.html')).toBe(1);
    expect(sites.www.count('/login')).toBe(1);
  });

  it('never has more than 3 requests in flight at a host, and spaces the starts to a host', () => {
    expect(sites.www.maxInFlight).toBe(3);
    for (const s of starts.values())
      for (let k = 1; k < s.length; k++) expect(s[k] - s[k - 1]).toBeGreaterThanOrEqual(29);
    expect(starts.get(new URL(sites.www.origin).host)).toHaveLength(9); // 2 listings, 7 links
  });

  it('the cross-year findings of each column as cross lines', () => {
    const cross = yearRulesOf(lines.filter((l): l is CrossLine => l.type === 'cross'));
    const short = (s: string) => s.replace(/^http:\/\/127\.0\.0\.1:\d+/, '');
    expect(
      cross.map((c) => [short(c.source), short(c.otherSource), c.agency, c.year, c.otherYear, c.finding.ruleId]),
    ).toEqual([
      ['/tjj/tjj-2023.html', '/tjj/tjj-2022.html', '临江市统计局', 2023, 2022, 'year.carry-over'],
      ['/tjj/tjj-2023.html', '/tjj/tjj-2022.html', '临江市统计局', 2023, 2022, 'year.carry-over'],
      ['/smj/smj-2022.html', '/smj/smj-2021.html', '临江市市场监督管理局', 2022, 2021, 'year.in-force'],
    ]);
    expect(cross[1].finding.message).toBe('二、上年结转 / 总计：本年填报 5，2022年报告“四、结转下年度继续办理”为 4');
    expect(Object.keys(cross[0].finding)).not.toContain('prevIndex');
    // Each cross line follows the report lines of its column.
    const at = (l: BatchLine) => lines.indexOf(l);
    expect(at(cross[0])).toBeGreaterThan(at(byName('/tjj/tjj-2021.html')!));
  });
});

describe('a local copy of a column, and a re-run that reuses unchanged pages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'columns-local-'));
  mkdirSync(join(dir, 'mirror'));
  for (const y of [2021, 2022, 2023])
    copyFileSync(join(FIXTURES, 'column', `tjj-${y}.html`), join(dir, 'mirror', `tjj-${y}.html`));
  writeFileSync(join(dir, 'local.csv'), '\ufeff临江市统计局,mirror\n');
  let audits = 0;
  const counting: Rule = { ...RULES[0], id: 'test.count', appliesTo: undefined, check: () => void audits++ };

  it('sweeps the folder, then reuses every unchanged page and compares only what is new', async () => {
    const first: BatchLine[] = [];
    await sweepColumns(join(dir, 'local.csv'), { onLine: (l) => first.push(l) });
    const reports = first
      .filter((l): l is ReportLine => l.type === 'report')
      .sort((a, b) => a.source.localeCompare(b.source));
    expect(reports.map((l) => [l.column, l.source, l.url, l.result?.report?.year])).toEqual(
      [2021, 2022, 2023].map((y) => [
        '临江市统计局',
        resolve(dir, 'mirror', `tjj-${y}.html`),
        expect.stringMatching(/^http:\/\/www\.linjiang\.gov\.cn\/art\//), // the canonical URL
        y,
      ]),
    );
    expect(yearRulesOf(first.filter((l): l is CrossLine => l.type === 'cross'))).toHaveLength(2);

    // The re-run: everything done but the 2023 report (say, changed since).
    const done = new Map(reports.map((l) => [`${l.hash}`, l]));
    const asked: string[] = [];
    const second: [BatchLine, boolean][] = [];
    const res = await sweepColumns(join(dir, 'local.csv'), {
      onLine: (l, { reused }) => second.push([l, reused]),
      skip: (url, hash) => {
        asked.push(url);
        return url.endsWith('tjj-2023.html') ? undefined : done.get(hash);
      },
      rules: [counting],
    });
    expect(asked.every((u) => u.startsWith('file:'))).toBe(true);
    expect(res).toEqual({ columns: 1, pages: 3, failed: 0 });
    const again = (second.filter(([l]) => l.type === 'report') as [ReportLine, boolean][]).sort(([a], [b]) =>
      a.source.localeCompare(b.source),
    );
    expect(again.map(([l, reused]) => [l.source.slice(-13), reused])).toEqual([
      ['tjj-2021.html', true],
      ['tjj-2022.html', true],
      ['tjj-2023.html', false],
    ]);
    expect(again[0][0].auditedAt).toBe(reports[0].auditedAt);
    // Audited: the new 2023 report, and the 2022 one parsed again to be compared with it; not 2021.
    expect(audits).toBe(2);
    const all = second.filter(([l]) => l.type === 'cross').map(([l]) => l as CrossLine);
    const cross = yearRulesOf(all);
    // 2023 against the reused 2022; 2022 against 2021 (both reused) stands from the first run.
    expect(all.filter((c) => !cross.includes(c)).every((c) => c.source.endsWith('tjj-2023.html'))).toBe(true);
    expect(cross.map((c) => [c.source.slice(-13), c.otherSource.slice(-13), c.finding.ruleId])).toEqual([
      ['tjj-2023.html', 'tjj-2022.html', 'year.carry-over'],
      ['tjj-2023.html', 'tjj-2022.html', 'year.carry-over'],
    ]);
  });
});

describe('the progress line', () => {
  it('count, bar, rate and ETA; nothing at all when stderr is not a terminal', () => {
    expect(progressLine('年报栏目', 10, 40, 5000)).toBe(
      '年报栏目  [█████░░░░░░░░░░░░░░░]  10/40  2.0 页/秒  剩余 0:15',
    );
    expect(progressLine('审核', 3, null, 1000)).toBe('审核  3  3.0 页/秒');
    expect(clock(3725)).toBe('1:02:05');
    let t = 0;
    const out: string[] = [];
    const tty = createProgress(null, '年报栏目', {
      stream: { isTTY: true, columns: 200, write: (s) => out.push(s) },
      now: () => t,
      intervalMs: 100,
    });
    t = 50;
    tty.tick(); // within the interval of the first draw at 0? no draw happened yet: drawn
    t = 60;
    tty.tick(); // throttled
    tty.setTotal(4);
    t = 1000;
    tty.tick();
    tty.done();
    expect(out.map((s) => s.replace('\x1b[K', ''))).toEqual([
      '\r年报栏目  1  20.0 页/秒',
      '\r年报栏目  [███████████████░░░░░]  3/4  3.0 页/秒  剩余 0:00',
      '\r年报栏目  [███████████████░░░░░]  3/4  3.0 页/秒  剩余 0:00',
      '\n',
    ]);
    const quiet: string[] = [];
    const piped = createProgress(5, 'x', { stream: { isTTY: false, write: (s) => quiet.push(s) } });
    piped.tick();
    piped.done();
    expect(quiet).toEqual([]);
    expect(readFileSync(join(FIXTURES, 'columns', 'columns.csv'), 'utf8')).toContain('{dead}');
  });
});
