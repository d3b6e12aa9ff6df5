// Reports published as PDF files: a PDF reads as the same report as the page it was made from
// (same findings: rule, location by label, values), each finding names its page, a scan gets one
// finding and nothing else, and what cannot be opened says so in one line. The PDFs are fixture
// reports printed by Chromium and converted by LibreOffice (tests/fixtures/documents/make-pdf.ts);
// the real one is 淮安市人民政府's 2024 report as published (../shared/real/documents).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPage } from '../cli/load';
import { audit } from '../lib/audit';
import { layoutPage, type Segment, type TableBlock } from '../lib/documents/pdf-layout';
import { FIXTURES, keyOf } from './expected';
import { ARTICLE_URL, auditArticle } from './fixtures/documents/article';
import { REAL, haveCorpus } from './real/corpus';

const URL = ARTICLE_URL;
const PDF = join(FIXTURES, 'documents', 'pdf');
const auditPdf = async (file: string) => audit((await loadPage(file)).doc, { url: URL });
/** PDF → the fixture page it was made from (printed as is, or with a prefix saying how it was made). */
const SAME_AS_PAGE: [string, string][] = [
  ['seeds__000.pdf', 'seeds/000.html'],
  ['seeds__002.pdf', 'seeds/002.html'],
  ['seeds__003.pdf', 'seeds/003.html'],
  ['pages__clean-2021.pdf', 'pages/clean-2021.html'],
  ['pages__clean-2019.pdf', 'pages/clean-2019.html'],
  ['pages__legacy-2019.pdf', 'pages/legacy-2019.html'],
  ['rules__cell.not-number.fail.pdf', 'rules/cell.not-number.fail.html'],
  ['rules__page.tables-unreadable.fail.pdf', 'rules/page.tables-unreadable.fail.html'],
  ['rules__page.tables-unreadable.fail-2.pdf', 'rules/page.tables-unreadable.fail-2.html'],
  ['rules__section.missing.fail.pdf', 'rules/section.missing.fail.html'],
  ['rules__sum.t3-applicants.fail.pdf', 'rules/sum.t3-applicants.fail.html'],
  ['rules__sum.t3-balance.fail.pdf', 'rules/sum.t3-balance.fail.html'],
  ['rules__sum.t3-outcomes.fail.pdf', 'rules/sum.t3-outcomes.fail.html'],
  ['rules__sum.t4-group.fail.pdf', 'rules/sum.t4-group.fail.html'],
  ['rules__table.label.fail-2.pdf', 'rules/table.label.fail-2.html'],
  ['rules__text.count-mismatch.fail.pdf', 'rules/text.count-mismatch.fail.html'],
  ['rules__text.zero-claim.fail.pdf', 'rules/text.zero-claim.fail.html'],
  // Table 三 broken once, with its header repeated on the next page or not; every page landscape,
  // or only the tables' pages; portrait pages turned sideways by /Rotate.
  ['split__clean-2021.pdf', 'pages/clean-2021.html'],
  ['split-repeat__clean-2021.pdf', 'pages/clean-2021.html'],
  ['landscape__clean-2021.pdf', 'pages/clean-2021.html'],
  ['landscape-tables__clean-2021.pdf', 'pages/clean-2021.html'],
  ['rotated__clean-2021.pdf', 'pages/clean-2021.html'],
  // Word-made PDFs (LibreOffice: a header row cut by the page break), and a 20-page report.
  ['lo__seeds__000.pdf', 'seeds/000.html'],
  ['lo__seeds__002.pdf', 'seeds/002.html'],
  ['lo__pages__clean-2021.pdf', 'pages/clean-2021.html'],
  ['lo__rules__sum.t3-balance.fail.pdf', 'rules/sum.t3-balance.fail.html'],
  ['lo__pages__legacy-2019.pdf', 'pages/legacy-2019.html'],
  ['long-20pages__seeds__000.pdf', 'seeds/000.html'],
  // Chromium's prints where it draws cells spanning rows wrongly at the page break: an empty box at
  // the foot and a spanning cell's rest closed mid-row (seeds 001/004, border="1"); a stacked
  // header's second line painted under the table (format.mixed); a header row shorter than the
  // data row (table.shape.fail-3).
  ['seeds__001.pdf', 'seeds/001.html'],
  ['seeds__004.pdf', 'seeds/004.html'],
  ['rules__format.mixed.fail.pdf', 'rules/format.mixed.fail.html'],
  ['rules__table.shape.fail-3.pdf', 'rules/table.shape.fail-3.html'],
];

describe('a report as a PDF reads as the same report as its page', () => {
  it.each(SAME_AS_PAGE)('%s', async (pdf, page) => {
    const fromPdf = (await auditPdf(join(PDF, pdf))).result;
    const fromPage = auditArticle(page).result;
    expect(fromPdf.detected).toBe(true);
    expect(fromPdf.tables).toEqual(fromPage.tables);
    expect(fromPdf.findings.map(keyOf).sort()).toEqual(fromPage.findings.map(keyOf).sort());
  });

  it('names the page each finding is on, and the text output says it', async () => {
    const { result } = await auditPdf(join(PDF, 'rules__sum.t3-balance.fail.pdf'));
    const sums = result.findings.filter((f) => f.ruleId === 'sum.t3-balance');
    expect(sums.length).toBeGreaterThan(0);
    // Table 三's （七）总计 row is on page 5 of this print (its header starts on page 3).
    for (const f of sums) expect(f.page).toBe(5);
    const { toText } = await import('../lib/format/text');
    expect(toText(result, { source: 'x.pdf' })).toContain('三、（七）总计 / 自然人（第 5 页）');
  });
});

describe('documents by URL', () => {
  it('a PDF or a Word file at an address is read by its bytes, whatever it is served as', async () => {
    const files: Record<string, string> = {
      '/r.pdf': join(PDF, 'rules__sum.t3-balance.fail.pdf'),
      '/download.jsp': join(FIXTURES, 'documents', 'seeds__000.docx'),
      '/old': join(FIXTURES, 'documents', 'pages__clean-2021.doc'),
    };
    const server = createServer((req, res) => {
      const file = files[req.url ?? ''];
      if (!file) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const agency = async (path: string) => audit((await loadPage(base + path)).doc).result.report?.agency;
      expect(await agency('/r.pdf')).toBe('临江市市场监督管理局');
      expect(await agency('/download.jsp')).toBe('乐清市金融工作服务中心');
      expect(await agency('/old')).toBe('临江市市场监督管理局');
    } finally {
      server.close();
    }
  });
});

describe('PDFs that are not text', () => {
  it('a scan gets one page.scanned finding and nothing else', async () => {
    const { result } = await auditPdf(join(PDF, 'scanned__seeds__000.pdf'));
    expect(result.detected).toBe(true);
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.params.pages])).toEqual([['page.scanned', 'info', 7]]);
    expect(result.findings[0].message).toContain('扫描件');
  });

  it.each([
    ['encrypted.pdf', 'PDF 已加密（需要密码），无法读取'],
    ['corrupt.pdf', 'PDF 文件已损坏或不完整，无法读取'],
  ])('%s: one clear line', async (file, message) => {
    await expect(loadPage(join(PDF, file))).rejects.toThrow(message);
  });

  it('a PDF locked only against copying (no open password) is read', async () => {
    const { result } = await auditPdf(join(PDF, 'encrypted-owner-only.pdf'));
    expect(result.detected).toBe(true);
    expect(result.report?.agency).toBeTruthy();
  });
});

describe.runIf(haveCorpus)('the real 淮安 PDF (../shared/real/documents)', () => {
  it('reads its three tables whole and finds only what is there', async () => {
    const { result } = await audit((await loadPage(join(REAL, 'documents', 'huaian-shizhengfu-2024.pdf'))).doc, {
      url: 'http://www.huaian.gov.cn/',
    });
    expect(result.report).toMatchObject({ agency: '淮安市人民政府', year: 2024, format: '2021' });
    // Table 三 runs from page 4 onto page 5, with （四）无法提供 cut in two by the break.
    expect(result.tables).toEqual([
      { id: 't2', format: '2021', rows: 6, cols: 3 },
      { id: 't3', format: '2021', rows: 25, cols: 7 },
      { id: 't4', format: 'unknown', rows: 1, cols: 15 },
    ]);
    // Its 五 does not say whether last year's problems were fixed; its arithmetic and prose agree.
    expect(result.findings.map((f) => [f.ruleId, f.location, f.page])).toEqual([
      ['section.prior-year', '五、存在的主要问题及改进情况', 5],
    ]);
  });
});

describe('PDF layout', () => {
  const h = (y: number, x1: number, x2: number): Segment => ({ x1, y1: y, x2, y2: y });
  const v = (x: number, y1: number, y2: number): Segment => ({ x1: x, y1, x2: x, y2 });
  const piece = (str: string, x: number, y: number) => ({ str, x, y, w: 12 * str.length, size: 12 });

  it('a ruled grid becomes cells; a missing rule merges them', () => {
    // Three columns, three rows; no rule between rows 2 and 3 in column 1, nor between columns 2 and 3 in row 1.
    const segs = [
      h(100, 0, 300),
      h(130, 0, 300),
      h(160, 100, 300),
      h(190, 0, 300),
      v(0, 100, 190),
      v(100, 100, 190),
      v(200, 130, 190),
      v(300, 100, 190),
    ];
    const [table] = layoutPage([piece('标签', 10, 150), piece('5', 110, 150)], segs, { width: 600, height: 800 });
    const t = table as TableBlock;
    expect(t.kind).toBe('table');
    expect(t.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text])).toEqual([
      [0, 0, 1, 1, ''],
      [0, 1, 1, 2, ''],
      [1, 0, 2, 1, '标签'],
      [1, 1, 1, 1, '5'],
      [1, 2, 1, 1, ''],
      [2, 1, 1, 1, ''],
      [2, 2, 1, 1, ''],
    ]);
  });

  it('column rules running past the last row rule are a row cut by the page break', () => {
    const segs = [h(100, 0, 200), h(130, 0, 200), v(0, 100, 170), v(100, 100, 170), v(200, 100, 170)];
    const [t] = layoutPage([piece('续', 10, 160)], segs, { width: 600, height: 800 }) as TableBlock[];
    expect([t.rows, t.openBottom, t.openTop]).toEqual([2, true, false]);
    expect(t.cells.find((c) => c.text === '续')?.row).toBe(1);
  });

  it('an empty row cut at the foot is no row, and nothing on the next page goes on from it', () => {
    const segs = [h(100, 0, 200), h(130, 0, 200), v(0, 100, 170), v(100, 100, 170), v(200, 100, 170)];
    const [t] = layoutPage([piece('行', 10, 120)], segs, { width: 600, height: 800 }) as TableBlock[];
    expect([t.rows, t.openBottom]).toEqual([1, false]);
    expect(t.cells.map((c) => [c.row, c.rowSpan, c.text])).toEqual([
      [0, 1, '行'],
      [0, 1, ''],
    ]);
  });

  // On the next page: a label column's cell going on from above (no top rule), closed mid-row by a
  // rule no other cell shares, with an empty box under it; data rows at 50/90/130/170.
  const restSegs = (topRule: boolean) => [
    h(50, topRule ? 0 : 100, 200),
    h(70, 0, 100),
    h(90, 100, 200),
    h(130, 100, 200),
    h(170, 0, 200),
    v(0, 50, 170),
    v(100, 50, 170),
    v(200, 50, 170),
  ];
  const values = [piece('1', 110, 75), piece('2', 110, 115), piece('3', 110, 155)];

  it("a spanning cell's rest closed mid-row, with an empty box under it, is one cell", () => {
    const [t] = layoutPage(values, restSegs(false), { width: 600, height: 800 }) as TableBlock[];
    expect(t.rows).toBe(3);
    expect(t.cells.map((c) => [c.row, c.col, c.rowSpan, c.text])).toEqual([
      [0, 0, 3, ''],
      [0, 1, 1, '1'],
      [1, 1, 1, '2'],
      [2, 1, 1, '3'],
    ]);
  });

  it('a cell of its own (a rule on top) split mid-row stays two cells', () => {
    const [t] = layoutPage(values, restSegs(true), { width: 600, height: 800 }) as TableBlock[];
    expect(t.cells.filter((c) => c.col === 0).map((c) => [c.row, c.rowSpan])).toEqual([
      [0, 1],
      [1, 3],
    ]);
  });

  // A header row whose column 0 has no rule at its foot (the page break cut it).
  const openFoot = [
    h(100, 0, 200),
    h(130, 0, 200),
    h(160, 100, 200),
    v(0, 100, 160),
    v(100, 100, 160),
    v(200, 100, 160),
  ];
  const textOf = (blocks: ReturnType<typeof layoutPage>) =>
    blocks.map((b) =>
      b.kind === 'p' ? b.lines.map((l) => l.text).join('') : b.kind === 'table' ? b.cells.map((c) => c.text) : b.kind,
    );

  it("text painted under a cell no rule closes is that cell's; a paragraph after a gap is not", () => {
    const pieces = [piece('结', 10, 150), piece('果', 10, 172), piece('下文', 10, 230)];
    expect(textOf(layoutPage(pieces, openFoot, { width: 600, height: 800 }))).toEqual([['', '', '结果', ''], '下文']);
  });

  it('a line under the table wider than such a cell is a paragraph', () => {
    const pieces = [piece('结', 10, 150), piece('注：本表数据截至年底统计', 10, 172)];
    expect(textOf(layoutPage(pieces, openFoot, { width: 600, height: 800 }))).toEqual([
      ['', '', '结', ''],
      '注：本表数据截至年底统计',
    ]);
  });

  it('page numbers in the margins are not text of the report', () => {
    const blocks = layoutPage([piece('正文', 60, 400), piece('- 3 -', 280, 790)], [], { width: 600, height: 842 });
    expect(blocks.map((b) => (b.kind === 'p' ? b.lines.map((l) => l.text).join('') : b.kind))).toEqual(['正文']);
  });
});
