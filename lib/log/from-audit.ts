// A log entry from an audit, in its own module: it builds the cross-year digest (lib/report/cross,
// the prose shingles), which the engine and the sweep page carry but the store and the popup do not.
import type { Audit } from '../audit';
import { crossDigest } from '../report/cross';
import { countKinds } from '../result';
import type { LogEntry } from './entry';
import { logKey } from './record';

/** A log entry from an audit of a detected report (the digest lets the log compare it later). */
export function entryFromAudit(
  a: Pick<Audit, 'result' | 'model'>,
  page: { url: string; title: string; via: LogEntry['via']; auditedAt: string; hash: string },
): LogEntry {
  const rep = a.result.report;
  return {
    url: logKey(page.url),
    title: rep?.title || page.title,
    agency: rep?.agency ?? null,
    year: rep?.year ?? null,
    format: rep?.format ?? null,
    publishedAt: rep?.publishedAt ?? null,
    counts: countKinds(a.result.findings),
    findings: a.result.findings,
    auditedAt: page.auditedAt,
    firstAuditedAt: page.auditedAt,
    hash: page.hash,
    versions: [],
    via: page.via,
    digest: a.model ? crossDigest(a.model) : null,
  };
}
