// Copy and download of one audit's findings, as the popup and the document view offer them: the
// clipboard (plain text with an HTML table beside it, or Markdown) and files (JSON, CSV), built by
// lib/format/export.ts, with the one-line notice that says what happened.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { toCsv, toHtml, toJson, toMarkdown, toPlainText, type ExportMeta } from '../lib/format/export';
import type { Translate } from '../lib/i18n';
import type { AuditResult, Locale } from '../lib/result';
import { errorText } from './errors';
import { writeClipboard } from './ext/clipboard';
import { download } from './ext/download';
import { downloadName } from './popup/model';

export interface Notice {
  text: string;
  tone: 'ok' | 'error';
}

export type CopyKind = 'text' | 'markdown';

/** A one-line notice under the page, optionally cleared after a while. */
export function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const notify = useCallback((n: Notice | null, ms?: number) => {
    clearTimeout(timer.current);
    setNotice(n);
    if (ms) timer.current = setTimeout(() => setNotice(null), ms);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return { notice, notify };
}

export type Notify = ReturnType<typeof useNotice>['notify'];

/** Copy (text + HTML, or Markdown) and download (JSON, CSV) of a result, described by `meta`. */
export function useExports(meta: ExportMeta | null, locale: Locale, tr: Translate, notify: Notify) {
  const copy = async (result: AuditResult, kind: CopyKind) => {
    if (!meta) return;
    try {
      if (kind === 'text') await writeClipboard(toPlainText(result, meta, locale), toHtml(result, meta, locale));
      else await writeClipboard(toMarkdown(result, meta, locale));
      notify({ text: tr('export.copied', { n: result.findings.length }), tone: 'ok' }, 3000);
    } catch (e) {
      notify({ text: tr('export.clipboardError', { error: errorText(e) }), tone: 'error' });
    }
  };
  const save = (result: AuditResult, ext: 'json' | 'csv') => {
    if (!meta) return;
    const name = downloadName(result, ext, meta.auditedAt, locale);
    if (ext === 'json') download(name, toJson(result, meta), 'application/json;charset=utf-8');
    else download(name, toCsv(result, meta, locale), 'text/csv;charset=utf-8');
    notify({ text: tr('export.downloaded', { name }), tone: 'ok' }, 3000);
  };
  return { copy, save };
}
