// The column sweep's pure parts in Node: listing links, the shared decoder (GBK), the polite queue,
// the cross-year rules on the fixture column (tests/fixtures/column, see make.ts there), the
// result table (sort, filter, exports with escaping) and the CLI's --sweep output.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadPage } from '../cli/load';
import { parseSweepSearch, samePage, sweepSearch } from '../components/sweep/model';
import { RULES } from '../lib/rules';
import { decode, detectCharset, metaCharset } from '../lib/sweep/decode';
import { toCsv, toMarkdown, toTsv, sweepFileName } from '../lib/sweep/export';
import { failureOf, fetchPage, LoadError } from '../lib/sweep/fetch';
import { anchorsOf, hostPattern, isReportLabel, reportLinks } from '../lib/sweep/links';
import { localSource, sweepLocal } from '../cli/sweep';
import { runQueue } from '../lib/sweep/queue';
import { sweep } from '../lib/sweep/sweep';
import { filterRows, sortRows, summarize, sweepRows, type SweepRow } from '../lib/sweep/table';
import { YEAR_RULES, yearPairs } from '../lib/sweep/years';

const root = join(import.meta.dirname, '..');
const COLUMN = join(root, 'tests', 'fixtures', 'column');
const parse = (html: string, url: string) => new JSDOM(html, { url }).window.document;

describe('listing links', () => {
  it('finds the seven report links of the fixture listing, resolved against its canonical URL', async () => {
    const { doc } = await loadPage(join(COLUMN, 'listing.html'));
    const links = reportLinks(anchorsOf(doc), 'http://www.linjiang.gov.cn/col/zfxxgknb/index.html');
    expect(links.map((l) => l.url.replace('http://www.linjiang.gov.cn/col/zfxxgknb/', ''))).toEqual([
      'smj-2023.html',
      'tjj-2023.html',
      'smj-2022.html',
      'tjj-2022.html',
      'smj-2021.html',
      'tjj-2021.html',
      'tjj-2020.html',
    ]);
    expect(links[1].text).toBe('临江市统计局2023年政府信息公开工作年度报告');
  });

  it('finds the 20 reports of the portal listing page and none of its navigation', async () => {
    const { doc, url } = await loadPage(join(root, 'tests/fixtures/pages/listing.html'));
    const links = reportLinks(anchorsOf(doc), url);
    expect(links).toHaveLength(20);
    expect(links.every((l) => /^http:\/\/www\.linjiang\.gov\.cn\/art\/2024\//.test(l.url))).toBe(true);
  });

  it('leaves out notices, rules, scripts and duplicates; a truncated text gives way to the title', () => {
    const anchors = [
      { href: 'a.html#top', text: '临江市统计局2023年政府信息公开工作年度报告' },
      { href: 'a.html', text: '临江市统计局2023年政府信息公开工作年度报告' },
      { href: 'b.html', text: '临江市民政局2023年政府信息公…', title: '临江市民政局2023年政府信息公开工作年度报告' },
      { href: 'c.html', text: '关于做好2023年政府信息公开工作年度报告编制发布工作的通知' },
      { href: 'd.html', text: '中华人民共和国政府信息公开工作年度报告格式' },
      { href: 'javascript:void(0)', text: '临江市教育局2023年政府信息公开工作年度报告' },
      { href: 'e.html', text: '政府信息公开年报' },
      { href: 'f.html', text: '２０２２年度临江市审计局政府信息公开工作年度报告' },
      { href: 'g.pdf', text: '临江市水利局2023年政府信息公开工作年度报告.pdf' },
    ];
    const links = reportLinks(anchors, 'https://www.x.gov.cn/col/ndbg/index.html');
    expect(links).toEqual([
      { url: 'https://www.x.gov.cn/col/ndbg/a.html', text: '临江市统计局2023年政府信息公开工作年度报告' },
      { url: 'https://www.x.gov.cn/col/ndbg/b.html', text: '临江市民政局2023年政府信息公开工作年度报告' },
      { url: 'https://www.x.gov.cn/col/ndbg/f.html', text: '2022年度临江市审计局政府信息公开工作年度报告' },
      { url: 'https://www.x.gov.cn/col/ndbg/g.pdf', text: '临江市水利局2023年政府信息公开工作年度报告.pdf' },
    ]);
    expect(isReportLabel('智仁乡2023年政府信息公开工作总结')).toBe(true);
    expect(isReportLabel('临江市人民政府网站2023年工作年度报表')).toBe(false);
  });

  it('host permission patterns', () => {
    expect(hostPattern('http://www.linjiang.gov.cn:8080/col/a.html')).toBe('*://www.linjiang.gov.cn/*');
    expect(hostPattern('file:///tmp/a.html')).toBeNull();
    expect(hostPattern('not a url')).toBeNull();
  });

  it('the sweep page query round-trips and accepts only web URLs', () => {
    const t = { url: 'http://www.linjiang.gov.cn/col/a.html?x=1&y=2#z', tab: 12 };
    expect(parseSweepSearch(sweepSearch(t))).toEqual(t);
    expect(parseSweepSearch(sweepSearch({ url: 'http://a.gov.cn/', tab: null }))).toEqual({
      url: 'http://a.gov.cn/',
      tab: null,
    });
    expect(parseSweepSearch('?url=javascript%3Aalert(1)')).toBeNull();
    expect(parseSweepSearch('?tab=3')).toBeNull();
    expect(samePage('http://a.gov.cn/x.html#top', 'http://a.gov.cn/x.html')).toBe(true);
    expect(samePage(undefined, 'http://a.gov.cn/x.html')).toBe(false);
  });
});

describe('decode (shared by the CLI and the extension)', () => {
  const gbk = readFileSync(join(COLUMN, 'tjj-2022.html'));

  it('reads the GBK fixture by its <meta charset="gbk">', () => {
    expect(metaCharset(gbk)).toBe('gbk');
    expect(detectCharset(gbk)).toBe('gbk');
    expect(decode(gbk)).toContain('<title>临江市统计局2022年政府信息公开工作年度报告');
  });

  it('honours the Content-Type charset, and falls back when the header contradicts the bytes', () => {
    expect(detectCharset(gbk, 'text/html; charset=GB2312')).toBe('gbk');
    // The fixture server (and some portals) send charset=utf-8 for GBK bytes.
    expect(detectCharset(gbk, 'text/html; charset=utf-8')).toBe('gbk');
    expect(decode(gbk, 'text/html; charset=utf-8')).toContain('临江市统计局');
    const utf8 = new TextEncoder().encode('<meta charset="gbk"><p>临江市</p>');
    expect(detectCharset(utf8, 'text/html; charset=utf-8')).toBe('utf-8');
  });

  it('undeclared: UTF-8 when valid, else GBK; a BOM wins', () => {
    const body = gbk.subarray(gbk.indexOf('<body'));
    expect(detectCharset(body)).toBe('gbk');
    expect(decode(body)).toContain('临江市人民政府');
    expect(detectCharset(new TextEncoder().encode('<p>临江</p>'))).toBe('utf-8');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<meta charset="gbk">临江')]);
    expect(decode(bom)).toBe('<meta charset="gbk">临江');
    expect(detectCharset(new TextEncoder().encode('<meta charset="no-such">x'))).toBe('utf-8');
  });

  it('the CLI loads the GBK page through it', async () => {
    const { doc } = await loadPage(join(COLUMN, 'tjj-2022.html'));
    expect(doc.title).toMatch(/^临江市统计局2022年政府信息公开工作年度报告/);
  });
});

describe('fetchPage', () => {
  const respond = (body: BodyInit | null, init: ResponseInit) => async () => new Response(body, init);

  it('decodes a GBK page served without charset', async () => {
    const page = await fetchPage('http://a.gov.cn/x.html', {
      fetch: respond(readFileSync(join(COLUMN, 'tjj-2022.html')), { headers: { 'content-type': 'text/html' } }),
      parse,
    });
    expect(page.doc.title).toMatch(/^临江市统计局2022年/);
  });

  it('turns a 404, a 500, a PDF, a network error and a timeout into reasons', async () => {
    const fail = (f: typeof fetch, timeoutMs?: number) =>
      fetchPage('http://a.gov.cn/x.html', { fetch: f, parse, timeoutMs }).then(
        () => null,
        (e: unknown) => failureOf(e),
      );
    expect(await fail(respond('no', { status: 404 }))).toEqual({ code: 'not-found', detail: 'HTTP 404' });
    expect(await fail(respond('no', { status: 500 }))).toEqual({ code: 'http', detail: 'HTTP 500' });
    expect(await fail(respond('%PDF', { headers: { 'content-type': 'application/pdf' } }))).toEqual({
      code: 'not-html',
      detail: 'application/pdf',
    });
    expect(
      await fail(async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).toEqual({ code: 'network', detail: 'Failed to fetch' });
    const hang: typeof fetch = (_u, init) =>
      new Promise((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    expect(await fail(hang, 30)).toEqual({ code: 'timeout', detail: '0 s' });
    expect(failureOf(Object.assign(new Error('x'), { code: 'ENOENT' }))).toEqual({
      code: 'not-found',
      detail: 'ENOENT',
    });
    expect(failureOf(new LoadError('http', 'HTTP 503'))).toEqual({ code: 'http', detail: 'HTTP 503' });
  });
});

describe('runQueue', () => {
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('never runs more than 3 at once, spaces the starts, keeps input order and failures', async () => {
    let inFlight = 0;
    let max = 0;
    const starts: number[] = [];
    const out = await runQueue(
      Array.from({ length: 10 }, (_, i) => i),
      async (i) => {
        starts.push(Date.now());
        max = Math.max(max, ++inFlight);
        await wait(40);
        inFlight--;
        if (i === 4) throw new Error('boom');
        return i * 2;
      },
      { delayMs: 15 },
    );
    expect(max).toBe(3);
    for (let k = 1; k < starts.length; k++) expect(starts[k] - starts[k - 1]).toBeGreaterThanOrEqual(13);
    expect(out.map((o) => (o.status === 'done' ? o.value : o.status))).toEqual([
      0,
      2,
      4,
      6,
      'failed',
      10,
      12,
      14,
      16,
      18,
    ]);
  });

  it('respects a smaller concurrency and the default 200 ms between starts', async () => {
    let inFlight = 0;
    let max = 0;
    const starts: number[] = [];
    await runQueue([1, 2, 3], async () => {
      starts.push(Date.now());
      max = Math.max(max, ++inFlight);
      await wait(5);
      inFlight--;
    });
    expect(max).toBe(1); // each task ends before the next may start
    expect(starts[2] - starts[0]).toBeGreaterThanOrEqual(390);
    max = 0;
    await runQueue(
      [1, 2, 3, 4],
      async () => {
        max = Math.max(max, ++inFlight);
        await wait(20);
        inFlight--;
      },
      { concurrency: 2, delayMs: 0 },
    );
    expect(max).toBe(2);
  });

  it('cancel: nothing new starts, every item still gets an outcome', async () => {
    const ctl = new AbortController();
    const started: number[] = [];
    const out = await runQueue(
      Array.from({ length: 8 }, (_, i) => i),
      async (i, _idx, signal) => {
        started.push(i);
        if (i === 1) ctl.abort();
        await wait(10);
        if (signal?.aborted && i === 2) throw new Error('aborted');
        return i;
      },
      { delayMs: 5, signal: ctl.signal },
    );
    expect(started).toEqual([0, 1]);
    expect(out.map((o) => o.status)).toEqual(['done', 'done', ...Array(6).fill('cancelled')]);
  });
});

describe('the sweep engine', () => {
  it('audits every loaded page, lists failures with their reason, and calls back with progress', async () => {
    const links = ['smj-2022', 'missing', 'smj-2021'].map((n) => ({
      url: `http://www.linjiang.gov.cn/col/zfxxgknb/${n}.html`,
      text: n,
    }));
    const updates: string[] = [];
    const res = await sweep(links, {
      load: async (l) => {
        const name = l.url.split('/').pop()!;
        if (name === 'missing.html') throw new LoadError('not-found', 'HTTP 404');
        return loadPage(join(COLUMN, name));
      },
      delayMs: 0,
      copied: false, // the fixture column is one page relabelled: copies by construction (tests/copied.test.ts)
      onUpdate: (items) => updates.push(items.map((i) => i.state[0]).join('')),
    });
    expect(res.items.map((i) => i.state)).toEqual(['done', 'failed', 'done']);
    expect(res.items[1].failure).toEqual({ code: 'not-found', detail: 'HTTP 404' });
    expect(updates.at(-1)).toBe('dfd');
    expect(updates.length).toBe(6); // a start and a settle per link
    // smj 2022 against smj 2021: 行政规范性文件 现行有效 10 ≠ 9 + 2 − 0.
    expect(res.years.map((y) => `${y.ruleId} ${y.index}←${y.prevIndex} ${y.location}`)).toEqual([
      'year.in-force 0←2 第二十条第（一）项 / 行政规范性文件',
    ]);
    const rows = sweepRows(res.items, res.years);
    expect(rows.map((r) => r.status)).toEqual(['ok', 'failed', 'ok']);
    expect(rows[1].note).toBe('无法读取：页面不存在（HTTP 404）');
  });
});

/** The year.* rules' findings (the fixture column also repeats its text: tests/copied.test.ts). */
const yearRulesOf = <T extends { ruleId: string }>(ys: T[]) =>
  ys.filter((y) => YEAR_RULES.some((r) => r.id === y.ruleId));

describe('cross-year rules on the fixture column', () => {
  it('are not single-page rules, and have the catalog metadata', () => {
    expect(YEAR_RULES.map((r) => r.id)).toEqual(['year.carry-over', 'year.in-force']);
    for (const r of YEAR_RULES) {
      expect(RULES.some((x) => x.id === r.id)).toBe(false);
      expect(r.severity).toBe('warning');
      expect(r.category).toBe('year');
      expect(Object.keys(r.messages.default).sort()).toEqual(['en', 'zh']);
    }
  });

  it('fire exactly on the two mismatching pairs', async () => {
    const res = await sweepLocal(join(COLUMN, 'listing.html'), { load: loadPage, delayMs: 0 });
    const rows = sweepRows(res.items, res.years);
    const who = (i: number) => `${rows[i].agency} ${rows[i].year}`;
    const years = yearRulesOf(res.years);
    expect(
      years.map((y) => [y.ruleId, who(y.index), who(y.prevIndex), y.location, y.actual, y.expected, y.outcome]),
    ).toEqual([
      ['year.carry-over', '临江市统计局 2023', '临江市统计局 2022', '二、上年结转 / 自然人', 3, 2, 'violation'],
      ['year.carry-over', '临江市统计局 2023', '临江市统计局 2022', '二、上年结转 / 总计', 5, 4, 'violation'],
      [
        'year.in-force',
        '临江市市场监督管理局 2022',
        '临江市市场监督管理局 2021',
        '第二十条第（一）项 / 行政规范性文件',
        10,
        11,
        'violation',
      ],
    ]);
    expect(years[1].message).toBe('二、上年结转 / 总计：本年填报 5，2022年报告“四、结转下年度继续办理”为 4');
    expect(years[2].message).toBe(
      '第二十条第（一）项 行政规范性文件：现行有效 10 ≠ 2021年现行有效 9 + 本年制发 2 − 本年废止 0 = 11',
    );
  });

  it('English messages', async () => {
    const res = await sweepLocal(join(COLUMN, 'listing.html'), { load: loadPage, delayMs: 0, locale: 'en' });
    expect(yearRulesOf(res.years)[0].message).toBe(
      '二、上年结转 / 自然人: 3 this year, but the 2022 report carried 2 over (四、结转下年度继续办理)',
    );
  });

  it('pairs agencies by sameAgency and consecutive years only', () => {
    const r = (agency: string | null, year: number | null) => ({ agency, year });
    const list = [
      r('临江市市场监管局', 2023),
      r('临江市市场监督管理局', 2022),
      r('临江市统计局', 2021),
      r('临江市统计局', 2023),
      r(null, 2022),
    ];
    expect(yearPairs(list).map(([a, b]) => [list.indexOf(a), list.indexOf(b)])).toEqual([[0, 1]]);
  });
});

describe('the result table', () => {
  const row = (over: Partial<SweepRow>): SweepRow => ({
    index: 0,
    status: 'ok',
    agency: '',
    year: 2023,
    format: '2021',
    errors: 0,
    warnings: 0,
    infos: 0,
    review: 0,
    title: 't',
    url: 'http://a.gov.cn/x.html',
    note: '',
    years: [],
    ...over,
  });
  const rows = [
    row({ index: 0, agency: '乙局', year: 2022, errors: 2 }),
    row({ index: 1, status: 'failed', year: null, note: '无法读取：页面不存在（HTTP 404）' }),
    row({ index: 2, agency: '甲局', year: 2023 }),
    row({ index: 3, agency: '丙局', year: 2021, warnings: 1 }),
  ];

  it('sorts by a column, unread rows last either way', () => {
    expect(sortRows(rows, 'year').map((r) => r.index)).toEqual([3, 0, 2, 1]);
    expect(sortRows(rows, 'year', 'desc').map((r) => r.index)).toEqual([2, 0, 3, 1]);
    expect(sortRows(rows, 'errors', 'desc').map((r) => r.index)).toEqual([0, 2, 3, 1]);
    expect(sortRows(rows, 'index', 'desc').map((r) => r.index)).toEqual([3, 2, 1, 0]);
  });

  it('filters by text and by status', () => {
    expect(filterRows(rows, { query: '甲' }).map((r) => r.index)).toEqual([2]);
    expect(filterRows(rows, { query: '404' }).map((r) => r.index)).toEqual([1]);
    expect(filterRows(rows, { show: 'issues' }).map((r) => r.index)).toEqual([0, 1, 3]);
    expect(filterRows(rows, { show: 'clean' }).map((r) => r.index)).toEqual([2]);
    expect(filterRows(rows, { show: 'failed' }).map((r) => r.index)).toEqual([1]);
    expect(summarize(rows)).toMatchObject({ total: 4, settled: 4, ok: 3, failed: 1, clean: 1 });
  });

  it('escapes page text in every export format', () => {
    const evil = [
      row({
        agency: '=HYPERLINK("http://evil")',
        title: 'a|b <script>x</script>\tc\nd [e](f)',
        url: 'http://a.gov.cn/x (1).html',
      }),
      row({ index: 1, status: 'failed', year: null, title: '+1', url: 'javascript:alert(1)', note: 'n,"q"' }),
    ];
    const csv = toCsv(evil);
    expect(csv.startsWith('\ufeff序号,机关')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`"'+1"`);
    expect(csv).toContain('"n,""q"""');
    const tsv = toTsv(evil);
    expect(tsv.split('\n')[1].split('\t')).toHaveLength(11);
    expect(tsv).toContain(`'=HYPERLINK`);
    expect(tsv).toContain('a|b <script>x</script> c d [e](f)');
    const md = toMarkdown(evil);
    expect(md).not.toContain('<script>');
    expect(md).toContain('[a\\|b &lt;script&gt;x&lt;/script&gt; c d \\[e\\]\\(f\\)](http://a.gov.cn/x%20%281%29.html)');
    expect(md).not.toContain('](javascript:');
    expect(md.trimEnd().split('\n')).toHaveLength(4);
    expect(sweepFileName('http://www.a.gov.cn:81/x', new Date(2024, 0, 5))).toBe(
      '年报栏目审核_www.a.gov.cn_2024-01-05.csv',
    );
  });
});

// Each case spawns the CLI (tsx start-up): allow for a loaded machine.
describe('CLI --sweep', { timeout: 60000 }, () => {
  const cli = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'cli/audit.ts', '--sweep', ...args], { cwd: root, encoding: 'utf8' });

  it('prints the table for a listing file: six reports, the missing page, the cross-year findings', () => {
    const r = cli('tests/fixtures/column/listing.html');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'http://www.linjiang.gov.cn/col/zfxxgknb/index.html：7 个年报链接，已审核 6，非年报 0，无法读取 1；跨年度问题 13 条', // 3 year.* + 10 copied text
    );
    const [head, sep, ...table] = lines.filter((l) => l.startsWith('| '));
    expect(head).toBe('| 序号 | 机关 | 年度 | 格式 | 错误 | 警告 | 待核 | 跨年度问题 | 标题 | 备注 |');
    expect(sep).toMatch(/^\| --- \|/);
    expect(table).toHaveLength(7);
    expect(table[1]).toMatch(
      /^\| 2 \| 临江市统计局 \| 2023 \| 2021 \| 0 \| 0 \| 0 \| \\\[year\.carry-over\\\] 二、上年结转 \/ 自然人/,
    );
    // The GBK page: read, clean, its text repeats 2021's.
    expect(table[3]).toMatch(
      /^\| 4 \| 临江市统计局 \| 2022 \| 2021 \| 0 \| 0 \| 0 \| \\\[year\.copied-text\\\] 一、总体情况/,
    );
    expect(table[6]).toContain(
      '[临江市统计局2020年政府信息公开工作年度报告](http://www.linjiang.gov.cn/col/zfxxgknb/tjj-2020.html)',
    );
    expect(table[6]).toContain('无法读取：页面不存在（ENOENT）');
  });

  it('sweeps a directory (every .html in it) and prints JSON on request', () => {
    const r = cli('tests/fixtures/column', '--json');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { rows: SweepRow[] };
    expect(json.rows.map((x) => `${x.status} ${x.agency} ${x.year ?? ''}`.trim())).toEqual([
      'not-report',
      'ok 临江市市场监督管理局 2021',
      'ok 临江市市场监督管理局 2022',
      'ok 临江市市场监督管理局 2023',
      'ok 临江市统计局 2021',
      'ok 临江市统计局 2022',
      'ok 临江市统计局 2023',
    ]);
    expect(json.rows[0].note).toBe('非年报页面：年报栏目列表页');
    expect(yearRulesOf(json.rows.flatMap((x) => x.years)).map((y) => y.ruleId)).toEqual([
      'year.in-force',
      'year.carry-over',
      'year.carry-over',
    ]);
  });

  it('names an unreadable target in one line', () => {
    const r = cli('no/such/listing.html');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/无法读取 no\/such\/listing\.html：/);
  });

  it('maps links under the canonical directory to the local copies', () => {
    const listing = join(COLUMN, 'listing.html');
    const canon = 'http://www.linjiang.gov.cn/col/zfxxgknb/index.html';
    expect(localSource('http://www.linjiang.gov.cn/col/zfxxgknb/tjj-2022.html', listing, canon)).toBe(
      join(COLUMN, 'tjj-2022.html'),
    );
    expect(localSource('http://www.linjiang.gov.cn/art/2024/1/1/a.html', listing, canon)).toBe(
      'http://www.linjiang.gov.cn/art/2024/1/1/a.html',
    );
    expect(localSource(pathToFileURL(join(COLUMN, 'smj-2021.html')).href, listing, null)).toBe(
      join(COLUMN, 'smj-2021.html'),
    );
    // Never outside the listing's directory.
    expect(localSource('http://www.linjiang.gov.cn/col/zfxxgknb/../x.html', listing, canon)).toBe(
      'http://www.linjiang.gov.cn/col/zfxxgknb/../x.html',
    );
  });
});
