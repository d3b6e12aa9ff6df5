// pdf.js for the CLI: the legacy build (the one made for Node), with the character maps and
// standard fonts read from the installed package (never fetched).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { openPdf, readPdf, type PdfAssets, type PdfRead } from '../lib/documents/pdf';

const ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
export const PDF_ASSETS: PdfAssets = {
  cMapUrl: `${join(ROOT, 'cmaps')}/`,
  standardFontDataUrl: `${join(ROOT, 'standard_fonts')}/`,
};

/** Read a PDF's bytes into `out` (an empty HTML document). */
export async function readPdfFile(bytes: Uint8Array, out: Document): Promise<PdfRead> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // A copy: pdf.js may take the buffer over, and it takes no Node Buffer.
  const pdf = await openPdf(pdfjs, new Uint8Array(bytes), PDF_ASSETS);
  try {
    return await readPdf(pdf, pdfjs, out);
  } finally {
    await pdf.destroy();
  }
}
