// The page overlay (components/overlay: markers, hover cards, chip, findings panel), unchanged, in
// the document view: the same <gov-report-audit> host with its open shadow root and styles, drawn
// beside the view's own elements (a PDF page's stand-ins, a Word file's copied cells). The one
// difference: the view's sticky bar stays clear of markers scrolled under it.
import { h, render } from 'preact';
import type { FindingRefs } from '../../lib/audit';
import type { AuditResult, Locale } from '../../lib/result';
import { HOST_NAME } from '../ext/overlay-mount';
import type { Settings } from '../ext/settings-model';
import { Overlay } from '../overlay/Overlay';
import { OVERLAY_CSS } from '../overlay/styles';

/** Markers and boxes are clipped below the bar (--doc-bar on the host: its height). */
const DOC_CSS = `.layer { clip-path: inset(var(--doc-bar, 0px) 0 0 0); }`;

export interface DocOverlay {
  draw(result: AuditResult, refs: FindingRefs[], s: Pick<Settings, 'locale' | 'minSeverity'>): void;
  /** Lay the markers out again (after a zoom). */
  refresh(): void;
  remove(): void;
}

export function mountDocOverlay(barHeight: () => number): DocOverlay {
  let host: HTMLElement | null = null;
  let container: HTMLElement | null = null;
  let last: { result: AuditResult; refs: FindingRefs[]; locale: Locale; minSeverity: Settings['minSeverity'] } | null =
    null;
  const paint = () => {
    if (!last) return;
    if (!host || !container) {
      host = document.createElement(HOST_NAME);
      const root = host.attachShadow({ mode: 'open' });
      const style = root.appendChild(document.createElement('style'));
      style.textContent = OVERLAY_CSS + DOC_CSS;
      container = root.appendChild(document.createElement('div'));
      document.body.appendChild(host);
    }
    host.style.setProperty('--doc-bar', `${barHeight()}px`);
    render(h(Overlay, { ...last, bind: () => {} }), container);
  };
  return {
    draw(result, refs, s) {
      last = { result, refs, locale: s.locale, minSeverity: s.minSeverity };
      paint();
    },
    refresh: paint,
    remove() {
      if (container) render(null, container);
      host?.remove();
      host = container = null;
      last = null;
    },
  };
}
