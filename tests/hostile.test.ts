// Hostile text (issue 5): a report page whose title, agency, headings, prose and cells carry
// markup, script, template, spreadsheet-formula, bidi and very long strings as TEXT. The audit
// must still read it (its broken arithmetic is found), and every export must carry the page's
// text as text: no element or handler from the page in the HTML, no inline HTML or link syntax in
// the Markdown, no formula-like CSV field, an exact JSON round trip.
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../lib/audit';
import { toCsv, toHtml, toJson, toMarkdown, toPlainText, type ExportMeta } from '../lib/format/export';
import { AuditResultSchema } from '../lib/result-schema';
import type { AuditResult, Finding, Locale } from '../lib/result';
import { collapse } from '../lib/text/normalize';
import { loadPage } from '../cli/load';
import { expectedKeys, findingKeys, FIXTURES, fixturePages } from './expected';
import { csvProblems, htmlProblems, markdownProblems, markdownText } from './fixtures/hostile/checks';
import { AGENCY, COMPILER, PAGE_TITLE_TAIL, PAYLOADS, T3_CELLS } from './fixtures/hostile/payloads';

const PAGE = join(FIXTURES, 'hostile', 'payloads.html');
/** Every distinct hostile string: the payload set and the identity strings built from it. */
const ALL: [string, string][] = [
  ...Object.entries(PAYLOADS),
  ['agency', AGENCY],
  ['compiler', COMPILER],
  ['pageTitle', PAGE_TITLE_TAIL],
];
const counts = { payloads: ALL.length, matrix: 0, random: 0, exports: 0 };

afterAll(() => {
  console.log(
    `[hostile] ${counts.payloads} payload strings; ${counts.matrix} single-field export cases ` +
      `(payload x field x locale), ${counts.random} random-string export cases, ${counts.exports} export outputs checked`,
  );
});

/** Every export of a result, checked; the problems found, and the parsed forms for content checks. */
function exportProblems(r: AuditResult, m: ExportMeta, locale: Locale) {
  const text = toPlainText(r, m, locale);
  const html = htmlProblems(toHtml(r, m, locale));
  const markdown = toMarkdown(r, m, locale);
  const md = markdownProblems(markdown);
  const csv = csvProblems(toCsv(r, m, locale));
  const json = JSON.parse(toJson(r, m));
  counts.exports += 5;
  const problems = [
    ...html.problems.map((p) => `HTML: ${p}`),
    ...md.map((p) => `Markdown: ${p}`),
    ...csv.problems.map((p) => `CSV: ${p}`),
  ];
  if (csv.records.length !== r.findings.length + 1) problems.push(`CSV: ${csv.records.length} records`);
  if (!isDeepStrictEqual(json, JSON.parse(JSON.stringify({ ...r, page: m }))))
    problems.push('JSON: round trip differs');
  return { problems, text, html: html.text, csv: csv.records, md: markdownText(markdown) };
}

function checkExports(r: AuditResult, m: ExportMeta, locale: Locale) {
  const out = exportProblems(r, m, locale);
  expect(out.problems).toEqual([]);
  return out;
}

/** A CSV field holds the value itself, or — when the value looks like a formula — "'" + value. */
const csvHolds = (field: string, value: string) => field === value || field === `'${value}`;

const META: ExportMeta = { pageTitle: '页面', url: 'http://www.linjiang.gov.cn/a.html', auditedAt: '2026-11-21 10:00' };

function resultWith(field: string, s: string): { r: AuditResult; m: ExportMeta } {
  const f: Finding = {
    ruleId: 'cell.not-number',
    severity: 'error',
    outcome: 'violation',
    message: '消息',
    location: '位置',
    category: 'cell',
    params: { raw: s },
    formula: '一 + 二 = 七 + 四',
    actual: 1,
    expected: 2,
  };
  const report = { title: '标题', agency: '机关', year: 2023, format: '2021' as const, publishedAt: '2024-01-25' };
  const m = { ...META };
  if (field === 'title') report.title = s;
  else if (field === 'agency') report.agency = s;
  else if (field === 'pageTitle') m.pageTitle = s;
  else if (field === 'url') m.url = s;
  else Object.assign(f, { [field]: s });
  return {
    r: {
      detected: true,
      reason: 'title+sections+tables',
      report,
      sections: [],
      tables: [],
      findings: [f, { ...f, severity: 'warning', outcome: 'review' }],
      summary: { error: 1, warning: 0, info: 0, review: 1 },
      timingMs: { detect: 0, parse: 0, rules: 0 },
    },
    m,
  };
}

describe('exports carry any string as text', () => {
  const FIELDS = ['title', 'agency', 'pageTitle', 'url', 'location', 'message', 'formula', 'actual', 'expected'];
  it(`${ALL.length} payloads x ${FIELDS.length} fields x 2 locales`, () => {
    const failures: string[] = [];
    for (const [name, s] of ALL)
      for (const field of FIELDS)
        for (const locale of ['zh', 'en'] as const) {
          const { r, m } = resultWith(field, s);
          const out = exportProblems(r, m, locale);
          counts.matrix++;
          const fail = (p: string) => failures.push(`${name} in ${field} (${locale}): ${p}`);
          out.problems.forEach(fail);
          if (field === 'title') continue; // in the JSON only (checked by the round trip)
          // Text and HTML show the string itself (escaped in HTML, not dropped or encoded twice).
          if (field !== 'actual' && field !== 'expected' && !out.text.includes(s)) fail('plain text lacks it');
          if (!out.html.includes(s)) fail('HTML text lacks it');
          // Markdown is one line per finding: a renderer shows the string with breaks as spaces.
          if (!out.md.includes(s.replace(/[\t\r\n]+/g, ' '))) fail('Markdown, as rendered, does not show it');
          if (field !== 'agency' && field !== 'pageTitle' && !out.csv[1].some((c) => csvHolds(c, s)))
            fail('no CSV field holds it');
        }
    expect(failures).toEqual([]);
  }, 60_000);

  it('300 random strings in every field at once', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom(...ALL.map(([, s]) => s.slice(0, 200)), '=', '+', '-', '@', '|', '\\', '\r\n', '](', '<', '&'),
    );
    const str = fc.array(piece, { maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.tuple(str, str, str, str, str, str, str),
        fc.constantFrom('zh' as const, 'en' as const),
        (s, loc) => {
          const { r, m } = resultWith('location', s[0]);
          Object.assign(r.findings[0], { message: s[1], formula: s[2], actual: s[3] });
          r.report!.agency = s[4];
          m.pageTitle = s[5];
          m.url = s[6];
          checkExports(r, m, loc);
          counts.random++;
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('fixtures/hostile: a report full of payloads', () => {
  let result: AuditResult;
  let meta: ExportMeta;
  beforeAll(async () => {
    const { doc, url } = await loadPage(PAGE);
    result = audit(doc, { url }).result;
    meta = { pageTitle: doc.title, url, auditedAt: '2026-11-21 10:00' };
  });

  it('every page in tests/fixtures/hostile has exactly its expected findings', async () => {
    const pages = fixturePages('hostile');
    expect(pages.length).toBeGreaterThan(0);
    for (const { html, expected } of pages) {
      const { doc, url } = await loadPage(html);
      const r = audit(doc, { url }).result;
      expect(AuditResultSchema.safeParse(JSON.parse(JSON.stringify(r))).success).toBe(true);
      expect(r.detected, html).toBe(expected.detected);
      if (expected.format) expect(r.report?.format).toBe(expected.format);
      expect(findingKeys(r), html).toEqual(expectedKeys(expected));
    }
  });

  it('the audit still works: identity read, broken arithmetic found', () => {
    expect(result.detected).toBe(true);
    expect(result.report?.agency).toBe(AGENCY);
    expect(result.report?.year).toBe(2023);
    const found = result.findings.map((f) => `${f.ruleId} | ${f.location} | ${f.severity}/${f.outcome}`);
    for (const k of [
      'sum.t3-outcomes | 三、（七）总计 / 自然人 | error/violation',
      'sum.t3-applicants | （一）予以公开 / 总计 | error/violation',
      'sum.t4-group | 四、行政复议 / 总计 | error/violation',
    ])
      expect(found).toContain(k);
  });

  it('every payload cell is reported, quoting the payload verbatim', () => {
    const notNumber = result.findings.filter((f) => f.ruleId === 'cell.not-number');
    for (const [label, name] of T3_CELLS) {
      const shown = collapse(PAYLOADS[name]);
      const f = notNumber.find((x) => x.location.includes(label));
      expect(f, `${name} at ${label}`).toBeTruthy();
      expect(f!.actual).toBe(shown);
      expect(f!.message).toContain(shown);
    }
    const messages = result.findings.map((f) => f.message).join('\n');
    expect(messages).toContain(COMPILER);
    expect(messages).toContain(AGENCY);
    expect(result.findings.map((f) => f.location).join('\n')).toContain(PAYLOADS.svgBreakout);
  });

  it.each(['zh', 'en'] as const)('every export (%s) shows the payloads as text and nothing live', (locale) => {
    const r = result;
    const out = checkExports(r, meta, locale);
    expect(meta.pageTitle).toContain(PAGE_TITLE_TAIL);
    for (const f of r.findings) {
      expect(out.text).toContain(f.message);
      expect(out.html).toContain(f.message);
      expect.soft(out.md, 'Markdown, as rendered').toContain(f.message);
      expect(out.csv.some((row) => row.some((c) => csvHolds(c, f.message)))).toBe(true);
    }
    for (const s of [AGENCY, PAGE_TITLE_TAIL]) {
      expect(out.text).toContain(s);
      expect(out.html).toContain(s);
    }
    // Formula-like cell text ends up in the "reported" column, neutralised.
    for (const name of ['hyperlink', 'dde', 'at', 'minus'] as const)
      expect(
        out.csv.some((row) => row.includes(`'${PAYLOADS[name]}`)),
        name,
      ).toBe(true);
  });
});
