// The audit: page → result. Runs identically in the content script, the popup and Node.

import { cssPath } from './dom/path';
import { SCAN_MARK, scannedAudit } from './documents/scanned';
import { buildReport, type ReportModel } from './report/build';
import { runSteps, yieldToPage, type Steps } from './steps';
import { attachmentStub, gate, lookAlike, structureVerdict } from './report/detect';
import { numeralOf, SECTION_DEFS } from './report/sections';
import { countKinds, type AuditResult, type Finding, type Locale } from './result';
import { toFinding } from './rules/finding';
import { RULES } from './rules';
import type { Emitted, Rule } from './rules/types';

export interface AuditOptions {
  url?: string;
  /** Skip the cheap gate: the user asked for this page to be audited. */
  force?: boolean;
  locale?: Locale;
  /** Rules to run (default: all). */
  rules?: Rule[];
}

/** DOM elements behind each finding, for the overlay (parallel to result.findings; not JSON). */
export interface FindingRefs {
  targets: Element[];
  related: Element[];
  placement: 'on' | 'before' | 'after';
}

export interface Audit {
  result: AuditResult;
  refs: FindingRefs[];
  model: ReportModel | null;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const ms = (x: number) => Math.round(x * 100) / 100;

function notDetected(reason: string, t0: number): Audit {
  return {
    result: {
      detected: false,
      reason,
      sections: [],
      tables: [],
      findings: [],
      summary: { error: 0, warning: 0, info: 0, review: 0 },
      timingMs: { detect: ms(now() - t0), parse: 0, rules: 0 },
    },
    refs: [],
    model: null,
  };
}

/** Audit now, start to finish (CLI, tests, sweeps). */
export function audit(doc: Document, opts: AuditOptions = {}): Audit {
  return runSteps(auditSteps(doc, opts, () => false));
}

export interface BudgetOptions {
  /** Stop with a partial result marked incomplete after this long (wall time). */
  budgetMs?: number;
  /** Yield to the page after this much work, so no task of ours is long. */
  sliceMs?: number;
}

/** Audit in time slices on a live page: no long task, and a partial result past the budget. */
export async function auditAsync(doc: Document, opts: AuditOptions & BudgetOptions = {}): Promise<Audit> {
  const budget = opts.budgetMs ?? 500;
  const slice = opts.sliceMs ?? 30;
  const start = now();
  let over = false;
  const steps = auditSteps(doc, opts, () => over);
  let sliceStart = start;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    const t = now();
    if (t - start > budget) over = true;
    if (t - sliceStart > slice) {
      await yieldToPage();
      sliceStart = now();
    }
  }
}

function* auditSteps(doc: Document, opts: AuditOptions, stop: () => boolean): Steps<Audit> {
  const url = opts.url ?? doc.location?.href ?? '';
  const t0 = now();
  const scan = Number(doc.documentElement?.getAttribute(SCAN_MARK));
  if (scan) return scannedAudit(scan, opts);
  const g = gate(doc, url);
  if (!opts.force && !g.pass) return notDetected('no-report-signal', t0);
  const exclusion = lookAlike(doc, g);
  if (exclusion) return notDetected(`look-alike:${exclusion}`, t0);
  const tDetect = now();
  yield;

  const model = yield* buildReport(doc, url, stop);
  const tParse = now();
  // Out of time while reading the page: its model may be partial, so no verdict from it.
  if (stop()) return { ...notDetected('incomplete:time-budget', t0), model };
  const notReport = structureVerdict(model);
  // A stub whose report is the attachment is a report page, but only the attachment can be checked:
  // it gets the one note saying so (page.tables-unreadable), not the findings of an empty report.
  const stub = notReport === 'no-report-structure' ? attachmentStub(doc, url, g) : null;
  if (notReport && !stub) return notDetected(notReport, t0);
  if (stub) model.attachments = stub;
  const rules = stub ? (opts.rules ?? RULES).filter((r) => r.id === 'page.tables-unreadable') : opts.rules;

  const { findings, refs, skipped } = yield* runRules(model, { ...opts, rules }, stop);
  const tRules = now();
  const signals = [
    ...g.signals.filter((s) => s === 'title'),
    model.sections.size >= 3 ? 'sections' : '',
    model.tables.t3 ? 'tables' : '',
  ].filter(Boolean);
  const result: AuditResult = {
    detected: true,
    reason: stub ? 'attachment' : signals.join('+') || (opts.force ? 'forced' : g.signals.join('+')),
    ...describeReport(model),
    findings,
    summary: countKinds(findings),
    timingMs: { detect: ms(tDetect - t0), parse: ms(tParse - tDetect), rules: ms(tRules - tParse) },
  };
  if (skipped.length) result.incomplete = { stage: 'rules', skipped };
  return { result, refs, model };
}

/**
 * The elements behind a finding, for the overlay, and its CSS path in the result (set on `f`). A
 * finding with no precise element (e.g. title from <meta>) points at the article body.
 */
export function locate(
  model: Pick<ReportModel, 'container'>,
  e: Pick<Emitted, 'targets' | 'related' | 'placement'>,
  f: Finding,
): FindingRefs {
  const targets = e.targets.filter((x): x is Element => !!x);
  if (!targets.length) targets.push(model.container);
  if (targets[0]) f.target = cssPath(targets[0]);
  // A document reader (lib/documents) placed each element on a page of the PDF.
  const page = Number(targets[0]?.closest('[data-page]')?.getAttribute('data-page'));
  if (page) f.page = page;
  const related = (e.related ?? []).filter((x): x is Element => !!x);
  return { targets, related, placement: e.placement ?? 'on' };
}

/** Run the rules one step each; past the budget, the rest are listed as skipped. */
function* runRules(model: ReportModel, opts: AuditOptions, stop: () => boolean) {
  const locale = opts.locale ?? 'zh';
  const findings: Finding[] = [];
  const refs: FindingRefs[] = [];
  const skipped: string[] = [];
  for (const rule of opts.rules ?? RULES) {
    if (rule.appliesTo && !rule.appliesTo.includes(model.format)) continue;
    if (skipped.length || stop()) {
      skipped.push(rule.id);
      continue;
    }
    rule.check(model, (e: Emitted) => {
      const f = toFinding(rule, e, locale);
      findings.push(f);
      refs.push(locate(model, e, f));
    });
    yield;
  }
  return { findings, refs, skipped };
}

/** The report's identity, parts and tables as the result states them. */
function describeReport(model: ReportModel): Pick<AuditResult, 'report' | 'sections' | 'tables'> {
  return {
    report: {
      title: model.title?.text ?? null,
      agency: model.agency,
      year: model.year,
      format: model.format,
      publishedAt: model.pubDate?.date ?? null,
    },
    sections: SECTION_DEFS.map((d) => {
      const s = model.sections.get(d.n);
      return {
        number: numeralOf(d.n),
        title: s?.heading.text.replace(/^[一二三四五六七八九十]+[、.．]\s*/, '') ?? d.title,
        found: !!s,
      };
    }),
    tables: (['t2', 't3', 't4'] as const).flatMap((id) => {
      const t = model.tables[id];
      return t ? [{ id, format: t.format, rows: t.rowCount, cols: t.colCount }] : [];
    }),
  };
}
