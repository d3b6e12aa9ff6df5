// Every value cell of the recognised tables, with the table it belongs to.
import type { ReportModel } from '../report/build';
import { TABLE_NAMES, type TableBase, type TableValue } from '../tables/model';

export function* allValues(r: ReportModel): Generator<{ t: TableBase; tv: TableValue; where: string }> {
  for (const t of [r.tables.t2, r.tables.t3, r.tables.t4]) {
    if (!t) continue;
    for (const tv of t.values) yield { t, tv, where: `${TABLE_NAMES[t.id].zh.slice(0, 2)}${tv.row} / ${tv.col}` };
  }
}
