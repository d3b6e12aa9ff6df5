// What the rules see of a recognised table: its format, shape and label problems found while
// reading it, and every value cell with what kind of quantity it holds.

import type { TableId } from '../result';
import type { GridCell } from './grid';
import type { LogicalTable, ValueCell } from './logical';

export type { TableId };
export type TableFormat = '2021' | '2019' | 'unknown';

export type ShapeIssue =
  | { kind: 'missing-row'; names: string[] }
  | { kind: 'missing-col'; names: string[] }
  | { kind: 'extra-cell'; row: string; cells: GridCell[]; headerWidth: number; rowWidth: number }
  | { kind: 'duplicate-row'; names: string[]; cells: GridCell[] };

/** Record a repeated row; all repeats of a table become one issue (a table pasted twice is one defect). */
export function addDuplicate(shape: ShapeIssue[], name: string, cell: GridCell): void {
  let dup = shape.find((s) => s.kind === 'duplicate-row');
  if (!dup) shape.push((dup = { kind: 'duplicate-row', names: [], cells: [] }));
  if (dup.kind !== 'duplicate-row') return;
  if (!dup.names.includes(name)) dup.names.push(name);
  dup.cells.push(cell);
}

export interface LabelIssue {
  found: string;
  expected: string;
  cell: GridCell;
}

/** Record a deviating label once per table (a header repeated after a page break is one label). */
export function addLabel(labels: LabelIssue[], issue: LabelIssue): void {
  if (!labels.some((l) => l.found === issue.found && l.expected === issue.expected)) labels.push(issue);
}

export interface TableValue {
  v: ValueCell;
  row: string;
  col: string;
  /** A count: must be a non-negative integer. False for money amounts. */
  count: boolean;
  /** May be negative (2019 本年增/减). */
  signed: boolean;
  /** The row has stray cells, so which value sits under which header is uncertain. */
  uncertain: boolean;
}

export interface TableBase {
  id: TableId;
  format: TableFormat;
  table: LogicalTable;
  shape: ShapeIssue[];
  labels: LabelIssue[];
  values: TableValue[];
  rowCount: number;
  colCount: number;
}

/** The part of the report each table belongs to (二、三、四), and back. */
export const TABLE_PART: Record<TableId, 2 | 3 | 4> = { t2: 2, t3: 3, t4: 4 };
export const PART_TABLES = Object.entries(TABLE_PART).map(([id, n]) => [n, id as TableId] as const);

export const TABLE_SHORT: Record<TableId, { zh: string; en: string }> = {
  t2: { zh: '表二', en: 'Table 2' },
  t3: { zh: '表三', en: 'Table 3' },
  t4: { zh: '表四', en: 'Table 4' },
};

export const TABLE_NAMES: Record<TableId, { zh: string; en: string }> = {
  t2: { zh: '二、主动公开政府信息情况', en: 'Table 2 (proactive disclosure)' },
  t3: { zh: '三、收到和处理政府信息公开申请情况', en: 'Table 3 (applications)' },
  t4: { zh: '四、政府信息公开行政复议、行政诉讼情况', en: 'Table 4 (review and litigation)' },
};
