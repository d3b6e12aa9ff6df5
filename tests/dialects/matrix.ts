// Portal-dialect invariance: every corpus page, rewritten in each dialect of ./dialects.ts (the
// markup of the editors and Word/WPS exports real portals publish), must get the findings the page
// got as published. The variant is serialised and parsed again in a fresh jsdom, so the audit sees
// what a browser would build from that markup. Real reports are read from ../shared/real when it
// is there; the project keeps none of their text. The matrix runs as two test files (markup and
// structural dialects) so both CPUs share it; `-t '^word-mso'` generates that one dialect only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it, type TestContext } from 'vitest';
import { decode } from '../../cli/load';
import { audit } from '../../lib/audit';
import { findContainer } from '../../lib/dom/container';
import type { AuditResult } from '../../lib/result';
import { DIALECTS, readable, type Dialect } from './dialects';
import { FIXTURES } from '../expected';
import { REAL } from '../real/corpus';

function list(dir: string, label: string, only = /./): { name: string; file: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.html') && only.test(n))
    .sort()
    .map((n) => ({ name: `${label}/${n}`, file: join(dir, n) }));
}

const PAGES = [
  ...list(join(FIXTURES, 'seeds'), 'seeds'),
  ...list(join(FIXTURES, 'rules'), 'rules'),
  ...list(join(FIXTURES, 'pages'), 'pages', /^clean-/),
  ...list(join(REAL, 'pingtan'), 'real/pingtan'),
  ...list(join(REAL, 'sites'), 'real/sites'),
];

/** What a dialect must not change: detection, format, and each finding as a sorted tuple. */
function outcome(r: AuditResult): string[] {
  const findings = r.findings.map((f) =>
    [f.ruleId, f.location, f.outcome, f.table, f.row, f.col, f.expected, f.actual].map((x) => x ?? '').join(' | '),
  );
  return [`detected: ${r.detected}`, `format: ${r.report?.format ?? '-'}`, ...findings.sort()];
}

/** Lines lost (-) and gained (+), as multisets. */
function diff(before: string[], after: string[]): string {
  const rest = [...after];
  const lost = before.filter((x) => {
    const i = rest.indexOf(x);
    if (i >= 0) rest.splice(i, 1);
    return i < 0;
  });
  return [...lost.map((x) => `- ${x}`), ...rest.map((x) => `+ ${x}`)].join('\n');
}

/** One page in one dialect: what changed in what a person reads (a generator bug) and in the findings. */
interface Verdict {
  text: string;
  findings: string;
}

/** Verdicts by page, then by dialect; null: the dialect has nothing to act on in that page. */
const verdicts = new Map<string, Map<string, Verdict | null | Error>>();

/**
 * jsdom ends loading a page in a later task, and until that task runs even a closed window stays
 * reachable: yield to it, or the ~2,500 variants of a run exhaust the heap.
 */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/**
 * The dialects of one page, judged when its first test runs, so each page is parsed and audited
 * once and then dropped (holding ~150 parsed pages for all the dialects takes gigabytes). Each
 * variant starts from a fresh copy of the article body — dialects edit nothing else — and is
 * serialised and parsed afresh, as a browser would receive it.
 */
async function judge(file: string, dialects: Dialect[]): Promise<Map<string, Verdict | null | Error>> {
  const url = pathToFileURL(file).href;
  const dom = new JSDOM(lean(decode(readFileSync(file))), { url });
  const doc = dom.window.document;
  // The URL audited is the canonical link when the file has one, as the CLI does.
  const auditUrl = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? url;
  const before = outcome(audit(doc, { url: auditUrl }).result);
  const text = readable(doc);
  const out = new Map<string, Verdict | null | Error>();
  for (const dialect of dialects) {
    const body = findContainer(doc);
    const pristine = body.cloneNode(true);
    try {
      if (!dialect.apply(doc)) {
        out.set(dialect.id, null);
        continue;
      }
      const variant = new JSDOM(dom.serialize(), { url });
      const after = variant.window.document;
      out.set(dialect.id, {
        text: dialect.structural ? '' : diff(text, readable(after)),
        findings: diff(before, outcome(audit(after, { url: auditUrl }).result)),
      });
      variant.window.close();
      await settle();
    } catch (e) {
      out.set(dialect.id, e instanceof Error ? e : new Error(String(e)));
    } finally {
      body.replaceWith(pristine);
    }
  }
  dom.window.close();
  await settle();
  return out;
}

/**
 * The page without what the reader never reads — scripts, style sheets, inline style attributes —
 * for the published page and every variant alike: jsdom spends most of a parse on them (a 290 kB
 * portal page: 375 ms, 95 ms without), and the matrix parses 2,500 pages.
 */
const lean = (html: string) =>
  html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style>/gi, '')
    .replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '');

/** Dialects whose test of the current page will run: all, unless the run is filtered (-t). */
function wanted(ctx: TestContext): Dialect[] {
  const suites = ctx.task.file.tasks.filter(
    (s) => s.type === 'suite' && s.tasks.some((t) => t.name === ctx.task.name && t.mode === 'run'),
  );
  return DIALECTS.filter((d) => suites.some((s) => s.name === d.id));
}

/** One describe per dialect, a test per page (vitest runs the two halves of the matrix in parallel). */
export function matrix(structural: boolean): void {
  for (const dialect of DIALECTS.filter((d) => d.structural === structural))
    describe(dialect.id, () => {
      it.for(PAGES)('$name', { timeout: 120_000 }, async ({ name, file }, ctx) => {
        if (!verdicts.has(file)) verdicts.set(file, await judge(file, wanted(ctx)));
        const verdict = verdicts.get(file)!.get(dialect.id);
        if (verdict instanceof Error) throw verdict;
        if (!verdict) return ctx.skip(`${dialect.id} does not apply`);
        // A markup dialect that changed a text or a grid is a generator bug, not a reader weakness.
        if (verdict.text) expect.fail(`${dialect.id} changed what a person reads in ${name}:\n${verdict.text}`);
        if (verdict.findings)
          expect.fail(
            `${dialect.id} changed the findings of ${name} (- as published, + in the dialect):\n${verdict.findings}`,
          );
      });
    });
}
