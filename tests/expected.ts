// Fixture expectations: every fixture page X.html has X.expected.json beside it listing the exact
// findings it must produce — rule, location, severity, outcome and, where the finding is about a
// cell, the table, row and column labels and the expected / reported values — so a finding on the
// wrong cell fails as surely as a miss. The comparison is on the whole set: a new false positive
// fails too. The real corpus (tests/real) uses the same finding shape, with why.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditResult, Finding } from '../lib/result';

/** A finding as an expectation names it. */
export interface ExpectedFinding {
  rule: string;
  location: string;
  severity: Finding['severity'];
  outcome: Finding['outcome'];
  table?: string;
  row?: string;
  col?: string;
  expected?: number | string;
  actual?: number | string;
}

export interface Expected {
  detected: boolean;
  reason?: string;
  format?: string;
  findings: ExpectedFinding[];
}

export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** The seed reports (the five real reports as portal pages), as fixture paths. */
export const SEEDS = readdirSync(join(FIXTURES, 'seeds'))
  .filter((n) => n.endsWith('.html'))
  .sort()
  .map((n) => `seeds/${n}`);

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

/** The expectation of a result's finding (what expected files write). */
export function expectationOf(f: Finding): ExpectedFinding {
  const e: ExpectedFinding = { rule: f.ruleId, location: f.location, severity: f.severity, outcome: f.outcome };
  for (const k of ['table', 'row', 'col', 'expected', 'actual'] as const)
    if (f[k] !== undefined) Object.assign(e, { [k]: f[k] });
  return e;
}

/** What identifies a finding: rule, where, how severe, and the values it reports. */
export function keyOf(f: Finding | ExpectedFinding): string {
  const e = 'ruleId' in f ? expectationOf(f) : f;
  const where = [e.table, e.row, e.col].filter(Boolean).join(' / ');
  const values = e.expected !== undefined || e.actual !== undefined ? ` [${e.expected ?? ''} → ${e.actual ?? ''}]` : '';
  return `${e.rule} | ${e.location}${where ? ` (${where})` : ''} | ${e.severity}/${e.outcome}${values}`;
}

export const findingKeys = (r: AuditResult) => r.findings.map(keyOf).sort();
export const expectedKeys = (e: Expected) => e.findings.map(keyOf).sort();

/** An expected-findings file, one finding per line (reviews and diffs stay readable). */
export function expectedJson(e: Expected): string {
  const findings = e.findings.map((f) => `    ${JSON.stringify(f)}`).join(',\n');
  const head = JSON.stringify({ ...e, findings: undefined }, null, 2).slice(0, -2);
  return `${head},\n  "findings": [${findings ? `\n${findings}\n  ` : ''}]\n}\n`;
}
