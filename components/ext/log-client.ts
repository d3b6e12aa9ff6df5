// The engine's (and the sweep page's) side of the inspection log (issue 17): after an audit of a report, compare it with
// the same agency's previous-year report in the log (the year.* rules, markers on this page's
// cells), then record it. The store is the background's (components/ext/log-db.ts); here only
// messages. Everything fails quietly: the log never stands in the way of the audit.
import { locate, type Audit } from '../../lib/audit';
import type { LogEntry } from '../../lib/log/entry';
import { contentHash } from '../../lib/log/hash';
import { entryFromAudit } from '../../lib/log/from-audit';
import { decodeWire, encodeWire } from '../../lib/log/wire';
import type { YearView } from '../../lib/report/cross';
import { countKinds, type Locale } from '../../lib/result';
import { checkYears } from '../../lib/sweep/years';
import { sendToBackground, type LogPrevious } from './messaging';

/** The audit with the year.* findings against the log's previous-year report added, and that report. */
export async function compareWithLog(a: Audit, locale: Locale): Promise<{ audit: Audit; compared?: LogPrevious }> {
  const { model, result } = a;
  const agency = result.report?.agency;
  const year = result.report?.year;
  if (!model || !agency || !year) return { audit: a };
  const prev = await sendToBackground('log:previous', { agency, year }).catch(() => null);
  if (!prev?.view) return { audit: a };
  const findings = [...result.findings];
  const refs = [...a.refs];
  checkYears(
    model,
    decodeWire<YearView>(prev.view),
    (f, e) => {
      refs.push(locate(model, e, f));
      findings.push(f);
    },
    { locale },
  );
  const compared = { url: prev.url, title: prev.title, year: prev.year };
  return { audit: { ...a, refs, result: { ...result, findings, summary: countKinds(findings) } }, compared };
}

/** Record an audit in the log (the background decides: not in private windows, not when off). */
export function recordAudit(a: Pick<Audit, 'result' | 'model'>, via: LogEntry['via']): void {
  if (!a.model || !a.result.detected) return;
  const entry = entryFromAudit(a, {
    url: a.model.url || a.model.doc.location?.href || '',
    title: a.model.doc.title,
    via,
    auditedAt: new Date().toISOString(),
    hash: contentHash(a.model.container.textContent ?? ''),
  });
  void sendToBackground('log:record', { entry: encodeWire(entry) }).catch(() => {});
}
