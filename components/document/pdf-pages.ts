// The pages of a PDF in the document view, drawn by pdf.js: one box per page at the current zoom,
// each drawn (canvas, then a text layer for selection and find) only when it comes near the
// screen, and let go again far from it, so a long report costs what is on screen. Each page also
// holds the invisible stand-ins of the written elements the audit points at, placed at their
// data-box times the zoom, which the overlay measures. Imperative DOM, not Preact: pdf.js draws
// into elements it is handed.
import type { PDFDocumentProxy, RenderTask, TextLayer } from 'pdfjs-dist';
import { currentPage, proxyTag, scaled, type PageBox } from './model';
import type { PdfJs } from './pdfjs';
import type { PdfPageBox } from '../../lib/documents/pdf';

interface Slot {
  n: number;
  el: HTMLDivElement;
  canvas: HTMLCanvasElement | null;
  text: HTMLDivElement;
  marks: HTMLDivElement;
  /** The zoom it is drawn at (0: not drawn). */
  drawn: number;
  /** Bumped to abandon a drawing in progress (zoom changed, page let go). */
  gen: number;
  task: RenderTask | null;
  textLayer: TextLayer | null;
  near: boolean;
}

interface Proxy {
  el: HTMLElement;
  box: PageBox;
}

/** Draw pages within this distance of the screen; let them go beyond the far one. */
const NEAR = '600px 0px';
const FAR = '3000px 0px';
/** Canvas pixels per CSS pixel at most (a 3× screen at 300 % zoom would need ~100 MB a page). */
const MAX_RATIO = 2;

const div = (cls: string) => {
  const el = document.createElement('div');
  el.className = cls;
  return el;
};

export class PdfPages {
  private readonly slots: Slot[];
  private readonly near: IntersectionObserver;
  private readonly far: IntersectionObserver;
  private proxies: Proxy[] = [];
  private scaleNow: number;

  constructor(
    private readonly host: HTMLElement,
    private readonly pdf: PDFDocumentProxy,
    private readonly pdfjs: PdfJs,
    private readonly sizes: PdfPageBox[],
    scale: number,
    /** The height covered at the top of the window (the sticky bar). */
    private readonly top: () => number,
    /** A page failed to draw (the audit does not depend on it). */
    private readonly onError: (e: unknown) => void = () => {},
  ) {
    this.scaleNow = scale;
    host.style.setProperty('--scale-factor', String(scale));
    this.slots = sizes.map((_, i) => {
      const el = div('pdf-page');
      el.setAttribute('data-page-number', String(i + 1));
      const text = el.appendChild(div('textLayer'));
      const marks = el.appendChild(div('proxies'));
      host.appendChild(el);
      return { n: i + 1, el, canvas: null, text, marks, drawn: 0, gen: 0, task: null, textLayer: null, near: false };
    });
    this.slots.forEach((s) => this.size(s));
    const slotOf = (el: Element) => this.slots[Number(el.getAttribute('data-page-number')) - 1];
    this.near = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const s = slotOf(e.target);
          s.near = e.isIntersecting;
          if (s.near) void this.draw(s);
        }
      },
      { rootMargin: NEAR },
    );
    this.far = new IntersectionObserver(
      (entries) => {
        for (const e of entries) if (!e.isIntersecting) this.release(slotOf(e.target));
      },
      { rootMargin: FAR },
    );
    for (const s of this.slots) {
      this.near.observe(s.el);
      this.far.observe(s.el);
    }
  }

  get scale(): number {
    return this.scaleNow;
  }

  get count(): number {
    return this.slots.length;
  }

  /** Zoom, keeping the same place of the same page at the top of the window. */
  setScale(scale: number): void {
    if (Math.abs(scale - this.scaleNow) < 1e-6) return;
    const at = this.slots[this.current() - 1].el.getBoundingClientRect();
    const within = (this.top() - at.top) / Math.max(1, at.height);
    this.scaleNow = scale;
    this.host.style.setProperty('--scale-factor', String(scale));
    for (const s of this.slots) {
      s.gen++;
      s.task?.cancel();
      this.size(s);
    }
    for (const p of this.proxies) this.place(p);
    const after = this.slots[this.current() - 1].el.getBoundingClientRect();
    window.scrollBy(0, after.top + within * after.height - this.top());
    // Pages that stay near the screen are not reported again: draw them at the new zoom now (the
    // old drawing is stretched until then).
    for (const s of this.slots) if (s.near) void this.draw(s);
  }

  /** The page at the top of the window (1-based). */
  current(): number {
    const line = this.top() + (window.innerHeight - this.top()) / 3;
    return currentPage(
      this.slots.map((s) => s.el.getBoundingClientRect().top),
      line,
    );
  }

  /** Scroll page n to the top of the window. */
  goTo(n: number): void {
    const s = this.slots[Math.min(this.slots.length, Math.max(1, Math.round(n) || 1)) - 1];
    window.scrollTo({ top: s.el.getBoundingClientRect().top + window.scrollY - this.top() - 8 });
  }

  /** An invisible stand-in for a written element at its box; the overlay draws beside it. */
  addProxy(box: PageBox, tag: string): HTMLElement | null {
    const slot = this.slots[box.page - 1];
    if (!slot) return null;
    const el = document.createElement(proxyTag(tag));
    el.className = 'proxy';
    el.setAttribute('aria-hidden', 'true');
    slot.marks.appendChild(el);
    const p = { el, box };
    this.place(p);
    this.proxies.push(p);
    return el;
  }

  clearProxies(): void {
    for (const p of this.proxies) p.el.remove();
    this.proxies = [];
  }

  destroy(): void {
    this.near.disconnect();
    this.far.disconnect();
    for (const s of this.slots) this.release(s);
    this.host.replaceChildren();
  }

  private size(s: Slot): void {
    const { width, height } = this.sizes[s.n - 1];
    s.el.style.width = `${width * this.scaleNow}px`;
    s.el.style.height = `${height * this.scaleNow}px`;
  }

  private place({ el, box }: Proxy): void {
    const r = scaled(box, this.scaleNow);
    Object.assign(el.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  }

  /** Draw a page at the current zoom: the canvas, then its text layer. */
  private async draw(s: Slot): Promise<void> {
    const scale = this.scaleNow;
    if (s.drawn === scale) return;
    const gen = ++s.gen;
    const stale = () => gen !== s.gen;
    try {
      const page = await this.pdf.getPage(s.n);
      if (stale()) return;
      const viewport = page.getViewport({ scale, rotation: this.sizes[s.n - 1].rotation });
      const ratio = Math.min(window.devicePixelRatio || 1, MAX_RATIO);
      const canvas = document.createElement('canvas');
      canvas.className = 'pdf-canvas';
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      const task = page.render({
        canvasContext: canvas.getContext('2d')!,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      s.task = task;
      await task.promise;
      if (stale()) return;
      s.canvas?.remove();
      s.el.prepend(canvas);
      s.canvas = canvas;
      const text = div('textLayer');
      s.textLayer?.cancel();
      const layer = new this.pdfjs.TextLayer({
        textContentSource: page.streamTextContent(),
        container: text,
        viewport,
      });
      s.textLayer = layer;
      await layer.render();
      if (stale()) return;
      s.text.replaceWith(text);
      s.text = text;
      s.drawn = scale;
    } catch (e) {
      if (!stale() && (e as { name?: string } | null)?.name !== 'RenderingCancelledException') this.onError(e);
    } finally {
      if (!stale()) s.task = null;
    }
  }

  /** Let a page far from the screen go: its canvas (the memory) and text layer; drawn again when near. */
  private release(s: Slot): void {
    s.gen++;
    s.task?.cancel();
    s.textLayer?.cancel();
    s.task = null;
    s.textLayer = null;
    if (s.canvas) {
      s.canvas.width = 0;
      s.canvas.remove();
      s.canvas = null;
    }
    s.text.replaceChildren();
    s.drawn = 0;
  }
}
