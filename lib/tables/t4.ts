// Table 四: administrative review and litigation, one value row of 15 cells in three groups.

import type { GridCell } from './grid';
import { endCol, headerRanges, readRow, type ColRange, type LogicalTable, type TRow, type ValueCell } from './logical';
import { addLabel, type LabelIssue, type ShapeIssue, type TableBase, type TableValue } from './model';
import { labelKey, parseValue } from '../text/normalize';

export const T4_GROUPS = [
  { id: 'review', canon: '行政复议' },
  { id: 'direct', canon: '行政诉讼 / 未经复议直接起诉' },
  { id: 'after', canon: '行政诉讼 / 复议后起诉' },
] as const;
export const T4_KINDS = [
  { id: 'upheld', canon: '结果维持', re: /维持/ },
  { id: 'corrected', canon: '结果纠正', re: /纠正/ },
  { id: 'other', canon: '其他结果', re: /其他/ },
  { id: 'pending', canon: '尚未审结', re: /审结|未结/ },
  { id: 'total', canon: '总计', re: /总计|合计|小计/ },
] as const;
export type T4Group = (typeof T4_GROUPS)[number]['id'];
export type T4Kind = (typeof T4_KINDS)[number]['id'];

export interface T4 extends TableBase {
  id: 't4';
  valueRow: TRow | null;
  cols: Map<string, ColRange>;
  values: TableValue[];
  cells: Partial<Record<`${T4Group}.${T4Kind}`, ValueCell>>;
  uncertain: boolean;
}

function classify(key: string): { id: string; fuzzy: boolean } | null {
  const group = /复议后/.test(key)
    ? 'after'
    : /未经复议|直接起诉/.test(key)
      ? 'direct'
      : /行政复议|复议/.test(key)
        ? 'review'
        : null;
  const kind = T4_KINDS.find((k) => k.re.test(key.replace(/行政复议|行政诉讼|未经复议直接起诉|复议后起诉/g, '')));
  if (!group || !kind) return null;
  const leaf = key.replace(/^.*(行政复议|直接起诉|复议后起诉)/, '');
  return { id: `${group}.${kind.id}`, fuzzy: leaf !== kind.canon };
}

export function isT4(keys: string[]): boolean {
  const has = (label: string) => keys.some((k) => k.includes(label));
  return (has('行政复议') && has('行政诉讼')) || (has('结果维持') && has('尚未审结'));
}

const isValue = (text: string) => parseValue(text).kind !== 'text';

/**
 * The value row: the first row below a header whose written cells, after any leading label cells
 * ("件数"), are all numbers or blanks — at least five of them. Numbers are never header labels.
 * A table left blank (a row of empty cells for "none") is read as that row of blanks.
 */
function findValueRow(t: LogicalTable): { index: number; from: number } | null {
  let blank: { index: number; from: number } | null = null;
  for (let i = 1; i < t.rows.length; i++) {
    const row = t.rows[i];
    const written: GridCell[] = [];
    row.cells.forEach((c, j) => row.origin[j] && written.push(c));
    let lead = 0;
    while (lead < written.length && written[lead].text && !isValue(written[lead].text)) lead++;
    const rest = written.slice(lead);
    if (rest.length < 5 || !rest.every((c) => !c.text || isValue(c.text))) continue;
    const found = { index: i, from: lead ? endCol(row, written[lead - 1]) : 0 };
    if (rest.some((c) => c.text)) return found;
    blank ??= found;
  }
  return blank;
}

/** Table 四's columns: group × kind, from the headers above the value row; labels that deviate. */
function t4Columns(t: LogicalTable, headerEnd: number, labels: LabelIssue[]) {
  const ranges = headerRanges(t, 0, headerEnd, classify);
  const cols = new Map(ranges.map((r) => [r.id, r]));
  for (const r of ranges) {
    const kind = T4_KINDS.find((k) => r.id.endsWith(k.id))!;
    if (r.fuzzy && !/^\s*$/.test(r.label) && labelKey(r.label) !== kind.canon)
      addLabel(labels, { found: r.label, expected: kind.canon, cell: r.headers[r.headers.length - 1] });
  }
  const ids: `${T4Group}.${T4Kind}`[] = [];
  const missing: string[] = [];
  for (const g of T4_GROUPS)
    for (const k of T4_KINDS) {
      const id = `${g.id}.${k.id}` as const;
      if (cols.has(id)) ids.push(id);
      else missing.push(`${g.canon} / ${k.canon}`);
    }
  ids.sort((a, b) => cols.get(a)!.start - cols.get(b)!.start); // left to right, as the cells are read
  return { ranges, cols, ids, missing };
}

export function parseT4(t: LogicalTable): T4 {
  const shape: ShapeIssue[] = [];
  const labels: LabelIssue[] = [];
  const found = findValueRow(t);
  const row = found ? t.rows[found.index] : null;
  const { ranges, cols, ids, missing } = t4Columns(t, found ? found.index : t.rows.length, labels);
  const cells: T4['cells'] = {};
  const values: TableValue[] = [];
  let uncertain = false;
  if (row && found) {
    const read = readRow(
      row,
      ids.map((id) => cols.get(id)!),
      found.from,
    );
    if (read.stray.length) {
      uncertain = true;
      shape.push({
        kind: 'extra-cell',
        row: '数值行',
        cells: read.stray,
        headerWidth: ids.length,
        rowWidth: read.count,
      });
    }
    ids.forEach((id, i) => {
      const v = read.values[i];
      cells[id] = v;
      const [g, k] = [T4_GROUPS.find((x) => id.startsWith(x.id))!, T4_KINDS.find((x) => id.endsWith(x.id))!];
      values.push({ v, row: g.canon, col: k.canon, count: true, signed: false, uncertain });
    });
  }
  if (missing.length) shape.push({ kind: 'missing-col', names: missing });
  if (!row) shape.push({ kind: 'missing-row', names: ['数值行'] });
  const [rowCount, colCount] = [row ? 1 : 0, ranges.length];
  return {
    id: 't4',
    format: 'unknown',
    table: t,
    valueRow: row,
    cols,
    values,
    cells,
    uncertain,
    shape,
    labels,
    rowCount,
    colCount,
  };
}
