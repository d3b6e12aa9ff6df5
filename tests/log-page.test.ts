// The inspection log page's pure side (components/log/model.ts): rows from log entries, sorting,
// filtering, the chosen rows, the exports to the letter (hostile page text escaped in each
// format), and the windowing arithmetic. The page itself runs in tests/e2e/log.test.ts.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../lib/log/entry';
import type { Finding } from '../lib/result';
import {
  chosenRows,
  estimatePanel,
  filterRows,
  layout,
  localTime,
  logFileName,
  logRows,
  nextSort,
  sortRows,
  toCsv,
  toHtml,
  toMarkdown,
  toTsv,
  visibleRange,
  DEFAULT_SORT,
  type LogRow,
} from '../components/log/model';

/** A local time as ISO (the page shows local time: the expectations do not depend on the TZ). */
const at = (y: number, mo: number, d: number, h = 9, mi = 0) => new Date(y, mo - 1, d, h, mi).toISOString();

const finding = (ruleId: string, severity: Finding['severity'], message: string, extra: Partial<Finding> = {}) =>
  ({
    ruleId,
    severity,
    outcome: 'violation',
    message,
    location: '表三 / 总计',
    category: ruleId.split('.')[0],
    ...extra,
  }) as Finding;

function entry(over: Partial<LogEntry> & { url: string }): LogEntry {
  return {
    title: '',
    agency: null,
    year: null,
    format: '2021',
    publishedAt: null,
    counts: { error: 0, warning: 0, info: 0, review: 0 },
    findings: [],
    auditedAt: at(2025, 3, 1),
    firstAuditedAt: at(2025, 3, 1),
    hash: 'h',
    versions: [],
    via: 'page',
    digest: null,
    ...over,
  };
}

const ENTRIES: LogEntry[] = [
  entry({
    url: 'https://www.a.gov.cn/2023.html',
    title: '甲市统计局2023年政府信息公开工作年度报告',
    agency: '甲市统计局',
    year: 2023,
    counts: { error: 2, warning: 1, info: 0, review: 0 },
    findings: [
      finding('sum.t3-outcomes', 'error', '总计 10 ≠ 各项之和 9'),
      finding('sum.t3-balance', 'error', '办理结果与结转不平衡'),
      finding('section.unnumbered', 'warning', '章节未编号', { location: '三、' }),
    ],
    auditedAt: at(2025, 3, 5, 14, 7),
    firstAuditedAt: at(2025, 3, 2, 10, 0),
    versions: [{ hash: 'old', auditedAt: at(2025, 3, 2, 10, 0), counts: { error: 3, warning: 1, info: 0, review: 1 } }],
  }),
  entry({
    url: 'https://www.b.gov.cn/2022.html',
    title: '乙县人民政府2022年政府信息公开工作年度报告',
    agency: '乙县人民政府',
    year: 2022,
    format: '2019',
    counts: { error: 0, warning: 0, info: 1, review: 0 },
    findings: [finding('meta.late', 'info', '发布晚于 1 月 31 日')],
    auditedAt: at(2025, 3, 4, 8, 30),
  }),
  entry({
    url: 'https://www.c.gov.cn/2021.html',
    title: '丙区司法局2021年度报告',
    agency: '丙区司法局',
    year: 2021,
    counts: { error: 0, warning: 0, info: 0, review: 2 },
    findings: [
      finding('cell.placeholder', 'warning', '空白单元格', { outcome: 'review' }),
      finding('cell.placeholder', 'warning', '“/” 占位', { outcome: 'review' }),
    ],
    auditedAt: at(2025, 3, 3, 16, 45),
  }),
  entry({
    url: 'https://www.d.gov.cn/x.html',
    title: '未识别机关的年报',
    format: null,
    auditedAt: at(2025, 3, 6, 7, 5),
  }),
];

const rows = logRows(ENTRIES);
const byUrl = (u: string) => rows.find((r) => r.url.includes(u))!;
const agencies = (rs: LogRow[]) => rs.map((r) => r.agency || '—');

describe('rows', () => {
  it('carry the entry, its counts and the searchable text (agency, title, URL, rule ids)', () => {
    const r = byUrl('a.gov.cn');
    expect(r).toMatchObject({ agency: '甲市统计局', year: 2023, format: '2021', errors: 2, warnings: 1, review: 0 });
    expect(r.haystack).toContain('sum.t3-outcomes');
    expect(byUrl('d.gov.cn')).toMatchObject({ agency: '', format: '', year: null });
  });

  it('show audit times as local YYYY-MM-DD HH:mm', () => {
    expect(localTime(at(2025, 3, 5, 14, 7))).toBe('2025-03-05 14:07');
    expect(localTime('not a time')).toBe('not a time');
    expect(logFileName(new Date(2025, 0, 9))).toBe('年报审核记录_2025-01-09.csv');
    expect(logFileName(new Date(2025, 0, 9), 'en')).toBe('report-audit-log_2025-01-09.csv');
  });
});

describe('sort', () => {
  it('newest audit first by default', () => {
    expect(agencies(sortRows(rows, DEFAULT_SORT))).toEqual(['—', '甲市统计局', '乙县人民政府', '丙区司法局']);
  });

  it('counts and times start with the most, names A→Z; a second click turns the order', () => {
    const errors = nextSort(DEFAULT_SORT, 'errors');
    expect(errors).toEqual({ key: 'errors', dir: 'desc' });
    // Ties (no errors) newest audit first.
    expect(agencies(sortRows(rows, errors))).toEqual(['甲市统计局', '—', '乙县人民政府', '丙区司法局']);
    expect(nextSort(errors, 'errors')).toEqual({ key: 'errors', dir: 'asc' });
    expect(nextSort(DEFAULT_SORT, 'agency')).toEqual({ key: 'agency', dir: 'asc' });
    expect(agencies(sortRows(rows, { key: 'review', dir: 'desc' }))[0]).toBe('丙区司法局');
  });

  it('rows without the value go last in both directions', () => {
    expect(agencies(sortRows(rows, { key: 'year', dir: 'asc' }))).toEqual([
      '丙区司法局',
      '乙县人民政府',
      '甲市统计局',
      '—',
    ]);
    expect(agencies(sortRows(rows, { key: 'year', dir: 'desc' }))).toEqual([
      '甲市统计局',
      '乙县人民政府',
      '丙区司法局',
      '—',
    ]);
    expect(agencies(sortRows(rows, { key: 'agency', dir: 'desc' })).at(-1)).toBe('—');
    expect(agencies(sortRows(rows, { key: 'format', dir: 'asc' })).at(-1)).toBe('—');
  });

  it('does not change its input', () => {
    const copy = [...rows];
    sortRows(rows, { key: 'title', dir: 'asc' });
    expect(rows).toEqual(copy);
  });
});

describe('filter', () => {
  it.each([
    ['统计局', ['甲市统计局']],
    ['B.GOV.CN', ['乙县人民政府']],
    ['cell.placeholder', ['丙区司法局']],
    ['  年度报告 ', ['甲市统计局', '乙县人民政府', '丙区司法局']],
    ['nothing like it', []],
  ])('text %j', (query, want) => {
    expect(agencies(filterRows(rows, { query }))).toEqual(want);
  });

  it.each([
    ['all', ['甲市统计局', '乙县人民政府', '丙区司法局', '—']],
    ['errors', ['甲市统计局']],
    ['warnings', ['甲市统计局', '丙区司法局']],
    ['clean', ['乙县人民政府', '—']], // an info finding is a note, not a problem
    ['changed', ['甲市统计局']],
  ] as const)('status %s', (show, want) => {
    expect(agencies(filterRows(rows, { show }))).toEqual(want);
  });

  it('text and status together', () => {
    expect(agencies(filterRows(rows, { query: '政府', show: 'clean' }))).toEqual(['乙县人民政府']);
  });

  it('the chosen rows: the selected ones shown, in the shown order, else every row shown', () => {
    const shown = sortRows(rows, DEFAULT_SORT);
    const sel = new Set(['https://www.c.gov.cn/2021.html', 'https://www.a.gov.cn/2023.html', 'gone']);
    expect(agencies(chosenRows(shown, sel))).toEqual(['甲市统计局', '丙区司法局']);
    expect(chosenRows(shown, new Set())).toEqual(shown);
    expect(chosenRows(filterRows(shown, { show: 'clean' }), sel)).toHaveLength(2); // none of them shown: all shown
  });
});

describe('exports', () => {
  const two = sortRows(rows, DEFAULT_SORT).slice(1, 3); // 甲市统计局, 乙县人民政府
  const head = '机关\t年度\t格式\t错误\t警告\t待核\t提示\t审核时间\t标题\t网址\t问题清单';

  it('TSV: a header and one line a row, findings on the row’s line', () => {
    expect(toTsv(two)).toBe(
      [
        head,
        '甲市统计局\t2023\t2021\t2\t1\t0\t0\t2025-03-05 14:07\t甲市统计局2023年政府信息公开工作年度报告\thttps://www.a.gov.cn/2023.html\t' +
          '【错误】表三 / 总计：总计 10 ≠ 各项之和 9（sum.t3-outcomes）；【错误】表三 / 总计：办理结果与结转不平衡（sum.t3-balance）；【警告】三、：章节未编号（section.unnumbered）',
        '乙县人民政府\t2022\t2019\t0\t0\t0\t1\t2025-03-04 08:30\t乙县人民政府2022年政府信息公开工作年度报告\thttps://www.b.gov.cn/2022.html\t【提示】表三 / 总计：发布晚于 1 月 31 日（meta.late）',
        '',
      ].join('\n'),
    );
  });

  it('English headers and finding lines in English', () => {
    const [first, second] = toTsv(two, 'en').split('\n');
    expect(first).toBe('Agency\tYear\tFormat\tErrors\tWarnings\tTo review\tNotes\tAudited\tTitle\tURL\tFindings');
    expect(second.split('\t').at(-1)).toBe(
      '[error] 表三 / 总计: 总计 10 ≠ 各项之和 9 (sum.t3-outcomes); [error] 表三 / 总计: 办理结果与结转不平衡 (sum.t3-balance); [warning] 三、: 章节未编号 (section.unnumbered)',
    );
  });

  it('CSV: BOM, CRLF, a row’s findings one a line inside its quoted cell', () => {
    const csv = toCsv(two.slice(1));
    expect(csv).toBe(
      '\ufeff机关,年度,格式,错误,警告,待核,提示,审核时间,标题,网址,问题清单\r\n' +
        '乙县人民政府,2022,2019,0,0,0,1,2025-03-04 08:30,乙县人民政府2022年政府信息公开工作年度报告,https://www.b.gov.cn/2022.html,【提示】表三 / 总计：发布晚于 1 月 31 日（meta.late）\r\n',
    );
    const multi = toCsv(two.slice(0, 1)).split('\r\n')[1];
    expect(multi).toContain(',"【错误】表三 / 总计：总计 10 ≠ 各项之和 9（sum.t3-outcomes）\n【错误】');
  });

  const hostile = logRows([
    entry({
      url: 'https://evil.gov.cn/a?x=1&y="2"',
      title: '<img src=x onerror=alert(1)>',
      agency: '=HYPERLINK("http://x","点我"),局',
      year: 2024,
      counts: { error: 1, warning: 0, info: 0, review: 0 },
      findings: [finding('meta.title', 'error', '标题 "a, b" <script>\n第二行', { location: '<b>标题</b>' })],
      auditedAt: at(2025, 3, 5, 14, 7),
    }),
  ]);

  it('HTML: a bordered table, every cell escaped (a hostile title stays text)', () => {
    const td = (s: string) => `<td style="border:1px solid #999;padding:2px 6px;vertical-align:top">${s}</td>`;
    const html = toHtml(hostile);
    expect(html.startsWith('<meta charset="utf-8"><table style="border-collapse:collapse"><tr><th ')).toBe(true);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html.endsWith('</tr></table>')).toBe(true);
    const row = html.slice(html.indexOf('</tr><tr>') + 9, -'</tr></table>'.length);
    expect(row).toBe(
      [
        td('=HYPERLINK(&quot;http://x&quot;,&quot;点我&quot;),局'),
        td('2024'),
        td('2021'),
        td('1'),
        td('0'),
        td('0'),
        td('0'),
        td('2025-03-05 14:07'),
        td('&lt;img src=x onerror=alert(1)&gt;'),
        td('https://evil.gov.cn/a?x=1&amp;y=&quot;2&quot;'),
        td('【错误】&lt;b&gt;标题&lt;/b&gt;：标题 &quot;a, b&quot; &lt;script&gt;<br>第二行（meta.title）'),
      ].join(''),
    );
    expect((html.match(/<th /g) ?? []).length).toBe(11);
  });

  it('CSV: quotes, doubled quotes, formula-like cells neutralised, line breaks inside the quoted cell', () => {
    const line = toCsv(hostile).slice(1).split('\r\n')[1];
    expect(line).toBe(
      `"'=HYPERLINK(""http://x"",""点我""),局",2024,2021,1,0,0,0,2025-03-05 14:07,<img src=x onerror=alert(1)>,` +
        `"https://evil.gov.cn/a?x=1&y=""2""","【错误】<b>标题</b>：标题 ""a, b"" <script>\n第二行（meta.title）"`,
    );
  });

  it('TSV: tabs and line breaks in page text cannot split cells or rows', () => {
    const t = toTsv(
      logRows([entry({ url: 'https://x.gov.cn/', title: 'a\tb\nc', agency: '@局', findings: [] })]),
    ).split('\n');
    expect(t).toHaveLength(3);
    expect(t[1].split('\t')).toHaveLength(11);
    expect(t[1].startsWith("'@局\t")).toBe(true);
    expect(t[1]).toContain('\ta b c\t');
  });

  it('Markdown: the title links to the page, page text inert', () => {
    const md = toMarkdown(hostile).split('\n');
    expect(md[0]).toBe('| 机关 | 年度 | 格式 | 错误 | 警告 | 待核 | 提示 | 审核时间 | 标题 | 问题清单 |');
    expect(md[1]).toBe('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    expect(md[2]).toBe(
      '| =HYPERLINK\\("http://x","点我"\\),局 | 2024 | 2021 | 1 | 0 | 0 | 0 | 2025-03-05 14:07 | ' +
        '[&lt;img src=x onerror=alert\\(1\\)&gt;](https://evil.gov.cn/a?x=1&y="2") | ' +
        '【错误】&lt;b&gt;标题&lt;/b&gt;：标题 "a, b" &lt;script&gt; 第二行（meta.title） |',
    );
    expect(md).toHaveLength(4);
  });
});

describe('windowing', () => {
  const many = logRows(Array.from({ length: 5000 }, (_, i) => entry({ url: `https://x.gov.cn/${i}`, findings: [] })));

  it('lays rows out at a fixed height, open panels adding theirs', () => {
    const l = layout(many, 30, (r) => (r.url.endsWith('/2') ? 100 : undefined));
    expect(l.tops[0]).toBe(0);
    expect(l.tops[2]).toBe(60);
    expect(l.tops[3]).toBe(190);
    expect(l.tops[5000]).toBe(5000 * 30 + 100);
  });

  it('draws only the rows in view and a few beyond', () => {
    const l = layout(many, 30, () => undefined);
    expect(visibleRange(l, 0, 600, 8)).toEqual({ start: 0, end: 29 });
    expect(visibleRange(l, 30_000, 600, 8)).toEqual({ start: 992, end: 1029 });
    expect(visibleRange(l, 10_000_000, 600, 8)).toEqual({ start: 4992, end: 5000 });
    const { start, end } = visibleRange(l, 75_000, 900);
    expect(end - start).toBeLessThan(60);
    expect(
      visibleRange(
        layout([], 30, () => undefined),
        0,
        600,
      ),
    ).toEqual({ start: 0, end: 0 });
  });

  it('an open row’s panel pushes the rows under it down', () => {
    const l = layout(many, 30, (r) => (r.url.endsWith('/0') ? 300 : undefined));
    // Row 0 and its panel fill 330 px: row 11 starts at 330 + 10 × 30 = 630.
    expect(l.tops[11]).toBe(630);
    expect(visibleRange(l, 631, 28, 0)).toEqual({ start: 11, end: 12 });
    expect(estimatePanel(rows[0], 20)).toBe((3 + 2) * 20 + 16);
  });
});
