// The inspection log page's table as data, pure: rows from the log's entries, sorting by any
// column, filtering by text and status, the exports of the chosen rows (TSV + HTML table for the
// clipboard, CSV, Markdown), and the windowing arithmetic that keeps thousands of rows light.
// Page text (titles, agencies, URLs, messages) is always data here: the formats escape it
// (lib/format/escape.ts), the views render it as text.
import type { LogEntry, LogVersion } from '../../lib/log/entry';
import { csvText, htmlTable, mdLink, mdTable, mdText, tsvText } from '../../lib/format/escape';
import { severityLabel } from '../../lib/format/text';
import { t } from '../../lib/i18n';
import { isCleanCounts, kindOf, type Finding, type Locale } from '../../lib/result';
import { formatShort } from '../../lib/sweep/table';

export interface LogRow {
  /** The entry's key. */
  url: string;
  title: string;
  agency: string;
  year: number | null;
  /** Report format code (2021, 2019, legacy, mixed, unknown), '' when unknown. */
  format: string;
  errors: number;
  warnings: number;
  review: number;
  info: number;
  /** ISO time of the latest audit. */
  auditedAt: string;
  firstAuditedAt: string;
  /** Earlier versions of the page (its content changed since the first audit), oldest first. */
  versions: LogVersion[];
  findings: Finding[];
  /** Lower-case agency, title, URL and rule ids: what the text filter searches. */
  haystack: string;
}

export function logRows(entries: readonly LogEntry[]): LogRow[] {
  return entries.map((e) => ({
    url: e.url,
    title: e.title,
    agency: e.agency ?? '',
    year: e.year,
    format: e.format ?? '',
    errors: e.counts.error,
    warnings: e.counts.warning,
    review: e.counts.review,
    info: e.counts.info,
    auditedAt: e.auditedAt,
    firstAuditedAt: e.firstAuditedAt,
    versions: e.versions,
    findings: e.findings,
    haystack: [e.agency ?? '', e.title, e.url, ...new Set(e.findings.map((f) => f.ruleId))].join('\n').toLowerCase(),
  }));
}

// ---------------------------------------------------------------------------------------------
// Time

const p2 = (n: number) => String(n).padStart(2, '0');

/** A local day, YYYY-MM-DD. */
export const localDay = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;

/** An ISO time as local YYYY-MM-DD HH:mm (as given when it is not a time). */
export function localTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${localDay(d)} ${p2(d.getHours())}:${p2(d.getMinutes())}`;
}

// ---------------------------------------------------------------------------------------------
// Sorting and filtering

export type SortKey = 'agency' | 'year' | 'format' | 'errors' | 'warnings' | 'review' | 'auditedAt' | 'title';
export type SortDir = 'asc' | 'desc';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

/** The newest audits first, as the log lists them. */
export const DEFAULT_SORT: Sort = { key: 'auditedAt', dir: 'desc' };

/** A column's first direction: the most findings and the newest audit first, names A→Z. */
export const firstDir = (key: SortKey): SortDir =>
  key === 'agency' || key === 'format' || key === 'title' ? 'asc' : 'desc';

/** A header click: the other direction on the sorted column, else the column's first direction. */
export const nextSort = (s: Sort, key: SortKey): Sort =>
  s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: firstDir(key) };

function keyOf(r: LogRow, k: SortKey): string | number | null {
  switch (k) {
    case 'agency':
    case 'format':
    case 'title':
      return r[k] || null;
    default:
      return r[k];
  }
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Rows sorted by one key; rows without a value last in both directions; ties newest audit first. */
export function sortRows(rows: readonly LogRow[], { key, dir }: Sort): LogRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const keyed = rows.map((r) => ({ r, k: keyOf(r, key) }));
  keyed.sort((a, b) => {
    const x = a.k;
    const y = b.k;
    let c = 0;
    if (x === null || y === null) c = x === y ? 0 : x === null ? 1 : -1;
    else c = sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
    if (c) return c;
    return a.r.auditedAt < b.r.auditedAt ? 1 : a.r.auditedAt > b.r.auditedAt ? -1 : a.r.url < b.r.url ? -1 : 1;
  });
  return keyed.map((x) => x.r);
}

export type Show = 'all' | 'errors' | 'warnings' | 'clean' | 'changed';
export const SHOWS: readonly Show[] = ['all', 'errors', 'warnings', 'clean', 'changed'];

export interface RowFilter {
  /** Substring of agency, title, URL or a finding's rule id (case-insensitive). */
  query?: string;
  show?: Show;
}

const counts = (r: LogRow) => ({ error: r.errors, warning: r.warnings, review: r.review, info: r.info });

function shows(r: LogRow, show: Show): boolean {
  switch (show) {
    case 'errors':
      return r.errors > 0;
    case 'warnings':
      return r.warnings + r.review > 0;
    case 'clean':
      return isCleanCounts(counts(r));
    case 'changed':
      return r.versions.length > 0;
    default:
      return true;
  }
}

export function filterRows(rows: readonly LogRow[], f: RowFilter = {}): LogRow[] {
  const q = (f.query ?? '').trim().toLowerCase();
  const show = f.show ?? 'all';
  return rows.filter((r) => shows(r, show) && (!q || r.haystack.includes(q)));
}

/** What the exports and the delete act on: the selected rows shown, or every row shown when none is. */
export function chosenRows(shown: readonly LogRow[], selected: ReadonlySet<string>): LogRow[] {
  const picked = shown.filter((r) => selected.has(r.url));
  return picked.length ? picked : [...shown];
}

// ---------------------------------------------------------------------------------------------
// Exports

const COLUMNS = [
  'agency',
  'year',
  'format',
  'errors',
  'warnings',
  'review',
  'info',
  'audited',
  'title',
  'url',
  'findings',
] as const;
const TITLE = COLUMNS.indexOf('title');
const URL_COL = COLUMNS.indexOf('url');
const columns = (locale: Locale) => COLUMNS.map((c) => t(locale, `label.log.${c}`));

/** One finding as a line: "【错误】表三 / 总计：…（sum.t3-outcomes）". */
export const findingLine = (f: Finding, locale: Locale = 'zh') =>
  t(locale, 'label.log.finding', {
    kind: severityLabel(kindOf(f), locale),
    location: f.location,
    message: f.message,
    rule: f.ruleId,
  });

/** The export cells of each row; a row's findings joined by `sep` (a line break where the format keeps one). */
function exportCells(rows: readonly LogRow[], locale: Locale, sep: string): string[][] {
  return rows.map((r) => [
    r.agency,
    r.year === null ? '' : String(r.year),
    r.format ? formatShort(r.format, locale) : '',
    String(r.errors),
    String(r.warnings),
    String(r.review),
    String(r.info),
    localTime(r.auditedAt),
    r.title,
    r.url,
    r.findings.map((f) => findingLine(f, locale)).join(sep),
  ]);
}

/** One line a row: the findings of a row separated by "；" (the cell stays on its line). */
const inlineSep = (locale: Locale) => (locale === 'zh' ? '；' : '; ');

/** TSV, the clipboard's text/plain beside the HTML table (pastes into Excel/WPS as cells). */
export const toTsv = (rows: readonly LogRow[], locale: Locale = 'zh') =>
  tsvText([columns(locale), ...exportCells(rows, locale, inlineSep(locale))]);

/** The clipboard's text/html: a bordered table Word, WPS and Excel paste as a table; every cell escaped. */
export const toHtml = (rows: readonly LogRow[], locale: Locale = 'zh') =>
  `<meta charset="utf-8">${htmlTable(columns(locale), exportCells(rows, locale, '\n'), { lineBreaks: true })}`;

/** CSV for Excel/WPS (BOM, CRLF, formula-like cells neutralised); a row's findings one a line in its cell. */
export const toCsv = (rows: readonly LogRow[], locale: Locale = 'zh') =>
  csvText([columns(locale), ...exportCells(rows, locale, '\n')]);

/** Markdown: the title links to the page (the URL column folded into it). */
export function toMarkdown(rows: readonly LogRow[], locale: Locale = 'zh'): string {
  const head = columns(locale).filter((_, i) => i !== URL_COL);
  const body = exportCells(rows, locale, inlineSep(locale)).map((cells, i) => {
    const out = cells.map(mdText);
    out[TITLE] = mdLink(rows[i].title, rows[i].url);
    out.splice(URL_COL, 1);
    return out;
  });
  return mdTable(head, body).join('\n') + '\n';
}

/** The CSV download's name: 年报审核记录_2025-03-05.csv. */
export const logFileName = (date: Date, locale: Locale = 'zh') => `${t(locale, 'log.fileName')}_${localDay(date)}.csv`;

// ---------------------------------------------------------------------------------------------
// Windowing: only the rows in view are in the DOM. Every row has one fixed height; an open row
// adds its findings panel, measured once drawn (estimated until then).

export interface Layout {
  /** Top of each row (its panel under it), and the total height at the end: rows.length + 1 numbers. */
  tops: Float64Array;
}

export function layout(
  rows: readonly LogRow[],
  rowHeight: number,
  panelHeight: (r: LogRow) => number | undefined,
): Layout {
  const tops = new Float64Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) tops[i + 1] = tops[i] + rowHeight + (panelHeight(rows[i]) ?? 0);
  return { tops };
}

/** The open panel's height before it is measured: a line a finding (and a version), plus padding. */
export const estimatePanel = (r: LogRow, line: number) =>
  (Math.max(1, r.findings.length) + (r.versions.length ? r.versions.length + 1 : 0)) * line + 16;

/** The rows [start, end) to draw for a viewport at `scrollTop`, `overscan` rows beyond each edge. */
export function visibleRange(
  { tops }: Layout,
  scrollTop: number,
  viewport: number,
  overscan = 8,
): { start: number; end: number } {
  const n = tops.length - 1;
  // The last row whose top is at or above y.
  const find = (y: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tops[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const first = find(Math.max(0, scrollTop));
  const last = find(scrollTop + viewport);
  return { start: Math.max(0, first - overscan), end: Math.min(n, last + 1 + overscan) };
}
