// Linearise the article container into the sequence a reader sees: text lines (split at <br>
// and block edges) and tables. Sections, prose and table order are all read from this list.

import { BLOCK, isSkipped } from './text';
import { collapse } from '../text/normalize';

export type Block =
  { kind: 'text'; text: string; el: Element } | { kind: 'table'; el: Element } | { kind: 'image'; el: Element };

export function linearize(root: Element): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let lineEl: Element | null = null;

  const flush = (): void => {
    const text = collapse(parts.join(''));
    if (text && lineEl) blocks.push({ kind: 'text', text, el: lineEl });
    parts = [];
    lineEl = null;
  };
  const blockOf = (el: Element): Element => {
    for (let e: Element | null = el; e && e !== root; e = e.parentElement) if (BLOCK.has(e.tagName)) return e;
    return el;
  };
  const walk = (n: Node): void => {
    if (n.nodeType === 3) {
      const data = (n as Text).data;
      if (!lineEl && data.trim()) lineEl = blockOf(n.parentElement ?? root);
      parts.push(data);
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    const tag = el.tagName;
    // Images, embeds and flipbook frames stand where a table may have been: keep them as blocks.
    if (tag === 'IMG' || tag === 'EMBED' || tag === 'OBJECT' || tag === 'IFRAME') {
      blocks.push({ kind: 'image', el });
      return;
    }
    if (isSkipped(el)) return;
    if (tag === 'TABLE') {
      flush();
      blocks.push({ kind: 'table', el });
      return;
    }
    if (tag === 'BR') return flush();
    const block = BLOCK.has(tag);
    if (block) flush();
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}
