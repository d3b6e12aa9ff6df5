// Ruled tables of a PDF written as HTML tables, one table however many pages it runs over: the
// part on the next page joins the part before when its outer edges match, its columns are the same
// or finer/coarser (a row group with merged columns fell on one page only), a repeated header is
// dropped, and cells the page break cut in two (a row, or a cell spanning rows) are made whole again.
import { joinText, type Cell, type TableBlock } from './pdf-layout';
import { place, placed } from './placed';

/** Edges within this many points are the same column edge. */
const NEAR = 3;
const near = (a: number, b: number) => Math.abs(a - b) <= NEAR;

/** A cell at a table's foot, by its horizontal extent (the next page's part may have other columns). */
interface Foot {
  td: HTMLTableCellElement;
  x0: number;
  x1: number;
}

/** A table being written. */
export interface TableWriter {
  block: TableBlock;
  tbody: HTMLTableSectionElement;
  /** Column edges of all its parts so far. */
  edges: number[];
  /** The first rows' texts, to know a repeated header. */
  head: string[];
  foot: Foot[];
}

const rowKey = (cells: Cell[], row: number) =>
  cells
    .filter((c) => c.row === row)
    .map((c) => c.text)
    .join('|');

/** A row label's numbering: （三）, 三、, 1. or 1、 (every label of these tables has one). */
const NUMBERED = /^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])/;
const NUMBER = /^[\s\d.,，%-]+$/;
/** A header row: no cell holds a number. */
const isHeader = (texts: string[]) => !texts.some((t) => NUMBER.test(t));

/**
 * One edge list from two (a part with finer columns adds its edges), or null when they are not one
 * table's. The new part may start at an inner edge: its left columns are a cell spanning rows whose
 * rest the printer left undrawn.
 */
function unionEdges(a: number[], b: number[]): number[] | null {
  const within = (xs: number[], ys: number[]) => xs.every((x) => ys.some((y) => near(x, y)));
  if (!within(a, b) && !within(b, a)) return null;
  // A part may also run further right, with the same left edge: rows of unequal length (a header
  // row with fewer cells than the data rows) draw no rules where they have no cells.
  const left = near(a[a.length - 1], b[b.length - 1]) ? a.some((x) => near(x, b[0])) : near(a[0], b[0]);
  if (!left) return null;
  return [...a, ...b.filter((x) => !a.some((y) => near(x, y)))].sort((p, q) => p - q);
}

/** How many of the edges' columns [x0, x1] spans. */
const spanOf = (edges: number[], x0: number, x1: number) =>
  Math.max(1, edges.filter((x) => x > x0 + NEAR && x < x1 - NEAR).length + 1);

/**
 * Whether a cell at the top of a continued table is the cell above it going on: the rest of a
 * cut row; empty under a cell spanning rows; a label's unnumbered rest under its numbered start
 * ("（四）无" / "法提供"); or, between two header rows, the rest of a header cut in two ("结果" / "维持").
 */
function goesOn(above: HTMLTableCellElement, text: string, cut: { row: boolean; header: boolean }): boolean {
  if (cut.row) return true;
  const start = above.textContent ?? '';
  if (cut.header && !NUMBER.test(start)) return true;
  if (!text) return above.rowSpan > 1;
  return NUMBERED.test(start) && !NUMBERED.test(text) && !NUMBER.test(text) && !NUMBER.test(start);
}

/** Write a part's rows; the number of rows it added (a cut row's rest adds none). */
function writeRows(w: TableWriter, block: TableBlock, page: number, continued: boolean): number {
  const doc = w.tbody.ownerDocument;
  // The page break cut a row in two: this page's first row is the rest of the last one.
  const row = continued && block.openTop && w.block.openBottom;
  // A header the writer repeated on the new page is not data: skip as many leading rows as repeat it.
  let skip = 0;
  if (continued && !row)
    while (skip < w.head.length && skip < block.rows && rowKey(block.cells, skip) === w.head[skip]) skip++;
  const first = block.cells.filter((c) => c.row === skip);
  const header = continued && isHeader(w.foot.map((f) => f.td.textContent ?? '')) && isHeader(first.map((c) => c.text));
  // The cells of the first row that go on from the cell above them at the last part's foot.
  const joins = first.map((c) => {
    const above = continued ? w.foot.find((f) => near(f.x0, c.box.x) && near(f.x1, c.box.x + c.box.w)) : undefined;
    return above && goesOn(above.td, c.text, { row, header }) ? above : undefined;
  });
  // All of them do: that row is the rest of the last one, not a row of its own.
  const rest = row || (first.length > 0 && joins.every(Boolean));
  const foot: Foot[] = [];
  let added = 0;
  for (let r = skip; r < block.rows; r++) {
    let tr: HTMLTableRowElement | null = null;
    for (const c of block.cells.filter((x) => x.row === r)) {
      const [x0, x1] = [c.box.x, c.box.x + c.box.w];
      const above = r === skip ? joins[first.indexOf(c)] : undefined;
      let td: HTMLTableCellElement;
      if (above) {
        td = above.td;
        td.rowSpan += rest ? c.rowSpan - 1 : c.rowSpan;
        if (c.text) td.textContent = joinText(td.textContent ?? '', c.text);
      } else {
        if (!tr) {
          tr = w.tbody.appendChild(doc.createElement('tr'));
          added++;
        }
        td = tr.appendChild(doc.createElement('td'));
        if (c.rowSpan > 1) td.rowSpan = c.rowSpan;
        const span = spanOf(w.edges, x0, x1);
        if (span > 1) td.colSpan = span;
        td.appendChild(doc.createTextNode(c.text));
        place(td, page, c.box);
      }
      if (c.row + c.rowSpan === block.rows) foot.push({ td, x0, x1 });
    }
  }
  w.foot = foot;
  w.block = block;
  return added;
}

/** Start a table with the first page's part of it. */
export function startTable(out: Document, block: TableBlock, page: number): TableWriter {
  const tbody = out.body.appendChild(out.createElement('table')).appendChild(out.createElement('tbody'));
  const w: TableWriter = {
    block,
    tbody,
    edges: block.cols,
    head: [0, 1, 2].map((r) => rowKey(block.cells, r)),
    foot: [],
  };
  writeRows(w, block, page, false);
  return w;
}

/** Add the next page's part when it is the same table going on; false when it is another table. */
export function continueTable(w: TableWriter, block: TableBlock, page: number): boolean {
  const edges = unionEdges(w.edges, block.cols);
  if (!edges) return false;
  if (edges.length > w.edges.length) {
    // This part has finer columns: the cells written so far span more of them.
    w.edges = edges;
    for (const td of Array.from(w.tbody.querySelectorAll('td'))) {
      const b = placed(td)!; // every cell written here was placed
      td.colSpan = spanOf(edges, b.x, b.x + b.w);
    }
  }
  // Columns left of this part's first edge belong to the cells at the last part's foot there.
  const left = w.foot.filter((f) => f.x1 <= block.cols[0] + NEAR);
  const added = writeRows(w, block, page, true);
  for (const f of left) f.td.rowSpan += added;
  w.foot.push(...left);
  return true;
}
