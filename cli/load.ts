// Load a page for the CLI: a file or a URL, decoded by lib/sweep/decode (shared with the extension;
// GBK-safe). The page URL is the canonical link when a local file carries one, so URL-derived facts
// (publication date) hold. Reading (bytes → text, hash) is apart from parsing, so a batch can skip a
// page it has already audited without parsing it.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { isOle, readDoc } from '../lib/documents/doc';
import { readDocx } from '../lib/documents/docx';
import { decode } from '../lib/sweep/decode';
import { parseHtml } from './dom';
import { readPdfFile } from './pdf';

export { decode };

/** A source read but not parsed: an HTML page's text, or a Word or PDF file's bytes. */
export interface Source {
  url: string;
  /** sha256 of the bytes read, hex, first 16 characters. */
  hash: string;
  html?: string;
  docx?: Uint8Array;
  pdf?: Uint8Array;
}

/** A PDF by its first bytes ("%PDF-"), whatever its name or content type says. */
export const isPdf = (bytes: Uint8Array) =>
  bytes.length > 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;

export const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
/** An http(s) address, not a file path. */
export const isHttp = (s: string) => /^https?:\/\//i.test(s);

export async function readSource(source: string): Promise<Source> {
  if (/\.docx?$/i.test(source) && !isHttp(source)) {
    const docx = await readFile(source);
    return { url: pathToFileURL(source).href, hash: hashOf(docx), docx };
  }
  if (isHttp(source)) {
    const res = await fetch(source);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (isOle(bytes)) return { url: source, hash: hashOf(bytes), docx: bytes }; // a Word 97-2003 file
    if (isPdf(bytes)) return { url: source, hash: hashOf(bytes), pdf: bytes };
    return { url: source, hash: hashOf(bytes), html: decode(bytes, res.headers.get('content-type') ?? '') };
  }
  const bytes = await readFile(source);
  if (isOle(bytes)) return { url: pathToFileURL(source).href, hash: hashOf(bytes), docx: bytes };
  if (isPdf(bytes) || /\.pdf$/i.test(source))
    return { url: pathToFileURL(source).href, hash: hashOf(bytes), pdf: bytes };
  return { url: pathToFileURL(source).href, hash: hashOf(bytes), html: decode(bytes) };
}

/** Parse what readSource read into a document at its URL (the canonical URL for a local copy). */
export async function parseSource(src: Source): Promise<{ doc: Document; url: string }> {
  if (src.docx) {
    const dom = new JSDOM('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>', {
      url: src.url,
    });
    // A .doc by its bytes (OLE), or by its name unless it is a .docx renamed (a zip, "PK").
    const zip = src.docx[0] === 0x50 && src.docx[1] === 0x4b;
    if (isOle(src.docx) || (/\.doc$/i.test(src.url) && !zip)) readDoc(src.docx, dom.window.document);
    else await readDocx(src.docx, new dom.window.DOMParser(), dom.window.document);
    return { doc: dom.window.document, url: src.url };
  }
  if (src.pdf) {
    const doc = parseHtml('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await readPdfFile(src.pdf, doc);
    return { doc, url: src.url };
  }
  const doc = parseHtml(src.html ?? '');
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  return { doc, url: src.url.startsWith('file:') && canonical ? canonical : src.url };
}

export async function loadPage(source: string): Promise<{ doc: Document; url: string }> {
  return parseSource(await readSource(source));
}
