// The batch summary page and its CSV (lib/batch/summary.ts): the counts of a crafted batch, page
// text always escaped, the CSV Excel and WPS open.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { BatchLine, CrossLine, ReportLine } from '../lib/batch/lines';
import { summaryCsv, summaryHtml } from '../lib/batch/summary';
import { byAgency, byRule, messageIn, ruleName, summaryRows } from '../lib/batch/summary-data';
import type { AuditResult, Finding } from '../lib/result';

const HOSTILE = '<img src=x onerror=alert(1)>';
const SCRIPT_BREAK = '</script><script>alert(2)</script>';

const finding = (ruleId: string, severity: Finding['severity'], extra: Partial<Finding> = {}): Finding => ({
  ruleId,
  severity,
  outcome: 'violation',
  message: `${ruleId} message`,
  location: '三、（七）总计 / 自然人',
  category: ruleId.split('.')[0] as Finding['category'],
  params: {},
  ...extra,
});

function result(agency: string | null, year: number | null, findings: Finding[], title?: string): AuditResult {
  const summary = { error: 0, warning: 0, info: 0, review: 0 };
  for (const f of findings) summary[f.outcome === 'review' ? 'review' : f.severity]++;
  return {
    detected: true,
    reason: 'title+sections+tables',
    report: {
      title: title ?? `${agency}${year}年政府信息公开工作年度报告`,
      agency,
      year,
      format: '2021',
      publishedAt: null,
    },
    sections: [],
    tables: [],
    findings,
    summary,
    timingMs: { detect: 0, parse: 0, rules: 0 },
  };
}

const at = '2025-03-02T08:00:00Z';
const report = (source: string, r: AuditResult | undefined, extra: Partial<ReportLine> = {}): ReportLine => ({
  type: 'report',
  source,
  url: `http://www.linjiang.gov.cn/${source}`,
  auditedAt: at,
  result: r,
  ...extra,
});

const notReport: AuditResult = {
  ...result(null, null, []),
  detected: false,
  reason: 'look-alike:listing',
  report: undefined,
};

const carryOver: CrossLine = {
  type: 'cross',
  source: 'tjj-2023.html',
  otherSource: 'tjj-2022.html',
  agency: '临江市统计局',
  year: 2023,
  otherYear: 2022,
  finding: finding('year.carry-over', 'warning', { category: 'year', message: `二、上年结转 / 总计：${HOSTILE}` }),
};

const LINES: BatchLine[] = [
  // A first run could not read this page; the re-run's line below wins.
  report('clean.html', undefined, { error: 'HTTP 503' }),
  report('clean.html', result('临江市市场监督管理局', 2023, [])),
  report(
    'hostile.html',
    result(
      SCRIPT_BREAK,
      2023,
      [
        finding('sum.t3-balance', 'error', { message: `总计：${HOSTILE}`, actual: 11, expected: 12 }),
        finding('table.shape', 'error'),
        finding('meta.agency', 'warning'),
        finding('meta.title', 'info'),
      ],
      HOSTILE,
    ),
    { url: 'javascript:alert(3)', column: '临江市, "部门"' },
  ),
  report('warn.html', result('临江市水利局', 2023, [finding('section.count', 'warning')])),
  report(
    'review.html',
    result('卫东区金融工作局', 2023, [finding('text.sum-mismatch', 'info', { outcome: 'review' })]),
  ),
  report('notes.html', result('嘉祥县金融工作服务中心', 2023, [finding('section.prior-year', 'info')])),
  report('listing.html', notReport),
  report('gone.html', undefined, { error: 'ENOENT: no such file' }),
  report('tjj-2022.html', result('临江市统计局', 2022, [])),
  report('tjj-2023.html', result('临江市统计局', 2023, [])),
  carryOver,
  // Written again by a second run: counted once.
  carryOver,
];

const dom = (html: string) => new JSDOM(html, { url: 'http://localhost/' }).window.document;

describe('summary: counts', () => {
  const doc = dom(summaryHtml(LINES, { locale: 'zh', generatedAt: '2025-03-02T09:30:00Z' }));
  const tile = (k: string) => doc.querySelector(`[data-tile="${k}"] .n`)?.textContent;

  it('gives exact counts in the tiles (the last line of a source wins; a cross finding makes a report not clean)', () => {
    expect(tile('reports')).toBe('7');
    expect(tile('clean')).toBe('3'); // clean, notes only, tjj-2022
    expect(tile('errors')).toBe('1');
    expect(tile('warnings')).toBe('3'); // warn, review, tjj-2023 (cross)
    expect(tile('not-report')).toBe('1');
    expect(tile('unreadable')).toBe('1');
    expect(doc.querySelector('[data-tile="reports"] .s')?.textContent).toBe('共 9 个页面或文件');
  });

  it('lists every page once in the table, with its counts and status', () => {
    const rows = [...doc.querySelectorAll('tbody.rep')];
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual([
      'clean',
      'errors',
      'warnings',
      'warnings',
      'clean',
      'not-report',
      'unreadable',
      'clean',
      'warnings',
    ]);
    const hostile = rows[1];
    expect(['error', 'warning', 'review', 'info'].map((k) => hostile.querySelector(`.c-${k}`)?.textContent)).toEqual([
      '2',
      '1',
      '0',
      '1',
    ]);
    expect(rows[6].querySelector('.reason')?.textContent).toBe('ENOENT: no such file');
    expect(rows[5].querySelector('.reason')?.textContent).toBe('年报栏目列表页');
    expect(rows[8].querySelector('.c-cross')?.textContent).toBe('1');
  });

  it('charts findings by rule, with the rule name, and agencies by errors and warnings', () => {
    const { rows } = summaryRows(LINES);
    expect(byRule(rows).map((b) => b.key)).toEqual([
      'table.shape',
      'sum.t3-balance',
      'meta.agency',
      'section.count',
      'year.carry-over',
      'text.sum-mismatch',
      'meta.title',
      'section.prior-year',
    ]);
    expect(byAgency(rows).map((b) => [b.key, b.counts.error, b.counts.warning, b.counts.review])).toEqual([
      [SCRIPT_BREAK, 2, 1, 0],
      ['临江市水利局', 0, 1, 0],
      ['临江市统计局', 0, 1, 0],
      ['卫东区金融工作局', 0, 0, 1],
    ]);
    const chart = doc.querySelector('#by-rule')!;
    expect(chart.querySelectorAll('li')).toHaveLength(8);
    expect(chart.textContent).toContain(ruleName('sum.t3-balance'));
    expect(chart.textContent).toContain(ruleName('year.carry-over'));
    expect(ruleName('year.carry-over', 'en')).toMatch(/^Table 三/);
  });

  it('lists the cross-report findings, each once, with the report compared with', () => {
    const rows = [...doc.querySelectorAll('table.cross tbody tr')];
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('临江市统计局');
    expect(rows[0].textContent).toContain('2022 年报告');
    expect(rows[0].querySelector('a[href="#r-7"]')).not.toBeNull(); // tjj-2022's row
  });

  it('still lists a cross finding whose report has no line (unlinked)', () => {
    const orphan = { ...carryOver, source: 'elsewhere.html', agency: '临江市交通运输局' };
    const d = dom(summaryHtml([...LINES, orphan], { locale: 'zh' }));
    const rows = [...d.querySelectorAll('table.cross tbody tr')];
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual(['临江市交通运输局', '临江市统计局']);
    expect(rows[0].querySelector('td:first-child a')).toBeNull();
    expect(rows[0].querySelector('td:nth-child(3) a')?.getAttribute('href')).toBe('#r-7');
  });

  it('renders a finding in the page language when one of its rule templates produced it', () => {
    const params = { col: '总计', actual: 5, prevYear: 2022, expected: 4 };
    const f = finding('year.carry-over', 'warning', {
      category: 'year',
      params,
      message: '二、上年结转 / 总计：本年填报 5，2022年报告“四、结转下年度继续办理”为 4',
    });
    expect(messageIn(f, 'en')).toBe(
      '二、上年结转 / 总计: 5 this year, but the 2022 report carried 4 over (四、结转下年度继续办理)',
    );
    expect(messageIn(f, 'zh')).toBe(f.message);
    expect(messageIn({ ...f, message: 'not from a template' }, 'en')).toBe('not from a template');
  });
});

describe('summary: page text is data', () => {
  const html = summaryHtml(LINES, { locale: 'zh', title: HOSTILE });
  const doc = dom(html);

  it('escapes a hostile title, agency, message and URL', () => {
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(SCRIPT_BREAK);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(doc.title).toBe(HOSTILE);
    const row = doc.querySelector('#r-1')!;
    expect(row.querySelector('td.title')?.textContent).toBe(HOSTILE);
    expect(row.querySelector('td.agency')?.textContent).toBe(SCRIPT_BREAK);
    expect(row.querySelector('.msg')?.textContent).toBe(`总计：${HOSTILE}`);
    // A javascript: address is shown, never linked.
    expect(row.querySelector('td.title a')).toBeNull();
    expect(doc.querySelectorAll('a[href^="javascript"]')).toHaveLength(0);
  });

  it('loads nothing: no external resource, a CSP that forbids any request', () => {
    expect(doc.querySelectorAll('[src], link, iframe, object, embed')).toHaveLength(0);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain(
      "default-src 'none'",
    );
    const links = [...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
    expect(links.every((h) => h.startsWith('#') || h.startsWith('http://www.linjiang.gov.cn/'))).toBe(true);
  });

  it('speaks English with locale en', () => {
    const en = dom(summaryHtml(LINES, { locale: 'en' }));
    expect(en.documentElement.lang).toBe('en');
    expect(en.querySelector('h1')?.textContent).toBe('Annual report audit summary');
    expect(en.querySelector('[data-tile="clean"] .l')?.textContent).toBe('Clean');
  });
});

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted && c === '"' && s[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('summary: CSV', () => {
  const lines: BatchLine[] = [
    ...LINES,
    report('odd.html', result('临江市"某"局, 二处', 2023, [], '第一行\n第二行 =SUM(A1)')),
    report('formula.html', result('=HYPERLINK("http://x")', 2023, [])),
  ];
  const csv = summaryCsv(lines, 'zh');

  it('starts with a BOM and ends lines with CRLF', () => {
    expect(csv.startsWith('\ufeff序号,机关,年度,栏目,格式,结论,错误,警告,待核,提示,跨年度,标题,网址,说明\r\n')).toBe(
      true,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false);
  });

  it('has one row per page, quoting commas, quotes and line breaks', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(1 + 11);
    expect(rows.every((r) => r.length === 14)).toBe(true);
    const odd = rows.find((r) => r[12].endsWith('odd.html'))!;
    expect(odd[1]).toBe('临江市"某"局, 二处');
    expect(odd[11]).toBe('第一行\n第二行 =SUM(A1)');
    expect(csv).toContain('"临江市""某""局, 二处"');
    const hostile = rows[2];
    expect(hostile.slice(3, 11)).toEqual(['临江市, "部门"', '2021', '有错误', '2', '1', '0', '1', '0']);
    expect(hostile[11]).toBe(HOSTILE);
    const gone = rows.find((r) => r[12].endsWith('gone.html'))!;
    expect(gone.slice(5, 11)).toEqual(['无法读取', '', '', '', '', '']);
    expect(gone[13]).toBe('ENOENT: no such file');
  });

  it('neutralises formula-like cells', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows.find((r) => r[12].endsWith('formula.html'))![1]).toBe(`'=HYPERLINK("http://x")`);
  });

  it('has English headers with locale en', () => {
    expect(summaryCsv(lines, 'en').split('\r\n')[0]).toBe(
      '\ufeff#,Agency,Year,Column,Format,Verdict,Errors,Warnings,Review,Notes,Cross-year,Title,Address,Note',
    );
  });
});
