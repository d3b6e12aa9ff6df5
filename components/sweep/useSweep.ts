// The sweep page's controller: reads the listing (from its tab while it still shows it, else a
// fetched copy), asks for the hosts the reports live on, fetches and audits each report here in
// the extension page (lib/sweep/*), and holds the table's sort, filter and notices. Every browser
// call of the page is here; the views render what it returns.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Locale } from '../../lib/result';
import { RULES } from '../../lib/rules';
import { sweepFileName, toCsv, toMarkdown, toTsv } from '../../lib/sweep/export';
import { fetchPage, transientRetry } from '../../lib/sweep/fetch';
import { anchorsOf, hostPattern, reportLinks, type Anchor, type ReportLink } from '../../lib/sweep/links';
import { sweep, type SweepItem } from '../../lib/sweep/sweep';
import {
  filterRows,
  sortRows,
  summarize,
  sweepRows,
  type Show,
  type SortDir,
  type SortKey,
} from '../../lib/sweep/table';
import type { YearFinding } from '../../lib/sweep/years';
import { errorText } from '../errors';
import { writeClipboard } from '../ext/clipboard';
import { download } from '../ext/download';
import { missingHosts, requestHosts } from '../ext/permissions';
import { recordAudit } from '../ext/log-client';
import { getSettings } from '../ext/settings';
import { DEFAULT_SETTINGS, type Settings } from '../ext/settings-model';
import { translator } from '../../lib/i18n';
import { parseSweepSearch, patternHost, samePage, type SweepTarget } from './model';
import { loadAttachment } from './attachment';

export type Phase =
  | { kind: 'init' }
  | { kind: 'bad-url' }
  | { kind: 'permission'; patterns: string[]; links: ReportLink[] | null }
  | { kind: 'collecting' }
  | { kind: 'listing-failed'; error: string }
  | { kind: 'no-links' }
  | { kind: 'running' }
  | { kind: 'done'; cancelled: boolean };

export interface Notice {
  text: string;
  tone: 'ok' | 'error';
}

export type CopyFormat = 'tsv' | 'csv' | 'markdown';

/** A fetched page as an inert document (DOMParser: no scripts run, nothing is loaded). */
function parse(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const base = doc.createElement('base');
  base.setAttribute('href', url);
  doc.head?.prepend(base);
  return doc;
}

/** Runs in the listing tab: its links as the live DOM has them (lists filled in by script included). */
function collectAnchors(): { href: string; text: string; title: string }[] {
  return Array.from(document.querySelectorAll('a[href]'), (a) => ({
    href: (a as HTMLAnchorElement).href,
    text: a.textContent ?? '',
    title: a.getAttribute('title') ?? '',
  }));
}

/** The listing's report links: from the tab while it still shows the listing, else from a fetched copy. */
async function listingLinks(target: SweepTarget): Promise<ReportLink[]> {
  if (target.tab !== null && browser.scripting?.executeScript) {
    try {
      const tab = await browser.tabs.get(target.tab);
      if (samePage(tab.url, target.url)) {
        const [res] = await browser.scripting.executeScript({ target: { tabId: target.tab }, func: collectAnchors });
        const anchors = (res?.result ?? []) as Anchor[];
        const links = reportLinks(anchors, target.url);
        if (links.length) return links;
      }
    } catch {
      /* tab gone or not scriptable: read the listing itself */
    }
  }
  const page = await fetchPage(target.url, { parse });
  return reportLinks(anchorsOf(page.doc), page.url);
}

/** The sweep itself: links → fetched and audited reports, cancellable. */
function useRun() {
  const [phase, setPhase] = useState<Phase>({ kind: 'init' });
  const [items, setItems] = useState<SweepItem[]>([]);
  const [years, setYears] = useState<YearFinding[]>([]);
  const abort = useRef<AbortController | null>(null);
  const run = useCallback(async (links: ReportLink[], s: Settings) => {
    const ctl = new AbortController();
    abort.current = ctl;
    setYears([]);
    setItems(links.map((link, index) => ({ index, link, state: 'pending' })));
    setPhase({ kind: 'running' });
    const res = await sweep(links, {
      load: (l, signal) => fetchPage(l.url, { signal, parse }),
      loadAttachment: (a, signal) => loadAttachment(a, parse, signal),
      rules: RULES.filter((r) => s.categories[r.category] !== false),
      locale: s.locale,
      retry: transientRetry(), // as the CLI: a 5xx, 429, timeout or network error gets two more tries
      signal: ctl.signal,
      onUpdate: setItems,
      onReport: (_, audited) => recordAudit(audited, 'sweep'),
    });
    abort.current = null;
    setItems(res.items);
    setYears(res.years);
    setPhase({ kind: 'done', cancelled: res.cancelled });
  }, []);
  return { phase, setPhase, items, years, run, abort };
}

/** The table's view of the results: sorted, filtered, cross-year rows folded or open. */
function useTable(items: SweepItem[], years: YearFinding[], locale: Locale) {
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'index', dir: 'asc' });
  const [query, setQuery] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const rows = useMemo(() => sweepRows(items, years, locale), [items, years, locale]);
  const shown = useMemo(
    () => sortRows(filterRows(rows, { query, show }), sort.key, sort.dir),
    [rows, query, show, sort],
  );
  const toggleSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  const toggleYears = (index: number) =>
    setCollapsed((c) => {
      const n = new Set(c);
      if (n.has(index)) n.delete(index);
      else n.add(index);
      return n;
    });
  return {
    table: { rows, shown, summary: summarize(rows), sort, query, show, collapsed },
    actions: { toggleSort, toggleYears, setQuery, setShow },
  };
}

/**
 * Start: the settings, then the listing's host permission (asked in the "授权并开始" click if
 * missing), then the report links and their hosts, then the sweep.
 */
function useStart(target: SweepTarget | null, run: ReturnType<typeof useRun>, onNotice: (n: Notice) => void) {
  const { phase, setPhase, abort } = run;
  const [settings, setSettings] = useState<Settings | null>(null);
  const tr = translator(settings?.locale ?? 'zh');
  /** Find the links; ask for the hosts they need (other than the listing's) before fetching them. */
  const collect = useCallback(
    async (t: SweepTarget, s: Settings) => {
      setPhase({ kind: 'collecting' });
      let links: ReportLink[];
      try {
        links = await listingLinks(t);
      } catch (e) {
        return setPhase({ kind: 'listing-failed', error: errorText(e) });
      }
      if (!links.length) return setPhase({ kind: 'no-links' });
      const missing = await missingHosts(links.map((l) => hostPattern(l.url)).filter((p): p is string => !!p));
      if (missing.length) return setPhase({ kind: 'permission', patterns: missing, links });
      await run.run(links, s);
    },
    [run.run, setPhase],
  );
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const st = await getSettings().catch(() => DEFAULT_SETTINGS);
      if (cancelled) return;
      setSettings(st);
      if (!target) return setPhase({ kind: 'bad-url' });
      const missing = await missingHosts([hostPattern(target.url)!]);
      if (cancelled) return;
      if (missing.length) return setPhase({ kind: 'permission', patterns: missing, links: null });
      await collect(target, st);
    })();
    return () => {
      cancelled = true;
      abort.current?.abort();
    };
  }, [target, collect, setPhase, abort]);
  /** "授权并开始": the permission request must be made in this click, before any await. */
  const grant = () => {
    if (phase.kind !== 'permission' || !target || !settings) return;
    const { patterns, links } = phase;
    requestHosts(patterns).then(
      (granted) => {
        if (links)
          void run.run(links, settings); // refused hosts fail one by one, with their reason
        else if (granted) void collect(target, settings);
        else onNotice({ text: tr('sweep.permDenied', { host: patterns.map(patternHost).join('、') }), tone: 'error' });
      },
      (e: unknown) => onNotice({ text: tr('sweep.permError', { error: errorText(e) }), tone: 'error' }),
    );
  };
  return { settings, grant };
}

export function useSweep() {
  const target = useMemo(() => parseSweepSearch(location.search), []);
  const run = useRun();
  const [notice, setNotice] = useState<Notice | null>(null);
  const { settings, grant } = useStart(target, run, setNotice);
  const locale: Locale = settings?.locale ?? 'zh';
  const tr = translator(locale);
  const { table, actions } = useTable(run.items, run.years, locale);

  const copy = async (format: CopyFormat) => {
    const rows = table.shown;
    const text =
      format === 'tsv' ? toTsv(rows, locale) : format === 'csv' ? toCsv(rows, locale) : toMarkdown(rows, locale);
    try {
      await writeClipboard(text);
      setNotice({ text: tr('sweep.copied', { n: rows.length }), tone: 'ok' });
    } catch (e) {
      setNotice({ text: tr('export.clipboardError', { error: errorText(e) }), tone: 'error' });
    }
  };
  const saveCsv = () => {
    const name = sweepFileName(target?.url ?? '', new Date());
    download(name, toCsv(table.shown, locale), 'text/csv;charset=utf-8');
    setNotice({ text: tr('export.downloaded', { name }), tone: 'ok' });
  };

  return {
    target,
    locale,
    phase: run.phase,
    notice,
    table,
    actions: { ...actions, grant, cancel: () => run.abort.current?.abort(), copy, saveCsv },
  };
}

export type SweepState = ReturnType<typeof useSweep>;
