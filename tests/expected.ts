// Fixture expectations: every fixture page X.html has X.expected.json beside it listing the exact
// findings (rule id, location, outcome, severity) it must produce. The comparison is on the whole set, so
// a new false positive fails as surely as a miss.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditResult } from '../lib/result';

export interface Expected {
  detected: boolean;
  reason?: string;
  format?: string;
  /** [ruleId, location, outcome, severity] */
  findings: [string, string, 'violation' | 'review', 'error' | 'warning' | 'info'][];
}

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export function fixturePages(dir: string): { html: string; expected: Expected }[] {
  const root = join(FIXTURES, dir);
  return readdirSync(root)
    .filter((n) => n.endsWith('.html'))
    .sort()
    .map((n) => {
      const side = join(root, n.replace(/\.html$/, '.expected.json'));
      if (!existsSync(side)) throw new Error(`fixture ${dir}/${n} has no ${side}`);
      return { html: join(root, n), expected: JSON.parse(readFileSync(side, 'utf8')) as Expected };
    });
}

export const findingKeys = (r: AuditResult) =>
  r.findings.map((f) => `${f.ruleId} | ${f.location} | ${f.outcome} | ${f.severity}`).sort();
export const expectedKeys = (e: Expected) =>
  e.findings.map(([id, loc, outcome, severity]) => `${id} | ${loc} | ${outcome} | ${severity}`).sort();
