// Load a page for the CLI: a file or a URL, decoded by lib/sweep/decode (shared with the extension;
// GBK-safe). The page URL is the canonical link when a local file carries one, so URL-derived facts
// (publication date) hold.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { readDocx } from '../lib/documents/docx';
import { decode } from '../lib/sweep/decode';

export { decode };

/** A Word file as a page (lib/documents/docx.ts), at its file URL. */
async function loadDocx(source: string): Promise<{ doc: Document; url: string }> {
  const url = pathToFileURL(source).href;
  const dom = new JSDOM('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>', { url });
  await readDocx(await readFile(source), new dom.window.DOMParser(), dom.window.document);
  return { doc: dom.window.document, url };
}

export async function loadPage(source: string): Promise<{ doc: Document; url: string }> {
  if (/\.docx?$/i.test(source) && !/^https?:\/\//.test(source)) return loadDocx(source);
  let html: string;
  let url: string;
  if (/^https?:\/\//.test(source)) {
    const res = await fetch(source);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    html = decode(new Uint8Array(await res.arrayBuffer()), res.headers.get('content-type') ?? '');
    url = source;
  } else {
    html = decode(await readFile(source));
    url = pathToFileURL(source).href;
  }
  const dom = new JSDOM(html, { url });
  const doc = dom.window.document;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  return { doc, url: url.startsWith('file:') && canonical ? canonical : url };
}
