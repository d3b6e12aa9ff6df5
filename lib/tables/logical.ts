// A logical table is one or more <table> elements read as one (Word splits tables at page
// breaks; portals often give table 二 as one <table> per block). Rows keep which slots are
// origins so every rule can tell a written cell from a span continuation or padding.

import type { Grid, GridCell } from './grid';
import { parseValue, type ParsedValue } from '../text/normalize';

export interface TRow {
  cells: GridCell[];
  /** origin[c]: the cell starts at this slot of this row. */
  origin: boolean[];
  /** Cells the page wrote in this <tr>. */
  written: number;
  /** Columns this row's <table> is shifted right in the logical table (cell.col is per <table>). */
  shift: number;
  tr: Element | null;
}

export interface LogicalTable {
  els: Element[];
  rows: TRow[];
  width: number;
}

export function toLogical(grids: Grid[]): LogicalTable {
  const width = Math.max(0, ...grids.map((g) => g.width));
  const rows: TRow[] = [];
  for (const g of grids) {
    const shift = width - g.width; // continuation parts are right-aligned: values sit at the right edge
    const trs = Array.from(g.table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === g.table);
    g.rows.forEach((cells, r) => {
      const pad: GridCell[] = [];
      for (let i = 0; i < shift; i++)
        pad.push({ ...cells[0], el: null, text: '', label: '', key: '', col: i, colSpan: 1, rowSpan: 1 });
      const all = pad.concat(cells);
      rows.push({
        cells: all,
        origin: all.map((cell, c) => cell.el !== null && cell.row === r && cell.col === c - shift),
        written: g.rowWidths[r],
        shift,
        tr: trs[r] ?? null,
      });
    });
  }
  return { els: grids.map((g) => g.table), rows, width };
}

/** The logical column where a cell of this row ends (cell.col counts within its own <table>). */
export const endCol = (row: TRow, cell: GridCell) => row.shift + cell.col + cell.colSpan;
export const startCol = (row: TRow, cell: GridCell) => row.shift + cell.col;

/** Distinct non-empty cells of a row within [from, to), left to right (spans deduplicated). */
export function rowCells(row: TRow, from = 0, to = row.cells.length): GridCell[] {
  const out: GridCell[] = [];
  for (let c = from; c < to; c++) {
    const cell = row.cells[c];
    if (cell.key && !out.includes(cell)) out.push(cell);
  }
  return out;
}

/** All keys of a logical table's cells, for recognition. */
export function tableKeys(t: LogicalTable): string[] {
  const keys: string[] = [];
  for (const row of t.rows) for (const cell of rowCells(row)) keys.push(cell.key);
  return keys;
}

export interface ColRange {
  /** Canonical key the column matched (e.g. "natural"). */
  id: string;
  /** The lowest header cell's text as the report wrote it ("社会组织"). */
  label: string;
  start: number;
  end: number;
  /** Header cells, for overlay targets. */
  headers: GridCell[];
  /** The header text differs from the canonical label. */
  fuzzy: boolean;
}

/**
 * Column ranges from header rows [from, to): each grid column's header is the concatenation of
 * the distinct cells above it (so "商业" / "企业" split across rows and one-character-per-line
 * labels join up); adjacent columns with the same classification form one range.
 */
export function headerRanges(
  t: LogicalTable,
  from: number,
  to: number,
  classify: (key: string) => { id: string; fuzzy: boolean } | null,
  ignore: (key: string) => boolean = () => false,
): ColRange[] {
  const ranges: ColRange[] = [];
  for (let c = 0; c < t.width; c++) {
    const cells: GridCell[] = [];
    for (let r = from; r < to; r++) {
      const cell = t.rows[r].cells[c];
      // A number is never a header, wherever the header rows seem to end.
      if (!cell.el || !cell.key || ignore(cell.key) || cells.includes(cell)) continue;
      if (parseValue(cell.text).kind !== 'number') cells.push(cell);
    }
    const key = cells.map((x) => x.key).join('');
    const hit = key ? classify(key) : null;
    if (!hit) continue;
    const prev = ranges[ranges.length - 1];
    if (prev && prev.id === hit.id && prev.end === c) {
      prev.end = c + 1;
      continue;
    }
    if (ranges.some((r) => r.id === hit.id)) continue; // a repeated header: keep the first
    ranges.push({
      id: hit.id,
      label: cells[cells.length - 1].label,
      start: c,
      end: c + 1,
      headers: cells,
      fuzzy: hit.fuzzy,
    });
  }
  return ranges;
}

export type ValueCell = ParsedValue & {
  cell: GridCell | null;
  raw: string;
  /** Not written in this row: a span from another row, or no slot at all. */
  spanned: boolean;
};

/** The value of a row under a column range: the first written, non-empty cell inside it. */
export function valueAt(row: TRow, range: { start: number; end: number }): ValueCell {
  let first: GridCell | null = null;
  for (let c = range.start; c < range.end && c < row.cells.length; c++) {
    if (!row.origin[c]) continue;
    const cell = row.cells[c];
    first ??= cell;
    if (cell.text) return { ...parseValue(cell.text), cell, raw: cell.text, spanned: false };
  }
  if (first) return { ...parseValue(''), cell: first, raw: '', spanned: false };
  const cell = row.cells[range.start] ?? null;
  return { kind: 'placeholder', value: 0, cell: cell?.el ? cell : null, raw: cell?.text ?? '', spanned: true };
}

export interface RowRead {
  values: ValueCell[];
  /** Written, non-empty cells under no header: the row is wider than its header. */
  stray: GridCell[];
}

/**
 * A row's values under its column ranges, reading only cells right of the row's own labels
 * (`from`). By position when every value there reads as a number or placeholder. Otherwise the
 * row drifted against its header (a label cell widened over a value column, a stray empty cell at
 * the end, a colspan off by one) and its written cells are taken in order — when, trailing empty
 * cells aside, there are exactly as many as columns: template labels are labels wherever they
 * sit, and values are the numbers under the value headers.
 */
export function readRow(row: TRow, ranges: { start: number; end: number }[], from: number): RowRead {
  const at = (r: { start: number; end: number }) => valueAt(row, { start: Math.max(r.start, from), end: r.end });
  const positional = ranges.map(at);
  const stray = strayCells(row, ranges, from);
  const written: GridCell[] = [];
  let early = false; // values under the label columns: the row slid left (a label's span ran short)
  const first = Math.min(...ranges.map((r) => r.start));
  for (let c = from; c < row.cells.length; c++)
    if (row.origin[c]) {
      written.push(row.cells[c]);
      if (c < first && row.cells[c].text) early = true;
    }
  if (!early && !stray.length && positional.every((v) => v.kind !== 'text')) return { values: positional, stray };
  while (written.length > ranges.length && !written[written.length - 1].text) written.pop();
  if (written.length !== ranges.length || written.some((c) => parseValue(c.text).kind === 'text'))
    return { values: positional, stray };
  const values = written.map((cell) => ({ ...parseValue(cell.text), cell, raw: cell.text, spanned: false }));
  return { values, stray: [] };
}

/** Written, non-empty cells of a row that fall under no range at or right of `from`. */
export function strayCells(row: TRow, ranges: { start: number; end: number }[], from: number): GridCell[] {
  const out: GridCell[] = [];
  for (let c = from; c < row.cells.length; c++) {
    if (!row.origin[c] || !row.cells[c].text) continue;
    if (!ranges.some((r) => c >= r.start && c < r.end)) out.push(row.cells[c]);
  }
  return out;
}

/** Whether the value cell is blank or a placeholder read as 0 (decides violation vs review). */
export function isSoft(v: ValueCell): boolean {
  return v.kind === 'placeholder' || v.spanned;
}
