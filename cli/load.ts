// Load a page for the CLI: a file or a URL, decoded by lib/sweep/decode (shared with the extension;
// GBK-safe). The page URL is the canonical link when a local file carries one, so URL-derived facts
// (publication date) hold. Reading (bytes → text, hash) is apart from parsing, so a batch can skip a
// page it has already audited without parsing it.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { sniffDocument } from '../lib/documents/attachments';
import { isOle, readDoc } from '../lib/documents/doc';
import { readDocx } from '../lib/documents/docx';
import { decode } from '../lib/sweep/decode';
import { statusError } from '../lib/sweep/fetch';
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

export const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
/** An http(s) address, not a file path. */
export const isHttp = (s: string) => /^https?:\/\//i.test(s);

/**
 * Bytes as a source by what they are (a PDF; a Word file, zip or OLE), else — a local file only —
 * by its name (a damaged .pdf or .docx gets its reader's one line), else a page.
 */
export function sourceOf(url: string, bytes: Uint8Array, type = ''): Source {
  const hash = hashOf(bytes);
  const byName = url.startsWith('file:') ? (/\.pdf$/i.test(url) ? 'pdf' : /\.docx?$/i.test(url) ? 'docx' : null) : null;
  const kind = sniffDocument(bytes) ?? byName;
  if (kind === 'pdf') return { url, hash, pdf: bytes };
  if (kind) return { url, hash, docx: bytes };
  return { url, hash, html: decode(bytes, type) };
}

export async function readSource(source: string): Promise<Source> {
  if (isHttp(source)) {
    const res = await fetch(source);
    if (!res.ok) throw statusError(res); // its message stays "HTTP 404"; a sweep retries a 5xx
    return sourceOf(source, new Uint8Array(await res.arrayBuffer()), res.headers.get('content-type') ?? '');
  }
  return sourceOf(pathToFileURL(source).href, await readFile(source));
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
