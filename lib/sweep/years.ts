// Cross-year pairing: among the audited reports of a sweep, every report whose agency also
// published the year before (agencies compared with sameAgency, so "临江市市场监管局" meets
// "临江市市场监督管理局") is checked against that report with the year.* rules.
import { toFinding } from '../rules/finding';
import type { YearView } from '../report/cross';
import { agencyCore, sameAgency } from '../report/agency';
import type { Finding, Locale } from '../result';
import type { Emitted } from '../rules/types';
import yearCarryOver from '../rules/year.carry-over';
import yearInForce from '../rules/year.in-force';
import type { YearRule } from '../rules/year.types';

/** The cross-year rules, in catalog order. Not part of the single-page RULES. */
export const YEAR_RULES: YearRule[] = [yearCarryOver, yearInForce];

export interface YearReport {
  /** The report's position in the sweep. */
  index: number;
  agency: string | null;
  year: number | null;
  model: YearView;
}

/** A year.* finding: a Finding of this year's report, naming last year's report it was compared with. */
export interface YearFinding extends Finding {
  index: number;
  prevIndex: number;
  agency: string;
  year: number;
  prevYear: number;
}

/**
 * [this year, last year] for every report whose agency has a report for the year before: the same
 * name first, else the first of that year that sameAgency accepts. Indexed by year and last
 * character (sameAgency needs the same last character), so ten thousand reports pair at once.
 */
export function yearPairs<R extends Pick<YearReport, 'agency' | 'year'>>(reports: readonly R[]): [R, R][] {
  const exact = new Map<string, R>();
  const byTail = new Map<string, R[]>();
  for (const r of reports) {
    if (!r.agency || r.year === null) continue;
    const c = agencyCore(r.agency);
    if (!exact.has(`${r.year}|${c}`)) exact.set(`${r.year}|${c}`, r);
    const tail = `${r.year}|${c.at(-1)}`;
    const bucket = byTail.get(tail);
    if (bucket) bucket.push(r);
    else byTail.set(tail, [r]);
  }
  const pairs: [R, R][] = [];
  for (const cur of reports) {
    if (!cur.agency || cur.year === null) continue;
    const c = agencyCore(cur.agency);
    const prev =
      exact.get(`${cur.year - 1}|${c}`) ??
      byTail.get(`${cur.year - 1}|${c.at(-1)}`)?.find((p) => sameAgency(p.agency!, cur.agency!));
    if (prev) pairs.push([cur, prev]);
  }
  return pairs;
}

/** The year rules on one pair (this year, last year): each finding with what its rule emitted (the cells, on a live page). */
export function checkYears(
  cur: YearView,
  prev: YearView,
  each: (f: Finding, e: Emitted) => void,
  opts: { locale?: Locale; rules?: readonly YearRule[] } = {},
): void {
  for (const rule of opts.rules ?? YEAR_RULES)
    rule.check(cur, prev, (e: Emitted) => each(toFinding(rule, e, opts.locale ?? 'zh'), e));
}

export function compareYears(
  reports: readonly YearReport[],
  opts: { locale?: Locale; rules?: readonly YearRule[] } = {},
): YearFinding[] {
  const out: YearFinding[] = [];
  for (const [cur, prev] of yearPairs(reports)) {
    checkYears(
      cur.model,
      prev.model,
      (f) =>
        out.push({
          ...f,
          index: cur.index,
          prevIndex: prev.index,
          agency: cur.agency!,
          year: cur.year!,
          prevYear: prev.year!,
        }),
      opts,
    );
  }
  return out;
}
