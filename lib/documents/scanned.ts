// A PDF with no text layer (a scan): the reader writes nothing but this mark on the document, and
// the audit gives the one finding that says so (page.scanned) in place of findings that could only
// be wrong about a report it cannot read.
import type { Audit, AuditOptions } from '../audit';
import { countKinds } from '../result';
import scannedRule from '../rules/page.scanned';
import { toFinding } from '../rules/finding';

/** The attribute on <html> by which a document reader says the file was a scan, with its page count. */
export const SCAN_MARK = 'data-report-scan-pages';

/** The audit of a scanned document of `pages` pages: one finding, nothing else. */
export function scannedAudit(pages: number, opts: AuditOptions = {}): Audit {
  const f = toFinding(scannedRule, { params: { pages }, location: '' }, opts.locale ?? 'zh');
  return {
    result: {
      detected: true,
      reason: 'scanned',
      report: { title: null, agency: null, year: null, format: 'unknown', publishedAt: null },
      sections: [],
      tables: [],
      findings: [f],
      summary: countKinds([f]),
      timingMs: { detect: 0, parse: 0, rules: 0 },
    },
    refs: [{ targets: [], related: [], placement: 'on' }],
    model: null,
  };
}
