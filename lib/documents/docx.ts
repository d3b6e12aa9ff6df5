// A Word (.docx) report as a page: its body's paragraphs and tables written into an HTML document
// (<p>; <table> with colspan from w:gridSpan and rowspan from w:vMerge; pictures as <img>, links
// as <a>), so the same reader and rules audit it as they audit a portal page. DOM calls only (text
// through text nodes, never markup), so it runs the same in the extension and in Node (which lends
// its DOMParser).
import JSZip from 'jszip';
import { titleOf } from './title';
import { UnreadableDocument } from './unreadable';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The w: children of an element with this local name. */
const kids = (el: Element, name: string) =>
  [...el.children].filter((c) => c.namespaceURI === W && c.localName === name);
const kid = (el: Element | undefined, name: string) => (el ? kids(el, name)[0] : undefined);
const val = (el: Element | undefined) => el?.getAttributeNS(W, 'val') ?? null;

/** Hyperlink targets by relationship id (word/_rels/document.xml.rels). */
type Links = Map<string, string>;

/** Write a paragraph's runs into `out`: text, tabs as spaces, breaks as <br>, pictures as <img>
 *  (often a table pasted as an image), hyperlinks as <a> (often the tables as an attachment). */
function writeRuns(el: Element, out: Element, links: Links): void {
  const doc = out.ownerDocument;
  for (const c of el.children) {
    if (c.namespaceURI !== W) continue;
    switch (c.localName) {
      case 't':
        out.appendChild(doc.createTextNode(c.textContent ?? ''));
        break;
      case 'tab':
        out.appendChild(doc.createTextNode(' '));
        break;
      case 'br':
      case 'cr':
        out.appendChild(doc.createElement('br'));
        break;
      case 'drawing':
      case 'pict':
        out.appendChild(doc.createElement('img'));
        break;
      case 'hyperlink': {
        const a = out.appendChild(doc.createElement('a'));
        const href = links.get(c.getAttributeNS(R, 'id') ?? '');
        if (href) a.setAttribute('href', href);
        writeRuns(c, a, links);
        break;
      }
      case 'rPr':
      case 'pPr':
      case 'del': // tracked deletions are not the text
        break;
      default:
        writeRuns(c, out, links); // runs, smart tags, insertions, fields' results
    }
  }
}

/** A w:tbl as a <table>: vertically merged cells become one cell with a rowspan. */
function writeTable(tbl: Element, out: Document, links: Links): HTMLTableElement {
  const table = out.createElement('table');
  const tbody = table.appendChild(out.createElement('tbody'));
  // The cell a vertical merge started in, by its first grid column.
  const open = new Map<number, { td: HTMLTableCellElement; span: number }>();
  for (const tr of kids(tbl, 'tr')) {
    const row = tbody.appendChild(out.createElement('tr'));
    let col = Number(val(kid(kid(tr, 'trPr'), 'gridBefore'))) || 0;
    for (const tc of kids(tr, 'tc')) {
      const pr = kid(tc, 'tcPr');
      const span = Number(val(kid(pr, 'gridSpan'))) || 1;
      const merge = kid(pr, 'vMerge');
      const above = open.get(col);
      if (merge && val(merge) !== 'restart' && above?.span === span) {
        above.td.rowSpan += 1;
      } else {
        const td = row.appendChild(out.createElement('td'));
        if (span > 1) td.colSpan = span;
        kids(tc, 'p').forEach((p, i) => {
          if (i) td.appendChild(out.createElement('br'));
          writeRuns(p, td, links);
        });
        if (merge) open.set(col, { td, span });
        else open.delete(col);
      }
      col += span;
    }
  }
  return table;
}

/** Write a docx's word/document.xml (parsed as XML) into `out`'s body, in document order. */
export function writeDocx(xml: Document, out: Document, links: Links = new Map()): void {
  const body = xml.getElementsByTagNameNS(W, 'body')[0];
  if (!body) throw new UnreadableDocument('不是 Word 文档（缺少正文）', 'not-word');
  const lead: string[] = [];
  const walk = (parent: Element) => {
    for (const el of parent.children) {
      if (el.namespaceURI !== W) continue;
      if (el.localName === 'p') {
        const p = out.createElement('p');
        writeRuns(el, p, links);
        const text = (p.textContent ?? '').replace(/\s+/g, '');
        if (!text && !p.querySelector('img, a')) continue;
        if (text && lead.length < 6) lead.push(text);
        out.body.appendChild(p);
      } else if (el.localName === 'tbl') out.body.appendChild(writeTable(el, out, links));
      // A content control (a cover block, a form field) holds paragraphs and tables of its own.
      else if (el.localName === 'sdt') {
        const content = kid(el, 'sdtContent');
        if (content) walk(content);
      }
    }
  };
  walk(body);
  out.title = titleOf(lead);
}

/** Hyperlink targets of the document part's relationships. */
function linksOf(rels: Document | null): Links {
  const links: Links = new Map();
  for (const r of rels ? [...rels.getElementsByTagName('Relationship')] : [])
    if (r.getAttribute('Type')?.endsWith('/hyperlink'))
      links.set(r.getAttribute('Id') ?? '', r.getAttribute('Target') ?? '');
  return links;
}

/**
 * Read a .docx file into `out` (an empty HTML document). Throws one clear line for what is not a
 * readable .docx: a legacy .doc, an encrypted (password-protected) or damaged file.
 */
export async function readDocx(bytes: Uint8Array, parser: DOMParser, out: Document): Promise<void> {
  const zip = await JSZip.loadAsync(bytes).catch(() => {
    throw new UnreadableDocument('不是可读的 .docx 文件（可能是旧版 .doc、已加密或已损坏）', 'damaged');
  });
  const part = zip.file('word/document.xml');
  if (!part) throw new UnreadableDocument('不是 Word 文档（缺少 word/document.xml）', 'not-word');
  const xml = parser.parseFromString(await part.async('string'), 'application/xml');
  if (xml.getElementsByTagName('parsererror').length)
    throw new UnreadableDocument('Word 文档已损坏（word/document.xml 无法解析）', 'damaged');
  const rels = zip.file('word/_rels/document.xml.rels');
  writeDocx(xml, out, linksOf(rels && parser.parseFromString(await rels.async('string'), 'application/xml')));
}
