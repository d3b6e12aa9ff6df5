// The report as an attachment: portals often publish the annual report as a PDF/DOCX/DOC file and
// leave the page body a stub ("详见附件", the title, a link) or a viewer (<iframe src="…/viewer.html
// ?file=….pdf">). This finds those files — links, embeds and links wired in page scripts — outside
// the site chrome, best first (the one named as the annual report), and tells a stub page from a
// report that merely has an attachment. Pure DOM: no extension API, no fetch.
import { CMS_SELECTORS, findContainer } from '../dom/container';

export type AttachmentKind = 'pdf' | 'docx' | 'doc';

export interface Attachment {
  /** Absolute URL, without the #fragment. */
  url: string;
  kind: AttachmentKind;
  /** The link's text (its title, else the file name). */
  text: string;
  /** Shown in the page (iframe/embed/object, or a viewer's file= parameter), not only linked. */
  embedded: boolean;
}

/** An attachment found on the page with the element it was found on (null: from a script). */
export interface FoundAttachment extends Attachment {
  el: Element | null;
}

const EXT = /\.(pdf|docx|doc)$/i;
/** Link text naming a file: "附件：…年度报告.pdf", "…年度报告.docx（120KB）". */
const NAME_EXT = /\.(pdf|docx|doc)\s*(?:[(（[【][^)）\]】]*[)）\]】])?\s*$/i;
const VIEWER_PARAM = /^(file|src|url|pdf|path|fileurl|filepath)$/i;
const SCHEMES = /^(https?|file):$/;
const REPORT_NAME = /年度报告|年报/;
const DISCLOSURE = /信息公开|信公开/;
/** Tags and class/id words of site chrome: header, footer, navigation, sidebars, related links. */
const CHROME_TAGS = new Set(['HEADER', 'FOOTER', 'NAV', 'ASIDE']);
const CHROME_WORDS = new Set([
  'header',
  'head',
  'footer',
  'foot',
  'nav',
  'navbar',
  'navigation',
  'menu',
  'sidebar',
  'breadcrumb',
  'crumb',
  'crumbs',
  'copyright',
  'friendlink',
  'friendlinks',
  'yqlj',
  'xglj',
  'related',
]);

const squeeze = (s: string) => s.replace(/\s+/g, '');

function kindOf(name: string): AttachmentKind | null {
  const m = EXT.exec(name.trim());
  return m ? (m[1].toLowerCase() as AttachmentKind) : null;
}

function absolute(href: string, base: string): URL | null {
  try {
    const u = new URL(href.trim(), base);
    if (!SCHEMES.test(u.protocol)) return null;
    u.hash = '';
    return u;
  } catch {
    return null;
  }
}

function fileName(u: URL): string {
  const seg = u.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}

/** The document kind a URL points at: its path's extension, else a query value naming a file (download?file=a.pdf). */
function urlKind(u: URL): AttachmentKind | null {
  const byPath = kindOf(u.pathname);
  if (byPath) return byPath;
  for (const v of u.searchParams.values()) {
    const k = kindOf(v.split(/[?#]/)[0]);
    if (k) return k;
  }
  return null;
}

/** Inside the site's header, footer, navigation or sidebars. */
function inChrome(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (CHROME_TAGS.has(e.tagName)) return true;
    const words = `${e.getAttribute('id') ?? ''} ${e.getAttribute('class') ?? ''}`.toLowerCase();
    if (words.trim() && words.split(/[\s_-]+/).some((w) => CHROME_WORDS.has(w))) return true;
  }
  return false;
}

/** The PDF a viewer address carries (…/viewer.html?file=…pdf), or the address itself when it is a PDF. */
function embeddedPdf(src: string, base: string): URL | null {
  if (!src || src.includes('{{')) return null; // an unrendered template (ms-attr-src="…{{qzbFile}}")
  const u = absolute(src, base);
  if (!u) return null;
  if (kindOf(u.pathname) === 'pdf') return u;
  for (const [k, v] of u.searchParams) {
    if (!VIEWER_PARAM.test(k)) continue;
    const inner = absolute(v, u.href);
    if (inner && kindOf(inner.pathname) === 'pdf') return inner;
  }
  return null;
}

/** `{name:"…年度报告.pdf",url:"https://….pdf"}` pairs and bare quoted document URLs in page scripts. */
function scriptLinks(doc: Document, base: string): { url: URL; text: string }[] {
  const out: { url: URL; text: string }[] = [];
  for (const s of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const code = s.textContent ?? '';
    if (!/\.(pdf|docx?)\b/i.test(code)) continue;
    const named = new Set<string>();
    for (const m of code.matchAll(/name\s*:\s*(["'])([^"'\n]{1,200})\1\s*,\s*url\s*:\s*(["'])([^"'\s]{1,500})\3/g)) {
      const u = absolute(m[4], base);
      if (u && urlKind(u)) {
        out.push({ url: u, text: m[2].trim() });
        named.add(u.href);
      }
    }
    for (const m of code.matchAll(/(["'])((?:https?:)?\/\/[^"'\s]{1,500}?\.(?:pdf|docx?))\1/gi)) {
      const u = absolute(m[2], base);
      if (u && !named.has(u.href)) out.push({ url: u, text: fileName(u) });
    }
  }
  return out;
}

/** The article body: the outermost CMS container with text (however short: a stub), else the scored one. */
export function articleBody(doc: Document): Element {
  for (const sel of CMS_SELECTORS) {
    let best: Element | null = null;
    let bestLen = 0;
    for (const el of Array.from(doc.querySelectorAll(sel))) {
      const len = squeeze(el.textContent ?? '').length;
      if (len > bestLen) [best, bestLen] = [el, len];
    }
    if (best && !inChrome(best)) return best;
  }
  return findContainer(doc);
}

/** Whether a file or link name reads as the annual report (年度报告/年报). */
export const reportNamed = (text: string) => REPORT_NAME.test(squeeze(text));

/** How well a name reads as the annual report: 2 with 信息公开, 1 for 年度报告/年报 alone. */
function reportScore(text: string): number {
  const t = squeeze(text);
  if (!REPORT_NAME.test(t)) return 0;
  return DISCLOSURE.test(t) ? 2 : 1;
}

/** The article body and up to three wrappers around it (not <body>). */
function aroundBody(doc: Document, body: Element): Element {
  let near: Element = body;
  for (let i = 0; i < 3 && near.parentElement && near.parentElement !== doc.body; i++) near = near.parentElement;
  return near;
}

/** Every report attachment with the element it was found on, best first (see findAttachments). */
export function findAttachmentElements(doc: Document, baseUrl: string): FoundAttachment[] {
  const body = articleBody(doc);
  // The body and the few wrappers around it: a portal lists the attachments beside the article
  // (pingtan: .article_attachment next to .article_area), not inside it.
  const near = aroundBody(doc, body);

  const found: (FoundAttachment & { score: number; order: number })[] = [];
  const add = (url: URL, kind: AttachmentKind, text: string, embedded: boolean, el: Element | null) => {
    const name = text.replace(/\s+/g, ' ').trim() || fileName(url);
    const where = el ? (body.contains(el) ? 2 : near.contains(el) ? 1 : 0) : 0;
    found.push({
      url: url.href,
      kind,
      text: name,
      embedded,
      el,
      score: reportScore(name) * 10 + where * 2 + (el ? 1 : 0),
      order: found.length,
    });
  };

  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    if (inChrome(a)) continue;
    const u = absolute(a.getAttribute('href') ?? '', baseUrl);
    if (!u) continue;
    const text = (a.textContent ?? '').trim() || (a.getAttribute('title') ?? '').trim();
    const kind = urlKind(u) ?? NAME_EXT.exec(text)?.[1].toLowerCase() ?? null;
    if (kind) add(u, kind as AttachmentKind, text || fileName(u), false, a);
  }
  for (const el of Array.from(doc.querySelectorAll('iframe, embed, object'))) {
    if (inChrome(el)) continue;
    for (const attr of ['src', 'data', 'data-src']) {
      const u = embeddedPdf(el.getAttribute(attr) ?? '', baseUrl);
      if (!u) continue;
      add(u, 'pdf', el.getAttribute('title') || fileName(u), true, el);
      break;
    }
  }
  for (const { url, text } of scriptLinks(doc, baseUrl)) {
    const kind = urlKind(url);
    if (kind) add(url, kind, text, false, null);
  }

  // One entry per file: the same URL, or the same file name (a local copy's relative link and the
  // script's absolute one); embedded if any copy is, with the best copy's text.
  const best = [...found].sort((a, b) => b.score - a.score || a.order - b.order);
  const out: FoundAttachment[] = [];
  const byKey = new Map<string, FoundAttachment>();
  for (const f of best) {
    const name = fileName(new URL(f.url));
    // Named files only (P020240119326467336614.pdf), not a download script (downfile.jsp?id=…).
    const keys = [f.url, ...(name.length >= 8 && kindOf(name) ? [`name:${name}`] : [])];
    const seen = keys.map((k) => byKey.get(k)).find(Boolean);
    if (seen) {
      if (f.embedded) seen.embedded = true;
      continue;
    }
    const item: FoundAttachment = { url: f.url, kind: f.kind, text: f.text, embedded: f.embedded, el: f.el };
    for (const k of keys) byKey.set(k, item);
    out.push(item);
  }
  return out;
}

/** Report attachments linked or embedded in the page body, absolute URLs, best first (a report-titled one first). */
export function findAttachments(doc: Document, baseUrl: string): Attachment[] {
  return findAttachmentElements(doc, baseUrl).map(({ url, kind, text, embedded }) => ({ url, kind, text, embedded }));
}

/** A stub's body, once the title, the links and the 附件 wording are taken out, is at most this long. */
const STUB_REST = 80;
const STUB_WORDS =
  /(详见|详情见|具体见|请见|见|点击|请|下载|查看|阅读|全文|原文|附件|附件下载|[：:。，,.;；（）()\d])/g;

/**
 * Whether the page is a stub whose report is the attachment: there is an attachment, and the body
 * is little more than the title and 详见附件 / the link — no report prose (主动公开政府信息) and no
 * table of figures.
 */
export function isAttachmentStub(doc: Document, attachments: (Attachment & { el?: Element | null })[]): boolean {
  if (!attachments.length) return false;
  // Reports of several years: a small 年报 listing of files, not one report's page.
  const years = new Set(attachments.filter((a) => reportNamed(a.text)).map((a) => /(?:19|20)\d{2}/.exec(a.text)?.[0]));
  years.delete(undefined);
  if (years.size > 1) return false;
  const body = articleBody(doc);
  // The report's file is linked from the article (or beside it), not from a list elsewhere on the page.
  const el = attachments[0].el;
  if (el && !aroundBody(doc, body).contains(el)) return false;
  let text = squeeze(body.textContent ?? '');
  if (text.includes('主动公开政府信息') || body.querySelector('td + td + td')) return false;
  // Take out the link texts, the titles, then the stub wording.
  const cut = [
    ...Array.from(body.querySelectorAll('a')).map((a) => squeeze(a.textContent ?? '')),
    ...attachments.map((a) => a.text),
    squeeze(doc.title),
    ...Array.from(doc.querySelectorAll('h1, h2')).map((h) => squeeze(h.textContent ?? '')),
  ]
    .filter((t) => t.length >= 2)
    .sort((a, b) => b.length - a.length);
  for (const t of cut) text = text.split(t).join('');
  text = text.replace(/政府信息公开工作年度报告|政府信息公开年度报告|年度报告|年报/g, '').replace(STUB_WORDS, '');
  return text.length <= STUB_REST;
}

/** The attachment a link itself is, when its address names a PDF/DOCX/DOC file (a listing linking the file). */
export function linkedAttachment(url: string, text: string): Attachment | null {
  const u = absolute(url, 'file:///');
  const kind = u && urlKind(u);
  return u && kind
    ? { url: u.href, kind, text: text.replace(/\s+/g, ' ').trim() || fileName(u), embedded: false }
    : null;
}

/** What a file's bytes are: a PDF (%PDF within the first 1024 bytes), a zip (a .docx), an OLE file (a .doc); null for anything else (a page). */
export function sniffDocument(bytes: Uint8Array): AttachmentKind | null {
  const at = (i: number, ...b: number[]) => b.every((x, j) => bytes[i + j] === x);
  if (at(0, 0x50, 0x4b, 0x03, 0x04)) return 'docx';
  if (at(0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'doc';
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++) if (at(i, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  return null;
}
