// The sweep page (sweep.html, opened in a tab from the popup on a 年报 listing): finds the report
// links of the listing, fetches and audits each report here in the extension page (never in the
// content script), shows progress, and renders the sortable, filterable result table with the
// cross-year findings. The logic is lib/sweep/*; this file only wires the extension APIs to it.
// Page-derived strings are rendered as Preact text children, never as markup.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { kindOf, type Locale } from '../../lib/result';
import { RULES } from '../../lib/rules';
import { toCsv, toMarkdown, toTsv, sweepFileName } from '../../lib/sweep/export';
import { fetchPage } from '../../lib/sweep/fetch';
import { anchorsOf, hostPattern, reportLinks, type Anchor, type ReportLink } from '../../lib/sweep/links';
import { sweep, type SweepItem } from '../../lib/sweep/sweep';
import {
  filterRows,
  formatShort,
  hasIssues,
  sortRows,
  summarize,
  sweepRows,
  type Show,
  type SortDir,
  type SortKey,
  type SweepRow,
} from '../../lib/sweep/table';
import type { YearFinding } from '../../lib/sweep/years';
import { getSettings } from '../ext/settings';
import { DEFAULT_SETTINGS, type Settings } from '../ext/settings-model';
import { translator, type MessageKey, type Translate } from '../i18n';
import { parseSweepSearch, patternHost, samePage, type SweepTarget } from './model';
import '../theme.css';
import { download } from '../download';
import './sweep.css';

type Phase =
  | { kind: 'init' }
  | { kind: 'bad-url' }
  | { kind: 'permission'; patterns: string[]; links: ReportLink[] | null }
  | { kind: 'collecting' }
  | { kind: 'listing-failed'; error: string }
  | { kind: 'no-links' }
  | { kind: 'running' }
  | { kind: 'done'; cancelled: boolean };

interface Notice {
  text: string;
  tone: 'ok' | 'error';
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)) || 'unknown error';

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

/** Match patterns among `patterns` the extension may not fetch yet. */
async function missingPatterns(patterns: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of [...new Set(patterns)]) {
    const ok = await browser.permissions.contains({ origins: [p] }).catch(() => false);
    if (!ok) out.push(p);
  }
  return out;
}

const isWebUrl = (u: string) => /^https?:\/\//i.test(u);

export function App() {
  const target = useMemo(() => parseSweepSearch(location.search), []);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'init' });
  const [items, setItems] = useState<SweepItem[]>([]);
  const [years, setYears] = useState<YearFinding[]>([]);
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'index', dir: 'asc' });
  const [query, setQuery] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const abort = useRef<AbortController | null>(null);
  const locale: Locale = settings?.locale ?? 'zh';
  const tr = useMemo(() => translator(locale), [locale]);

  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
    document.title = tr('sweep.title');
  }, [locale, tr]);

  const run = useCallback(async (links: ReportLink[], s: Settings) => {
    const ctl = new AbortController();
    abort.current = ctl;
    setYears([]);
    setItems(links.map((link, index) => ({ index, link, state: 'pending' })));
    setPhase({ kind: 'running' });
    const res = await sweep(links, {
      load: (l, signal) => fetchPage(l.url, { signal, parse }),
      rules: RULES.filter((r) => s.categories[r.category] !== false),
      locale: s.locale,
      signal: ctl.signal,
      onUpdate: setItems,
    });
    abort.current = null;
    setItems(res.items);
    setYears(res.years);
    setPhase({ kind: 'done', cancelled: res.cancelled });
  }, []);

  /** Find the links; ask for the hosts they need (other than the listing's) before fetching them. */
  const collect = useCallback(
    async (t: SweepTarget, s: Settings) => {
      setPhase({ kind: 'collecting' });
      let links: ReportLink[];
      try {
        links = await listingLinks(t);
      } catch (e) {
        setPhase({ kind: 'listing-failed', error: errorText(e) });
        return;
      }
      if (!links.length) return setPhase({ kind: 'no-links' });
      const missing = await missingPatterns(links.map((l) => hostPattern(l.url)).filter((p): p is string => !!p));
      if (missing.length) return setPhase({ kind: 'permission', patterns: missing, links });
      await run(links, s);
    },
    [run],
  );

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const st = await getSettings().catch(() => DEFAULT_SETTINGS);
      if (cancelled) return;
      setSettings(st);
      if (!target) return setPhase({ kind: 'bad-url' });
      const pattern = hostPattern(target.url)!;
      const missing = await missingPatterns([pattern]);
      if (cancelled) return;
      if (missing.length) return setPhase({ kind: 'permission', patterns: missing, links: null });
      await collect(target, st);
    })();
    return () => {
      cancelled = true;
      abort.current?.abort();
    };
  }, [target, collect]);

  /** "授权并开始": the permission request must be made in this click, before any await. */
  const grant = () => {
    if (phase.kind !== 'permission' || !target || !settings) return;
    const { patterns, links } = phase;
    let request: Promise<boolean>;
    try {
      request = browser.permissions.request({ origins: patterns });
    } catch (e) {
      request = Promise.reject(e);
    }
    request.then(
      (granted) => {
        if (links)
          void run(links, settings); // refused hosts fail one by one, with their reason
        else if (granted) void collect(target, settings);
        else setNotice({ text: tr('sweep.permDenied', { host: patterns.map(patternHost).join('、') }), tone: 'error' });
      },
      (e: unknown) => setNotice({ text: tr('sweep.permError', { error: errorText(e) }), tone: 'error' }),
    );
  };

  const rows = useMemo(() => sweepRows(items, years, locale), [items, years, locale]);
  const shown = useMemo(
    () => sortRows(filterRows(rows, { query, show }), sort.key, sort.dir),
    [rows, query, show, sort],
  );
  const summary = summarize(rows);

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setNotice({ text: tr('sweep.copied', { n: shown.length }), tone: 'ok' });
    } catch (e) {
      setNotice({ text: tr('export.clipboardError', { error: errorText(e) }), tone: 'error' });
    }
  };
  const saveCsv = () => {
    const name = sweepFileName(target?.url ?? '', new Date());
    download(name, toCsv(shown, locale), 'text/csv;charset=utf-8');
    setNotice({ text: tr('export.downloaded', { name }), tone: 'ok' });
  };

  const toggleSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  const toggleYears = (index: number) =>
    setCollapsed((c) => {
      const n = new Set(c);
      if (n.has(index)) n.delete(index);
      else n.add(index);
      return n;
    });

  const running = phase.kind === 'running';
  const hasTable = phase.kind === 'running' || phase.kind === 'done';

  return (
    <div class="sweep" data-phase={phase.kind} aria-busy={running || phase.kind === 'collecting'}>
      <header class="head">
        <h1>{tr('sweep.title')}</h1>
        {target && (
          <p class="listing muted">
            {tr('sweep.listing')}
            <a href={target.url} target="_blank" rel="noopener noreferrer">
              {target.url}
            </a>
          </p>
        )}
      </header>

      <Status phase={phase} tr={tr} onGrant={grant} />

      {hasTable && (
        <section class="progress" data-testid="progress">
          <progress value={summary.settled} max={summary.total || 1} />
          <span class="count" data-testid="progress-text">
            {phase.kind === 'done' && phase.cancelled
              ? tr('sweep.cancelled', { done: summary.settled, total: summary.total })
              : running
                ? tr('sweep.progress', { done: summary.settled, total: summary.total })
                : tr('sweep.done')}
          </span>
          {running && (
            <button type="button" data-testid="cancel" onClick={() => abort.current?.abort()}>
              {tr('sweep.cancel')}
            </button>
          )}
          {phase.kind === 'done' && (
            <p class="summary" data-testid="summary">
              {tr('sweep.summary', {
                total: summary.total,
                ok: summary.ok,
                notReport: summary.notReport,
                failed: summary.failed,
                years: summary.yearFindings,
              })}
            </p>
          )}
        </section>
      )}

      {hasTable && (
        <>
          <section class="tools">
            <label>
              {tr('sweep.filter')}{' '}
              <input
                type="search"
                value={query}
                placeholder={tr('sweep.filterPlaceholder')}
                onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
                data-testid="filter"
              />
            </label>
            <label>
              {tr('sweep.show')}{' '}
              <select
                value={show}
                onChange={(e) => setShow((e.target as HTMLSelectElement).value as Show)}
                data-testid="show"
              >
                {(['all', 'issues', 'clean', 'failed', 'years'] as const).map((s) => (
                  <option key={s} value={s}>
                    {tr(`sweep.show.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <span class="muted small">{tr('sweep.shown', { n: shown.length, total: rows.length })}</span>
          </section>
          <ResultTable
            rows={shown}
            sort={sort}
            onSort={toggleSort}
            collapsed={collapsed}
            onToggle={toggleYears}
            tr={tr}
            locale={locale}
          />
          <section class="exports" aria-label={tr('export.title')}>
            <button type="button" data-testid="copy-tsv" onClick={() => copy(toTsv(shown, locale))}>
              {tr('sweep.copyTsv')}
            </button>
            <button type="button" data-testid="copy-csv" onClick={() => copy(toCsv(shown, locale))}>
              {tr('sweep.copyCsv')}
            </button>
            <button type="button" data-testid="copy-md" onClick={() => copy(toMarkdown(shown, locale))}>
              {tr('sweep.copyMd')}
            </button>
            <button type="button" data-testid="download-csv" onClick={saveCsv}>
              {tr('sweep.downloadCsv')}
            </button>
          </section>
        </>
      )}
      <p class={`notice ${notice?.tone ?? ''}`} role="status" aria-live="polite" data-testid="notice">
        {notice?.text ?? ''}
      </p>
    </div>
  );
}

function Status({ phase, tr, onGrant }: { phase: Phase; tr: Translate; onGrant: () => void }) {
  switch (phase.kind) {
    case 'init':
      return null;
    case 'bad-url':
      return <p class="status error">{tr('sweep.badUrl')}</p>;
    case 'permission':
      return (
        <section class="state" data-testid="permission">
          <p class="status">{tr('sweep.needPermission', { hosts: phase.patterns.map(patternHost).join('、') })}</p>
          <button type="button" class="primary" onClick={onGrant} data-testid="grant">
            {tr('sweep.grant')}
          </button>
        </section>
      );
    case 'collecting':
      return <p class="status muted">{tr('sweep.collecting')}</p>;
    case 'listing-failed':
      return <p class="status error">{tr('sweep.listingFailed', { error: phase.error })}</p>;
    case 'no-links':
      return <p class="status">{tr('sweep.noLinks')}</p>;
    default:
      return null;
  }
}

const COLUMNS: { key: SortKey; label: MessageKey; num?: boolean }[] = [
  { key: 'index', label: 'sweep.col.index', num: true },
  { key: 'agency', label: 'sweep.col.agency' },
  { key: 'year', label: 'sweep.col.year', num: true },
  { key: 'format', label: 'sweep.col.format' },
  { key: 'errors', label: 'sweep.col.errors', num: true },
  { key: 'warnings', label: 'sweep.col.warnings', num: true },
  { key: 'review', label: 'sweep.col.review', num: true },
  { key: 'years', label: 'sweep.col.years', num: true },
  { key: 'title', label: 'sweep.col.title' },
];

interface TableProps {
  rows: SweepRow[];
  sort: { key: SortKey; dir: SortDir };
  onSort: (k: SortKey) => void;
  collapsed: Set<number>;
  onToggle: (index: number) => void;
  tr: Translate;
  locale: Locale;
}

function ResultTable({ rows, sort, onSort, collapsed, onToggle, tr, locale }: TableProps) {
  return (
    <div class="table-wrap">
      <table class="results" data-testid="results">
        <caption class="muted small">{tr('sweep.sortHint')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                class={c.num ? 'num' : undefined}
                aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" onClick={() => onSort(c.key)} data-sort={c.key}>
                  {tr(c.label)}
                  <span class="arrow" aria-hidden="true">
                    {sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length} class="muted">
                {tr('sweep.empty')}
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <Row key={r.index} r={r} open={!collapsed.has(r.index)} onToggle={onToggle} tr={tr} locale={locale} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A count cell; `label` is shown before the number when the table is laid out as cards (narrow). */
function Count({ n, kind, read, label }: { n: number; kind: string; read: boolean; label: string }) {
  if (!read)
    return (
      <td class={`num c-${kind} muted`} data-label={label}>
        –
      </td>
    );
  return (
    <td class={`num c-${kind}${n ? ` has kind-${kind}` : ' zero'}`} data-label={label}>
      {n}
    </td>
  );
}

function Row({
  r,
  open,
  onToggle,
  tr,
  locale,
}: {
  r: SweepRow;
  open: boolean;
  onToggle: (index: number) => void;
  tr: Translate;
  locale: Locale;
}) {
  const read = r.status === 'ok';
  const issues = hasIssues(r);
  return (
    <>
      <tr
        class={`row status-${r.status}${issues ? ' issues' : ''}`}
        data-status={r.status}
        data-index={r.index}
        data-testid="row"
      >
        <td class="num c-index">{r.index + 1}</td>
        <td class="agency">{r.agency}</td>
        <td class="num c-year">{r.year ?? ''}</td>
        <td class="c-format" data-label={read ? tr('sweep.col.format') : undefined}>
          {read ? formatShort(r.format, locale) : ''}
        </td>
        <Count n={r.errors} kind="error" read={read} label={tr('sweep.col.errors')} />
        <Count n={r.warnings} kind="warning" read={read} label={tr('sweep.col.warnings')} />
        <Count n={r.review} kind="review" read={read} label={tr('sweep.col.review')} />
        <td class="num c-years" data-label={tr('sweep.col.years')}>
          {r.years.length ? (
            <button
              type="button"
              class="years-toggle"
              aria-expanded={open}
              title={tr('sweep.toggleYears')}
              onClick={() => onToggle(r.index)}
              data-testid="years-toggle"
            >
              <span aria-hidden="true">▲ </span>
              {r.years.length}
              <span aria-hidden="true">{open ? ' ▾' : ' ▸'}</span>
            </button>
          ) : read ? (
            <span class="zero">0</span>
          ) : (
            <span class="muted">–</span>
          )}
        </td>
        <td class="title">
          {isWebUrl(r.url) ? (
            <a href={r.url} target="_blank" rel="noopener noreferrer">
              {r.title}
            </a>
          ) : (
            <span>{r.title}</span>
          )}
          {r.note && (
            <span class={`note ${r.status === 'failed' ? 'error' : ''}`} data-testid="note">
              {r.note}
            </span>
          )}
        </td>
      </tr>
      {r.years.length > 0 && open && (
        <tr class="years-row" data-index={r.index} data-testid="years-row">
          <td class="pad" />
          <td colSpan={COLUMNS.length - 1}>
            <ul>
              {r.years.map((y, i) => (
                <li key={i} data-rule={y.ruleId} class={`kind-${kindOf(y)}`}>
                  <span class="rule">{y.ruleId}</span> {y.message}{' '}
                  <span class="muted">{tr('sweep.yearsAgainst', { year: y.prevYear })}</span>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
}
