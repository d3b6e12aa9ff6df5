// A PDF page's text pieces and ruling lines (in its viewport: origin top left, PDF points) laid
// out as the blocks of a page: ruled tables as grids of cells with their spans, and the lines of
// text outside them grouped into paragraphs. Pure geometry: no pdf.js, no DOM.

/** A run of text as pdf.js places it: left, baseline, width, font size. */
export interface Piece {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

/** A ruling line: horizontal (y1 = y2) or vertical (x1 = x2). */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Cell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  box: Box;
}

export interface TableBlock {
  kind: 'table';
  /** Column edges (x), so a table continued on the next page can be matched to this one. */
  cols: number[];
  rows: number;
  cells: Cell[];
  box: Box;
  /** No rule closes its first (last) row: a row split by the page break goes on from (onto) the next page. */
  openTop: boolean;
  openBottom: boolean;
}

export interface TextLine {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
}

export interface ParagraphBlock {
  kind: 'p';
  lines: TextLine[];
  box: Box;
  /** Its first line starts at the left margin: on a page's top, it may go on from the page before. */
  flush: boolean;
  /** Its last line runs to the right margin: on a page's foot, it may go on onto the next page. */
  full: boolean;
}

/** A picture on the page (often a table pasted as an image): the audit says it cannot read it. */
export interface ImageBlock {
  kind: 'img';
  box: Box;
}

export type Block = TableBlock | ParagraphBlock | ImageBlock;

/** Pictures smaller than this (points) are logos, seals' bits or rules, not content. */
const MIN_PICTURE = { w: 60, h: 30 };

/** Positions closer than this (points) are the same line or edge. */
const SNAP = 2;

const CJK = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/;

/** Join two runs of text: nothing between Chinese characters, one space between Latin words. */
export function joinText(a: string, b: string): string {
  if (!a || !b) return a + b;
  return CJK.test(a.slice(-1)) || CJK.test(b[0]) || /\s$/.test(a) || /^\s/.test(b) ? a + b : `${a} ${b}`;
}

/** Sorted values merged where they are within SNAP of the previous one (their mean kept). */
function cluster(values: number[]): number[] {
  const out: number[] = [];
  let group: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    if (group.length && v - group[group.length - 1] > SNAP) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

interface Rule {
  at: number;
  from: number;
  to: number;
}

/** Collinear rules that touch or overlap merged into one (office suites draw each cell's border alone). */
function mergeRules(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  const sorted = [...rules].sort((a, b) => a.at - b.at);
  for (let i = 0; i < sorted.length;) {
    // Rules within half a snap of each other are on one line (a border drawn twice, a hair apart).
    let j = i + 1;
    while (j < sorted.length && sorted[j].at - sorted[j - 1].at <= SNAP / 2) j++;
    const line = sorted.slice(i, j).sort((a, b) => a.from - b.from);
    const at = line.reduce((s, r) => s + r.at, 0) / line.length;
    const merged: Rule[] = [];
    for (const r of line) {
      const last = merged[merged.length - 1];
      if (last && r.from <= last.to + SNAP) last.to = Math.max(last.to, r.to);
      else merged.push({ at, from: r.from, to: r.to });
    }
    out.push(...merged);
    i = j;
  }
  return out;
}

/** How much of [from, to] the rules at this position cover, as a share. */
function covered(rules: Rule[], at: number, from: number, to: number): number {
  let sum = 0;
  for (const r of rules)
    if (Math.abs(r.at - at) <= SNAP) sum += Math.max(0, Math.min(to, r.to) - Math.max(from, r.from));
  return sum / Math.max(to - from, 1e-6);
}

interface Grid {
  xs: number[];
  ys: number[];
  h: Rule[];
  v: Rule[];
  openTop: boolean;
  openBottom: boolean;
}

/** Ruled regions: horizontal and vertical rules that cross or touch each other, two or more of each. */
function grids(segments: Segment[]): Grid[] {
  const h = mergeRules(
    segments
      .filter((s) => Math.abs(s.y1 - s.y2) <= 0.5)
      .map((s) => ({ at: s.y1, from: Math.min(s.x1, s.x2), to: Math.max(s.x1, s.x2) })),
  ).filter((r) => r.to - r.from > SNAP);
  const v = mergeRules(
    segments
      .filter((s) => Math.abs(s.x1 - s.x2) <= 0.5)
      .map((s) => ({ at: s.x1, from: Math.min(s.y1, s.y2), to: Math.max(s.y1, s.y2) })),
  ).filter((r) => r.to - r.from > SNAP);
  // Connected components of the crossing graph (union-find over h then v).
  const parent = [...h, ...v].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  h.forEach((a, i) =>
    v.forEach((b, j) => {
      if (b.at >= a.from - SNAP && b.at <= a.to + SNAP && a.at >= b.from - SNAP && a.at <= b.to + SNAP)
        parent[find(i)] = find(h.length + j);
    }),
  );
  const groups = new Map<number, Grid>();
  [...h, ...v].forEach((r, i) => {
    const root = find(i);
    const g = groups.get(root) ?? { xs: [], ys: [], h: [], v: [], openTop: false, openBottom: false };
    groups.set(root, g);
    if (i < h.length) g.h.push(r);
    else g.v.push(r);
  });
  return [...groups.values()]
    .filter((g) => g.h.length >= 2 && g.v.length >= 2)
    .map((g) => withOpenEnds({ ...g, xs: cluster(g.v.map((r) => r.at)), ys: cluster(g.h.map((r) => r.at)) }))
    .filter((g) => g.xs.length >= 2 && g.ys.length >= 2);
}

/**
 * Column rules that run on past the first or last row rule are a row cut by the page break (the
 * printer draws its sides, not the edge the break made): that part of a row becomes a row of its own,
 * open at the cut.
 */
function withOpenEnds(g: Grid): Grid {
  const top = Math.min(...g.v.map((r) => r.from));
  const bottom = Math.max(...g.v.map((r) => r.to));
  const ys = [...g.ys];
  const openTop = ys[0] - top > 2 * SNAP;
  const openBottom = bottom - ys[ys.length - 1] > 2 * SNAP;
  if (openTop) ys.unshift(top);
  if (openBottom) ys.push(bottom);
  return { ...g, ys, openTop, openBottom };
}

/** A grid's cells: neighbouring grid squares with no rule between them are one merged cell. */
function cellsOf(g: Grid): Cell[] {
  const nc = g.xs.length - 1;
  const nr = g.ys.length - 1;
  const parent = Array.from({ length: nc * nr }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number) => (parent[find(a)] = find(b));
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && covered(g.v, g.xs[c + 1], g.ys[r], g.ys[r + 1]) < 0.5) join(r * nc + c, r * nc + c + 1);
      if (r + 1 < nr && covered(g.h, g.ys[r + 1], g.xs[c], g.xs[c + 1]) < 0.5) join(r * nc + c, (r + 1) * nc + c);
    }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let i = 0; i < nc * nr; i++) {
    const r = Math.floor(i / nc);
    const c = i % nc;
    const s = spans.get(find(i));
    if (!s) spans.set(find(i), { r0: r, r1: r, c0: c, c1: c });
    else
      Object.assign(s, { r0: Math.min(s.r0, r), r1: Math.max(s.r1, r), c0: Math.min(s.c0, c), c1: Math.max(s.c1, c) });
  }
  return [...spans.values()]
    .map((s) => ({
      row: s.r0,
      col: s.c0,
      rowSpan: s.r1 - s.r0 + 1,
      colSpan: s.c1 - s.c0 + 1,
      text: '',
      box: { x: g.xs[s.c0], y: g.ys[s.r0], w: g.xs[s.c1 + 1] - g.xs[s.c0], h: g.ys[s.r1 + 1] - g.ys[s.r0] },
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
}

const bottomOf = (c: Cell) => c.row + c.rowSpan;

/**
 * Undo two marks a printer (Chromium) leaves where a page break cuts cells spanning rows:
 * - an empty box at the foot, where the cut row held nothing on this page: no row of its own (and
 *   nothing for the next page's first row to go on from);
 * - on the next page, the rest of a spanning cell closed too early, mid-row, with an empty box
 *   under it: the box is that cell's rest (a rule no other cell shares cannot be a row's edge).
 */
function mendBreak(g: Grid, cells: Cell[]): { cells: Cell[]; openBottom: boolean } {
  let openBottom = g.openBottom;
  const last = g.ys.length - 2;
  const cut = cells.filter((c) => c.row === last);
  if (openBottom && cut.length && cut.every((c) => !c.text)) {
    for (const c of cells)
      if (c.row < last && bottomOf(c) > last) {
        c.rowSpan--;
        c.box.h = g.ys[last] - c.box.y;
      }
    cells = cells.filter((c) => c.row !== last);
    openBottom = false;
  }
  for (const top of cells.filter((c) => c.row === 0)) {
    if (covered(g.h, g.ys[0], top.box.x, top.box.x + top.box.w) >= 0.5) continue; // a cell of its own
    const edge = bottomOf(top);
    const box = cells.find((c) => c.row === edge && c.col === top.col && c.colSpan === top.colSpan && !c.text);
    const shared = cells.some((c) => c !== top && c !== box && (c.row === edge || bottomOf(c) === edge));
    if (!box || shared) continue;
    top.rowSpan += box.rowSpan;
    top.box.h += box.box.h;
    cells = cells.filter((c) => c !== box);
  }
  return { cells, openBottom };
}

/**
 * Text a printer painted past a table's foot (Chromium, at a page break, runs a tall cell's text on
 * below the cut): the lines right under the page's last table, each word inside a cell at the foot
 * that holds text and that no rule closes, are that cell's text. Returns the pieces left loose.
 */
function overflowInto(t: { g: Grid; cells: Cell[]; pieces: Map<number, Piece[]> }, loose: Piece[]): Piece[] {
  const { g, cells } = t;
  const bottom = g.ys[g.ys.length - 1];
  const open = cells
    .map((c, i) => ({ c, i }))
    .filter(
      ({ c, i }) =>
        t.pieces.has(i) && bottomOf(c) === g.ys.length - 1 && covered(g.h, bottom, c.box.x, c.box.x + c.box.w) < 0.5,
    );
  if (!open.length) return loose;
  // The lines that follow on at line spacing, up to the first gap.
  let edge = bottom;
  for (const l of linesOf(loose.filter((p) => p.y > bottom))) {
    if (l.top - edge > l.size * 1.5) break;
    edge = l.bottom;
  }
  const run = loose.filter((p) => p.y > bottom && p.y <= edge);
  const into = run.map((p) => open.find(({ c }) => p.x >= c.box.x - SNAP && p.x + p.w <= c.box.x + c.box.w + SNAP));
  if (!run.length || into.some((o) => !o)) return loose;
  run.forEach((p, k) => t.pieces.set(into[k]!.i, [...(t.pieces.get(into[k]!.i) ?? []), p]));
  return loose.filter((p) => !run.includes(p));
}

/** Pieces as lines: same baseline (within a third of the font size), left to right. */
function linesOf(pieces: Piece[]): TextLine[] {
  const lines: { y: number; pieces: Piece[] }[] = [];
  for (const p of [...pieces].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l.y - p.y) <= Math.max(p.size, 4) / 3);
    if (line) line.pieces.push(p);
    else lines.push({ y: p.y, pieces: [p] });
  }
  return lines
    .map(({ pieces: ps }) => {
      ps.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const p of ps) {
        // A gap wider than a third of a character is a space between words.
        text = p.x - end > p.size / 3 && text ? joinText(text, p.str) : text + p.str;
        end = Math.max(end, p.x + p.w);
      }
      const size = Math.max(...ps.map((p) => p.size));
      const base = Math.max(...ps.map((p) => p.y));
      return { text: text.trim(), x0: ps[0].x, x1: end, top: base - size, bottom: base + size * 0.2, size };
    })
    .filter((l) => l.text)
    .sort((a, b) => a.top - b.top || a.x0 - b.x0);
}

/** A page number or running head in the margin ("- 1 -", "第 2 页", "3/6"), not the report's text. */
const PAGE_MARK =
  /^(?:[-—–\s]*[0-9０-９]+[-—–\s]*|第\s*[0-9]+\s*页(?:\s*[，,/]?\s*共\s*[0-9]+\s*页)?|[0-9]+\s*\/\s*[0-9]+)$/;

/** The most common value, rounded to a point (the page's left margin). */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = values[0] ?? 0;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/** Lines grouped into paragraphs: a new one after a short line, at an indent, or at a change of size or a wide gap. */
function paragraphsOf(lines: TextLine[], margins: { left: number; right: number }): ParagraphBlock[] {
  const out: ParagraphBlock[] = [];
  let prev: TextLine | null = null;
  for (const l of lines) {
    const current: ParagraphBlock | undefined = out[out.length - 1];
    const starts =
      !prev ||
      !current ||
      prev.x1 < margins.right - 2 * prev.size ||
      l.x0 > margins.left + l.size ||
      Math.abs(l.size - prev.size) > 1 ||
      l.top - prev.bottom > 1.5 * l.size;
    if (starts) out.push({ kind: 'p', lines: [l], box: { x: 0, y: 0, w: 0, h: 0 }, flush: false, full: false });
    else current.lines.push(l);
    prev = l;
  }
  for (const p of out) {
    const [first, last] = [p.lines[0], p.lines[p.lines.length - 1]];
    Object.assign(p, {
      box: boxOf(p.lines),
      flush: first.x0 <= margins.left + first.size / 2,
      full: last.x1 >= margins.right - 2 * last.size,
    });
  }
  return out;
}

export function boxOf(lines: TextLine[]): Box {
  const x = Math.min(...lines.map((l) => l.x0));
  const y = Math.min(...lines.map((l) => l.top));
  return { x, y, w: Math.max(...lines.map((l) => l.x1)) - x, h: Math.max(...lines.map((l) => l.bottom)) - y };
}

/** A cell's text: its lines top to bottom, joined as one run (a label wrapped in a narrow cell is one label). */
const cellText = (pieces: Piece[]) => linesOf(pieces).reduce((s, l) => joinText(s, l.text), '');

/**
 * One page's blocks, top to bottom: its ruled tables and its paragraphs. Running heads and page
 * numbers in the top and bottom margins are dropped.
 */
export function layoutPage(
  pieces: Piece[],
  segments: Segment[],
  page: { width: number; height: number },
  images: Box[] = [],
): Block[] {
  const tables = grids(segments).map((g) => ({ g, cells: cellsOf(g), pieces: new Map<number, Piece[]>() }));
  let loose: Piece[] = [];
  for (const p of pieces.flatMap(wordsOf)) {
    const cx = p.x + p.w / 2;
    const cy = p.y - p.size / 3;
    const t = tables.find(
      ({ g }) => cx > g.xs[0] && cx < g.xs[g.xs.length - 1] && cy > g.ys[0] && cy < g.ys[g.ys.length - 1],
    );
    if (!t) {
      loose.push(p);
      continue;
    }
    const col = Math.min(nearestBelow(t.g.xs, cx), t.g.xs.length - 2);
    const row = Math.min(nearestBelow(t.g.ys, cy), t.g.ys.length - 2);
    const i = t.cells.findIndex(
      (c) => row >= c.row && row < c.row + c.rowSpan && col >= c.col && col < c.col + c.colSpan,
    );
    t.pieces.set(i, [...(t.pieces.get(i) ?? []), p]);
  }
  const last = tables.reduce<(typeof tables)[number] | null>(
    (a, t) => (!a || t.g.ys[t.g.ys.length - 1] > a.g.ys[a.g.ys.length - 1] ? t : a),
    null,
  );
  if (last) loose = overflowInto(last, loose);
  const blocks: Block[] = tables.map(({ g, cells: all, pieces: byCell }) => {
    all.forEach((c, i) => (c.text = cellText(byCell.get(i) ?? [])));
    const { cells, openBottom } = mendBreak(g, all);
    const box = { x: g.xs[0], y: g.ys[0], w: g.xs[g.xs.length - 1] - g.xs[0], h: g.ys[g.ys.length - 1] - g.ys[0] };
    return {
      kind: 'table',
      cols: g.xs,
      rows: compactRows(cells, g.ys.length - 1),
      cells,
      box,
      openTop: g.openTop,
      openBottom,
    };
  });
  const margin = page.height * 0.08;
  const lines = linesOf(loose).filter(
    (l) => !(PAGE_MARK.test(l.text) && (l.top < margin || l.bottom > page.height - margin)),
  );
  const body = lines.filter((l) => l.x1 - l.x0 > page.width / 3);
  const margins = {
    left: mode((body.length ? body : lines).map((l) => l.x0)),
    right: body.length ? Math.max(...body.map((l) => l.x1)) : page.width,
  };
  blocks.push(...paragraphsOf(lines, margins));
  for (const box of images) if (box.w >= MIN_PICTURE.w && box.h >= MIN_PICTURE.h) blocks.push({ kind: 'img', box });
  return blocks.sort((a, b) => a.box.y - b.box.y);
}

/** A character's advance as a share of the font size: full for Chinese, half for Latin, digits and spaces. */
const advance = (ch: string) => (CJK.test(ch) ? 1 : 0.5);

/**
 * A run of text split at its spaces into words, each placed by its characters' share of the run's
 * width: a writer may set a whole table row's labels as one run, spaced out into their cells.
 */
function wordsOf(p: Piece): Piece[] {
  if (!/\S\s+\S/.test(p.str)) return p.str.trim() ? [p] : [];
  const chars = [...p.str];
  const scale = p.w / chars.reduce((s, ch) => s + advance(ch), 0);
  const out: Piece[] = [];
  let x = p.x;
  for (const part of p.str.split(/(\s+)/)) {
    const w = [...part].reduce((s, ch) => s + advance(ch), 0) * scale;
    if (part.trim()) out.push({ ...p, str: part, x, w });
    x += w;
  }
  return out;
}

/**
 * Drop grid rows no cell starts in (every cell there spans it from above, as where a page break
 * cut a row): an HTML table has no such row. Returns the row count left.
 */
function compactRows(cells: Cell[], rows: number): number {
  for (let r = rows - 1; r >= 0; r--) {
    if (cells.some((c) => c.row === r)) continue;
    for (const c of cells) {
      if (c.row < r && c.row + c.rowSpan > r) c.rowSpan--;
      else if (c.row > r) c.row--;
    }
    rows--;
  }
  return rows;
}

/** Index of the last edge at or before v (the grid square v falls in). */
function nearestBelow(edges: number[], v: number): number {
  let i = 0;
  while (i + 1 < edges.length && edges[i + 1] <= v) i++;
  return i;
}
