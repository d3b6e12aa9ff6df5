// A PDF report as a page: pdf.js's text items (with their positions) and the page's ruling lines
// (from its operator list) laid out into paragraphs and tables with row/column spans
// (./pdf-layout), written into an HTML document, so the same reader and rules audit it as they
// audit a portal page. Every written element carries where it is on the PDF (data-page, data-box),
// so a view can put markers there and the CLI can name the page.
// pdf.js itself is the caller's (the legacy build in Node, the packaged one in the extension's
// document view): this module never imports it, and the content script never loads it.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { joinText, layoutPage, type Block, type Box, type Piece, type Segment } from './pdf-layout';
import { continueTable, startTable, type TableWriter } from './pdf-tables';
import { place } from './placed';
import { SCAN_MARK } from './scanned';
import { titleOf } from './title';

/** What this reader needs of the caller's pdf.js module. */
export type PdfJs = Pick<typeof import('pdfjs-dist'), 'getDocument' | 'OPS'>;

/** Where the caller's pdf.js finds its character maps and standard fonts (packaged, never fetched from the network). */
export interface PdfAssets {
  cMapUrl: string;
  standardFontDataUrl: string;
}

/**
 * Open a PDF. What cannot be opened (encrypted, damaged, not a PDF) throws one clear line, under
 * pdf.js's own exception name (PasswordException, InvalidPDFException …) so a UI can word it itself.
 */
export async function openPdf(pdfjs: PdfJs, data: Uint8Array, assets: PdfAssets): Promise<PDFDocumentProxy> {
  const task = pdfjs.getDocument({ data, ...assets, cMapPacked: true, isEvalSupported: false, verbosity: 0 });
  try {
    return await task.promise;
  } catch (e) {
    const name = (e as { name?: string } | null)?.name ?? 'Error';
    const line =
      name === 'PasswordException'
        ? 'PDF 已加密（需要密码），无法读取'
        : name === 'InvalidPDFException'
          ? 'PDF 文件已损坏或不完整，无法读取'
          : `PDF 无法读取：${(e as Error)?.message ?? String(e)}`;
    throw Object.assign(new Error(line), { name });
  }
}

/** A page's size in its viewport at scale 1 (PDF points, rotation applied), and that rotation. */
export interface PdfPageBox {
  width: number;
  height: number;
  /** Degrees, for getViewport({ rotation }): the page's own, or the one that sets its text upright. */
  rotation: number;
}

export interface PdfRead {
  pages: PdfPageBox[];
  /** No text layer (a scan): nothing was written but the mark on <html> (./scanned). */
  scanned: boolean;
}

type Matrix = number[];

/** m applied after n (pdf.js's Util.transform). */
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Fewer letters than this in the whole file: it is a scan (or blank), not a text PDF. */
const MIN_TEXT = 20;
/** A filled rectangle thinner than this (points) is drawn as a rule. */
const THIN = 2.5;

/** A path in page (viewport) coordinates: its subpaths as point lists, and its rectangles. */
interface Path {
  subpaths: number[][][];
  rects: Box[];
}

function pathOf(ops: number[], args: number[], m: Matrix, OPS: PdfJs['OPS']): Path {
  const path: Path = { subpaths: [], rects: [] };
  let current: number[][] = [];
  let j = 0;
  const to = (x: number, y: number) => current.push(apply(m, x, y));
  for (const op of ops) {
    if (op === OPS.rectangle) {
      const [x, y, w, h] = args.slice(j, (j += 4));
      const [a, b] = [apply(m, x, y), apply(m, x + w, y + h)];
      path.rects.push({
        x: Math.min(a[0], b[0]),
        y: Math.min(a[1], b[1]),
        w: Math.abs(b[0] - a[0]),
        h: Math.abs(b[1] - a[1]),
      });
    } else if (op === OPS.moveTo) {
      current = [];
      path.subpaths.push(current);
      to(args[j], args[j + 1]);
      j += 2;
    } else if (op === OPS.lineTo) {
      to(args[j], args[j + 1]);
      j += 2;
    } else if (op === OPS.curveTo) {
      to(args[j + 4], args[j + 5]);
      j += 6;
    } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
      to(args[j + 2], args[j + 3]);
      j += 4;
    } else if (op === OPS.closePath && current.length) current.push(current[0]);
  }
  return path;
}

/** A subpath's bounding box. */
function boundsOf(points: number[][]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/** A thin filled shape (a rectangle, or the bevelled quadrilateral of a 3-D border) as the rule it draws. */
function ruleOf(r: Box): Segment | null {
  if (r.h <= THIN && r.w > r.h) return { x1: r.x, y1: r.y + r.h / 2, x2: r.x + r.w, y2: r.y + r.h / 2 };
  if (r.w <= THIN && r.h > r.w) return { x1: r.x + r.w / 2, y1: r.y, x2: r.x + r.w / 2, y2: r.y + r.h };
  return null;
}

const axisAligned = (s: Segment) => Math.abs(s.x1 - s.x2) < 0.5 || Math.abs(s.y1 - s.y2) < 0.5;

/** The page's ruling lines (stroked lines and rectangles, thin filled shapes) and the boxes of its pictures. */
function drawingOf(fnArray: number[], argsArray: unknown[], viewport: Matrix, OPS: PdfJs['OPS']) {
  const segments: Segment[] = [];
  const images: Box[] = [];
  const stack: Matrix[] = [];
  let ctm = viewport;
  let path: Path | null = null;
  const stroke = () => {
    if (!path) return;
    for (const pts of path.subpaths)
      for (let k = 1; k < pts.length; k++) {
        const s = { x1: pts[k - 1][0], y1: pts[k - 1][1], x2: pts[k][0], y2: pts[k][1] };
        if (axisAligned(s)) segments.push(s);
      }
    for (const r of path.rects)
      segments.push(
        { x1: r.x, y1: r.y, x2: r.x + r.w, y2: r.y },
        { x1: r.x, y1: r.y + r.h, x2: r.x + r.w, y2: r.y + r.h },
        { x1: r.x, y1: r.y, x2: r.x, y2: r.y + r.h },
        { x1: r.x + r.w, y1: r.y, x2: r.x + r.w, y2: r.y + r.h },
      );
  };
  const fill = () => {
    if (!path) return;
    for (const r of [...path.rects, ...path.subpaths.filter((p) => p.length > 2).map(boundsOf)]) {
      const rule = ruleOf(r);
      if (rule) segments.push(rule);
    }
  };
  const STROKES = [OPS.stroke, OPS.closeStroke];
  const FILLS = [OPS.fill, OPS.eoFill];
  const BOTH = [OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke];
  const IMAGES = [OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = mul(ctm, args[0] as number[]);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) path = pathOf(args[0] as number[], args[1] as number[], ctm, OPS);
    else if (STROKES.includes(fn)) stroke();
    else if (FILLS.includes(fn)) fill();
    else if (BOTH.includes(fn)) {
      stroke();
      fill();
    } else if (IMAGES.includes(fn))
      images.push(boundsOf([apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)]));
  });
  return { segments, images };
}

/** The page's text items as pieces on its viewport (baseline, width, font size). */
function piecesOf(items: TextItem[], viewport: Matrix): Piece[] {
  return items.map((it) => {
    const t = mul(viewport, it.transform as number[]);
    return { str: it.str, x: t[4], y: t[5], w: it.width, size: Math.hypot(t[2], t[3]) };
  });
}

/** A link on a page (a Link annotation with a URL), in viewport coordinates. */
interface Link {
  url: string;
  box: Box;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Blocks of all pages into `out`: tables and paragraphs continued across a page break joined. */
function writeBlocks(pages: Block[][], links: Link[][], out: Document): string[] {
  const lead: string[] = [];
  let table: TableWriter | null = null;
  let para: { p: HTMLParagraphElement; text: string; full: boolean } | null = null;
  pages.forEach((blocks, i) => {
    const page = i + 1;
    blocks.forEach((b, k) => {
      const top = k === 0;
      if (b.kind === 'img') {
        place(out.body.appendChild(out.createElement('img')), page, b.box);
        table = null;
        para = null;
        return;
      }
      if (b.kind === 'table') {
        para = null;
        if (!(top && table && continueTable(table, b, page))) table = startTable(out, b, page);
        return;
      }
      table = null;
      const text = b.lines.reduce((s, l) => joinText(s, l.text), '');
      if (top && para?.full && b.flush) {
        // The paragraph the last page ended in goes on here.
        para.text = joinText(para.text, text);
        para.p.textContent = para.text;
      } else {
        const p = out.body.appendChild(out.createElement('p'));
        // A paragraph with a link in it (an attachment's name, a web address) keeps the link.
        const link = links[i].find((l) => overlaps(l.box, b.box));
        const holder = link ? p.appendChild(out.createElement('a')) : p;
        if (link) holder.setAttribute('href', link.url);
        holder.textContent = text;
        place(p, page, b.box);
        para = { p, text, full: false };
        if (lead.length < 6) lead.push(text);
      }
      para.full = b.full;
    });
    // Only a block at a page's foot goes on onto the next page.
    const last = blocks[blocks.length - 1];
    if (last?.kind !== 'table') table = null; // an image between parts ends the table too
    if (last?.kind !== 'p') para = null;
  });
  return lead;
}

/**
 * The rotation that shows the page's text upright: its own, unless most of its text would then run
 * down or up the page (a portrait page turned sideways by /Rotate, a scanner's habit).
 */
function uprightRotation(page: PDFPageProxy, items: TextItem[]): number {
  for (const turn of [0, 90, 270, 180]) {
    const rotation = (page.rotate + turn) % 360;
    const m = page.getViewport({ scale: 1, rotation }).transform;
    let along = 0;
    let across = 0;
    for (const it of items) {
      const t = mul(m, it.transform as number[]);
      along += t[0] * it.str.length;
      across += Math.abs(t[1]) * it.str.length;
    }
    if (along >= across) return rotation;
  }
  return page.rotate;
}

/**
 * Write the PDF's text into `out` (an empty HTML document): paragraphs as <p>, ruled tables as
 * <table> with rowspan/colspan, tables and paragraphs continued across pages joined. Each <p> and
 * <td> has data-page (1-based) and data-box ("x,y,w,h": its box in that page's viewport at scale
 * 1, origin top left, PDF points).
 */
export async function readPdf(pdf: PDFDocumentProxy, pdfjs: PdfJs, out: Document): Promise<PdfRead> {
  const pages: PdfPageBox[] = [];
  const blocks: Block[][] = [];
  const links: Link[][] = [];
  let letters = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [text, ops, annotations] = await Promise.all([
      page.getTextContent(),
      page.getOperatorList(),
      page.getAnnotations(),
    ]);
    const items = text.items.filter((it): it is TextItem => 'str' in it);
    letters += items.reduce((s, it) => s + it.str.replace(/\s/g, '').length, 0);
    const rotation = uprightRotation(page, items);
    const viewport = page.getViewport({ scale: 1, rotation });
    const { segments, images } = drawingOf(ops.fnArray, ops.argsArray, viewport.transform, pdfjs.OPS);
    pages.push({ width: viewport.width, height: viewport.height, rotation });
    links.push(
      annotations
        .filter((a) => a.subtype === 'Link' && typeof a.url === 'string')
        .map((a) => {
          const [x1, y1, x2, y2] = a.rect as number[];
          return {
            url: a.url as string,
            box: boundsOf([apply(viewport.transform, x1, y1), apply(viewport.transform, x2, y2)]),
          };
        }),
    );
    blocks.push(layoutPage(piecesOf(items, viewport.transform), segments, viewport, images));
  }
  if (letters < MIN_TEXT) {
    out.documentElement.setAttribute(SCAN_MARK, String(pages.length));
    return { pages, scanned: true };
  }
  out.title = titleOf(writeBlocks(blocks, links, out));
  return { pages, scanned: false };
}
