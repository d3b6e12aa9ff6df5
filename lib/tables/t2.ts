// Table 二: proactive disclosure under 第二十条, read block by block: a caption row
// "第二十条第（X）项", a header row starting 信息内容, then item rows. Both formats share the
// reader; the format decides which items and columns are expected.

import { labelKey, parseValue } from '../text/normalize';
import { nearLabel } from '../text/similar';
import type { GridCell } from './grid';
import { endCol, readRow, rowCells, type ColRange, type LogicalTable, type TRow, type ValueCell } from './logical';
import {
  addDuplicate,
  addLabel,
  type LabelIssue,
  type ShapeIssue,
  type TableBase,
  type TableFormat,
  type TableValue,
} from './model';

interface ColDef {
  id: string;
  canon: string;
  amount?: boolean;
  signed?: boolean;
}
interface BlockDef {
  block: string;
  items: string[];
  cols: ColDef[];
}

const C = {
  issued: { id: 'issued', canon: '本年制发件数' },
  repealed: { id: 'repealed', canon: '本年废止件数' },
  inForce: { id: 'inForce', canon: '现行有效件数' },
  decisions: { id: 'decisions', canon: '本年处理决定数量' },
  fee: { id: 'fee', canon: '本年收费金额（单位：万元）', amount: true },
  made: { id: 'made', canon: '本年新制作数量' },
  published: { id: 'published', canon: '本年新公开数量' },
  totalPublic: { id: 'totalPublic', canon: '对外公开总数量' },
  prev: { id: 'prev', canon: '上一年项目数量' },
  delta: { id: 'delta', canon: '本年增/减', signed: true },
  decisions19: { id: 'decisions19', canon: '处理决定数量' },
  procCount: { id: 'procCount', canon: '采购项目数量' },
  procAmount: { id: 'procAmount', canon: '采购总金额', amount: true },
} satisfies Record<string, ColDef>;

export const T2_LAYOUT: Record<'2021' | '2019', BlockDef[]> = {
  '2021': [
    { block: '一', items: ['规章', '行政规范性文件'], cols: [C.issued, C.repealed, C.inForce] },
    { block: '五', items: ['行政许可'], cols: [C.decisions] },
    { block: '六', items: ['行政处罚', '行政强制'], cols: [C.decisions] },
    { block: '八', items: ['行政事业性收费'], cols: [C.fee] },
  ],
  '2019': [
    { block: '一', items: ['规章', '规范性文件'], cols: [C.made, C.published, C.totalPublic] },
    { block: '五', items: ['行政许可', '其他对外管理服务事项'], cols: [C.prev, C.delta, C.decisions19] },
    { block: '六', items: ['行政处罚', '行政强制'], cols: [C.prev, C.delta, C.decisions19] },
    { block: '八', items: ['行政事业性收费'], cols: [C.prev, C.delta] },
    { block: '九', items: ['政府集中采购'], cols: [C.procCount, C.procAmount] },
  ],
};

const ALL_COLS: ColDef[] = Object.values(C);
const COLS_2021 = new Set(['issued', 'repealed', 'inForce', 'decisions', 'fee']);
const COLS_2019 = new Set([
  'made',
  'published',
  'totalPublic',
  'prev',
  'delta',
  'decisions19',
  'procCount',
  'procAmount',
]);

/**
 * Format markers of table 二: its columns and the 2019-only 第（九）项 block. Row labels are not
 * markers — real 2021 tables keep the old label 规范性文件 under the 2021 columns.
 */
function t2Markers(ranges: ColDef[], blocks: Set<string>): { m2021: string[]; m2019: string[] } {
  const canon = (ids: Set<string>) => [...new Set(ranges.filter((c) => ids.has(c.id)).map((c) => c.canon))];
  return {
    m2021: canon(COLS_2021).map((c) => c.replace(/（单位：万元）$/, '')),
    m2019: canon(COLS_2019).concat(blocks.has('九') ? ['第二十条第（九）项'] : []),
  };
}

export interface T2Row {
  block: string;
  item: string;
  label: string;
  values: Record<string, ValueCell>;
  cols: Record<string, string>;
}

export interface T2 extends TableBase {
  id: 't2';
  items: Map<string, T2Row>;
  markers: { m2021: string[]; m2019: string[] };
}

export function isT2(keys: string[]): boolean {
  return (
    keys.some((k) => k.includes('第二十条')) ||
    (keys.some((k) => k === '信息内容') && keys.some((k) => /规章|行政许可|行政处罚/.test(k)))
  );
}

const unitless = (k: string) => k.replace(/\(单位:?(万元|元)\)/, '');

/** The column a header names: exact, contained ("本年收费金额（万元）"), or a typo of it. */
function colDef(key: string): { def: ColDef; fuzzy: boolean } | undefined {
  const k = unitless(key);
  const exact = ALL_COLS.find((c) => unitless(labelKey(c.canon)) === k);
  if (exact) return { def: exact, fuzzy: false };
  const inside = ALL_COLS.find((c) => k.includes(unitless(labelKey(c.canon))));
  if (inside) return { def: inside, fuzzy: false };
  const near = ALL_COLS.find((c) => nearLabel(k, unitless(labelKey(c.canon))));
  return near && { def: near, fuzzy: true };
}

/** The template item a row label names within its block: exact, else the one it is a variant of. */
function itemOf(block: BlockDef | undefined, label: string): { item: string; fuzzy: boolean } | null {
  if (!block) return null;
  const key = labelKey(label);
  const exact = block.items.find((i) => labelKey(i) === key);
  if (exact) return { item: exact, fuzzy: false };
  // "规范性文件" ↔ "行政规范性文件" (the 2019 and 2021 names of one row), typos.
  const near = block.items.find((i) => i.includes(key) || key.includes(i) || nearLabel(key, i));
  return near && key.length >= 2 ? { item: near, fuzzy: true } : null;
}

/** A row of table 二 as the page wrote it, before the format (and so the template items) is known. */
interface RawRow {
  block: string;
  label: string;
  labelCell: GridCell;
  values: Record<string, ValueCell>;
  cols: Record<string, string>;
  stray: GridCell[];
}

const CAPTION = /第二十条第\(([一二三四五六七八九十]+)\)项/;

/**
 * The rows of table 二 as written, block by block: a caption row "第二十条第（X）项" opens a block,
 * a 信息内容 row gives its columns, and every labelled row under them is an item.
 */
function readBlocks(t: LogicalTable, labels: LabelIssue[]) {
  const raw: RawRow[] = [];
  const seenCols: ColDef[] = [];
  const blocks = new Set<string>();
  let block = '';
  let ranges: (ColRange & { def: ColDef })[] = [];
  for (const row of t.rows) {
    const cells = rowCells(row);
    if (!cells.length) continue;
    const caption = cells.map((c) => CAPTION.exec(c.key)).find(Boolean);
    if (caption) {
      [block, ranges] = [caption[1], []];
      blocks.add(block);
      continue;
    }
    const first = cells[0];
    if (/^信息内容/.test(first.key)) {
      ranges = headerOf(row, first);
      for (const r of ranges) {
        seenCols.push(r.def);
        if (r.fuzzy) addLabel(labels, { found: r.label, expected: r.def.canon, cell: r.headers[0] });
      }
      continue;
    }
    if (!ranges.length || parseValue(first.text).kind !== 'text') continue;
    const read = readRow(row, ranges, endCol(row, first));
    const values: Record<string, ValueCell> = {};
    const cols: Record<string, string> = {};
    ranges.forEach((r, i) => {
      values[r.def.id] = read.values[i];
      cols[r.def.id] = r.label;
    });
    raw.push({ block, label: first.label, labelCell: first, values, cols, stray: read.stray });
  }
  return { raw, markers: t2Markers(seenCols, blocks) };
}

/** Rows and columns the format requires that the table lacks. */
function missingShape(layout: BlockDef[], items: Map<string, T2Row>): ShapeIssue[] {
  const missingRows: string[] = [];
  const missingCols = new Set<string>();
  for (const b of layout)
    for (const item of b.items) {
      const row = items.get(`${b.block}:${labelKey(item)}`);
      if (!row) missingRows.push(`第二十条第（${b.block}）项 ${item}`);
      else for (const c of b.cols) if (!row.values[c.id]) missingCols.add(`第二十条第（${b.block}）项 ${c.canon}`);
    }
  const out: ShapeIssue[] = [];
  if (missingRows.length) out.push({ kind: 'missing-row', names: missingRows });
  if (missingCols.size) out.push({ kind: 'missing-col', names: [...missingCols] });
  return out;
}

export function parseT2(t: LogicalTable): T2 {
  const shape: ShapeIssue[] = [];
  const labels: LabelIssue[] = [];
  const { raw, markers } = readBlocks(t, labels);
  // Columns decide: the format whose columns the table has (both: the one with more of them).
  const format: TableFormat =
    !markers.m2021.length && !markers.m2019.length
      ? 'unknown'
      : markers.m2021.length >= markers.m2019.length
        ? '2021'
        : '2019';
  const layout = format === 'unknown' ? [] : T2_LAYOUT[format];
  const items = new Map<string, T2Row>();
  const values: TableValue[] = [];
  for (const r of raw) {
    const hit = itemOf(
      layout.find((b) => b.block === r.block),
      r.label,
    );
    const item = hit?.item ?? r.label;
    if (hit?.fuzzy) addLabel(labels, { found: r.label, expected: item, cell: r.labelCell });
    const n = Object.keys(r.values).length;
    if (r.stray.length)
      shape.push({ kind: 'extra-cell', row: r.label, cells: r.stray, headerWidth: n, rowWidth: n + r.stray.length });
    for (const c of ALL_COLS.filter((x) => r.values[x.id])) {
      const uncertain = r.stray.length > 0;
      values.push({
        v: r.values[c.id],
        row: r.label,
        col: r.cols[c.id],
        count: !c.amount,
        signed: !!c.signed,
        uncertain,
      });
    }
    const key = `${r.block}:${labelKey(item)}`;
    if (items.has(key)) addDuplicate(shape, r.label, r.labelCell);
    else items.set(key, { block: r.block, item: labelKey(item), label: r.label, values: r.values, cols: r.cols });
  }
  shape.push(...missingShape(layout, items));
  const colCount = Math.max(0, ...[...items.values()].map((r) => Object.keys(r.values).length));
  return { id: 't2', format, table: t, items, markers, shape, labels, values, rowCount: items.size, colCount };
}

/** Column ranges of a 信息内容 header row; a header spanning padding up to the next one owns it. */
function headerOf(row: TRow, first: GridCell): (ColRange & { def: ColDef })[] {
  const ranges: (ColRange & { def: ColDef })[] = [];
  for (let c = endCol(row, first); c < row.cells.length; c++) {
    const cell = row.cells[c];
    if (!row.origin[c] || !cell.key) continue;
    const hit = colDef(cell.key);
    if (!hit) continue;
    ranges.push({
      id: hit.def.id,
      label: cell.label,
      start: c,
      end: c + cell.colSpan,
      headers: [cell],
      fuzzy: hit.fuzzy,
      def: hit.def,
    });
  }
  ranges.forEach((r, i) => (r.end = Math.max(r.end, i + 1 < ranges.length ? ranges[i + 1].start : r.end)));
  return ranges;
}
