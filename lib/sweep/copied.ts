// Copied text (内容雷同, 国办公开办函〔2021〕30号) across the reports of a sweep or batch, from
// their prose digests alone (no documents): year.copied-text compares parts 一 and 五 with the same
// body's report of the year before; text.copied-from finds, for each report, another body's report
// (of the same or an earlier year) whose whole prose it repeats. Candidates for text.copied-from
// come from a MinHash/LSH index (16 bands of 4 values), so thousands of reports are compared in
// seconds, not pair by pair.
//
// Batch use: proseDigest(model) in the worker that audited the page (keep the digest, drop the
// document), then copiedFindings(all digests) once every report is read.
import type { ReportModel } from '../report/build';
import { proseDigest, type ProseDigest } from '../report/digest';
import { sameAgency } from '../report/agency';
import type { Finding, Locale } from '../result';
import type { CopyRule, Digested } from '../rules/copied.types';
import { toFinding } from '../rules/finding';
import textCopiedFrom, { MIN_CHARS as WHOLE_MIN } from '../rules/text.copied-from';
import yearCopiedText from '../rules/year.copied-text';
import { MINHASH } from '../text/shingles';
import { yearPairs, type YearFinding } from './years';

export { proseDigest, type ProseDigest } from '../report/digest';

/** The copied-text rules, in catalog order. Not part of the single-page RULES. */
export const COPY_RULES: CopyRule[] = [yearCopiedText, textCopiedFrom];

export interface CopyReport {
  /** The report's position in the sweep or batch. */
  index: number;
  agency: string | null;
  year: number | null;
  prose: ProseDigest;
}

/** A copied-text finding of one report, naming the report it repeats (`prevIndex`, of `prevAgency`). */
export interface CopyFinding extends YearFinding {
  prevAgency: string;
}

const BAND = 4;
/** Most reports one report is compared with in full (a template shared by hundreds needs no more). */
const MAX_CANDIDATES = 64;
/** A body's own earlier report explains a copy as well as another's within this margin. */
const OWN_MARGIN = 0.02;

type Known = CopyReport & Digested;
type Emission = Parameters<Parameters<CopyRule['check']>[2]>[0];

/** Reports whose MinHash signatures agree on at least one band: likely to share most of their text. */
function candidates(reports: readonly Known[]): Map<Known, Known[]> {
  const buckets = new Map<string, Known[]>();
  for (const r of reports) {
    if (r.prose.chars < WHOLE_MIN || r.prose.minhash.length < MINHASH) continue;
    for (let b = 0; b < MINHASH / BAND; b++) {
      const key = `${b}:${Array.from(r.prose.minhash.slice(b * BAND, b * BAND + BAND)).join(',')}`;
      const list = buckets.get(key);
      if (list) list.push(r);
      else buckets.set(key, [r]);
    }
  }
  const out = new Map<Known, Set<Known>>();
  for (const list of buckets.values()) {
    if (list.length < 2) continue;
    for (const r of list) {
      const set = out.get(r) ?? out.set(r, new Set()).get(r)!;
      for (const o of list) {
        if (set.size >= MAX_CANDIDATES) break;
        if (o !== r) set.add(o);
      }
    }
  }
  return new Map([...out].map(([r, s]) => [r, [...s].sort((a, b) => a.index - b.index)]));
}

export function copiedFindings(
  reports: readonly CopyReport[],
  opts: { locale?: Locale; rules?: readonly CopyRule[] } = {},
): CopyFinding[] {
  const locale = opts.locale ?? 'zh';
  const rules = opts.rules ?? COPY_RULES;
  const known = reports.filter((r): r is Known => !!r.agency && r.year !== null);
  const out: CopyFinding[] = [];
  const push = (rule: CopyRule, cur: Known, other: Known, e: Emission) => {
    const f = toFinding(rule, e, locale);
    out.push({
      ...f,
      index: cur.index,
      prevIndex: other.index,
      agency: cur.agency,
      year: cur.year,
      prevYear: other.year,
      prevAgency: other.agency,
    });
  };

  if (rules.includes(yearCopiedText))
    for (const [cur, prev] of yearPairs(known))
      yearCopiedText.check(cur, prev, (e) => push(yearCopiedText, cur, prev, e));

  if (rules.includes(textCopiedFrom)) {
    const share = (a: Known, b: Known) => {
      let s = 0;
      textCopiedFrom.check(a, b, (e) => (s = e.similarity));
      return s;
    };
    for (const [cur, cands] of candidates(known)) {
      // Only what was there first can have been copied: the same or an earlier year.
      const best: { other?: Known; e?: Emission } = {};
      let own = 0;
      for (const other of cands) {
        if (other.year > cur.year) continue;
        if (sameAgency(other.agency, cur.agency)) {
          if (other.year < cur.year) own = Math.max(own, share(cur, other));
          continue;
        }
        textCopiedFrom.check(cur, other, (e) => {
          if (!best.e || e.similarity > best.e.similarity) Object.assign(best, { other, e });
        });
      }
      // Its own earlier report says it as well: that is year.copied-text's business, not a copy of another's.
      if (best.e && best.other && own < best.e.similarity - OWN_MARGIN) push(textCopiedFrom, cur, best.other, best.e);
    }
  }
  return out.sort((a, b) => a.index - b.index || rules.indexOf(ruleOf(a)) - rules.indexOf(ruleOf(b)));
}

const ruleOf = (f: Finding) => COPY_RULES.find((r) => r.id === f.ruleId)!;

/** For a sweep that still holds the reports' models: digest them, then compare. */
export function copiedInSweep(
  reports: readonly (Omit<CopyReport, 'prose'> & { model: ReportModel })[],
  opts: { locale?: Locale } = {},
): CopyFinding[] {
  return copiedFindings(
    reports.map(({ index, agency, year, model }) => ({ index, agency, year, prose: proseDigest(model) })),
    { locale: opts.locale }, // only the locale: a caller's `rules` are single-page rules, not copy rules
  );
}
