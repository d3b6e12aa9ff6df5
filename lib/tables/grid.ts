// The one table parser: expands rowspan/colspan once into a rectangular grid. Every grid slot
// points at the cell object whose origin covers it, so each source <td>/<th> is placed exactly
// once (at its origin) and spans are shared references. Malformed spans never throw.

import { textOf } from '../dom/text';
import { collapse, labelKey, tidy } from '../text/normalize';

export interface GridCell {
  /** Source element, or null for the (shared) padding of ragged rows. */
  el: Element | null;
  /** Collapsed text (newlines from <br> kept as spaces). */
  text: string;
  /** Display label ("结果纠正" for "结果<br>纠正"). */
  label: string;
  /** Comparison key (labelKey of text). */
  key: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Index of the source <table> within a logical (merged) table. */
  part: number;
}

export interface Grid {
  table: Element;
  /** rows[r][c]: rectangular; padding slots have el === null. */
  rows: GridCell[][];
  width: number;
  /** Number of origin cells per row (what the page actually wrote in that <tr>). */
  rowWidths: number[];
  /** The <tr> of each row. */
  trs: Element[];
}

// Bounds for hostile markup; report tables have about 4 to 16 columns and 30 rows.
export const MAX_COLSPAN = 64;
export const MAX_WIDTH = 200;
export const MAX_ROWS = 20000;

function span(el: Element, attr: string, max: number): number {
  const raw = el.getAttribute(attr);
  if (raw === null) return 1;
  const n = parseInt(raw, 10);
  if (!Number.isFinite(n) || n < 1) return attr === 'rowspan' && n === 0 ? max : 1; // rowspan=0: to the end
  return Math.min(n, max);
}

function makeCell(el: Element | null, r: number, c: number, rowSpan: number, colSpan: number, part: number): GridCell {
  const text = el ? collapse(textOf(el)) : '';
  return { el, text, label: tidy(text), key: labelKey(text), row: r, col: c, rowSpan, colSpan, part };
}

/** Rows of a table, excluding rows of nested tables. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    if (child.tagName === 'TR') rows.push(child);
    else if (child.tagName === 'TBODY' || child.tagName === 'THEAD' || child.tagName === 'TFOOT')
      for (const tr of Array.from(child.children)) if (tr.tagName === 'TR') rows.push(tr);
  }
  return rows.slice(0, MAX_ROWS);
}

export function buildGrid(table: Element, part = 0): Grid {
  const trs = tableRows(table);
  const rows: (GridCell | undefined)[][] = trs.map(() => []);
  const rowWidths: number[] = [];
  let width = 0;
  trs.forEach((tr, r) => {
    let c = 0;
    let count = 0;
    for (const td of Array.from(tr.children)) {
      if (td.tagName !== 'TD' && td.tagName !== 'TH') continue;
      while (rows[r][c]) c++;
      if (c >= MAX_WIDTH) break; // rowspan=0 cells can push a row arbitrarily far right
      let rowSpan = span(td, 'rowspan', trs.length - r);
      const colSpan = Math.min(span(td, 'colspan', MAX_COLSPAN), MAX_WIDTH - c);
      // A span stops where an earlier cell already sits (overlapping spans are malformed), so
      // every slot is written once and hostile spans cost O(rows × width), not more.
      for (let dr = 1; dr < rowSpan; dr++)
        if (rows[r + dr].slice(c, c + colSpan).some(Boolean)) {
          rowSpan = dr;
          break;
        }
      const cell = makeCell(td, r, c, rowSpan, colSpan, part);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) rows[r + dr][c + dc] = cell;
      c += colSpan;
      count++;
    }
    rowWidths.push(count);
    width = Math.max(width, rows[r].length);
  });
  const pad = makeCell(null, -1, -1, 1, 1, part); // one shared filler for ragged rows
  const full = rows.map((row) => {
    const out: GridCell[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = row[c] ?? pad;
    return out;
  });
  return { table, rows: full, width, rowWidths, trs };
}

/** True when the grid slot (r, c) is where its cell starts (not a span continuation). */
export function isOrigin(cell: GridCell, r: number, c: number): boolean {
  return cell.row === r && cell.col === c;
}
