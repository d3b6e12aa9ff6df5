// A batch audit's results as lines: one JSON object per line (`npm run audit -- DIR --jsonl`, the
// results file of --out, the multi-column sweep). A `report` line is written as soon as its page is
// audited; the `cross` lines (findings that compare two reports: year.*, copied text) follow once
// every report is read. The summary page and the CSV are made from these lines alone.
import type { AuditResult, Finding } from '../result';
import type { YearFinding } from '../sweep/years';

export interface ReportLine {
  type: 'report';
  /** As given: a file path or a URL. */
  source: string;
  /** The page's URL (after redirects; a local copy's canonical URL). */
  url?: string;
  /** Hash of the bytes read (sha256, hex, first 16): a re-run skips a page whose URL and hash are done. */
  hash?: string;
  /** The swept column this page came from (the agency or label named in the sweep CSV). */
  column?: string;
  /** ISO time of the audit. */
  auditedAt: string;
  /** Why the page could not be read (one line); no result then. */
  error?: string;
  result?: AuditResult;
}

/** A finding that compares a report with another: last year's (year.*) or another agency's. */
export interface CrossLine {
  type: 'cross';
  /** The report the finding is about (its ReportLine's source) … */
  source: string;
  /** … and the report it was compared with. */
  otherSource: string;
  agency: string;
  year: number;
  otherYear: number | null;
  finding: Finding;
}

export type BatchLine = ReportLine | CrossLine;

/** A finding comparing two reports (lib/sweep/years.ts, copied.ts) as a line; `sourceOf` names a report by its index. */
export function crossLine(y: YearFinding, sourceOf: (index: number) => string): CrossLine {
  const { index, prevIndex, agency, year, prevYear, ...rest } = y;
  const finding: Finding & { prevAgency?: string } = { ...rest };
  delete finding.prevAgency; // a copied-text finding's other body: its params name it
  return {
    type: 'cross',
    source: sourceOf(index),
    otherSource: sourceOf(prevIndex),
    agency,
    year,
    otherYear: prevYear,
    finding,
  };
}
