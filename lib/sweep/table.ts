// The sweep's result table as data: one row per linked report (read or not), with its counts and
// its cross-year findings; sorting, filtering and a summary. Pure: the extension page renders
// these rows, the exports (export.ts) and the CLI print them.
import type { Locale } from '../result';
import { notReportText } from '../format/text';
import { hasLabel, t, type MessageKey } from '../i18n';
import type { AttachmentKind } from '../documents/attachments';
import type { Failure } from './fetch';
import type { ItemState, SweepItem } from './sweep';
import type { YearFinding } from './years';

export type RowStatus = 'ok' | 'not-report' | 'failed' | Exclude<ItemState, 'done' | 'failed'>;

export interface SweepRow {
  /** Position in the listing (0-based; shown 1-based). */
  index: number;
  status: RowStatus;
  agency: string;
  year: number | null;
  /** Report format code (2021, 2019, legacy, mixed, unknown); '' when not read. */
  format: string;
  errors: number;
  warnings: number;
  infos: number;
  review: number;
  title: string;
  url: string;
  /** Why there are no counts: the load failure or the not-a-report reason, in the UI language (noteText adds the attachment). */
  note: string;
  /** Cross-year findings of this report (compared with the same agency's report of the year before). */
  years: YearFinding[];
  /** The report was read (or was to be read) from this attachment, not from the page. */
  attachment?: { url: string; kind: AttachmentKind };
}

export function failureText(f: Failure, locale: Locale = 'zh'): string {
  return t(locale, `label.fail.${f.code}`, { detail: f.detail || '?' }).replace(/（\?）|\(\?\)/, '');
}

/** 「附件（PDF）」: the row's report is an attachment. */
export const attachmentText = (kind: AttachmentKind, locale: Locale = 'zh') =>
  t(locale, 'label.sweep.attachment', { kind: kind.toUpperCase() });

/** The row's note with the attachment it was read from first: 「附件（PDF）；无法读取附件：…」 (the exports' note cell). */
export const noteText = (r: SweepRow, locale: Locale = 'zh') =>
  [r.attachment ? attachmentText(r.attachment.kind, locale) : '', r.note]
    .filter(Boolean)
    .join(locale === 'zh' ? '；' : '; ');

export const formatShort = (f: string, locale: Locale = 'zh') =>
  hasLabel(`label.short.${f}`) ? t(locale, `label.short.${f}` as MessageKey) : f;

export function sweepRows(
  items: readonly SweepItem[],
  years: readonly YearFinding[],
  locale: Locale = 'zh',
): SweepRow[] {
  return items.map((it) => {
    const r = it.result;
    const att = it.attachment;
    const row: SweepRow = {
      index: it.index,
      status: 'pending',
      agency: '',
      year: null,
      format: '',
      errors: 0,
      warnings: 0,
      infos: 0,
      review: 0,
      title: it.link.text,
      url: it.link.url,
      note: '',
      years: years.filter((y) => y.index === it.index),
      ...(att ? { attachment: { url: att.url, kind: att.kind } } : {}),
    };
    if (it.state === 'failed') return { ...row, status: 'failed', note: failureText(it.failure!, locale) };
    if (it.state !== 'done' || !r)
      return {
        ...row,
        status: it.state as RowStatus,
        note: t(locale, `label.state.${it.state as 'pending' | 'loading' | 'cancelled'}`),
      };
    if (!r.detected)
      return {
        ...row,
        status: 'not-report',
        note: notReportText(r.reason, locale),
      };
    const rep = r.report;
    return {
      ...row,
      status: 'ok',
      agency: rep?.agency ?? '',
      year: rep?.year ?? null,
      format: rep?.format ?? 'unknown',
      errors: r.summary.error,
      warnings: r.summary.warning,
      infos: r.summary.info,
      review: r.summary.review,
      title: rep?.title ?? it.link.text,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Sorting and filtering

export type SortKey = 'index' | 'agency' | 'year' | 'format' | 'errors' | 'warnings' | 'review' | 'years' | 'title';
export type SortDir = 'asc' | 'desc';

const STATUS_RANK: Record<RowStatus, number> = {
  ok: 0,
  'not-report': 1,
  failed: 2,
  loading: 3,
  pending: 4,
  cancelled: 5,
};

function keyOf(r: SweepRow, k: SortKey): string | number | null {
  switch (k) {
    case 'index':
      return r.index;
    case 'agency':
      return r.agency || null;
    case 'year':
      return r.year;
    case 'format':
      return r.format || null;
    case 'title':
      return r.title || null;
    case 'years':
      return r.status === 'ok' ? r.years.length : null;
    default:
      return r.status === 'ok' ? r[k] : null;
  }
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Rows sorted by one key; rows without a value (unread pages) last in both directions; ties by listing order. */
export function sortRows(rows: readonly SweepRow[], key: SortKey, dir: SortDir = 'asc'): SweepRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = keyOf(a, key);
    const y = keyOf(b, key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
      return STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.index - b.index;
    }
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return c * sign || a.index - b.index;
  });
}

export type Show = 'all' | 'issues' | 'clean' | 'failed' | 'years';

export interface RowFilter {
  /** Substring of agency, title, URL, year or note (case-insensitive). */
  query?: string;
  show?: Show;
}

/** Something to act on: counts, cross-year findings, or a page that could not be audited. */
export const hasIssues = (r: SweepRow) =>
  r.status === 'failed' ||
  r.status === 'not-report' ||
  (r.status === 'ok' && r.errors + r.warnings + r.review + r.years.length > 0);

export function filterRows(rows: readonly SweepRow[], f: RowFilter = {}): SweepRow[] {
  const q = (f.query ?? '').trim().toLowerCase();
  return rows.filter((r) => {
    switch (f.show ?? 'all') {
      case 'issues':
        if (!hasIssues(r)) return false;
        break;
      case 'clean':
        if (r.status !== 'ok' || hasIssues(r)) return false;
        break;
      case 'failed':
        if (r.status !== 'failed' && r.status !== 'not-report') return false;
        break;
      case 'years':
        if (!r.years.length) return false;
        break;
    }
    if (!q) return true;
    return [r.agency, r.title, r.url, r.note, r.year === null ? '' : String(r.year)].some((s) =>
      s.toLowerCase().includes(q),
    );
  });
}

export interface SweepSummary {
  total: number;
  /** Settled (read, failed or cancelled). */
  settled: number;
  ok: number;
  notReport: number;
  failed: number;
  cancelled: number;
  clean: number;
  yearFindings: number;
}

export function summarize(rows: readonly SweepRow[]): SweepSummary {
  const n = (p: (r: SweepRow) => boolean) => rows.filter(p).length;
  return {
    total: rows.length,
    settled: n((r) => r.status !== 'pending' && r.status !== 'loading'),
    ok: n((r) => r.status === 'ok'),
    notReport: n((r) => r.status === 'not-report'),
    failed: n((r) => r.status === 'failed'),
    cancelled: n((r) => r.status === 'cancelled'),
    clean: n((r) => r.status === 'ok' && !hasIssues(r)),
    yearFindings: rows.reduce((s, r) => s + r.years.length, 0),
  };
}
