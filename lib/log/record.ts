// The log's decisions, pure: how a fresh audit updates a page's entry, which entries the cap drops,
// the same agency's previous-year report, today's count. The store (components/ext/log-db.ts)
// applies them inside one IndexedDB transaction.
import { sameAgency } from '../report/agency';
import { LOG_CAP, type LogEntry } from './entry';

/** The background's rule: never log a page of a private window, nor anything when logging is off. */
export const mayRecord = (sender: { incognito?: boolean }, enabled: boolean) => enabled && !sender.incognito;

/**
 * The entry after a fresh audit of its page. Same content hash: the fresh audit replaces the
 * entry (its first audit time kept). Changed content: the earlier version's hash, time and counts
 * go to `versions`, so a changed page keeps both versions' counts.
 */
export function recordEntry(existing: LogEntry | undefined, fresh: LogEntry): LogEntry {
  if (!existing) return { ...fresh, firstAuditedAt: fresh.firstAuditedAt || fresh.auditedAt, versions: [] };
  const versions =
    existing.hash === fresh.hash
      ? existing.versions
      : [...existing.versions, { hash: existing.hash, auditedAt: existing.auditedAt, counts: existing.counts }];
  return { ...fresh, firstAuditedAt: existing.firstAuditedAt, versions };
}

/** The URLs to drop so that at most `cap` entries remain: the oldest audited first. */
export function overCap(entries: readonly Pick<LogEntry, 'url' | 'auditedAt'>[], cap = LOG_CAP): string[] {
  if (entries.length <= cap) return [];
  return [...entries]
    .sort((a, b) => a.auditedAt.localeCompare(b.auditedAt))
    .slice(0, entries.length - cap)
    .map((e) => e.url);
}

/** The same agency's report of the year before `year` (the latest audited if several), or undefined. */
export function previousYear(entries: Iterable<LogEntry>, agency: string, year: number): LogEntry | undefined {
  let best: LogEntry | undefined;
  for (const e of entries) {
    if (e.year !== year - 1 || !e.agency || !e.digest || !sameAgency(e.agency, agency)) continue;
    if (!best || e.auditedAt > best.auditedAt) best = e;
  }
  return best;
}

/** The local day of `now` as ISO times [from, to): entries audited in it are today's. */
export function dayRange(now: Date): [string, string] {
  const day = (d: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + d).toISOString();
  return [day(0), day(1)];
}

/** Entries last audited on the local day of `now`. */
export function auditedToday(entries: Iterable<Pick<LogEntry, 'auditedAt'>>, now: Date): number {
  const [from, to] = dayRange(now);
  let n = 0;
  for (const e of entries) if (e.auditedAt >= from && e.auditedAt < to) n++;
  return n;
}

/** The log's key for a page: its URL without the #fragment. */
export const logKey = (url: string) => url.replace(/#.*$/s, '');
