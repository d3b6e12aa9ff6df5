// pdf.js for the document view only: loaded on demand (its own chunk, never in the content script,
// the engine or the popup), its worker and its character maps and standard fonts packaged with the
// extension (wxt.config.ts copies them to pdfjs/), never fetched from the network. MV3 pages forbid
// eval: fonts are drawn without compiled glyph programs (isEvalSupported: false).
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import browser from 'webextension-polyfill';

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

/** Open a PDF from its bytes. pdf.js's own exceptions (PasswordException, InvalidPDFException) are
 *  thrown as they are, so the view can tell them apart (model.ts loadError). */
export async function openPdf(bytes: Uint8Array): Promise<{ pdfjs: PdfJs; pdf: PDFDocumentProxy }> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: bytes,
    cMapUrl: browser.runtime.getURL(`/${PDFJS_ASSETS}/cmaps/`),
    cMapPacked: true,
    standardFontDataUrl: browser.runtime.getURL(`/${PDFJS_ASSETS}/standard_fonts/`),
    isEvalSupported: false,
    stopAtErrors: false,
  });
  return { pdfjs, pdf: await task.promise };
}
