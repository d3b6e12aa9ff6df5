// The document view's controller: which file (?src=), the host permission to read it (asked in
// the "授权并打开" click if missing), its bytes and kind, reading it (pdf.js for a PDF, the Word
// readers for .docx/.doc, each loaded only for its kind) into a written document, and the audit of that document — again when the
// settings change. Every browser call of the page is here or in source.ts; the views render what
// it returns.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { audit as auditDoc, type Audit } from '../../lib/audit';
import { sniffDocument } from '../../lib/documents/attachments';
import { readPdf, type PdfPageBox } from '../../lib/documents/pdf';
import { translator, type Translate } from '../../lib/i18n';
import type { Locale } from '../../lib/result';
import { RULES } from '../../lib/rules';
import { errorText } from '../errors';
import { useExports, useNotice } from '../export-actions';
import { requestHosts } from '../ext/permissions';
import { compareWithLog, recordAudit } from '../ext/log-client';
import { getSettings, watchSettings } from '../ext/settings';
import { DEFAULT_SETTINGS, type Settings } from '../ext/settings-model';
import { stamp } from '../ext/snapshot';
import { patternHost } from '../sweep/model';
import { DOCUMENT_MESSAGES, type DocumentKey } from './messages';
import { loadError, parseDocumentSearch, type DocTarget, type LoadError } from './model';
import { openPdf, type PdfJs } from './pdfjs';
import { FileAccessError, LOCAL_FILES, fetchBytes, missingHost } from './source';

/** A permission's match pattern as the user reads it: the host, or "本地文件". */
export const hostLabel = (pattern: string, tr: Translate<DocumentKey>) =>
  pattern === LOCAL_FILES ? tr('doc.localFiles') : patternHost(pattern);

export type Phase =
  | { kind: 'init' }
  | { kind: 'bad-src' }
  | { kind: 'permission'; pattern: string }
  | { kind: 'fetching' }
  | { kind: 'reading' }
  | { kind: 'failed'; error: LoadError }
  /** A PDF shown page by page (sizes at scale 1); its text is read and audited meanwhile. */
  | { kind: 'pdf'; pdf: PDFDocumentProxy; pdfjs: PdfJs; sizes: PdfPageBox[] }
  /** A Word file: its written body, copied into the view. */
  | { kind: 'word'; body: HTMLElement };

export type Audited =
  | { kind: 'pending' }
  /** A PDF without a text layer: nothing to audit. */
  | { kind: 'scanned' }
  | { kind: 'failed'; error: LoadError }
  | { kind: 'done'; audit: Audit; auditedAt: string };

/** Each page's size at scale 1 (the view lays the pages out before any is drawn). */
async function pageSizes(pdf: PDFDocumentProxy): Promise<PdfPageBox[]> {
  const pages = await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pdf.getPage(i + 1)));
  return pages.map((p) => {
    const v = p.getViewport({ scale: 1 });
    return { width: v.width, height: v.height, rotation: p.rotate };
  });
}

/** Fetch, tell the kind, read: the written document (and how the view shows it), or why not. */
function useOpen(
  setPhase: (p: Phase) => void,
  setAudited: (a: Audited) => void,
  written: { current: Document | null },
) {
  return useCallback(
    async (target: DocTarget) => {
      setPhase({ kind: 'fetching' });
      let bytes: Uint8Array;
      try {
        bytes = await fetchBytes(target.src);
      } catch (e) {
        return setPhase({ kind: 'failed', error: loadError(e, 'fetch') });
      }
      const kind = sniffDocument(bytes);
      if (!kind) return setPhase({ kind: 'failed', error: { key: 'doc.error.kind' } });
      setPhase({ kind: 'reading' });
      const out = document.implementation.createHTMLDocument('');
      let shown = false;
      try {
        if (kind === 'pdf') {
          const { pdf, pdfjs } = await openPdf(bytes);
          const sizes = await pageSizes(pdf);
          setPhase({ kind: 'pdf', pdf, pdfjs, sizes });
          shown = true;
          const read = await readPdf(pdf, pdfjs, out);
          if (read.scanned) return setAudited({ kind: 'scanned' });
          // A page the reader turned upright (its text ran sideways) is shown as read, so the markers fit.
          if (read.pages.some((p, i) => p.rotation !== sizes[i].rotation))
            setPhase({ kind: 'pdf', pdf, pdfjs, sizes: read.pages });
        } else {
          // The Word readers (and JSZip) load only for a Word file: a PDF's page stays light.
          if (kind === 'doc') (await import('../../lib/documents/doc')).readDoc(bytes, out);
          else await (await import('../../lib/documents/docx')).readDocx(bytes, new DOMParser(), out);
          setPhase({ kind: 'word', body: out.body });
          shown = true;
        }
      } catch (e) {
        const error = loadError(e, 'read');
        return shown ? setAudited({ kind: 'failed', error }) : setPhase({ kind: 'failed', error });
      }
      written.current = out;
    },
    [setPhase, setAudited, written],
  );
}

export function useDocument() {
  const target = useMemo(() => parseDocumentSearch(location.search), []);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'init' });
  const [audited, setAudited] = useState<Audited>({ kind: 'pending' });
  /** Bumped when a file has been read: the audit runs (again) on it. */
  const [read, setRead] = useState(0);
  const written = useRef<Document | null>(null);
  const { notice, notify } = useNotice();
  const locale: Locale = settings?.locale ?? 'zh';
  const tr = translator(locale, DOCUMENT_MESSAGES);
  const openFile = useOpen(setPhase, setAudited, written);
  const open = useCallback((t: DocTarget) => openFile(t).then(() => setRead((n) => n + 1)), [openFile]);

  // Start: the settings (and their changes), then the host permission, then the file.
  useEffect(() => {
    let cancelled = false;
    const unwatch = watchSettings(setSettings);
    (async () => {
      const s = await getSettings().catch(() => DEFAULT_SETTINGS);
      if (cancelled) return;
      setSettings(s);
      if (!target) return setPhase({ kind: 'bad-src' });
      let pattern: string | null;
      try {
        pattern = await missingHost(target.src);
      } catch (e) {
        const error: LoadError = e instanceof FileAccessError ? { key: 'doc.error.fileAccess' } : loadError(e, 'fetch');
        if (!cancelled) setPhase({ kind: 'failed', error });
        return;
      }
      if (cancelled) return;
      if (pattern) return setPhase({ kind: 'permission', pattern });
      await open(target);
    })();
    return () => {
      cancelled = true;
      unwatch();
    };
  }, [target, open]);

  // The audit of the written document, in the settings' language and rule groups; then, as for a
  // page (unless the log is off), the year.* rules against last year's report in the log, and the
  // audit recorded (an audit asked for at a click).
  useEffect(() => {
    const doc = written.current;
    if (!doc || !settings || !target) return;
    const rules = RULES.filter((r) => settings.categories[r.category] !== false);
    let audit: Audit;
    try {
      audit = auditDoc(doc, { url: target.src, force: true, locale: settings.locale, rules });
    } catch (e) {
      return setAudited({ kind: 'failed', error: { key: 'doc.error.read', error: errorText(e) } });
    }
    setAudited({ kind: 'done', audit, auditedAt: stamp() });
    if (!settings.log || !audit.result.detected) return;
    let current = true;
    void compareWithLog(audit, settings.locale).then(({ audit: withYears, compared }) => {
      if (compared && current) setAudited({ kind: 'done', audit: withYears, auditedAt: stamp() });
      recordAudit(withYears, 'click');
    });
    return () => {
      current = false;
    };
  }, [read, settings, target]);

  /** "授权并打开": the permission request must be made in this click, before any await. */
  const grant = () => {
    if (phase.kind !== 'permission' || !target) return;
    const host = hostLabel(phase.pattern, tr);
    requestHosts([phase.pattern]).then(
      (granted) =>
        granted
          ? void open(target)
          : notify({ text: tr('doc.permDenied', { host, name: target.name }), tone: 'error' }),
      (e: unknown) => notify({ text: tr('doc.permError', { error: errorText(e) }), tone: 'error' }),
    );
  };

  const result = audited.kind === 'done' ? audited.audit.result : null;
  const meta =
    target && audited.kind === 'done'
      ? {
          pageTitle: result?.report?.title || written.current?.title || target.name,
          url: target.src,
          auditedAt: audited.auditedAt,
        }
      : null;
  const { copy, save } = useExports(meta, locale, tr, notify);

  return { target, settings, locale, tr, phase, audited, notice, actions: { grant, copy, save } };
}

export type DocumentState = ReturnType<typeof useDocument>;
