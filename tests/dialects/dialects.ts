// Portal dialects: one report page rewritten in the markup of the editors and Word/WPS exports that
// real portals publish (../shared/spec/report-format.md, "What real portal pages look like"), so a
// test can hold the auditor's findings invariant under markup. Every transform is deterministic
// and edits only the article body — the element lib/dom/container finds: its attributes and its
// subtree — so a harness can restore the page by putting a copy of that one element back.
// Markup dialects keep every cell's text (whitespace aside) and every table's visual grid; the
// structural ones change the grid the way real pages do while a person still reads the same table.
// The transforms read text and grids with their own small helpers, not the reader's, so a bug in
// lib/ cannot hide in the generator.

import { findContainer } from '../../lib/dom/container';

export interface Dialect {
  id: string;
  description: string;
  /** Changes table grids (spans, rows, columns); the markup dialects leave grids as they were. */
  structural: boolean;
  /** Rewrites the page in place; false when the page has nothing this dialect acts on. */
  apply(doc: Document): boolean;
}

type Attrs = Record<string, string>;

// ---------------------------------------------------------------------------------------------
// Text as a person sees it

const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const BLOCK = /^(P|DIV|H[1-6]|LI|UL|OL|DL|DT|DD|TABLE|TR|TD|TH|BLOCKQUOTE|PRE|CENTER|SECTION|ARTICLE|HR|ADDRESS)$/;

const squash = (s: string) => s.replace(/\s+/g, ''); // JS \s covers &nbsp; and the ideographic space

/** Lines of an element as displayed: split at <br> and block edges, whitespace collapsed. */
function lines(el: Element): string[] {
  const out = [''];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) out[out.length - 1] += (n as Text).data;
    if (n.nodeType !== 1 || HIDDEN.has((n as Element).tagName)) return;
    const tag = (n as Element).tagName;
    if (tag === 'BR') return void out.push('');
    if (BLOCK.test(tag)) out.push('');
    n.childNodes.forEach(walk);
    if (BLOCK.test(tag)) out.push('');
  };
  el.childNodes.forEach(walk);
  return out.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

const flat = (el: Element) => squash(lines(el).join(''));

/** A count or amount as report tables write them, units included ("251000元"). */
const isNumber = (s: string) => /^[-+]?\d+(\.\d+)?(万元|元|件|条|个|项)?$/.test(squash(s.normalize('NFKC')));

/** "一、总体情况", "（三）政府信息管理": the numbered headings of the report. */
const isHeading = (el: Element) => {
  const t = flat(el);
  return t.length <= 40 && /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/.test(t);
};

// ---------------------------------------------------------------------------------------------
// DOM helpers

/**
 * Set attributes, except inline `style`: the dialects name the styles each editor writes, but the
 * matrix drops inline styles from the published page as well (the reader never reads them), and
 * jsdom parsing them was most of a run (word-mso: 245 ms to write a page, 188 ms to parse it).
 */
function assign(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) if (k !== 'style') el.setAttribute(k, v);
}

function make(doc: Document, tag: string, attrs: Attrs = {}, kids: (Node | string)[] = []): Element {
  const el = doc.createElement(tag);
  assign(el, attrs);
  el.append(...kids);
  return el;
}

/** Replace all attributes except the spans, which carry the grid. */
function setAttrs(el: Element, attrs: Attrs): void {
  for (const a of Array.from(el.attributes))
    if (a.name !== 'rowspan' && a.name !== 'colspan') el.removeAttribute(a.name);
  assign(el, attrs);
}

function wrapChildren(el: Element, wrapper: Element): void {
  wrapper.append(...Array.from(el.childNodes));
  el.append(wrapper);
}

/** Parts joined by <br>. */
const withBreaks = (doc: Document, parts: string[]) =>
  parts.flatMap((p, i) => (i ? [doc.createElement('br'), p] : [p]));

/** Pieces of at most n characters. */
const chunks = (s: string, n: number) => s.match(new RegExp(`.{1,${n}}`, 'gu')) ?? [];

/** Halves of a label for two stacked cells ("商业" over "企业"). */
const halves = (s: string) => {
  const cs = Array.from(s);
  const k = Math.ceil(cs.length / 2);
  return [cs.slice(0, k).join(''), cs.slice(k).join('')];
};

// ---------------------------------------------------------------------------------------------
// The body: cells and paragraphs

const CELL = 'td, th';
/** Cells holding more than text (links, images, nested tables) keep their markup: a rewrite would lose it. */
const OPAQUE = 'table, img, a, iframe, object, embed, svg, input, select, textarea';

/**
 * Rebuild every text-only cell of the body from its lines; `content` returns null to leave a cell
 * as it is.
 */
function rewriteCells(body: Element, attrs: Attrs, content: (lines: string[]) => (Node | string)[] | null): void {
  for (const cell of Array.from(body.querySelectorAll(CELL))) {
    if (cell.querySelector(OPAQUE)) continue;
    const kids = content(lines(cell));
    if (!kids) continue;
    setAttrs(cell, attrs);
    cell.replaceChildren(...kids);
  }
}

/** Paragraphs of the body outside table cells: the prose and the headings. */
function paragraphs(body: Element): Element[] {
  return Array.from(body.querySelectorAll('p')).filter((p) => {
    const cell = p.parentElement?.closest(CELL);
    return !cell || cell === body || !body.contains(cell);
  });
}

/** Every CMS marker the spec lists (and #content): the container finder's first clues. */
const CMS_CLASSES = ['TRS_Editor', 'trs_editor_view', 'Custom_UnionStyle', 'article-content', 'xxgk_content'];
const CMS_IDS = ['UCAP-CONTENT', 'zoom', 'ivs_content', 'content'];

/** Move the body's content into another vendor's wrapper, dropping the old vendor's markers. */
function rehost(body: Element, attrs: Attrs): void {
  for (const el of [body, ...Array.from(body.querySelectorAll('[class], [id]'))]) {
    if (CMS_IDS.includes(el.id)) el.removeAttribute('id');
    el.classList.remove(...CMS_CLASSES);
  }
  body.append(make(body.ownerDocument, 'div', attrs, Array.from(body.childNodes)));
}

// ---------------------------------------------------------------------------------------------
// Table grids (the HTML table model's placement)

interface Placed {
  el: Element;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

interface Layout {
  table: Element;
  trs: Element[];
  cells: Placed[];
  /** No overlapping cells and one row group (rowspans stop at a group's end): safe to rewrite. */
  sound: boolean;
}

function place(table: Element): Layout {
  const trs = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
  const taken: boolean[][] = trs.map(() => []);
  const cells: Placed[] = [];
  let sound = new Set(trs.map((tr) => tr.parentElement)).size <= 1;
  trs.forEach((tr, r) => {
    let c = 0;
    for (const el of Array.from(tr.children)) {
      if (el.tagName !== 'TD' && el.tagName !== 'TH') continue;
      while (taken[r][c]) c++;
      const rs = parseInt(el.getAttribute('rowspan') ?? '1', 10);
      const cs = parseInt(el.getAttribute('colspan') ?? '1', 10);
      const rows = rs === 0 ? trs.length - r : Math.min(rs >= 1 ? rs : 1, trs.length - r);
      const cols = cs >= 1 ? Math.min(cs, 1000) : 1;
      for (let dr = 0; dr < rows; dr++)
        for (let dc = 0; dc < cols; dc++) {
          if (taken[r + dr][c + dc]) sound = false;
          taken[r + dr][c + dc] = true;
        }
      cells.push({ el, row: r, col: c, rows, cols });
      c += cols;
    }
  });
  return { table, trs, cells, sound };
}

const setSpan = (el: Element, attr: 'rowspan' | 'colspan', n: number) =>
  n > 1 ? el.setAttribute(attr, String(n)) : el.removeAttribute(attr);

/**
 * Write a layout back: each row's cells in column order with their spans. Then place the table
 * again and throw if any cell lands elsewhere (a hole left of a cell would pull it left): a
 * structural dialect must produce exactly the grid it means.
 */
function write(L: Layout): void {
  L.trs.forEach((tr, r) => {
    for (const c of L.cells.filter((x) => x.row === r).sort((a, b) => a.col - b.col)) {
      setSpan(c.el, 'rowspan', c.rows);
      setSpan(c.el, 'colspan', c.cols);
      tr.append(c.el);
    }
  });
  const again = place(L.table).cells;
  const moved = L.cells.find((c) => !again.some((p) => p.el === c.el && p.row === c.row && p.col === c.col));
  if (moved || again.length !== L.cells.length)
    throw new Error(`dialect bug: cell "${moved ? flat(moved.el) : '?'}" does not land where intended`);
}

/** The report's data tables in the body: no nested table, a sound grid, at least one number. */
function reportTables(body: Element): Layout[] {
  return Array.from(body.querySelectorAll('table'))
    .filter((t) => !t.querySelector('table'))
    .map(place)
    .filter((L) => L.sound && L.cells.some((c) => isNumber(flat(c.el))));
}

/** Rows above the first row holding a number; 0 when there are none or a rowspan crosses the line. */
function headerRows(L: Layout): number {
  const first = L.cells.find((c) => isNumber(flat(c.el)))?.row ?? 0;
  return L.cells.some((c) => c.row < first && c.row + c.rows > first) ? 0 : first;
}

/** The cell of row r that ends at the table's right edge, which a stray colspan can push past it. */
function rightmost(L: Layout, r: number): Placed | undefined {
  const width = Math.max(...L.cells.map((c) => c.col + c.cols));
  return L.cells.find((c) => c.row === r && c.col + c.cols === width);
}

/** What a person reads on a page, markup aside: the body text and each table's grid of cell texts. */
export function readable(doc: Document): string[] {
  const out = [squash(doc.body?.textContent ?? '')];
  for (const table of Array.from(doc.querySelectorAll('table'))) {
    const L = place(table);
    const grid = L.trs.map(() => [] as string[]);
    for (const c of L.cells)
      for (let r = c.row; r < c.row + c.rows; r++)
        for (let k = c.col; k < c.col + c.cols; k++) grid[r][k] ??= flat(c.el);
    out.push(grid.map((row) => Array.from(row, (t) => t ?? '·').join('|')).join('\n'));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The dialects

/** Apply `each` to every report table of the body; true when it changed at least one. */
function eachTable(doc: Document, each: (L: Layout) => boolean): boolean {
  let changed = false;
  for (const L of reportTables(findContainer(doc))) if (each(L)) changed = true;
  return changed;
}

const WORD_CELL = "font-size:10.5pt;font-family:宋体;mso-bidi-font-family:'Times New Roman'";
const WPS_RUN = { style: 'font-family: 仿宋_GB2312; font-size: 16px;' };

/** WPS runs: digits kept whole, longer stretches of other text cut into two or three spans. */
function runs(text: string): string[] {
  return (text.match(/\d+(?:\.\d+)?|\D+/g) ?? []).flatMap((t) =>
    /^\d/.test(t) || t.length < 4 ? [t] : chunks(t, Math.ceil(t.length / (t.length >= 8 ? 3 : 2))),
  );
}

/** A label line (no figures besides a leading item number "1."), which an editor may wrap. */
const isLabel = (line: string) => !/\d/.test(line.replace(/^\d+[.、．]/, ''));

function pageBreak(repeatHeader: boolean): Dialect['apply'] {
  return (doc) =>
    eachTable(doc, (L) => {
      const n = L.trs.length;
      if (n <= 12) return false;
      // Word breaks a page at a row boundary; a rowspan crossing the middle moves the break down.
      let at = Math.floor(n / 2);
      while (at < n && L.cells.some((c) => c.row < at && c.row + c.rows > at)) at++;
      const head = headerRows(L);
      if (at >= n || (repeatHeader && (!head || head >= at))) return false;
      const part = L.table.cloneNode(false) as Element;
      part.removeAttribute('id');
      const group = doc.createElement('tbody');
      if (repeatHeader) group.append(...L.trs.slice(0, head).map((tr) => tr.cloneNode(true)));
      group.append(...L.trs.slice(at));
      part.append(group);
      L.table.after(make(doc, 'p', {}, ['\u00a0']), part);
      return true;
    });
}

export const DIALECTS: Dialect[] = [
  {
    id: 'word-mso',
    description:
      'Word "Save as HTML": MsoNormalTable, mso-yfti-irow rows, bordered cells with one MsoNormal <p> per line (<o:p>&nbsp;</o:p> when empty), MsoNormal paragraphs in 仿宋 spans',
    structural: false,
    apply(doc) {
      const body = findContainer(doc);
      for (const table of Array.from(body.querySelectorAll('table'))) {
        setAttrs(table, {
          class: 'MsoNormalTable',
          border: '1',
          cellspacing: '0',
          cellpadding: '0',
          style: 'border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184',
        });
        place(table).trs.forEach((tr, i) => setAttrs(tr, { style: `mso-yfti-irow:${i};height:20.0pt` }));
      }
      rewriteCells(
        body,
        { valign: 'top', style: 'border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt' },
        (ls) =>
          // Word writes an empty cell as a paragraph holding <o:p>&nbsp;</o:p>.
          (ls.length ? ls : ['']).map((line) =>
            make(doc, 'p', { class: 'MsoNormal', align: 'center', style: 'text-align:center' }, [
              make(doc, 'span', { lang: 'EN-US', style: WORD_CELL }, [
                line,
                make(doc, 'o:p', {}, line ? [] : ['\u00a0']),
              ]),
            ]),
          ),
      );
      for (const cell of Array.from(body.querySelectorAll(CELL)))
        cell.setAttribute('width', String(72 * parseInt(cell.getAttribute('colspan') ?? '1', 10) || 72));
      for (const p of paragraphs(body)) {
        setAttrs(p, { class: 'MsoNormal', style: 'text-indent:32.0pt;line-height:28.0pt' });
        wrapChildren(p, make(doc, 'span', { style: 'font-size:16.0pt;font-family:仿宋_GB2312' }));
      }
      return true;
    },
  },
  {
    id: 'trs-nbsp',
    description: 'TRS editor: cells as <p> padded with &nbsp; (zeros "&nbsp;0" or "0&nbsp;"), body in .TRS_Editor',
    structural: false,
    apply(doc) {
      const body = findContainer(doc);
      let zeros = 0;
      rewriteCells(body, {}, (ls) =>
        ls.length
          ? ls.map((line) => {
              const padded = line !== '0' ? `\u00a0${line}\u00a0` : zeros++ % 2 ? '0\u00a0' : '\u00a00';
              return make(doc, 'p', { style: 'text-align:center' }, [padded]);
            })
          : null,
      );
      if (!body.closest('.TRS_Editor')) wrapChildren(body, make(doc, 'div', { class: 'TRS_Editor' }));
      return true;
    },
  },
  {
    id: 'wps-spans',
    description:
      'WPS: text split into styled <span> runs (labels in 2–3 pieces, digits whole), <strong> headings, text-indent:2em',
    structural: false,
    apply(doc) {
      const body = findContainer(doc);
      const spans = (text: string) => runs(text).map((r) => make(doc, 'span', WPS_RUN, [r]));
      rewriteCells(body, {}, (ls) =>
        ls.map((line) => make(doc, 'p', { class: 'p', style: 'text-align: center;' }, spans(line))),
      );
      for (const p of paragraphs(body)) {
        const walker = doc.createTreeWalker(p, 4 /* NodeFilter.SHOW_TEXT */);
        const texts: Text[] = [];
        while (walker.nextNode()) texts.push(walker.currentNode as Text);
        for (const t of texts) t.replaceWith(...spans(t.data));
        const heading = isHeading(p);
        setAttrs(p, { style: 'text-indent: 2em;' });
        if (heading) wrapChildren(p, make(doc, 'strong'));
      }
      return true;
    },
  },
  {
    id: 'hanweb',
    description: 'Hanweb (大汉): body in div#zoom, cells <td valign=middle align=center><font size=2>',
    structural: false,
    apply(doc) {
      const body = findContainer(doc);
      rewriteCells(body, { valign: 'middle', align: 'center' }, (ls) => [
        make(doc, 'font', { size: '2' }, withBreaks(doc, ls)),
      ]);
      rehost(body, { id: 'zoom' });
      return true;
    },
  },
  {
    id: 'ucap',
    description: 'UCAP (开普): body in div#UCAP-CONTENT, paragraphs <p><span>',
    structural: false,
    apply(doc) {
      const body = findContainer(doc);
      for (const p of paragraphs(body)) {
        setAttrs(p, { style: 'text-indent: 2em;' });
        wrapChildren(p, make(doc, 'span', { style: 'font-size: 16px;' }));
      }
      rehost(body, { id: 'UCAP-CONTENT' });
      return true;
    },
  },
  {
    id: 'epoint',
    description:
      'Epoint (新点): body in div.ewb-article-info (a class the container finder does not list), cells <td><div> (tables keep the tbody the parser gives them)',
    structural: false,
    apply(doc) {
      const body = findContainer(doc);
      rewriteCells(body, {}, (ls) => ls.map((line) => make(doc, 'div', {}, [line])));
      rehost(body, { class: 'ewb-article-info' });
      return true;
    },
  },
  {
    id: 'plain-br',
    description: 'Plain editor: bare <td> with labels wrapped by <br> every 6 characters, bare <p> paragraphs',
    structural: false,
    apply(doc) {
      const body = findContainer(doc);
      rewriteCells(body, {}, (ls) =>
        withBreaks(
          doc,
          ls.flatMap((l) => (isLabel(l) ? chunks(l, 6) : [l])),
        ),
      );
      for (const p of paragraphs(body)) {
        setAttrs(p, {});
        for (const el of Array.from(p.querySelectorAll('span, font, strong, b, em, i, u')))
          el.replaceWith(...Array.from(el.childNodes));
      }
      return true;
    },
  },
  {
    id: 'thead-th',
    description: 'Header rows (above the first row holding a number) in <thead> as <th> cells',
    structural: false,
    apply(doc) {
      return eachTable(doc, (L) => {
        const h = headerRows(L);
        if (!h) return false;
        const group = L.trs[0].parentElement!;
        const head = doc.createElement('thead');
        const rest = doc.createElement('tbody');
        group.before(head, rest);
        for (const tr of L.trs.slice(0, h)) {
          for (const td of Array.from(tr.children).filter((c) => c.tagName === 'TD')) {
            const th = make(doc, 'th', {}, Array.from(td.childNodes));
            for (const a of Array.from(td.attributes)) th.setAttribute(a.name, a.value);
            td.replaceWith(th);
          }
          head.append(tr);
        }
        rest.append(...L.trs.slice(h));
        if (group !== L.table) group.remove();
        return true;
      });
    },
  },
  {
    id: 'char-per-line',
    description: 'Header cells of up to 6 characters written one character per line (结<br>果<br>维<br>持)',
    structural: false,
    apply(doc) {
      return eachTable(doc, (L) => {
        const h = headerRows(L);
        let changed = false;
        for (const c of L.cells.filter((x) => x.row < h)) {
          const chars = Array.from(flat(c.el));
          if (lines(c.el).length !== 1 || chars.length < 2 || chars.length > 6) continue;
          c.el.replaceChildren(...withBreaks(doc, chars));
          changed = true;
        }
        return changed;
      });
    },
  },
  {
    id: 'split-label-rows',
    description:
      'Table 三\'s 法人或其他组织 sub-headers split across two rows ("商业" over "企业"): a rowspan header becomes two stacked cells, or a row is added below and the rest of the header row spans it',
    structural: true,
    apply(doc) {
      const SUB = /^(商业企业|科研机构|社会公益组织|社会组织|法律服务机构|其他)$/;
      return eachTable(doc, (L) => {
        const h = headerRows(L);
        const found = L.cells.filter((c) => c.row < h && SUB.test(flat(c.el)));
        if (!found.length) return false;
        const R = found[0].row;
        const subs = found.filter((c) => c.row === R);
        const bottom = (s: Placed, text: string, row: number, rows: number): Placed => {
          const el = s.el.cloneNode(false) as Element;
          el.append(text);
          return { el, row, col: s.col, rows, cols: s.cols };
        };
        const split = subs.map((s) => halves(flat(s.el)));
        if (subs.every((s) => s.rows > 1)) {
          // The header already spans two rows: stack two cells in them.
          subs.forEach((s, i) => {
            L.cells.push(bottom(s, split[i][1], s.row + 1, s.rows - 1));
            s.rows = 1;
          });
        } else if (subs.every((s) => s.rows === 1)) {
          // A new row under the sub-headers; every other cell of their row spans it.
          const tr = L.trs[R].cloneNode(false) as Element;
          L.trs[R].after(tr);
          L.trs.splice(R + 1, 0, tr);
          for (const c of L.cells)
            if (c.row > R) c.row++;
            else if (c.row + c.rows > R && !subs.includes(c)) c.rows++;
          subs.forEach((s, i) => L.cells.push(bottom(s, split[i][1], R + 1, 1)));
        } else return false;
        subs.forEach((s, i) => s.el.replaceChildren(split[i][0]));
        write(L);
        return true;
      });
    },
  },
  {
    id: 'short-rowspan',
    description:
      "Table 三's group labels ((三)–(六), 三、本年度办理结果) span one row short; the last item's label widens left under them (as Word writes it); a stray trailing colspan on that row",
    structural: true,
    apply(doc) {
      const GROUP = /^([（(][三四五六][）)](不予公开|无法提供|不予处理|其他处理)|三、本年度办理结果)/;
      return eachTable(doc, (L) => {
        let tail: number | null = null;
        for (const g of L.cells.filter((c) => c.rows > 1 && GROUP.test(flat(c.el)))) {
          const last = g.row + g.rows - 1;
          const item = L.cells.find((c) => c.row === last && c.col === g.col + g.cols);
          if (!item) continue;
          g.rows--;
          item.col = g.col;
          item.cols += g.cols;
          tail ??= last;
        }
        if (tail === null) return false;
        const end = rightmost(L, tail);
        if (end) end.cols++;
        write(L);
        return true;
      });
    },
  },
  {
    id: 'stray-empty-rowspan',
    description:
      "An empty <td rowspan=N> at the start of a few label rows (their labels one column narrower, so values stay under their headers), and empty cells at those rows' ends",
    structural: true,
    apply(doc) {
      return eachTable(doc, (L) => {
        // Rows whose label starts the row and spans two or more columns, and which hold numbers.
        const lead = (r: number) =>
          L.cells.some((c) => c.row === r && isNumber(flat(c.el)))
            ? L.cells.find((c) => c.row === r && c.col === 0 && c.rows === 1 && c.cols >= 2)
            : undefined;
        const start = L.trs.findIndex((_, r) => lead(r) && lead(r + 1));
        if (start < 0) return false;
        const labels: Placed[] = [];
        for (let r = start; r < start + 3 && lead(r); r++) labels.push(lead(r)!);
        for (const [i, label] of labels.entries()) {
          const end = Math.max(
            ...L.cells.filter((c) => c.row <= label.row && c.row + c.rows > label.row).map((c) => c.col + c.cols),
          );
          L.cells.push({ el: doc.createElement('td'), row: start + i, col: end, rows: 1, cols: 1 });
          label.col = 1;
          label.cols--;
        }
        L.cells.push({ el: doc.createElement('td'), row: start, col: 0, rows: labels.length, cols: 1 });
        write(L);
        return true;
      });
    },
  },
  {
    id: 'colspan-drift',
    description:
      "Word column drift: the first value column becomes two grid columns (every cell over it gets colspan+1, so value rows have a colspan=2 cell and one cell fewer than the grid is wide); the first header row's last cell overshoots the table width by 2",
    structural: true,
    apply(doc) {
      return eachTable(doc, (L) => {
        const j = L.cells.find((c) => isNumber(flat(c.el)))!.col;
        for (const c of L.cells)
          if (c.col > j) c.col++;
          else if (c.col + c.cols > j) c.cols++;
        const end = headerRows(L) ? rightmost(L, 0) : undefined;
        if (end) end.cols += 2;
        write(L);
        return true;
      });
    },
  },
  {
    id: 'page-break-split',
    description:
      'Tables of more than 12 rows split in two <table>s near the middle (at the next row no rowspan crosses), a <p>&nbsp;</p> between',
    structural: true,
    apply: pageBreak(false),
  },
  {
    id: 'page-break-split-repeat-header',
    description: 'As page-break-split, and the second part repeats the header rows (Word\'s "repeat as header row")',
    structural: true,
    apply: pageBreak(true),
  },
];
