// The inspection log (issue 17): every report audited while browsing, kept in the browser only
// (IndexedDB, written by the background), so an inspector finds today's fifty audits in one table
// and a page is compared with the same agency's report of the year before without a sweep.
// Pure types and decisions here (record, update, versions, cap, lookups); the store is
// components/ext/log-db.ts.
import type { CrossDigest } from '../report/cross';
import type { AuditResult, Counts, ReportFormat } from '../result';

/** One earlier version of a page whose content changed: its counts when it was audited. */
export interface LogVersion {
  hash: string;
  auditedAt: string;
  counts: Counts;
}

export interface LogEntry {
  /** The page's URL without its #fragment: the key (re-auditing a page updates its entry). */
  url: string;
  title: string;
  agency: string | null;
  year: number | null;
  format: ReportFormat | null;
  /** 发布日期 as the page gives it (YYYY-MM-DD), or null. */
  publishedAt: string | null;
  counts: Counts;
  findings: AuditResult['findings'];
  /** ISO time of the latest audit. */
  auditedAt: string;
  /** First audit of this entry (ISO). */
  firstAuditedAt: string;
  /** Hash of the report's text (lib/log/hash.ts): a changed page keeps its earlier counts in `versions`. */
  hash: string;
  /** Earlier versions of the page (content changed since), oldest first. */
  versions: LogVersion[];
  /** Where it was audited: while browsing, at a click, or by the column sweep. */
  via: 'page' | 'click' | 'sweep';
  /** What the cross-year checks need (tables 二/三 rows, prose digest): the log compares without the page. */
  digest: CrossDigest | null;
}

/** The most entries kept; past it the oldest audited are dropped first (stated in the options). */
export const LOG_CAP = 2000;
