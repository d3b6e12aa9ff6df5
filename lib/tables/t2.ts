// Table 二: proactive disclosure under 第二十条, read block by block: a caption row
// "第二十条第（X）项", a header row starting 信息内容, then item rows. Both formats share the
// reader; the format decides which items and columns are expected.

import { labelKey } from '../text/normalize';
import { rowCells, strayCells, valueAt, type ColRange, type LogicalTable, type ValueCell } from './logical';
import {
  addDuplicate,
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
const MARKERS_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '行政规范性文件', '本年处理决定数量'];
const MARKERS_2019 = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '其他对外管理服务事项',
  '政府集中采购',
  '采购项目数量',
  '采购总金额',
  '规范性文件',
  '处理决定数量',
];

/** Format markers present in a set of keys (exact key match, so 行政规范性文件 ≠ 规范性文件). */
export function t2Markers(keys: string[]): { m2021: string[]; m2019: string[] } {
  const set = new Set(keys.map((k) => k.replace(/\(单位:万元\)/, '')));
  return {
    m2021: MARKERS_2021.filter((m) => set.has(labelKey(m))).concat(
      keys.some((k) => /^本年收费金额/.test(k)) ? ['本年收费金额'] : [],
    ),
    m2019: MARKERS_2019.filter((m) => set.has(labelKey(m))).concat(
      keys.some((k) => /第二十条第\(九\)项/.test(k)) ? ['第二十条第（九）项'] : [],
    ),
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

function colDef(key: string): ColDef | undefined {
  const k = key.replace(/\(单位:?(万元|元)\)/, '');
  return (
    ALL_COLS.find((c) => labelKey(c.canon).replace(/\(单位:万元\)/, '') === k) ??
    ALL_COLS.find((c) => k.includes(labelKey(c.canon).replace(/\(单位:万元\)/, '')))
  );
}

export function parseT2(t: LogicalTable): T2 {
  const shape: ShapeIssue[] = [];
  const labels: LabelIssue[] = [];
  const items = new Map<string, T2Row>();
  const values: TableValue[] = [];
  const keys: string[] = [];
  let block = '';
  let ranges: (ColRange & { def: ColDef })[] = [];
  for (const row of t.rows) {
    const cells = rowCells(row);
    if (!cells.length) continue;
    for (const c of cells) keys.push(c.key);
    const caption = cells.map((c) => /第二十条第\(([一二三四五六七八九十]+)\)项/.exec(c.key)).find(Boolean);
    if (caption) {
      block = caption[1];
      ranges = [];
      continue;
    }
    const first = cells[0];
    if (/^信息内容/.test(first.key)) {
      ranges = [];
      for (let c = first.col + first.colSpan; c < row.cells.length; c++) {
        const cell = row.cells[c];
        if (!row.origin[c] || !cell.key) continue;
        const def = colDef(cell.key);
        if (!def) continue;
        ranges.push({
          id: def.id,
          label: cell.label,
          start: c,
          end: c + cell.colSpan,
          headers: [cell],
          fuzzy: false,
          def,
        });
      }
      // A header that spans padding cells up to the next header owns them.
      ranges.forEach((r, i) => (r.end = Math.max(r.end, i + 1 < ranges.length ? ranges[i + 1].start : r.end)));
      continue;
    }
    if (!ranges.length) continue;
    const item = first.label;
    const rowValues: Record<string, ValueCell> = {};
    const colLabels: Record<string, string> = {};
    const stray = strayCells(row, ranges, first.col + first.colSpan);
    if (stray.length)
      shape.push({
        kind: 'extra-cell',
        row: item,
        cells: stray,
        headerWidth: ranges.length,
        rowWidth: ranges.length + stray.length,
      });
    for (const r of ranges) {
      const v = valueAt(row, r);
      rowValues[r.def.id] = v;
      colLabels[r.def.id] = r.label;
      values.push({
        v,
        row: item,
        col: r.label,
        count: !r.def.amount,
        signed: !!r.def.signed,
        uncertain: stray.length > 0,
      });
    }
    const key = `${block}:${labelKey(item)}`;
    if (items.has(key)) addDuplicate(shape, item, first);
    else items.set(key, { block, item: labelKey(item), label: item, values: rowValues, cols: colLabels });
  }
  const markers = t2Markers(keys);
  const format: TableFormat =
    markers.m2021.length && !markers.m2019.length
      ? '2021'
      : markers.m2019.length && !markers.m2021.length
        ? '2019'
        : markers.m2019.length && markers.m2021.length
          ? markers.m2021.length >= markers.m2019.length
            ? '2021'
            : '2019'
          : 'unknown';
  if (format !== 'unknown') {
    const missingRows: string[] = [];
    const missingCols: string[] = [];
    for (const b of T2_LAYOUT[format]) {
      for (const item of b.items) {
        const row = items.get(`${b.block}:${labelKey(item)}`);
        if (!row) {
          missingRows.push(`第二十条第（${b.block}）项 ${item}`);
          continue;
        }
        for (const c of b.cols) if (!row.values[c.id]) missingCols.push(`第二十条第（${b.block}）项 ${c.canon}`);
      }
    }
    if (missingRows.length) shape.push({ kind: 'missing-row', names: missingRows });
    const uniq = [...new Set(missingCols)];
    if (uniq.length) shape.push({ kind: 'missing-col', names: uniq });
  }
  return {
    id: 't2',
    format,
    table: t,
    items,
    markers,
    shape,
    labels,
    values,
    rowCount: items.size,
    colCount: Math.max(0, ...[...items.values()].map((r) => Object.keys(r.values).length)),
  };
}
