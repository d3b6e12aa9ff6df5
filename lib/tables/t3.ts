// Table 三: applications received and handled. Rows are matched by label (with the group
// context of rowspan labels, so "3.其他" written in the first column still lands in （六）),
// columns by the joined header text above each grid column.

import { labelKey, parseValue } from '../text/normalize';
import type { GridCell } from './grid';
import {
  endCol,
  headerRanges,
  readRow,
  startCol,
  rowCells,
  type ColRange,
  type LogicalTable,
  type TRow,
  type ValueCell,
} from './logical';
import { addDuplicate, addLabel, type LabelIssue, type ShapeIssue, type TableBase, type TableValue } from './model';

export const T3_COLS = [
  { id: 'natural', canon: '自然人', re: /自然人/ },
  { id: 'business', canon: '商业企业', re: /商业|企业/ },
  { id: 'research', canon: '科研机构', re: /科研/ },
  { id: 'public', canon: '社会公益组织', re: /公益|社会组织/ },
  { id: 'legal', canon: '法律服务机构', re: /法律/ },
  { id: 'other', canon: '其他', re: /其他/ },
  { id: 'total', canon: '总计', re: /总计|合计/ },
] as const;
export type T3Col = (typeof T3_COLS)[number]['id'];
export const T3_PARTS: T3Col[] = ['natural', 'business', 'research', 'public', 'legal', 'other'];

interface RowDef {
  key: string;
  canon: string;
  short: string;
  re?: RegExp;
}

const GROUPS: Record<string, { canon: string; re: RegExp; items: [string, RegExp][] }> = {
  '3': {
    canon: '（三）不予公开',
    re: /不予公开/,
    items: [
      ['1.属于国家秘密', /国家秘密/],
      ['2.其他法律行政法规禁止公开', /禁止公开/],
      ['3.危及“三安全一稳定”', /三安全|一稳定|危及/],
      ['4.保护第三方合法权益', /第三方/],
      ['5.属于三类内部事务信息', /三类|内部事务/],
      ['6.属于四类过程性信息', /四类|过程性/],
      ['7.属于行政执法案卷', /执法案卷/],
      ['8.属于行政查询事项', /查询/],
    ],
  },
  '4': {
    canon: '（四）无法提供',
    re: /无法提供/,
    items: [
      ['1.本机关不掌握相关政府信息', /不掌握/],
      ['2.没有现成信息需要另行制作', /现成|另行制作/],
      ['3.补正后申请内容仍不明确', /补正后|不明确/],
    ],
  },
  '5': {
    canon: '（五）不予处理',
    re: /不予处理/,
    items: [
      ['1.信访举报投诉类申请', /信访|举报|投诉/],
      ['2.重复申请', /重复申请/],
      ['3.要求提供公开出版物', /出版物/],
      ['4.无正当理由大量反复申请', /大量反复/],
      ['5.要求行政机关确认或重新出具已获取信息', /确认|重新出具/],
    ],
  },
  '6': {
    canon: '（六）其他处理',
    re: /其他处理/,
    items: [
      ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', /不补正/],
      ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', /收费通知|缴纳费用/],
      ['3.其他', /^其他$/],
    ],
  },
};

const TOP: RowDef[] = [
  { key: 'new', canon: '一、本年新收政府信息公开申请数量', short: '一、本年新收', re: /本年新收/ },
  { key: 'carried', canon: '二、上年结转政府信息公开申请数量', short: '二、上年结转', re: /上年结转/ },
  { key: 'next', canon: '四、结转下年度继续办理', short: '四、结转下年度继续办理', re: /结转下/ },
];
const R1: RowDef = { key: 'r1', canon: '（一）予以公开', short: '（一）予以公开' };
const R2: RowDef = {
  key: 'r2',
  canon: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  short: '（二）部分公开',
};
const TOTAL: RowDef = { key: 'total', canon: '（七）总计', short: '（七）总计' };
const R6: RowDef = { key: 'r6', canon: '（六）其他处理', short: '（六）其他处理' };

function itemDefs(g: string): RowDef[] {
  return GROUPS[g].items.map(([canon], i) => ({
    key: `r${g}.${i + 1}`,
    canon,
    short: `${GROUPS[g].canon}${canon}`,
  }));
}

/** Result rows in table order; the identities sum these into （七）总计. */
export function resultRowDefs(format: '2021' | '2019'): RowDef[] {
  return [R1, R2, ...itemDefs('3'), ...itemDefs('4'), ...itemDefs('5'), ...(format === '2021' ? itemDefs('6') : [R6])];
}

export function expectedRowDefs(format: '2021' | '2019'): RowDef[] {
  return [TOP[0], TOP[1], ...resultRowDefs(format), TOTAL, TOP[2]];
}

export interface T3Row {
  def: RowDef;
  /** The row's own label as the report wrote it. */
  label: string;
  labelCell: GridCell;
  row: TRow;
  values: Partial<Record<T3Col, ValueCell>>;
  uncertain: boolean;
}

export interface T3 extends TableBase {
  id: 't3';
  cols: Partial<Record<T3Col, ColRange>>;
  rows: Map<string, T3Row>;
}

const stem = (k: string) =>
  k
    .replace(/^[一二三四五六七八九十]+、/, '')
    .replace(/^\([一二三四五六七八九十]+\)/, '')
    .replace(/^\d+[.、]?/, '');
const isItem = (k: string) => /^\d+[.、]/.test(k) || /^\d+\D/.test(k);
const groupOf = (k: string) => Object.keys(GROUPS).find((g) => GROUPS[g].re.test(k));
const HEADER_ANCHOR = /本年新收|上年结转|办理结果|予以公开/;

function classifyCol(key: string): { id: string; fuzzy: boolean } | null {
  const k = key.replace(/法人(或|和|及)其他组织/, '').replace(/申请人情况/, '');
  if (!k) return null;
  for (const c of T3_COLS) if (c.re.test(k)) return { id: c.id, fuzzy: k !== labelKey(c.canon) };
  return null;
}

const T3_ANCHORS = ['本年新收', '上年结转', '办理结果', '予以公开', '结转下', '自然人', '勾稽'];

/** Two of table 三's anchor labels (plain substring tests: this runs on every table of a page). */
export function isT3(keys: string[]): boolean {
  return T3_ANCHORS.filter((a) => keys.some((k) => k.includes(a))).length >= 2;
}

/** A row's label cells: cells holding words, not numbers, in any column (spans from above included). */
function labelCells(row: TRow): GridCell[] {
  return rowCells(row).filter((c) => parseValue(c.text).kind === 'text' && !/[勾钩]稽/.test(c.key));
}

interface RowMatch {
  def: RowDef;
  fuzzy: boolean;
  /** The （三）…（六） group this row opens or continues (undefined: none open). */
  group: string | undefined;
}

/** The template item of group g a label names: its exact words, its key words, else its number. */
function itemOf(g: string, leaf: string): { def: RowDef; fuzzy: boolean } | null {
  const items = GROUPS[g].items;
  const s = stem(leaf);
  let idx = items.findIndex(([canon]) => stem(labelKey(canon)) === s);
  if (idx >= 0) return { def: itemDefs(g)[idx], fuzzy: false };
  idx = items.findIndex(([, re]) => re.test(s));
  const n = parseInt(leaf, 10);
  if (idx < 0 && n >= 1 && n <= items.length) idx = n - 1;
  return idx >= 0 ? { def: itemDefs(g)[idx], fuzzy: true } : null;
}

/**
 * Which template row a row of table 三 is, from its label cells (the leaf is the last one that is
 * not the 三、本年度办理结果 band) and the group left open by the rows above ("3.其他" under a
 * （六）其他处理 cell whose rowspan ended early still belongs to （六）).
 */
function classifyRow(keys: string[], leaf: string, open: string | undefined): RowMatch | null {
  const top = TOP.find((d) => keys.some((k) => d.re!.test(k)));
  if (top) return { def: top, fuzzy: false, group: undefined };
  if (/^(\(七\))?(总计|合计)$/.test(leaf) || /^\(七\)/.test(leaf))
    return { def: TOTAL, fuzzy: false, group: undefined };
  if (/部分公开/.test(leaf)) return { def: R2, fuzzy: false, group: undefined };
  if (/予以公开/.test(leaf)) return { def: R1, fuzzy: false, group: undefined };
  const rowGroup = keys.map(groupOf).find(Boolean);
  const group = rowGroup ?? open;
  const g = rowGroup ?? (isItem(leaf) ? open : undefined);
  if (!g) return null;
  // The group's own label as the leaf: 2019's single （六）其他处理 row; elsewhere a label-only row.
  if (groupOf(leaf) === g) return g === '6' ? { def: R6, fuzzy: false, group } : null;
  const item = itemOf(g, leaf);
  return item && { ...item, group };
}

/** Table 三's value columns, from the header rows above the first data row. */
function t3Columns(t: LogicalTable, dataFrom: number, labels: LabelIssue[]) {
  const ranges = headerRanges(t, 0, dataFrom, classifyCol, (k) => /[勾钩]稽/.test(k));
  const cols: Partial<Record<T3Col, ColRange>> = {};
  for (const r of ranges) {
    cols[r.id as T3Col] = r;
    if (r.fuzzy)
      addLabel(labels, {
        found: r.label,
        expected: T3_COLS.find((c) => c.id === r.id)!.canon,
        cell: r.headers[r.headers.length - 1],
      });
  }
  const ordered = [...ranges].sort((a, b) => a.start - b.start); // left to right, as cells are read
  return { cols, ordered, valueStart: ordered.length ? ordered[0].start : Math.max(0, t.width - 7) };
}

/**
 * A data row's label cells and its template row: labels left of the value columns first ("不详"
 * under 科研机构 is a bad value, not a label), then any label cell, for rows whose labels drifted
 * over the value columns. `own` leaves out the 三、本年度办理结果 band (context, not the row's name).
 */
function matchRow(row: TRow, valueStart: number, group: string | undefined) {
  const all = labelCells(row);
  let own: GridCell[] = [];
  for (const cells of [all.filter((c) => startCol(row, c) < valueStart), all]) {
    own = cells.filter((c) => !/办理结果/.test(c.key) || cells.length === 1);
    const match = own.length
      ? classifyRow(
          cells.map((c) => c.key),
          own[own.length - 1].key,
          group,
        )
      : null;
    if (match) return { own, match };
  }
  return { own, match: null };
}

/** Every value cell, with its row and column as the report labels them. */
function valuesOf(rows: Map<string, T3Row>, cols: Partial<Record<T3Col, ColRange>>): TableValue[] {
  const values: TableValue[] = [];
  for (const r of rows.values())
    for (const c of T3_COLS) {
      const v = r.values[c.id];
      if (v)
        values.push({ v, row: r.label, col: cols[c.id]!.label, count: true, signed: false, uncertain: r.uncertain });
    }
  return values;
}

export function parseT3(t: LogicalTable): T3 {
  const shape: ShapeIssue[] = [];
  const labels: LabelIssue[] = [];
  const start = t.rows.findIndex((row) => rowCells(row).some((c) => HEADER_ANCHOR.test(c.key)));
  const dataFrom = start < 0 ? t.rows.length : start;
  const { cols, ordered, valueStart } = t3Columns(t, dataFrom, labels);

  const rows = new Map<string, T3Row>();
  let group: string | undefined;
  for (const row of t.rows.slice(dataFrom)) {
    // A header repeated after a page break ("自然人 | 法人或其他组织 | 总计") is not a data row.
    if (rowCells(row).some((c) => /自然人|法人|商业企业|申请人情况/.test(c.key))) continue;
    const { own, match } = matchRow(row, valueStart, group);
    if (!own.length) continue;
    const leaf = own[own.length - 1];
    if (!match) {
      group = groupOf(leaf.key) ?? group; // a group label on a row of its own opens the group
      continue; // a local extra row: tolerated, not summed
    }
    group = match.group;
    const { def } = match;
    if (match.fuzzy || (def !== R6 && !def.re && stem(leaf.key) !== stem(labelKey(def.canon))))
      addLabel(labels, { found: leaf.label, expected: def.canon, cell: leaf });
    if (rows.has(def.key)) {
      addDuplicate(shape, def.short, leaf);
      continue;
    }
    // Values start right of the row's own labels, wherever they sit.
    const read = readRow(row, ordered, Math.max(...own.map((c) => endCol(row, c))));
    if (read.stray.length)
      shape.push({
        kind: 'extra-cell',
        row: def.short,
        cells: read.stray,
        headerWidth: ordered.length,
        rowWidth: ordered.length + read.stray.length,
      });
    const values: Partial<Record<T3Col, ValueCell>> = {};
    ordered.forEach((r, j) => (values[r.id as T3Col] = read.values[j]));
    const label = def === TOTAL || TOP.includes(def) ? leaf.label : composeLabel(def, own);
    rows.set(def.key, { def, label, labelCell: leaf, row, values, uncertain: read.stray.length > 0 });
  }

  const format = formatOf(rows);
  shape.push(...gapsOf(format, rows, cols));
  const values = valuesOf(rows, cols);
  return {
    id: 't3',
    format,
    table: t,
    cols,
    rows,
    shape,
    labels,
    values,
    rowCount: rows.size,
    colCount: ordered.length,
  };
}

/** 2021 tables break （六） into items; 2019 tables have one （六） row. */
const formatOf = (rows: Map<string, T3Row>): T3['format'] =>
  [...rows.keys()].some((k) => k.startsWith('r6.')) ? '2021' : rows.has('r6') ? '2019' : 'unknown';

/** The rows and columns of the format's template the table lacks. */
function gapsOf(format: T3['format'], rows: Map<string, T3Row>, cols: T3['cols']): ShapeIssue[] {
  const gaps: ShapeIssue[] = [];
  const missingRows = expectedRowDefs(format === '2019' ? '2019' : '2021')
    .filter((d) => !rows.has(d.key))
    .map((d) => d.short);
  const missingCols = T3_COLS.filter((c) => !cols[c.id]).map((c) => c.canon);
  if (missingRows.length) gaps.push({ kind: 'missing-row', names: missingRows });
  if (missingCols.length) gaps.push({ kind: 'missing-col', names: missingCols });
  return gaps;
}

/** "（三）不予公开 1.属于国家秘密" from the row's own label cells. */
function composeLabel(def: RowDef, cells: GridCell[]): string {
  const leaf = cells[cells.length - 1];
  const g = def.key.match(/^r(\d)\./)?.[1];
  if (!g) return leaf.label;
  const parent = cells.slice(0, -1).find((c) => GROUPS[g].re.test(c.key));
  return `${parent?.label ?? GROUPS[g].canon} ${leaf.label}`;
}
