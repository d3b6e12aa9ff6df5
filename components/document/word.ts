// A Word file's written document (lib/documents/docx.ts, doc.ts) shown in the view: its body copied
// element by element into the view's own document — only the tags and attributes a report's text
// and tables need, links only to web addresses, text as text nodes, never markup — with a map from
// each written element to its copy, so the audit's elements (in the written document) are found
// on screen.
import type { FindingRefs } from '../../lib/audit';

const TAGS = new Set([
  'P',
  'BR',
  'TABLE',
  'CAPTION',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'TD',
  'TH',
  'A',
  'IMG',
  'SPAN',
  'B',
  'STRONG',
  'I',
  'EM',
  'U',
  'SUB',
  'SUP',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'LI',
  'DIV',
]);
const ATTRS = new Set(['colspan', 'rowspan', 'alt', 'title']);

/** A copy of `from`'s children inside `into` (an element of the view), and written → shown. */
export function copyWritten(from: Element, into: Element): Map<Element, Element> {
  const map = new Map<Element, Element>([[from, into]]);
  const doc = into.ownerDocument;
  const walk = (src: Element, dst: Element) => {
    for (const n of Array.from(src.childNodes)) {
      if (n.nodeType === 3) {
        dst.appendChild(doc.createTextNode(n.nodeValue ?? ''));
        continue;
      }
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      // Unknown tags: their content, in place (a tag this view does not know is never created).
      if (!TAGS.has(el.tagName)) {
        walk(el, dst);
        continue;
      }
      const copy = dst.appendChild(doc.createElement(el.tagName.toLowerCase()));
      for (const a of Array.from(el.attributes)) if (ATTRS.has(a.name)) copy.setAttribute(a.name, a.value);
      const href = el.tagName === 'A' ? el.getAttribute('href') : null;
      if (href && /^https?:\/\//i.test(href)) {
        copy.setAttribute('href', href);
        copy.setAttribute('target', '_blank');
        copy.setAttribute('rel', 'noopener noreferrer');
      }
      map.set(el, copy);
      walk(el, copy);
    }
  };
  walk(from, into);
  return map;
}

/** The audit's elements, as the view shows them (elements it does not show are left out). */
export function mapRefs(refs: FindingRefs[], to: (el: Element) => Element | null | undefined): FindingRefs[] {
  const all = (els: Element[]) => els.map(to).filter((e): e is Element => !!e);
  return refs.map((r) => ({ ...r, targets: all(r.targets), related: all(r.related) }));
}
