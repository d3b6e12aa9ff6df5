// The result vocabulary, in one place: the types of the audit result contract (derived from its
// zod schemas in ./result-schema.ts) and the few definitions every view shares — a finding's kind,
// a clean report, the locales, the categories. No zod at run time here: the engine and the popup
// import this module, and only tests and the background validate.
import type * as z from 'zod/mini';
import type {
  AuditResultShape,
  FindingShape,
  FormatSchema,
  OutcomeSchema,
  SeveritySchema,
  TableIdSchema,
} from './result-schema';

export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Rule groups: the first part of a rule id (`year` only in cross-year comparisons). */
export const CATEGORIES = ['page', 'meta', 'section', 'format', 'table', 'cell', 'sum', 'text'] as const;
export type Category = (typeof CATEGORIES)[number];

export type Severity = z.infer<typeof SeveritySchema>;
export type Outcome = z.infer<typeof OutcomeSchema>;
export type ReportFormat = z.infer<typeof FormatSchema>;
export type TableId = z.infer<typeof TableIdSchema>;
export type Finding = z.infer<typeof FindingShape>;
export type AuditResult = z.infer<typeof AuditResultShape>;

/** How a finding is counted and marked: review items apart from violations (as in the summary). */
export type Kind = 'error' | 'warning' | 'info' | 'review';
export const KINDS: Kind[] = ['error', 'warning', 'info', 'review'];
export const kindOf = (f: Pick<Finding, 'severity' | 'outcome'>): Kind =>
  f.outcome === 'review' ? 'review' : f.severity;

export type Counts = Record<Kind, number>;

export function countKinds(findings: readonly Pick<Finding, 'severity' | 'outcome'>[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0, review: 0 };
  for (const f of findings) c[kindOf(f)]++;
  return c;
}

/** Clean = nothing to act on: no error/warning violations and nothing to review (infos are notes). */
export const isCleanCounts = (c: Counts) => c.error === 0 && c.warning === 0 && c.review === 0;
export const isClean = (r: AuditResult) => r.detected && isCleanCounts(r.summary);
