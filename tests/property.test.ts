// Property-based robustness (issue 5): buildGrid over arbitrary, malformed tables, and the whole
// audit over random report-like documents. The oracles are independent of the implementation:
// a table's own cells are the td/th whose closest <table> is that table (nested tables excluded).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../lib/audit';
import { AuditResultSchema } from '../lib/result-schema';
import { RULES } from '../lib/rules';
import { buildGrid, MAX_COLSPAN, MAX_WIDTH, type Grid } from '../lib/tables/grid';
import { setCell } from './fixtures/cells';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const doc = window.document;

// ---------------------------------------------------------------------------------------------
// Table specs

const SPANS = ['0', '-1', '1', '2', '3', '1000', '65535', 'abc', '2.5', ''] as const;
type Span = (typeof SPANS)[number] | null; // null: no attribute

interface CellSpec {
  kind: 'cell';
  tag: 'td' | 'th';
  rowspan: Span;
  colspan: Span;
  text: string;
  nested: TableSpec | null;
}
/** Something in a <tr> that is not a cell (a stray element or text): never a grid cell. */
interface JunkSpec {
  kind: 'junk';
  text: string;
}
type RowItem = CellSpec | JunkSpec;
interface TableSpec {
  /** How rows are grouped: straight under <table>, one <tbody>, or thead/tbody/tfoot. */
  wrap: 'direct' | 'tbody' | 'sections';
  /** Built with the DOM API (exact structure), or serialised and run through the HTML parser. */
  via: 'dom' | 'html';
  rows: RowItem[][];
}

const span: fc.Arbitrary<Span> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: fc.constantFrom(...SPANS), weight: 2 },
);
const text = fc.oneof(
  fc.constantFrom('', '总计', '自然人', '1', '0', '——', '结果<br>纠正', '<b>x</b>', '１２'),
  fc.string({ maxLength: 6 }),
  fc.string({ maxLength: 6, unit: 'binary' }),
);

function tableArb(depth: number, maxRows: number, maxCells: number): fc.Arbitrary<TableSpec> {
  const cell: fc.Arbitrary<CellSpec> = fc.record({
    kind: fc.constant('cell' as const),
    tag: fc.constantFrom('td' as const, 'td' as const, 'th' as const),
    rowspan: span,
    colspan: span,
    text,
    nested:
      depth >= 2
        ? fc.constant(null)
        : fc.oneof({ arbitrary: fc.constant(null), weight: 200 }, { arbitrary: tableArb(depth + 1, 4, 4), weight: 1 }),
  });
  const junk: fc.Arbitrary<JunkSpec> = fc.record({
    kind: fc.constant('junk' as const),
    text: fc.string({ maxLength: 3 }),
  });
  const item: fc.Arbitrary<RowItem> = fc.oneof({ arbitrary: cell, weight: 20 }, { arbitrary: junk, weight: 1 });
  return fc.record({
    wrap: fc.constantFrom('direct' as const, 'tbody' as const, 'sections' as const),
    via: fc.constantFrom('dom' as const, 'html' as const),
    rows: fc.array(fc.array(item, { maxLength: maxCells, size: 'max' }), { maxLength: maxRows, size: 'max' }),
  });
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Cell text: "<br>" in a spec text means a line break element, everything else is text. */
function fillText(el: Element, s: string) {
  s.split('<br>').forEach((part, i) => {
    if (i) el.appendChild(el.ownerDocument.createElement('br'));
    el.appendChild(el.ownerDocument.createTextNode(part));
  });
}

function toHtml(t: TableSpec): string {
  const row = (items: RowItem[]) =>
    `<tr>${items
      .map((it) => {
        if (it.kind === 'junk') return `<div>${escapeText(it.text)}</div>`;
        const attrs = [
          it.rowspan === null ? '' : ` rowspan="${escapeAttr(it.rowspan)}"`,
          it.colspan === null ? '' : ` colspan="${escapeAttr(it.colspan)}"`,
        ].join('');
        const body = it.text.split('<br>').map(escapeText).join('<br>');
        return `<${it.tag}${attrs}>${body}${it.nested ? toHtml(it.nested) : ''}</${it.tag}>`;
      })
      .join('')}</tr>`;
  const groups = groupRows(t);
  return `<table>${groups.map(([tag, rows]) => (tag ? `<${tag}>` : '') + rows.map(row).join('') + (tag ? `</${tag}>` : '')).join('')}</table>`;
}

function groupRows(t: TableSpec): [string | null, RowItem[][]][] {
  if (t.wrap === 'direct') return [[null, t.rows]];
  if (t.wrap === 'tbody') return [['tbody', t.rows]];
  const a = Math.min(2, t.rows.length);
  const b = Math.max(a, t.rows.length - 1);
  return [
    ['thead', t.rows.slice(0, a)],
    ['tbody', t.rows.slice(a, b)],
    ['tfoot', t.rows.slice(b)],
  ];
}

function toDom(t: TableSpec): Element {
  const table = doc.createElement('table');
  for (const [tag, rows] of groupRows(t)) {
    const parent = tag ? table.appendChild(doc.createElement(tag)) : table;
    for (const items of rows) {
      const tr = parent.appendChild(doc.createElement('tr'));
      for (const it of items) {
        if (it.kind === 'junk') {
          tr.appendChild(it.text ? doc.createTextNode(it.text) : doc.createElement('div'));
          continue;
        }
        const cell = tr.appendChild(doc.createElement(it.tag));
        if (it.rowspan !== null) cell.setAttribute('rowspan', it.rowspan);
        if (it.colspan !== null) cell.setAttribute('colspan', it.colspan);
        fillText(cell, it.text);
        if (it.nested) cell.appendChild(toDom(it.nested));
      }
    }
  }
  return table;
}

const parser = new window.DOMParser();
function materialise(t: TableSpec): Element {
  if (t.via === 'dom') return toDom(t);
  const parsed = parser.parseFromString(`<!doctype html><body>${toHtml(t)}</body>`, 'text/html');
  return parsed.body.querySelector('table')!;
}

/** Rows and cells of a table by the independent definition (closest table), in document order. */
function ownCells(table: Element): Element[] {
  return Array.from(table.querySelectorAll('td, th')).filter((c) => c.closest('table') === table);
}
function ownRows(table: Element): Element[] {
  return Array.from(table.querySelectorAll('tr')).filter((r) => r.closest('table') === table);
}

/**
 * Every structural invariant of a grid: null when all hold, else the first broken one. Plain
 * loops (one expect per table), because a 60-row table with colspans has tens of thousands of slots.
 */
function gridProblem(table: Element, g: Grid): string | null {
  const rows = ownRows(table);
  const cells = ownCells(table);
  const own = new Set(cells);
  if (g.table !== table) return 'grid.table is not the table';
  if (g.rows.length !== rows.length) return `${g.rows.length} grid rows for ${rows.length} own <tr>`;
  if (!(g.width >= 0) || g.width > Math.min(MAX_WIDTH, cells.length * MAX_COLSPAN))
    return `width ${g.width} for ${cells.length} cells`;
  const origins = new Map<Element, number>();
  for (let r = 0; r < g.rows.length; r++) {
    const row = g.rows[r];
    if (row.length !== g.width) return `row ${r} has ${row.length} slots, width is ${g.width}`;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) return `slot ${r},${c} is empty`;
      if (cell.el === null) {
        // Padding of a ragged row: no source element, no text, one slot (possibly one shared
        // filler object, whose row/col then name no slot: it is not a source cell).
        if (cell.text || cell.key || cell.rowSpan !== 1 || cell.colSpan !== 1)
          return `padding slot ${r},${c} has text or a span`;
        continue;
      }
      if (!own.has(cell.el)) return `slot ${r},${c} holds a cell that is not this table's own (nested table?)`;
      if (!(cell.rowSpan >= 1 && cell.colSpan >= 1 && cell.colSpan <= MAX_COLSPAN))
        return `slot ${r},${c}: span ${cell.rowSpan}x${cell.colSpan}`;
      const covers = cell.row <= r && r < cell.row + cell.rowSpan && cell.col <= c && c < cell.col + cell.colSpan;
      if (!covers)
        return `slot ${r},${c} is outside its cell's span (${cell.row},${cell.col} ${cell.rowSpan}x${cell.colSpan})`;
      if (cell.row + cell.rowSpan > g.rows.length || cell.col + cell.colSpan > g.width)
        return `cell at ${cell.row},${cell.col} spans past the grid`;
      if (g.rows[cell.row][cell.col] !== cell)
        return `the origin ${cell.row},${cell.col} of the cell in slot ${r},${c} holds another object`;
      if (cell.row === r && cell.col === c) origins.set(cell.el, (origins.get(cell.el) ?? 0) + 1);
    }
  }
  // Every own cell has exactly one origin slot. The one documented exception is the width bound
  // (MAX_WIDTH): once a row is full up to it, the rest of that <tr> is dropped.
  for (let r = 0; r < rows.length; r++) {
    const written = Array.from(rows[r].children).filter((c) => own.has(c));
    let dropped = 0;
    for (const el of written) {
      const n = origins.get(el) ?? 0;
      if (n === 1 && dropped) return `row ${r}: a cell after a dropped cell is placed`;
      if (n === 1) continue;
      if (n > 1) return `<${el.tagName.toLowerCase()}> "${el.textContent}" has ${n} origin slots`;
      const full = g.width === MAX_WIDTH && g.rows[r].every((x) => x.el !== null);
      if (!full) return `<${el.tagName.toLowerCase()}> "${el.textContent}" in row ${r} has no origin slot`;
      dropped++;
    }
    if (g.rowWidths[r] !== written.length - dropped)
      return `rowWidths[${r}] = ${g.rowWidths[r]}, the row has ${written.length - dropped} placed cells`;
    stats.dropped += dropped;
  }
  return null;
}

function checkGrid(table: Element, g: Grid): void {
  expect(gridProblem(table, g)).toBeNull();
}

// ---------------------------------------------------------------------------------------------

const GRID_RUNS = 400;
const stats = { dropped: 0, grid: 0, gridCells: 0, gridMaxRows: 0, gridMaxCells: 0, nested: 0, audit: 0, detected: 0 };
const firedRules = new Set<string>();

afterAll(() => {
  console.log(
    `[property] buildGrid: ${stats.grid} random tables (${stats.gridCells} cells, up to ${stats.gridMaxRows} rows ` +
      `and ${stats.gridMaxCells} cells in a row, ${stats.nested} with nested tables) + 1 table of 10,000 rows ` +
      `(in all, ${stats.dropped} cells beyond the ${MAX_WIDTH}-column bound, dropped by design); ` +
      `audit: ${stats.audit} random documents (${stats.detected} read as reports, ${firedRules.size} rule ids fired)`,
  );
});

describe('buildGrid on arbitrary tables', () => {
  it(`${GRID_RUNS} random tables: never throws, rectangular, one origin per cell, spans cover their slots`, () => {
    fc.assert(
      fc.property(tableArb(0, 60, 20), (spec) => {
        const table = materialise(spec);
        const g = buildGrid(table);
        checkGrid(table, g);
        stats.grid++;
        stats.gridCells += ownCells(table).length;
        stats.gridMaxRows = Math.max(stats.gridMaxRows, g.rows.length);
        stats.gridMaxCells = Math.max(stats.gridMaxCells, ...g.rowWidths, 0);
        if (table.querySelector('table')) stats.nested++;
      }),
      { numRuns: GRID_RUNS },
    );
  }, 60_000);

  it('edge tables: empty, rows without cells, only nested tables, every span value alone', () => {
    const cases = [
      '<table></table>',
      '<table><tbody></tbody></table>',
      '<table><tr></tr><tr></tr></table>',
      '<table><tr><td><table><tr><td rowspan="65535">x</td></tr></table></td></tr></table>',
      ...SPANS.flatMap((v) => [
        `<table><tr><td rowspan="${v}">a</td><td colspan="${v}">b</td></tr><tr><th>c</th></tr></table>`,
        `<table><tr><th colspan="${v}" rowspan="${v}">a</th></tr></table>`,
      ]),
    ];
    for (const html of cases) {
      const table = parser.parseFromString(`<body>${html}`, 'text/html').querySelector('table')!;
      checkGrid(table, buildGrid(table));
    }
  });

  it('a 10,000-row table with hostile spans: terminates with work bounded by its rows', () => {
    const N = 10_000;
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const table = doc.createElement('table');
    const tbody = table.appendChild(doc.createElement('tbody'));
    let cells = 0;
    for (let r = 0; r < N; r++) {
      const tr = tbody.appendChild(doc.createElement('tr'));
      const n = r === 0 ? 6 : 1 + rand(6);
      for (let c = 0; c < n; c++) {
        const td = tr.appendChild(doc.createElement(rand(5) ? 'td' : 'th'));
        td.textContent = String(rand(1000));
        // The first row claims everything: rowspan=0 (to the end) and 65535, colspan 65535.
        if (r === 0) td.setAttribute(c % 2 ? 'rowspan' : 'colspan', c < 2 ? '0' : '65535');
        else if (!rand(4)) td.setAttribute(rand(2) ? 'rowspan' : 'colspan', SPANS[rand(SPANS.length)]);
        cells++;
      }
    }
    // A counter, not a timer: every attribute read buildGrid makes is counted while it runs.
    const proto = window.Element.prototype;
    const original = proto.getAttribute;
    let reads = 0;
    proto.getAttribute = function (this: Element, name: string) {
      reads++;
      return original.call(this, name);
    };
    let g: Grid;
    try {
      g = buildGrid(table);
    } finally {
      proto.getAttribute = original;
    }
    expect(g.rows.length).toBe(N);
    expect(g.rowWidths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(cells);
    expect(reads, 'attribute reads: a few per cell').toBeLessThanOrEqual(4 * cells);
    const slots = g.rows.reduce((a, row) => a + row.length, 0);
    expect(slots, 'slots: rows x width').toBe(N * g.width);
    expect(g.width).toBeLessThanOrEqual(MAX_WIDTH);
    checkGrid(table, g);
  }, 180_000); // jsdom's HTMLCollection is slow: seconds, not a bound under test
});

// ---------------------------------------------------------------------------------------------
// Random report-like documents

const RULE_IDS = new Set(RULES.map((r) => r.id));
const BASE = readFileSync(join(import.meta.dirname, 'fixtures', 'pages', 'clean-2021.html'), 'utf8');
const base = new JSDOM(BASE).window.document;
// Inline styles are irrelevant to the audit, and jsdom re-parses every border shorthand on each
// clone (90% of the time per case): drop them once.
for (const el of Array.from(base.querySelectorAll('[style]'))) el.removeAttribute('style');
const BODY_SEL = '.Custom_UnionStyle';
const baseBody = base.querySelector(BODY_SEL)!;
const TABLES = Array.from(baseBody.children).filter((e) => e.tagName === 'TABLE');
const PROSE = Array.from(baseBody.children)
  .filter((e) => e.tagName === 'P' && !e.querySelector('strong'))
  .map((p) => p.textContent ?? '');
const SUBHEADINGS = Array.from(baseBody.querySelectorAll('p > strong'))
  .map((s) => s.textContent ?? '')
  .filter((t) => t.startsWith('（'));

const PARTS = [
  '总体情况',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
  '政府信息公开的收费及减免情况',
  '概述',
];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const CELL_TEXT = fc.oneof(
  fc.nat({ max: 5000 }).map(String),
  fc.constantFrom('', '/', '-', '——', '无', '—', '一', '/无', '\u00a0', '空'),
  fc.constantFrom('<b>1</b>', '<img src=x onerror=alert(1)>', '</td></tr></table>', '&lt;1&gt;', '<br>'),
  fc.constantFrom('9'.repeat(400), '1'.repeat(20), '9007199254740993', '1e308', '1e309', '123,456,789,012,345'),
  fc.integer({ min: -1000, max: -1 }).map(String),
  fc.constantFrom('－3', '−3', '-0', '+5', '＋5'),
  fc.nat({ max: 99999 }).map((n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))),
  fc.constantFrom('2.5', '0.5件', '12件', '1,234', '1，234', '3．5', '12.35万元', 'NaN', 'Infinity', '0x10'),
  fc.constantFrom('1\u200d2', '\u202e12', '1 2', '一二', '十', '①'),
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 12, unit: 'binary' }),
);

type Fragment =
  | { kind: 'heading'; part: number; numeral: number; style: number }
  | { kind: 'sub'; i: number }
  | { kind: 'prose'; i: number; inject: string | null }
  | {
      kind: 'table';
      i: number;
      edits: [number, string][];
      spans: [number, 'rowspan' | 'colspan', Span][];
      drop: number[];
    }
  | { kind: 'extra'; what: number };

const fragment: fc.Arbitrary<Fragment> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('heading' as const),
      part: fc.nat({ max: PARTS.length - 1 }),
      numeral: fc.nat({ max: 9 }),
      style: fc.nat({ max: 7 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('sub' as const), i: fc.nat({ max: SUBHEADINGS.length - 1 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('prose' as const),
      i: fc.nat({ max: PROSE.length - 1 }),
      inject: fc.option(CELL_TEXT, { freq: 2 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('table' as const),
      i: fc.nat({ max: TABLES.length - 1 }),
      edits: fc.array(fc.tuple(fc.nat({ max: 400 }), CELL_TEXT), { maxLength: 12 }),
      spans: fc.array(fc.tuple(fc.nat({ max: 400 }), fc.constantFrom('rowspan' as const, 'colspan' as const), span), {
        maxLength: 3,
      }),
      drop: fc.array(fc.nat({ max: 40 }), { maxLength: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('extra' as const), what: fc.nat({ max: 5 }) }) },
);

const TITLE = fc.oneof(
  fc.constant('临江市市场监督管理局2023年政府信息公开工作年度报告'),
  fc.constantFrom(
    '临江市<img src=x onerror=alert(1)>局2023年政府信息公开工作年度报告',
    '2021年政府信息公开工作年度报告',
    '关于临江市2020年度政府信息公开工作的报告',
    '政府信息公开',
    '',
  ),
  fc.string({ maxLength: 30 }),
);

interface DocSpec {
  title: string;
  meta: boolean;
  container: boolean;
  /** Start from the original body (mutated) rather than from random fragments only. */
  original: boolean;
  fragments: Fragment[];
  locale: 'zh' | 'en';
}

const docArb: fc.Arbitrary<DocSpec> = fc.record({
  title: TITLE,
  meta: fc.boolean(),
  container: fc.boolean(),
  original: fc.boolean(),
  fragments: fc.array(fragment, { maxLength: 30 }),
  locale: fc.constantFrom('zh' as const, 'en' as const),
});

function heading(d: Document, f: Extract<Fragment, { kind: 'heading' }>): Element {
  const n = NUMERALS[f.numeral];
  const t = PARTS[f.part];
  const forms = [
    `${n}、${t}`,
    t,
    `第${n}部分 ${t}`,
    `${n}.${t}`,
    `# ${n}、${t}`,
    `${n}、${t}：`,
    `${n}，${t}`,
    `（${n}）${t}`,
  ];
  const p = d.createElement('p');
  const strong = p.appendChild(d.createElement(f.style % 2 ? 'strong' : 'b'));
  strong.textContent = forms[f.style];
  return p;
}

function tableFragment(d: Document, f: Extract<Fragment, { kind: 'table' }>): Element {
  const t = d.importNode(TABLES[f.i], true) as Element;
  const cells = Array.from(t.querySelectorAll('td, th'));
  for (const [i, v] of f.edits) setCell(cells[i % cells.length], v);
  for (const [i, attr, v] of f.spans) {
    const c = cells[i % cells.length];
    if (v === null) c.removeAttribute(attr);
    else c.setAttribute(attr, v);
  }
  const trs = Array.from(t.querySelectorAll('tr'));
  for (const i of f.drop) trs[i % trs.length].remove();
  return t;
}

function extra(d: Document, what: number): Element {
  const make = (tag: string, attrs: Record<string, string> = {}, txt = '') => {
    const e = d.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (txt) e.textContent = txt;
    return e;
  };
  switch (what) {
    case 0:
      return make('table');
    case 1: {
      const t = make('table');
      t.appendChild(make('tr')).appendChild(make('td', { rowspan: '0', colspan: '65535' }, '总计'));
      return t;
    }
    case 2:
      return make('img', { src: 'data:,', alt: '表格' });
    case 3: {
      const p = make('p');
      p.appendChild(make('a', { href: '/files/report.pdf' }, '附件：年报.pdf'));
      return p;
    }
    case 4:
      return make('p', {}, '本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。');
    default:
      return make('div');
  }
}

function buildDoc(spec: DocSpec): Document {
  const d = base.cloneNode(true) as Document;
  d.title = spec.title;
  const art = d.querySelector('meta[name="ArticleTitle"]')!;
  if (spec.meta) art.setAttribute('content', spec.title);
  else art.remove();
  d.querySelector('.article-title')!.textContent = spec.title;
  const body = d.querySelector(BODY_SEL)!;
  const kept = spec.original ? Array.from(body.childNodes) : [];
  body.replaceChildren(...kept);
  const p = (s: string) => {
    const e = d.createElement('p');
    e.textContent = s;
    return e;
  };
  spec.fragments.forEach((f, i) => {
    let el: Element;
    if (f.kind === 'heading') el = heading(d, f);
    else if (f.kind === 'sub') el = p(SUBHEADINGS[f.i]);
    else if (f.kind === 'prose') el = p(f.inject === null ? PROSE[f.i] : PROSE[f.i].replace(/\d+/, f.inject));
    else if (f.kind === 'table') el = tableFragment(d, f);
    else el = extra(d, f.what);
    // Fragments go at random-looking but reproducible places among what is already there.
    const at = body.childNodes[(i * 7) % (body.childNodes.length + 1)] ?? null;
    body.insertBefore(el, at);
  });
  if (!spec.container) {
    body.classList.remove('Custom_UnionStyle');
    body.parentElement!.classList.remove('TRS_Editor');
  }
  return d;
}

const AUDIT_RUNS = 300;

describe('audit on random report-like documents', () => {
  it(`${AUDIT_RUNS} random documents (force): no throw, valid result contract, only catalog rule ids`, () => {
    fc.assert(
      fc.property(docArb, (spec) => {
        const d = buildDoc(spec);
        const { result, refs } = audit(d, {
          force: true,
          locale: spec.locale,
          url: 'http://www.linjiang.gov.cn/art/2024/1/25/art_1229_584231.html',
        });
        stats.audit++;
        if (result.detected) stats.detected++;
        const direct = AuditResultSchema.safeParse(result);
        expect(direct.success, JSON.stringify(direct.error?.issues.slice(0, 3))).toBe(true);
        // The result travels as JSON (popup, CLI --json): it must survive the round trip intact.
        const json = JSON.parse(JSON.stringify(result));
        const round = AuditResultSchema.safeParse(json);
        expect(round.success, JSON.stringify(round.error?.issues.slice(0, 3))).toBe(true);
        expect(json).toEqual(result);
        for (const f of result.findings) {
          expect(RULE_IDS.has(f.ruleId), `rule id ${f.ruleId}`).toBe(true);
          firedRules.add(f.ruleId);
        }
        expect(refs).toHaveLength(result.findings.length);
        const s = { error: 0, warning: 0, info: 0, review: 0 };
        for (const f of result.findings) s[f.outcome === 'review' ? 'review' : f.severity]++;
        expect(result.summary).toEqual(s);
      }),
      { numRuns: AUDIT_RUNS },
    );
    // The generator must actually reach the rules, not only the "not a report" exits.
    expect(stats.detected).toBeGreaterThan(AUDIT_RUNS / 4);
    expect(firedRules.size).toBeGreaterThan(10);
  }, 180_000);
});
