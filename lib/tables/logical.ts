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

/** A grid row's words, for recognising a repeated header. */
const rowKey = (cells: GridCell[]) => [...new Set(cells.filter((c) => c.el))].map((c) => c.key).join('|');

/** Columns up to the last one holding any text: trailing empty cells (a stray empty <td>) do not count. */
function usedWidth(g: Grid): number {
  let used = 0;
  for (const row of g.rows) for (let c = row.length - 1; c >= used; c--) if (row[c].text) used = c + 1;
  return used;
}

export function toLogical(grids: Grid[]): LogicalTable {
  // Continuation parts are right-aligned by the columns they use: values sit at the right edge.
  const used = grids.map(usedWidth);
  const right = Math.max(0, ...used);
  const shifts = used.map((u) => right - u);
  const width = Math.max(0, ...grids.map((g, i) => g.width + shifts[i]));
  const rows: TRow[] = [];
  const headKeys = grids.length ? grids[0].rows.map(rowKey) : [];
  grids.forEach((g, i) => {
    const shift = shifts[i];
    // A part split off at a page break may repeat the table's first rows (its header): skip them.
    let repeat = 0;
    while (i > 0 && repeat < g.rows.length && headKeys[repeat] && rowKey(g.rows[repeat]) === headKeys[repeat]) repeat++;
    g.rows.forEach((cells, r) => {
      if (r < repeat) return;
      const pad: GridCell[] = [];
      for (let j = 0; j < shift; j++)
        pad.push({ ...cells[0], el: null, text: '', label: '', key: '', col: j, colSpan: 1, rowSpan: 1 });
      const all = pad.concat(cells);
      for (let j = all.length; j < width; j++)
        all.push({ ...cells[0], el: null, text: '', label: '', key: '', col: j, colSpan: 1, rowSpan: 1 });
      rows.push({
        cells: all,
        origin: all.map((cell, c) => cell.el !== null && cell.row === r && cell.col === c - shift),
        written: g.rowWidths[r],
        shift,
        tr: g.trs[r] ?? null,
      });
    });
  });
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

export interface ColRange {
  /** Canonical key the column matched (e.g. "natural"). */
  id: string;
  /** The column's own header text as the report wrote it ("社会组织"; "商业" over "企业" joined). */
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
    // The column's own label: its narrowest header cells, joined ("商业" over "企业" is 商业企业; the
    // group header 法人或其他组织 above them spans five columns).
    const narrow = Math.min(...cells.map((x) => x.colSpan));
    ranges.push({
      id: hit.id,
      label: cells
        .filter((x) => x.colSpan === narrow)
        .map((x) => x.label)
        .join(''),
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
  /** Cells the row wrote right of its labels (what a reader counts, whatever their spans). */
  count: number;
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
  const count = written.length;
  if (!early && !stray.length && positional.every((v) => v.kind !== 'text'))
    return { values: positional, stray, count };
  while (written.length > ranges.length && !written[written.length - 1].text) written.pop();
  if (written.length !== ranges.length || written.some((c) => parseValue(c.text).kind === 'text'))
    return { values: positional, stray, count };
  const values = written.map((cell) => ({ ...parseValue(cell.text), cell, raw: cell.text, spanned: false }));
  return { values, stray: [], count };
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
export function isSoft(v: Pick<ValueCell, 'kind' | 'spanned'>): boolean {
  return v.kind === 'placeholder' || v.spanned;
}
