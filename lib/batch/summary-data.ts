// A batch's results as data for the summary page and its CSV: one row per page read (the last line
// of a source wins, so a re-run's lines can simply be appended), the cross-report findings beside
// it, the counts of the tiles and the two charts. Pure: strings and numbers in, strings and numbers
// out (the page and the CSV are ./summary.ts).
import { reasonLabel } from '../format/text';
import { st, type SummaryKey } from './summary-i18n';
import { sameAgency } from '../report/agency';
import { countKinds, isCleanCounts, kindOf, KINDS, type Counts, type Finding, type Kind, type Locale } from '../result';
import { fill } from '../rules/finding';
import { RULES } from '../rules';
import { COPY_RULES } from '../sweep/copied';
import { formatShort } from '../sweep/table';
import { YEAR_RULES } from '../sweep/years';
import type { BatchLine, CrossLine, ReportLine } from './lines';

/** What became of a page: audited (with errors / only warnings or review / clean), not a report, unreadable. */
export type SummaryStatus = 'errors' | 'warnings' | 'clean' | 'not-report' | 'unreadable';
export const STATUSES: SummaryStatus[] = ['errors', 'warnings', 'clean', 'not-report', 'unreadable'];

export interface SummaryRow {
  /** Position among the pages (0-based, in the order of the lines). */
  index: number;
  line: ReportLine;
  status: SummaryStatus;
  agency: string;
  year: number | null;
  column: string;
  /** Report format code ('' when not audited). */
  format: string;
  counts: Counts;
  title: string;
  /** The page's address (its URL, else the source as given). */
  url: string;
  /** Why there are no counts (the read error, the not-a-report reason) or what is missing (incomplete). */
  reason: string;
  findings: Finding[];
  /** Findings comparing this report with another one. */
  cross: CrossLine[];
}

const lastBySource = (lines: readonly ReportLine[]) => [...new Map(lines.map((l) => [l.source, l])).values()];

/** A cross finding once, however many runs wrote it. */
const crossKey = (c: CrossLine) =>
  JSON.stringify([c.source, c.otherSource, c.finding.ruleId, c.finding.location, c.finding.message]);

function statusOf(l: ReportLine, c: Counts): SummaryStatus {
  if (l.error !== undefined || !l.result) return 'unreadable';
  if (!l.result.detected) return 'not-report';
  if (c.error) return 'errors';
  return isCleanCounts(c) ? 'clean' : 'warnings';
}

function reasonOf(l: ReportLine, locale: Locale): string {
  if (l.error !== undefined || !l.result) return l.error ?? '';
  if (!l.result.detected) return reasonLabel(l.result.reason, locale);
  const skipped = l.result.incomplete?.skipped.length;
  return skipped ? st(locale, 'summary.incomplete', { n: skipped }) : '';
}

const fileName = (source: string) => source.split(/[\\/]/).filter(Boolean).pop() ?? source;

export interface Summary {
  rows: SummaryRow[];
  /** Every cross finding once, in the order of the lines. */
  cross: CrossLine[];
}

export function summaryRows(lines: readonly BatchLine[], locale: Locale = 'zh'): Summary {
  const reports = lastBySource(lines.filter((l): l is ReportLine => l.type === 'report'));
  const cross = [
    ...new Map(lines.filter((l): l is CrossLine => l.type === 'cross').map((c) => [crossKey(c), c])).values(),
  ];
  const rows = reports.map((line, index): SummaryRow => {
    const r = line.error === undefined ? line.result : undefined;
    const audited = !!r?.detected;
    const counts = audited ? { ...r.summary } : countKinds([]);
    const mine = cross.filter((c) => c.source === line.source);
    // A report is clean only when the comparisons with other reports found nothing either.
    const withCross = countKinds(mine.map((c) => c.finding));
    for (const k of KINDS) withCross[k] += counts[k];
    return {
      index,
      line,
      status: statusOf(line, withCross),
      agency: (audited && r.report?.agency) || '',
      year: (audited && r.report?.year) || null,
      column: line.column ?? '',
      format: audited ? (r.report?.format ?? 'unknown') : '',
      counts,
      title: (audited && r.report?.title) || fileName(line.source),
      url: line.url ?? line.source,
      reason: reasonOf(line, locale),
      findings: audited ? r.findings : [],
      cross: mine,
    };
  });
  return { rows, cross };
}

export type StatusCounts = Record<SummaryStatus, number> & { pages: number; reports: number };

/** The tiles: every page, the reports among them, and each status. */
export function statusCounts(rows: readonly SummaryRow[]): StatusCounts {
  const c = { pages: rows.length, reports: 0, errors: 0, warnings: 0, clean: 0, 'not-report': 0, unreadable: 0 };
  for (const r of rows) c[r.status]++;
  c.reports = c.errors + c.warnings + c.clean;
  return c;
}

// ---------------------------------------------------------------------------------------------
// Rules: their names, messages in the page's language, and the findings per rule

const RULE_TEXT = new Map([...RULES, ...YEAR_RULES, ...COPY_RULES].map((r) => [r.id, r]));

/** A rule's human name (its help line) in the locale; '' for an id the catalog does not know. */
export const ruleName = (id: string, locale: Locale = 'zh') => RULE_TEXT.get(id)?.help[locale] ?? '';

/** A finding's message in `locale`: re-filled from its rule's templates when one of them produced it. */
export function messageIn(f: Finding, locale: Locale): string {
  const rule = RULE_TEXT.get(f.ruleId);
  if (!rule) return f.message;
  for (const m of Object.values(rule.messages))
    if (fill(m.zh, f.params) === f.message || fill(m.en, f.params) === f.message) return fill(m[locale], f.params);
  return f.message;
}

/** The kinds a chart stacks, in drawing order. */
export const BAR_KINDS: Kind[] = ['error', 'warning', 'review', 'info'];

export interface Bar {
  /** A rule id, or an agency's name. */
  key: string;
  counts: Counts;
  /** The reports the findings are in. */
  reports: number;
}

const toAct = (b: Bar) => b.counts.error + b.counts.warning + b.counts.review;
const barTotal = (b: Bar) => toAct(b) + b.counts.info;

/** All findings with the row they belong to: the page's own, then the cross-report ones. */
function allFindings(rows: readonly SummaryRow[]): { row: SummaryRow; f: Finding }[] {
  return rows.flatMap((row) => [
    ...row.findings.map((f) => ({ row, f })),
    ...row.cross.map((c) => ({ row, f: c.finding })),
  ]);
}

function tally(entries: { key: string; row: SummaryRow; f: Finding }[]): Bar[] {
  const bars = new Map<string, Bar & { seen: Set<number> }>();
  for (const { key, row, f } of entries) {
    let b = bars.get(key);
    if (!b) bars.set(key, (b = { key, counts: countKinds([]), reports: 0, seen: new Set() }));
    b.counts[kindOf(f)]++;
    b.seen.add(row.index);
    b.reports = b.seen.size;
  }
  return [...bars.values()].map(({ key, counts, reports }) => ({ key, counts, reports }));
}

/** Findings per rule id: most errors + warnings + review items first (more errors, then warnings, first), then notes. */
export function byRule(rows: readonly SummaryRow[]): Bar[] {
  const order = [...RULE_TEXT.keys()];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return tally(allFindings(rows).map((e) => ({ ...e, key: e.f.ruleId }))).sort(
    (a, b) =>
      toAct(b) - toAct(a) ||
      b.counts.error - a.counts.error ||
      b.counts.warning - a.counts.warning ||
      barTotal(b) - barTotal(a) ||
      rank(a.key) - rank(b.key) ||
      a.key.localeCompare(b.key),
  );
}

/**
 * Errors, warnings and review items per agency (spellings of one agency counted together, under the
 * first one met), most errors + warnings first; agencies with nothing to act on are left out.
 */
export function byAgency(rows: readonly SummaryRow[]): Bar[] {
  const names: string[] = [];
  const nameOf = (agency: string) => {
    const known = names.find((n) => sameAgency(n, agency));
    if (known) return known;
    names.push(agency);
    return agency;
  };
  const entries = allFindings(rows)
    .filter((e) => e.row.agency && kindOf(e.f) !== 'info')
    .map((e) => ({ ...e, key: nameOf(e.row.agency) }));
  const weight = (b: Bar) => b.counts.error + b.counts.warning;
  return tally(entries).sort(
    (a, b) => weight(b) - weight(a) || b.counts.error - a.counts.error || b.counts.review - a.counts.review,
  );
}

// ---------------------------------------------------------------------------------------------
// Cells shared by the page's table and the CSV

export const statusLabel = (s: SummaryStatus, locale: Locale) => st(locale, `summary.status.${s}` as SummaryKey);
export const formatText = (r: SummaryRow, locale: Locale) => (r.format ? formatShort(r.format, locale) : '');
export const audited = (r: SummaryRow) => r.status === 'errors' || r.status === 'warnings' || r.status === 'clean';
