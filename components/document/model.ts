// The document view's logic as pure functions (no extension API): which file the page shows, how a
// caught error is worded, the zoom steps, and where each element the audit points at sits on a PDF
// page. The view (App.tsx, pdf-pages.ts) and tests/document-view.test.ts both use these.
import { placed, type PageBox } from '../../lib/documents/placed';
import type { UnreadableReason } from '../../lib/documents/unreadable';

export type { PageBox };

export interface DocTarget {
  /** The file's address (http, https or file). */
  src: string;
  /** Its file name, for messages ("2023年报.pdf"). */
  name: string;
}

/** The file name at the end of an address's path, decoded ("…/2023%E5%B9%B4.pdf" → "2023年.pdf"). */
export function fileName(src: string): string {
  let path = src;
  try {
    path = new URL(src).pathname;
  } catch {
    /* not a URL: take it as a path */
  }
  const last = path.split('/').filter(Boolean).pop() ?? src;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The file named by the page's own query; null unless it is an http(s) or file address. */
export function parseDocumentSearch(search: string): DocTarget | null {
  const src = new URLSearchParams(search).get('src') ?? '';
  try {
    if (!/^(https?|file):$/.test(new URL(src).protocol)) return null;
  } catch {
    return null;
  }
  return { src, name: fileName(src) };
}

/** Why a file could not be shown: the catalog key of the one line the view says (with the file's name). */
export type LoadError =
  | { key: 'doc.error.network'; error: string }
  | { key: 'doc.error.http'; status: number }
  | { key: 'doc.error.encrypted' }
  | { key: 'doc.error.corrupt' }
  | { key: 'doc.error.wordDamaged' }
  | { key: 'doc.error.oldWord' }
  | { key: 'doc.error.kind' }
  | { key: 'doc.error.fileAccess' }
  | { key: 'doc.error.read'; error: string };

/** An HTTP status as an error (fetch resolves on 404). */
export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** The Word readers' reasons (lib/documents/unreadable.ts) as the view's lines. */
const WORD_ERRORS = {
  encrypted: 'doc.error.encrypted',
  damaged: 'doc.error.wordDamaged',
  'not-word': 'doc.error.kind',
  'old-word': 'doc.error.oldWord',
} as const satisfies Record<UnreadableReason, LoadError['key']>;

/** A caught value while fetching or reading a file, as what the view says. pdf.js's exceptions are
 *  told apart by name (PasswordException, InvalidPDFException), as they cross from its worker. */
export function loadError(e: unknown, stage: 'fetch' | 'read'): LoadError {
  const name = typeof e === 'object' && e ? String((e as { name?: unknown }).name ?? '') : '';
  const message = (e instanceof Error ? e.message : String(e)) || 'unknown error';
  if (e instanceof HttpError) return { key: 'doc.error.http', status: e.status };
  if (name === 'PasswordException') return { key: 'doc.error.encrypted' };
  if (name === 'InvalidPDFException' || name === 'FormatError') return { key: 'doc.error.corrupt' };
  if (name === 'UnreadableDocument') return { key: WORD_ERRORS[(e as { reason: UnreadableReason }).reason] };
  if (stage === 'fetch') return { key: 'doc.error.network', error: message };
  return { key: 'doc.error.read', error: message };
}

// ---------------------------------------------------------------------------------------------
// Zoom

/** The zoom steps of − and +. */
export const ZOOMS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];

/** The next step from `scale` up (dir 1) or down (dir -1), staying in range. */
export function stepZoom(scale: number, dir: 1 | -1): number {
  if (dir > 0) return ZOOMS.find((z) => z > scale + 1e-6) ?? ZOOMS[ZOOMS.length - 1];
  return [...ZOOMS].reverse().find((z) => z < scale - 1e-6) ?? ZOOMS[0];
}

/** The scale at which the widest page fills `available` CSS pixels (within the zoom range). */
export function fitWidth(available: number, pageWidths: number[]): number {
  const widest = Math.max(1, ...pageWidths);
  const s = Math.floor((available / widest) * 100) / 100;
  return Math.min(ZOOMS[ZOOMS.length - 1], Math.max(ZOOMS[0], s));
}

// ---------------------------------------------------------------------------------------------
// Where an element of a PDF's written document is on its page

/** A box on a page, in that page's viewport at scale 1 (PDF points, origin top left). */
/** The smallest box holding all of `boxes` (all on one page). */
export function union(boxes: PageBox[]): PageBox {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return { page: boxes[0].page, x, y, w: right - x, h: bottom - y };
}

/**
 * Where an element is shown: its own box; else (a table, a row, the body) the union of the boxed
 * elements inside it on the page where it starts; else (something inside a paragraph) its nearest
 * boxed ancestor's. Null when nothing around it has a box.
 */
export function boxOf(el: Element): PageBox | null {
  const own = placed(el);
  if (own) return own;
  const inside = Array.from(el.querySelectorAll('[data-box]'), placed).filter((b): b is PageBox => !!b);
  if (inside.length) return union(inside.filter((b) => b.page === inside[0].page));
  for (let p = el.parentElement; p; p = p.parentElement) {
    const b = placed(p);
    if (b) return b;
  }
  return null;
}

/** A box at a zoom, in CSS pixels of its page's container. */
export const scaled = (b: PageBox, scale: number) => ({
  left: b.x * scale,
  top: b.y * scale,
  width: b.w * scale,
  height: b.h * scale,
});

/** The tag a stand-in keeps: the overlay places a marker by tag (on a cell's corner, beside a table). */
export const proxyTag = (tag: string) => (/^(TD|TH|TABLE)$/i.test(tag) ? tag.toLowerCase() : 'div');

/** The page nearest the top of the view: the last one whose top is above `line` (page tops in order). */
export function currentPage(tops: number[], line: number): number {
  let n = 1;
  tops.forEach((t, i) => {
    if (t <= line) n = i + 1;
  });
  return n;
}
