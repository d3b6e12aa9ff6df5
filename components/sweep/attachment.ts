// The sweep page's reader of report attachments: the file fetched (any content type), told apart by
// its bytes, and written into a document the audit reads — a PDF through pdf.js, a .docx through
// lib/documents/docx.ts. Both readers are loaded on demand, in this page only (their own chunks,
// never in the content script, the engine or the popup); a file no reader takes fails as 'document'.
import { sniffDocument, type Attachment } from '../../lib/documents/attachments';
import { decode } from '../../lib/sweep/decode';
import { documentError, fetchDocument, LoadError, type LoadedPage } from '../../lib/sweep/fetch';

/** A PDF's text written into `out` (pdf.js from the document view's loader: packaged worker and assets). */
async function readPdfInto(bytes: Uint8Array, out: Document): Promise<void> {
  const [{ openPdf }, { readPdf }] = await Promise.all([
    import('../document/pdfjs'),
    import('../../lib/documents/pdf'),
  ]);
  const { pdfjs, pdf } = await openPdf(bytes);
  try {
    await readPdf(pdf, pdfjs, out);
  } finally {
    await pdf.destroy();
  }
}

export async function loadAttachment(
  a: Attachment,
  parse: (html: string, url: string) => Document,
  signal?: AbortSignal,
): Promise<LoadedPage> {
  const f = await fetchDocument(a.url, { signal });
  const kind = sniffDocument(f.bytes);
  // Not a file after all (a download.jsp answering with a page): read it as the page it is.
  if (!kind) return { doc: parse(decode(f.bytes, f.type), f.url), url: f.url };
  try {
    const out = document.implementation.createHTMLDocument('');
    if (kind === 'pdf') await readPdfInto(f.bytes, out);
    else if (kind === 'docx') {
      const { readDocx } = await import('../../lib/documents/docx');
      await readDocx(f.bytes, new DOMParser(), out);
    } else throw new LoadError('document', 'DOC');
    return { doc: out, url: f.url };
  } catch (e) {
    throw documentError(e);
  }
}
