import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../components/ext/messaging';
import { hostProblem, isValidHost, normalizeHost, originPattern } from '../components/options/model';
import {
  deriveView,
  downloadName,
  exportMeta,
  formatExplanation,
  formatIsProblem,
  groupFindings,
  groupKey,
  isRestrictedError,
  isRestrictedUrl,
  KIND_ICON,
  reasonText,
  tabIdFromSearch,
  verdictText,
} from '../components/popup/model';
import { countKinds, isCleanCounts, kindOf, type AuditResult, type Finding } from '../lib/result';

const f = (over: Partial<Finding> & Pick<Finding, 'ruleId' | 'category'>): Finding => ({
  severity: 'error',
  outcome: 'violation',
  message: 'm',
  location: 'loc',
  params: {},
  ...over,
});

const findings: Finding[] = [
  f({ ruleId: 'section.missing', category: 'section', location: '五、存在的主要问题及改进情况' }),
  f({ ruleId: 'sum.t3-balance', category: 'sum', table: 't3', location: '三、（七）总计 / 自然人' }),
  f({ ruleId: 'meta.late', category: 'meta', severity: 'warning' }),
  f({ ruleId: 'cell.placeholder', category: 'cell', table: 't3', severity: 'info' }),
  f({ ruleId: 'text.count-mismatch', category: 'text', severity: 'warning', outcome: 'review' }),
  f({ ruleId: 'format.outdated', category: 'format' }),
  f({ ruleId: 'sum.t4-group', category: 'sum', table: 't4' }),
  f({ ruleId: 'page.tables-unreadable', category: 'page', severity: 'info' }),
  f({ ruleId: 'table.missing', category: 'table', table: 't2' }),
  f({ ruleId: 'text.zero-claim', category: 'text', severity: 'warning' }),
];

const result = (over: Partial<AuditResult> = {}): AuditResult => ({
  detected: true,
  reason: 'title+sections+tables',
  report: {
    title: '某局2023年政府信息公开工作年度报告',
    agency: '某局',
    year: 2023,
    format: '2021',
    publishedAt: '2024-01-20',
  },
  sections: [],
  tables: [],
  findings: [],
  summary: { error: 0, warning: 0, info: 0, review: 0 },
  timingMs: { detect: 0, parse: 0, rules: 0 },
  ...over,
});

const snap = (over: Partial<Snapshot> = {}): Snapshot => ({
  state: 'report',
  result: result(),
  page: { url: 'http://www.example.gov.cn/a.html', title: '页面标题' },
  auditedAt: '2026-11-21 10:00',
  unreadable: [],
  forced: false,
  ...over,
});

describe('deriveView', () => {
  it('no answer or no audit yet → none (offer 审核此页)', () => {
    expect(deriveView(null).kind).toBe('none');
    expect(deriveView(undefined).kind).toBe('none');
    expect(deriveView(snap({ state: 'not-report', result: null })).kind).toBe('none');
  });

  it('failed carries the error', () => {
    expect(deriveView(snap({ state: 'failed', result: null, error: 'boom' }))).toEqual({
      kind: 'failed',
      error: 'boom',
    });
    expect(deriveView(snap({ state: 'report', result: null })).kind).toBe('failed');
  });

  it('not a report carries the reason', () => {
    const r = result({ detected: false, reason: 'look-alike:listing', report: undefined });
    const v = deriveView(snap({ state: 'not-report', result: r }));
    expect(v.kind).toBe('not-report');
    expect(v.kind === 'not-report' && v.reason).toBe('look-alike:listing');
    // a result that says detected:false is not a report whatever the state says
    expect(deriveView(snap({ state: 'report', result: r })).kind).toBe('not-report');
  });

  it('report: unreadable links only with a page.tables-unreadable finding', () => {
    const links = [{ text: '附件：年报.pdf', href: 'http://x/a.pdf' }];
    const plain = deriveView(snap({ unreadable: links }));
    expect(plain.kind === 'report' && plain.unreadable).toBeNull();
    const withFinding = deriveView(
      snap({ unreadable: links, result: result({ findings: [findings[7]] }), forced: true }),
    );
    expect(withFinding.kind).toBe('report');
    if (withFinding.kind === 'report') {
      expect(withFinding.unreadable).toEqual(links);
      expect(withFinding.forced).toBe(true);
    }
  });
});

describe('formatExplanation', () => {
  it('2019 format by year', () => {
    expect(formatExplanation('2019', 2022)).toBe('2019 试行格式 — 2021 年起应使用国办公开办函〔2021〕30号格式');
    expect(formatExplanation('2019', 2021)).toBe('2019 试行格式 — 2021 年起应使用国办公开办函〔2021〕30号格式');
    expect(formatExplanation('2019', 2020)).toBe('2019 试行格式（国办公开办函〔2019〕60号），适用于该年度');
    expect(formatExplanation('2019', 2019)).toBe('2019 试行格式（国办公开办函〔2019〕60号），适用于该年度');
    expect(formatExplanation('2019', null)).toBe('2019 试行格式（国办公开办函〔2019〕60号）');
  });

  it('2021, legacy, mixed, unknown', () => {
    expect(formatExplanation('2021', 2023)).toBe('2021 格式（国办公开办函〔2021〕30号）');
    expect(formatExplanation('2021', null)).toBe('2021 格式（国办公开办函〔2021〕30号）');
    expect(formatExplanation('2021', 2020)).toContain('年度可能识别有误');
    expect(formatExplanation('legacy', 2022)).toContain('旧版结构');
    expect(formatExplanation('legacy', 2022)).toContain('2019 年起应使用');
    expect(formatExplanation('legacy', 2018)).toContain('适用于该年度');
    expect(formatExplanation('mixed', 2023)).toContain('混用');
    expect(formatExplanation('unknown', 2023)).toContain('未识别');
    expect(formatExplanation('whatever', 2023)).toContain('未识别');
  });

  it('English and problem flags', () => {
    expect(formatExplanation('2019', 2022, 'en')).toMatch(/^2019 trial format/);
    expect(formatIsProblem('2019', 2022)).toBe(true);
    expect(formatIsProblem('2019', 2020)).toBe(false);
    expect(formatIsProblem('2021', 2023)).toBe(false);
    expect(formatIsProblem('2021', 2020)).toBe(true);
    expect(formatIsProblem('mixed', null)).toBe(true);
    expect(formatIsProblem('unknown', 2023)).toBe(false);
  });
});

describe('counts and verdict', () => {
  it('counts violations per severity and review items apart', () => {
    const c = countKinds(findings);
    expect(c).toEqual({ error: 5, warning: 2, info: 2, review: 1 });
    expect(kindOf(findings[4])).toBe('review');
    expect(isCleanCounts(c)).toBe(false);
    expect(verdictText(c)).toBe('发现 8 项需处理的问题');
  });

  it('clean = no error/warning violations and nothing to review', () => {
    expect(verdictText(countKinds([]))).toBe('未发现需处理的问题');
    const infos = countKinds([findings[3], findings[7]]);
    expect(isCleanCounts(infos)).toBe(true);
    expect(verdictText(infos)).toMatch(/^未发现需处理的问题/);
    // a single review item is not clean
    expect(isCleanCounts(countKinds([findings[4]]))).toBe(false);
  });

  it('icons differ by shape', () => {
    expect(new Set(Object.values(KIND_ICON)).size).toBe(4);
  });
});

describe('groupFindings', () => {
  it('group key: table first, then category', () => {
    expect(groupKey(findings[1])).toBe('t3');
    expect(groupKey(findings[0])).toBe('section');
    expect(groupKey(f({ ruleId: 'x.y', category: 'constructor' as Finding['category'] }))).toBe('other');
  });

  it('groups in page order with labels and original indexes', () => {
    const groups = groupFindings(findings);
    expect(groups.map((g) => g.label)).toEqual([
      '页面',
      '标题与前言',
      '章节结构',
      '表格格式',
      '表二',
      '表三',
      '表四',
      '正文与表格',
    ]);
    const t3 = groups.find((g) => g.key === 't3')!;
    expect(t3.items.map((i) => i.index)).toEqual([1, 3]);
    expect(t3.items.map((i) => i.kind)).toEqual(['error', 'info']);
    const text = groups.find((g) => g.key === 'text')!;
    expect(text.items.map((i) => i.index)).toEqual([4, 9]);
    // every finding appears exactly once, with its index into result.findings
    const all = groups.flatMap((g) => g.items.map((i) => i.index)).sort((a, b) => a - b);
    expect(all).toEqual(findings.map((_, i) => i));
    for (const g of groups) for (const it of g.items) expect(it.finding).toBe(findings[it.index]);
  });

  it('English labels', () => {
    expect(groupFindings([findings[1]], 'en')[0].label).toBe('Table 3');
  });
});

describe('page helpers', () => {
  it('tab id from the query string', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('?x=1&tab=7')).toBe(7);
    expect(tabIdFromSearch('')).toBeNull();
    expect(tabIdFromSearch('?tab=abc')).toBeNull();
    expect(tabIdFromSearch('?tab=-1')).toBeNull();
  });

  it('restricted pages', () => {
    for (const u of [
      'chrome://extensions/',
      'edge://settings',
      'about:blank',
      'chrome-extension://abc/popup.html',
      'https://chromewebstore.google.com/detail/x',
      'https://chrome.google.com/webstore/category/extensions',
      'https://addons.mozilla.org/zh-CN/firefox/',
      'view-source:http://www.gov.cn/',
    ])
      expect(isRestrictedUrl(u), u).toBe(true);
    for (const u of ['http://www.gov.cn/zhengce/a.html', 'https://www.example.org/', undefined, ''])
      expect(isRestrictedUrl(u), String(u)).toBe(false);
    expect(isRestrictedError('Cannot access a chrome:// URL')).toBe(true);
    expect(isRestrictedError('The extensions gallery cannot be scripted.')).toBe(true);
    expect(isRestrictedError('Could not establish connection. Receiving end does not exist.')).toBe(false);
  });

  it('reason text: zh uses the shared labels', () => {
    expect(reasonText('look-alike:listing', 'zh')).toBe('年报栏目列表页');
    expect(reasonText('look-alike:listing', 'en')).toBe('a listing page of annual reports');
    expect(reasonText('something-new', 'en')).toBe('something-new');
  });

  it('export meta and download names', () => {
    expect(exportMeta(snap())).toEqual({
      pageTitle: '页面标题',
      url: 'http://www.example.gov.cn/a.html',
      auditedAt: '2026-11-21 10:00',
    });
    expect(downloadName(result(), 'json')).toBe('年报审核_某局_2023.json');
    expect(downloadName(result({ report: { ...result().report!, agency: 'a/b:c*?' } }), 'csv')).toBe(
      '年报审核_a_b_c_2023.csv',
    );
    expect(downloadName(null, 'csv', '2026-11-21T10:00:00Z')).toBe('年报审核_2026-11-21.csv');
    expect(downloadName(result(), 'json', undefined, 'en')).toBe('report-audit_某局_2023.json');
  });
});

describe('options: hosts', () => {
  it('accepts host names and wildcard subdomains', () => {
    for (const h of ['www.example.org', '*.example.org', 'localhost', 'a-b.c1.example.org'])
      expect(isValidHost(h), h).toBe(true);
  });

  it('rejects anything else', () => {
    for (const h of [
      '',
      'http://x.org',
      'x.org/path',
      'x.org:8080',
      '*',
      '*.',
      'a..b',
      '-a.org',
      'a_b.org',
      '政府.cn',
      'x.*.org',
      'a b.org',
    ])
      expect(isValidHost(h), h).toBe(false);
  });

  it('normalizes, detects duplicates and builds the origin pattern', () => {
    expect(normalizeHost('  WWW.Example.ORG. ')).toBe('www.example.org');
    expect(hostProblem('www.example.org', ['www.example.org'])).toBe('duplicate');
    expect(hostProblem('bad host', [])).toBe('invalid');
    expect(hostProblem('*.example.org', [])).toBeNull();
    expect(originPattern('*.example.org')).toBe('*://*.example.org/*');
  });
});
