// Where a document reader placed an element on a PDF page: data-page (1-based) and data-box
// ("x,y,w,h" in that page's viewport at scale 1, origin top left, PDF points). Written by the PDF
// reader, read by it (to join tables across pages) and by the document view (to put markers there).
import type { Box } from './pdf-layout';

export interface PageBox extends Box {
  /** 1-based. */
  page: number;
}

const attr = (b: Box) => [b.x, b.y, b.w, b.h].map((v) => Math.round(v * 10) / 10).join(',');

/** Mark where an element is on the PDF: for markers, and for page numbers in findings. */
export function place(el: Element, page: number, box: Box): void {
  el.setAttribute('data-page', String(page));
  el.setAttribute('data-box', attr(box));
}

/** An element's own place, or null when it has none (or a bad one). */
export function placed(el: Element): PageBox | null {
  const page = Number(el.getAttribute('data-page'));
  const parts = (el.getAttribute('data-box') ?? '').split(',').map(Number);
  if (!Number.isInteger(page) || page < 1 || parts.length !== 4 || !parts.every(Number.isFinite)) return null;
  const [x, y, w, h] = parts;
  return w >= 0 && h >= 0 ? { page, x, y, w, h } : null;
}
