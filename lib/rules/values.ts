// Every value cell of the recognised tables, with the table it belongs to.
import type { ReportModel } from '../report/build';
import { TABLE_NAMES, type TableBase, type TableValue } from '../tables/model';
import type { Emitted, Params } from './types';

export interface ValueAt {
  t: TableBase;
  tv: TableValue;
  /** "表三（七）总计 / 自然人" */
  where: string;
}

export function* allValues(r: ReportModel): Generator<ValueAt> {
  for (const t of [r.tables.t2, r.tables.t3, r.tables.t4]) {
    if (!t) continue;
    for (const tv of t.values) yield { t, tv, where: `${TABLE_NAMES[t.id].zh.slice(0, 2)}${tv.row} / ${tv.col}` };
  }
}

/** A finding about one value cell: its table, row and column, and what it holds. */
export const aboutCell = ({ t, tv, where }: ValueAt, params: Params, actual: string | number): Emitted => ({
  params: { where, ...params },
  table: t.id,
  row: tv.row,
  col: tv.col,
  location: where,
  targets: [tv.v.cell?.el],
  actual,
});
