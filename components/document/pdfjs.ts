// pdf.js for the document view only: loaded on demand (its own chunk, never in the content script,
// the engine or the popup), its worker and its character maps and standard fonts packaged with the
// extension (wxt.config.ts copies them to pdfjs/), never fetched from the network. MV3 pages forbid
// eval: fonts are drawn without compiled glyph programs (isEvalSupported: false).
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import browser from 'webextension-polyfill';
import { openPdf as openPdfWith } from '../../lib/documents/pdf';

export type PdfJs = typeof import('pdfjs-dist');

/** Where the build puts pdf.js's character maps and standard fonts (see wxt.config.ts). */
export const PDFJS_ASSETS = 'pdfjs';

let loading: Promise<PdfJs> | null = null;

/** The pdf.js module, loaded once, its worker set to the packaged one. */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then((m) => {
    m.GlobalWorkerOptions.workerSrc = workerUrl;
    return m;
  });
  return loading;
}

/** Open a PDF from its bytes with the packaged assets (lib/documents/pdf.ts openPdf: its error keeps
 *  pdf.js's exception name, which model.ts loadError words). */
export async function openPdf(bytes: Uint8Array): Promise<{ pdfjs: PdfJs; pdf: PDFDocumentProxy }> {
  const pdfjs = await loadPdfJs();
  const pdf = await openPdfWith(pdfjs, bytes, {
    cMapUrl: browser.runtime.getURL(`/${PDFJS_ASSETS}/cmaps/`),
    standardFontDataUrl: browser.runtime.getURL(`/${PDFJS_ASSETS}/standard_fonts/`),
  });
  return { pdfjs, pdf };
}
