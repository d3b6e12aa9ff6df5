// Reports shown inside a same-origin <iframe> (portal chrome around a framed article): the
// documents worth auditing, and element rectangles in the top window's viewport.

/** The page and its same-origin frames (two levels), top first. Cross-origin frames are skipped. */
export function candidateDocuments(top: Document): Document[] {
  const out = [top];
  for (let i = 0; i < out.length && out.length < 12; i++) {
    // window.length counts child frames without a walk: most pages have none, and a selector
    // walk over a 100k-node page costs ~10 ms.
    if (!out[i].defaultView?.length) continue;
    for (const f of Array.from(out[i].querySelectorAll('iframe, frame'))) {
      try {
        const d = (f as HTMLIFrameElement).contentDocument;
        if (d?.body && !out.includes(d)) out.push(d);
      } catch {
        /* cross-origin */
      }
    }
  }
  return out;
}

/** getBoundingClientRect in the top window's coordinates, through any frames in between. */
export function topRect(el: Element): DOMRect {
  const r = el.getBoundingClientRect();
  let x = r.left;
  let y = r.top;
  for (let w: Window | null = el.ownerDocument.defaultView; w && w.frameElement; w = w.parent) {
    const f = w.frameElement as HTMLElement;
    const fr = f.getBoundingClientRect();
    x += fr.left + f.clientLeft;
    y += fr.top + f.clientTop;
  }
  return new DOMRect(x, y, r.width, r.height);
}

/**
 * Whether a batch of DOM changes could change the audit: content with a table or real text
 * arriving or leaving. Tickers and carousels swap short text: they never re-trigger an audit.
 */
export function relevantChange(records: MutationRecord[], ignore: (n: Node) => boolean): boolean {
  for (const m of records) {
    if (ignore(m.target)) continue;
    for (const n of [...Array.from(m.addedNodes), ...Array.from(m.removedNodes)]) {
      if (ignore(n)) continue;
      if (
        n.nodeType === 1 &&
        ((n as Element).tagName === 'TABLE' || (n as Element).getElementsByTagName('table').length)
      )
        return true;
      if ((n.textContent ?? '').length >= 200) return true;
    }
  }
  return false;
}
