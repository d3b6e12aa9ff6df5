// Find the article body. CMS containers first (most specific wins); otherwise score elements by
// text minus link text in one bottom-up pass, so navigation chrome and layout tables lose.

export const CMS_SELECTORS = [
  '.TRS_Editor',
  '.trs_editor_view',
  '.Custom_UnionStyle',
  '#UCAP-CONTENT',
  '#zoom',
  '#ivs_content',
  '.article-content',
  '.xxgk_content',
  '#content',
  'article',
];

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, '').length;
}

export function findContainer(doc: Document): Element {
  for (const sel of CMS_SELECTORS) {
    const found = Array.from(doc.querySelectorAll(sel));
    // Outermost match with the most text: TRS nests .TRS_Editor inside .TRS_Editor.
    let best: Element | null = null;
    let bestLen = 0;
    for (const el of found) {
      const len = textLength(el);
      if (len > bestLen) [best, bestLen] = [el, len];
    }
    if (best && bestLen >= 200) return best;
  }
  return scoreContainer(doc.body ?? doc.documentElement);
}

const CANDIDATES = new Set(['DIV', 'TD', 'ARTICLE', 'SECTION', 'MAIN', 'BODY']);

function scoreContainer(root: Element): Element {
  let best = root;
  let bestScore = -Infinity;
  const visit = (el: Element): { text: number; link: number } => {
    let text = 0;
    let link = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) text += (c as Text).data.replace(/\s+/g, '').length;
      else if (c.nodeType === 1) {
        const tag = (c as Element).tagName;
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') continue;
        const sub = visit(c as Element);
        text += sub.text;
        link += tag === 'A' ? sub.text : sub.link;
      }
    }
    // <body> competes too: a bare page (a saved or rebuilt report) has its paragraphs and tables
    // directly under it, and the best <td> of its own tables must not win.
    if (CANDIDATES.has(el.tagName)) {
      const score = text - 3 * link;
      if (score > bestScore) [best, bestScore] = [el, score];
    }
    return { text, link };
  };
  visit(root);
  return best;
}
