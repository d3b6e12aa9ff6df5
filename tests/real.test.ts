// The real corpus: every published report page in ../shared/real produces exactly the findings
// our reading of it lists (tests/real/expected) — rule, location, severity, values — so a false
// alarm fails as surely as a missed defect. Cross-year findings over the whole corpus likewise.
import { describe, expect, it } from 'vitest';
import { compareYears, type YearReport } from '../lib/sweep/years';
import { auditReal, haveCorpus, judgements, keyOf, yearJudgements } from './real/corpus';

describe.runIf(haveCorpus)('real corpus (../shared/real)', () => {
  const pages = haveCorpus ? judgements() : [];
  const audits = new Map<string, Awaited<ReturnType<typeof auditReal>>>();
  const audited = async (page: string) => audits.get(page) ?? audits.set(page, await auditReal(page)).get(page)!;

  it.each(pages.map((j) => [j.page, j] as const))('%s', async (_, j) => {
    const { result } = await audited(j.page);
    expect(result.detected).toBe(j.detected);
    if (j.format) expect(result.report?.format).toBe(j.format);
    expect(result.findings.map(keyOf).sort()).toEqual(j.findings.map(keyOf).sort());
  });

  it('cross-year: each agency against its previous year, as a sweep pairs them', async () => {
    const reports: YearReport[] = [];
    for (const j of pages) {
      const a = await audited(j.page);
      reports.push({
        index: reports.length,
        agency: a.result.report?.agency ?? null,
        year: a.result.report?.year ?? null,
        model: a.model!,
      });
    }
    const found = compareYears(reports).map((f) => `${pages[f.index].page} ← ${pages[f.prevIndex].page}: ${keyOf(f)}`);
    const expected = yearJudgements().map((y) => `${y.page} ← ${y.prev}: ${keyOf(y)}`);
    expect(found.sort()).toEqual(expected.sort());
  }, 120_000);
});
