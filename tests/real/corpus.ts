// The real corpus (../shared/real: published report pages, read at test time, never copied) and
// our judgement of each page (tests/real/expected/<dir>/<page>.json): every finding the page must
// produce — real defects and the notes an inspector accepts — with its location, severity and
// values, plus the real defects we know the reader misses. Shared by the test and the score.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPage } from '../../cli/load';
import { audit, type Audit } from '../../lib/audit';
import type { Finding } from '../../lib/result';
import { keyOf, type ExpectedFinding } from '../expected';

export { keyOf };

export const REAL = join(import.meta.dirname, '..', '..', '..', 'shared', 'real');
export const EXPECTED = join(import.meta.dirname, 'expected');
export const haveCorpus = existsSync(REAL);

export interface Judged extends ExpectedFinding {
  /** Why this is right, from our reading of the page (numbers recomputed). */
  why: string;
}

export interface PageJudgement {
  page: string;
  detected: boolean;
  format?: string;
  findings: Judged[];
  /** Real defects the reader does not find (yet), with why. */
  missed: { rule: string; severity: Finding['severity']; why: string }[];
  /** Things that look like findings but are deliberately not reported, with why. */
  notReported?: string[];
}

export interface YearJudgement extends Judged {
  page: string;
  prev: string;
}

export function judgements(): PageJudgement[] {
  return readdirSync(EXPECTED, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(EXPECTED, d.name))
        .filter((n) => n.endsWith('.json'))
        .sort()
        .map((n) => JSON.parse(readFileSync(join(EXPECTED, d.name, n), 'utf8')) as PageJudgement),
    );
}

export const yearJudgements = (): YearJudgement[] =>
  JSON.parse(readFileSync(join(EXPECTED, 'years.json'), 'utf8')).findings;

export async function auditReal(page: string): Promise<Audit> {
  const { doc, url } = await loadPage(join(REAL, page));
  return audit(doc, { url });
}

const isDefect = (f: { severity: string; outcome: string }) => f.outcome === 'violation' && f.severity !== 'info';

export interface Score {
  pages: number;
  defects: number;
  found: number;
  missed: number;
  /** Findings the judgement does not list, by kind: false alarms (error, warning) and stray notes. */
  extra: { error: number; warning: number; info: number; review: number };
  /** Judged notes (info, review) the reader did not give. */
  notesMissing: number;
}

/** Score one audit against its judgement (multiset comparison on keyOf). */
export function score(j: PageJudgement, findings: Finding[]): Score {
  const left = findings.map(keyOf);
  const s: Score = {
    pages: 1,
    defects: 0,
    found: 0,
    missed: j.missed.length,
    extra: { error: 0, warning: 0, info: 0, review: 0 },
    notesMissing: 0,
  };
  s.defects = j.findings.filter(isDefect).length + j.missed.length;
  for (const e of j.findings) {
    const at = left.indexOf(keyOf(e));
    if (at >= 0) left.splice(at, 1);
    if (isDefect(e)) {
      if (at >= 0) s.found++;
      else s.missed++;
    } else if (at < 0) s.notesMissing++;
  }
  for (const k of left) {
    const f = findings.find((x) => keyOf(x) === k)!;
    s.extra[f.outcome === 'review' ? 'review' : f.severity]++;
  }
  return s;
}

export function addScores(a: Score, b: Score): Score {
  return {
    pages: a.pages + b.pages,
    defects: a.defects + b.defects,
    found: a.found + b.found,
    missed: a.missed + b.missed,
    extra: {
      error: a.extra.error + b.extra.error,
      warning: a.extra.warning + b.extra.warning,
      info: a.extra.info + b.extra.info,
      review: a.extra.review + b.extra.review,
    },
    notesMissing: a.notesMissing + b.notesMissing,
  };
}
