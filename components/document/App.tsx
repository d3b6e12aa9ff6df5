// The document view (document.html?src=…): a report published as a PDF or Word file, shown in the
// extension with the same markers, hover cards, chip and findings panel as a report on a web page.
// A PDF is drawn page by page by pdf.js (pdf-pages.ts) with invisible stand-ins where its written
// elements are; a Word file's text and tables are copied into the page (word.ts). State and
// browser calls live in useDocument.ts; this file renders, and wires the overlay to what is shown.
// Page-derived strings are Preact text children or DOM text nodes, never markup.
import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FindingRefs } from '../../lib/audit';
import { countKinds, type AuditResult } from '../../lib/result';
import { LocaleProvider, useDocumentLocale, useLocale } from '../locale';
import { Exports } from '../popup/Report';
import { reasonText, verdictText } from '../popup/model';
import { DOCUMENT_MESSAGES, type DocumentKey } from './messages';
import { boxOf, fitWidth, stepZoom, type LoadError } from './model';
import { mountDocOverlay, type DocOverlay } from './overlay';
import { PdfPages } from './pdf-pages';
import { hostLabel, useDocument, type Audited, type DocumentState, type Phase } from './useDocument';
import { copyWritten, mapRefs } from './word';
import '../theme.css';
import './document.css';

/** Room left beside the widest page at "fit width" (the pages' padding and a scroll bar). */
const GUTTER = 48;

/** The PDF's pages in `host` once shown: zoom and the page at the top of the window. */
function usePdfPages(phase: Phase, bar: RefObject<HTMLElement>, overlay: DocOverlay) {
  const host = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<PdfPages | null>(null);
  const [scale, setScale] = useState(1);
  const [page, setPage] = useState(1);
  const widths = phase.kind === 'pdf' ? phase.sizes.map((s) => s.width) : [];
  const fitted = () => fitWidth((host.current?.clientWidth ?? 0) - GUTTER, widths);
  // The zoom follows the window's width as opened (fit, at most 150%) or after "fit width"; a zoom
  // the reader stepped to stays.
  const follow = useRef<'open' | 'fit' | null>('open');
  const followed = () => (follow.current === 'open' ? Math.min(1.5, fitted()) : fitted());
  useEffect(() => {
    if (phase.kind !== 'pdf' || !host.current) return;
    follow.current = 'open';
    const start = followed();
    const p = new PdfPages(
      host.current,
      phase.pdf,
      phase.pdfjs,
      phase.sizes,
      start,
      () => bar.current?.offsetHeight ?? 0,
      (e) => console.error('[年报审核] PDF page', e),
    );
    setPages(p);
    setScale(start);
    let frame = 0;
    const onScroll = () => {
      frame ||= requestAnimationFrame(() => ((frame = 0), setPage(p.current())));
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
      p.destroy();
      setPages(null);
    };
  }, [phase, bar]);
  const zoom = (s: number) => {
    if (!pages) return;
    pages.setScale(s);
    setScale(s);
    setPage(pages.current());
    overlay.refresh();
  };
  useEffect(() => {
    if (!pages) return;
    let frame = 0;
    const onResize = () => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        if (follow.current && Math.abs(followed() - pages.scale) > 0.005) zoom(followed());
      });
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      cancelAnimationFrame(frame);
    };
  }, [pages, phase]); // what zoom and followed() read: the pages shown and their widths
  return {
    host,
    pages,
    controls: {
      scale,
      page,
      total: pages?.count ?? 0,
      zoomIn: () => {
        follow.current = null;
        zoom(stepZoom(scale, 1));
      },
      zoomOut: () => {
        follow.current = null;
        zoom(stepZoom(scale, -1));
      },
      fit: () => {
        follow.current = 'fit';
        zoom(fitted());
      },
      goTo: (n: number) => pages?.goTo(n),
    },
  };
}

/** A Word file's written body, copied into `article` once shown: written element → shown element. */
function useWordView(phase: Phase) {
  const article = useRef<HTMLElement>(null);
  const [map, setMap] = useState<Map<Element, Element> | null>(null);
  useEffect(() => {
    const el = article.current;
    if (phase.kind !== 'word' || !el) return;
    setMap(copyWritten(phase.body, el));
    return () => {
      el.replaceChildren();
      setMap(null);
    };
  }, [phase]);
  return { article, map };
}

/** Stand-ins on the PDF's pages for every element the findings point at (one per element). */
function pdfRefs(pages: PdfPages, refs: FindingRefs[]): FindingRefs[] {
  const made = new Map<Element, Element | null>();
  const proxy = (el: Element) => {
    if (!made.has(el)) {
      const box = boxOf(el);
      made.set(el, box ? pages.addProxy(box, el.tagName) : null);
    }
    return made.get(el);
  };
  return mapRefs(refs, proxy);
}

/** The overlay over what is shown, for a report's audit (nothing for a file that is not one). */
function useOverlay(
  state: DocumentState,
  overlay: DocOverlay,
  pages: PdfPages | null,
  wordMap: Map<Element, Element> | null,
) {
  const { audited, settings, phase } = state;
  useEffect(() => () => overlay.remove(), [overlay]);
  useEffect(() => {
    if (audited.kind !== 'done' || !audited.audit.result.detected || !settings) return overlay.remove();
    let refs: FindingRefs[];
    if (phase.kind === 'pdf' && pages) refs = pdfRefs(pages, audited.audit.refs);
    else if (phase.kind === 'word' && wordMap) refs = mapRefs(audited.audit.refs, (el) => wordMap.get(el));
    else return;
    overlay.draw(audited.audit.result, refs, settings);
    return () => pages?.clearProxies();
  }, [audited, settings, phase, pages, wordMap, overlay]);
}

export function App() {
  const state = useDocument();
  const { target, locale, phase, audited, notice, actions, tr } = state;
  useDocumentLocale(locale, 'doc.title', DOCUMENT_MESSAGES);
  const bar = useRef<HTMLElement>(null);
  const overlay = useMemo(() => mountDocOverlay(() => bar.current?.offsetHeight ?? 0), []);
  const pdf = usePdfPages(phase, bar, overlay);
  const word = useWordView(phase);
  useOverlay(state, overlay, pdf.pages, word.map);
  const result = audited.kind === 'done' ? audited.audit.result : null;
  return (
    <LocaleProvider locale={locale} catalog={DOCUMENT_MESSAGES}>
      <div class="docview" data-phase={phase.kind} data-audit={audited.kind}>
        <header class="bar" ref={bar}>
          <div class="name">
            <h1 data-testid="doc-title">{result?.report?.title || target?.name || ''}</h1>
            {target && /^https?:/.test(target.src) && (
              <a class="source small" href={target.src} target="_blank" rel="noopener noreferrer">
                {tr('doc.source')}
              </a>
            )}
          </div>
          {phase.kind === 'pdf' && <PdfControls {...pdf.controls} />}
          {result && <Exports result={result} actions={actions} />}
        </header>
        <Status state={state} />
        <main>
          {phase.kind === 'pdf' && <div class="pdf-pages" ref={pdf.host} aria-label={tr('doc.pages')} />}
          {phase.kind === 'word' && (
            <>
              <p class="muted small word-note">{tr('doc.wordNote')}</p>
              <article class="word" ref={word.article} data-testid="word" />
            </>
          )}
        </main>
        <p class={`notice ${notice?.tone ?? ''}`} role="status" aria-live="polite" data-testid="notice">
          {notice?.text ?? ''}
        </p>
      </div>
    </LocaleProvider>
  );
}

interface ControlsProps {
  scale: number;
  page: number;
  total: number;
  zoomIn: () => void;
  zoomOut: () => void;
  fit: () => void;
  goTo: (n: number) => void;
}

/** − 125% + 适合宽度 | ‹ 第 [n] 页，共 m 页 › */
function PdfControls({ scale, page, total, zoomIn, zoomOut, fit, goTo }: ControlsProps) {
  const { tr } = useLocale<DocumentKey>();
  return (
    <div class="controls">
      <span class="group" role="group" aria-label={tr('doc.zoomLevel')}>
        <button
          type="button"
          onClick={zoomOut}
          title={tr('doc.zoomOut')}
          aria-label={tr('doc.zoomOut')}
          data-testid="zoom-out"
        >
          −
        </button>
        <span class="zoom" data-testid="zoom">
          {Math.round(scale * 100)}%
        </span>
        <button
          type="button"
          onClick={zoomIn}
          title={tr('doc.zoomIn')}
          aria-label={tr('doc.zoomIn')}
          data-testid="zoom-in"
        >
          +
        </button>
        <button type="button" onClick={fit} data-testid="fit">
          {tr('doc.fitWidth')}
        </button>
      </span>
      <span class="group">
        <button
          type="button"
          onClick={() => goTo(page - 1)}
          disabled={page <= 1}
          title={tr('doc.prev')}
          aria-label={tr('doc.prev')}
          data-testid="prev"
        >
          ‹
        </button>
        <label>
          {tr('doc.pageBefore')}{' '}
          <input
            type="number"
            min={1}
            max={total}
            value={page}
            aria-label={tr('doc.pageInput')}
            data-testid="page"
            onChange={(e) => goTo(Number((e.target as HTMLInputElement).value))}
          />{' '}
          <span data-testid="pages">{tr('doc.pageAfter', { total })}</span>
        </label>
        <button
          type="button"
          onClick={() => goTo(page + 1)}
          disabled={page >= total}
          title={tr('doc.next')}
          aria-label={tr('doc.next')}
          data-testid="next"
        >
          ›
        </button>
      </span>
    </div>
  );
}

/** The one line a load error says, naming the file. */
const errorLine = (error: LoadError, name: string, tr: DocumentState['tr']) => tr(error.key, { ...error, name });

/** Where the file is (downloading, reading, auditing), or why it cannot be shown or audited. */
function Status({ state }: { state: DocumentState }) {
  const { target, phase, audited, actions, tr, locale } = state;
  const name = target?.name ?? '';
  switch (phase.kind) {
    case 'init':
      return null;
    case 'bad-src':
      return (
        <p class="status error" role="alert" data-testid="error">
          {tr('doc.badSrc')}
        </p>
      );
    case 'permission':
      return (
        <section class="state" data-testid="permission">
          <p class="status">{tr('doc.needPermission', { name, host: hostLabel(phase.pattern, tr) })}</p>
          <button type="button" class="primary" onClick={actions.grant} data-testid="grant">
            {tr('doc.grant')}
          </button>
        </section>
      );
    case 'fetching':
      return <p class="status muted">{tr('doc.loading', { name })}</p>;
    case 'reading':
      return <p class="status muted">{tr('doc.reading', { name })}</p>;
    case 'failed':
      return (
        <p class="status error" role="alert" data-testid="error">
          {errorLine(phase.error, name, tr)}
        </p>
      );
  }
  return <AuditLine audited={audited} name={name} tr={tr} locale={locale} />;
}

type AuditLineProps = { audited: Audited; name: string } & Pick<DocumentState, 'tr' | 'locale'>;

function AuditLine({ audited, name, tr, locale }: AuditLineProps) {
  switch (audited.kind) {
    case 'pending':
      return <p class="status muted">{tr('doc.auditing', { name })}</p>;
    case 'scanned':
      return (
        <p class="status warn" role="alert" data-testid="scanned">
          {tr('doc.scanned', { name })}
        </p>
      );
    case 'failed':
      return (
        <p class="status error" role="alert" data-testid="error">
          {errorLine(audited.error, name, tr)}
        </p>
      );
    case 'done':
      return audited.audit.result.detected ? (
        <Identity result={audited.audit.result} />
      ) : (
        <p class="status" data-testid="not-report">
          {tr('doc.notReport', { name, reason: reasonText(audited.audit.result.reason, locale) })}
        </p>
      );
  }
}

/** 机关 · 年度 · the verdict, under the bar. */
function Identity({ result }: { result: AuditResult }) {
  const { tr, locale } = useLocale<DocumentKey>();
  const rep = result.report;
  return (
    <p class="identity small" data-testid="identity">
      <span>
        {tr('report.agency')}：{rep?.agency || tr('report.unknownAgency')}
      </span>
      <span>
        {tr('report.year')}：{rep?.year ? tr('report.yearValue', { year: rep.year }) : tr('report.unknownYear')}
      </span>
      <span class="verdict" data-testid="verdict">
        {verdictText(countKinds(result.findings), locale)}
      </span>
    </p>
  );
}
