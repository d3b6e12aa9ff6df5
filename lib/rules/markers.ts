// Where a format marker sits on the page: the table cells whose label is one of the markers.
import type { ReportModel } from '../report/build';
import { labelKey } from '../text/normalize';

export function markerCells(r: ReportModel, markers: string[]): Element[] {
  const keys = new Set(markers.map(labelKey));
  const out: Element[] = [];
  for (const t of [r.tables.t2, r.tables.t3]) {
    if (!t) continue;
    for (const row of t.table.rows)
      for (const cell of row.cells)
        if (cell.el && keys.has(cell.key.replace(/\(单位:万元\)/, '')) && !out.includes(cell.el)) out.push(cell.el);
  }
  if (markers.some((m) => m.startsWith('三、（六）')) && r.tables.t3) {
    const six = r.tables.t3.rows.get('r6') ?? r.tables.t3.rows.get('r6.1');
    if (six) out.push(six.labelCell.el!);
  }
  return out;
}
