// How the reader does on the real corpus against our judgement: pages, real defects found and
// missed, false alarms by severity. Prints the README's table.  npx tsx tests/real/score.ts
import { compareYears, type YearReport } from '../../lib/sweep/years';
import type { Finding } from '../../lib/result';
import { addScores, auditReal, judgements, keyOf, score, yearJudgements, type Score } from './corpus';

const zero: Score = {
  pages: 0,
  defects: 0,
  found: 0,
  missed: 0,
  extra: { error: 0, warning: 0, info: 0, review: 0 },
  notesMissing: 0,
};
const byDir = new Map<string, Score>();
const reports: YearReport[] = [];
const pages = judgements();
for (const j of pages) {
  const { result, model } = await auditReal(j.page);
  const dir = j.page.split('/')[0];
  byDir.set(dir, addScores(byDir.get(dir) ?? zero, score(j, result.findings)));
  if (model)
    reports.push({
      index: reports.length,
      agency: result.report?.agency ?? null,
      year: result.report?.year ?? null,
      model,
    });
}
// Cross-year: the corpus as one batch; judged like a page of its own.
const years = compareYears(reports).map((f) => ({
  ...f,
  location: `${pages[f.index].page} ← ${pages[f.prevIndex].page}: ${f.location}`,
}));
const judgedYears = yearJudgements().map((y) => ({ ...y, location: `${y.page} ← ${y.prev}: ${y.location}` }));
const yearScore = {
  ...score({ page: 'years', detected: true, findings: judgedYears, missed: [] }, years as Finding[]),
  pages: 0,
};

const rows: [string, Score][] = [...byDir.entries(), ['cross-year (batch)', yearScore]];
const total = rows.reduce((a, [, s]) => addScores(a, s), zero);
const pct = (s: Score) => (s.defects ? `${((100 * s.found) / s.defects).toFixed(1)}%` : '—');
console.log(
  '| corpus | pages | real defects | found | missed | found % | false errors | false warnings | extra info | extra review | notes not given |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [name, s] of [...rows, ['**total**', total] as [string, Score]])
  console.log(
    `| ${name} | ${s.pages} | ${s.defects} | ${s.found} | ${s.missed} | ${pct(s)} | ${s.extra.error} | ${s.extra.warning} | ${s.extra.info} | ${s.extra.review} | ${s.notesMissing} |`,
  );
if (process.argv.includes('--list'))
  for (const j of pages) {
    const { result } = await auditReal(j.page);
    const want = j.findings.map(keyOf);
    for (const f of result.findings) if (!want.includes(keyOf(f))) console.log(`extra  ${j.page}: ${keyOf(f)}`);
    const got = result.findings.map(keyOf);
    for (const e of j.findings) if (!got.includes(keyOf(e))) console.log(`absent ${j.page}: ${keyOf(e)}`);
  }
