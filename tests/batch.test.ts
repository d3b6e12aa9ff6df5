// The batch CLI (`npm run audit -- DIR --jsonl | --out FILE | --summary FILE`): worker threads, one
// JSON line per page as it finishes, the cross-report lines after, a results file a re-run resumes
// from (unchanged pages not audited again, changed ones are), Ctrl-C leaving it consistent.
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPage } from '../cli/load';
import { readResults } from '../cli/results';
import { audit } from '../lib/audit';
import type { BatchLine, CrossLine, ReportLine } from '../lib/batch/lines';
import { AuditResultSchema } from '../lib/result-schema';

const root = join(import.meta.dirname, '..');
const COLUMN = join(root, 'tests', 'fixtures', 'column');
const cli = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'cli/audit.ts', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
const parse = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as BatchLine);
const reportsOf = (lines: BatchLine[]) => lines.filter((l): l is ReportLine => l.type === 'report');
const crossOf = (lines: BatchLine[]) => lines.filter((l): l is CrossLine => l.type === 'cross');
const name = (p: string) => p.split('/').pop();

/** A scratch copy of the fixture column's report pages. */
function columnCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'batch-'));
  for (const f of readdirSync(COLUMN).filter((n) => /^(smj|tjj)-\d+\.html$/.test(n)))
    copyFileSync(join(COLUMN, f), join(dir, f));
  return dir;
}

describe('batch CLI', { timeout: 120_000 }, () => {
  it('--jsonl: one line per page with the single-page result, then the cross-report lines', async () => {
    const r = cli(COLUMN, '--jsonl', '--workers', '2');
    expect(r.status).toBe(0);
    const lines = parse(r.stdout);
    const reports = reportsOf(lines);
    expect(reports.map((l) => name(l.source)).sort()).toEqual(
      readdirSync(COLUMN)
        .filter((n) => n.endsWith('.html'))
        .sort(),
    );
    // Exactly what the single-page audit gives, timings aside.
    for (const line of reports) {
      expect(AuditResultSchema.safeParse(line.result).success).toBe(true);
      expect(line.hash).toMatch(/^[0-9a-f]{16}$/);
      const { doc, url } = await loadPage(line.source);
      expect({ ...line.result, timingMs: 0 }).toEqual({ ...audit(doc, { url }).result, timingMs: 0 });
    }
    // Every report line comes before the cross lines; those name both pages.
    expect(lines.findIndex((l) => l.type === 'cross')).toBe(reports.length);
    const years = crossOf(lines)
      .filter((c) => !c.finding.ruleId.includes('copied'))
      .map((c) => `${c.finding.ruleId} ${name(c.source)}←${name(c.otherSource)} ${c.finding.location}`);
    expect(years).toEqual([
      'year.in-force smj-2022.html←smj-2021.html 第二十条第（一）项 / 行政规范性文件',
      'year.carry-over tjj-2023.html←tjj-2022.html 二、上年结转 / 自然人',
      'year.carry-over tjj-2023.html←tjj-2022.html 二、上年结转 / 总计',
    ]);
    // The column is one page relabelled: its text is flagged as copied (tests/copied.test.ts).
    expect(crossOf(lines).filter((c) => c.finding.ruleId.includes('copied'))).toHaveLength(10);
    expect(r.stderr).toContain('7 页：年报 6，非年报 1，无法读取 0；跨报告问题 13 条');
  });

  it('--out: a re-run audits only new and changed pages, and the file holds one line per page', () => {
    const dir = columnCopy();
    const out = join(dir, 'results.jsonl');
    expect(cli(dir, '--out', out).status).toBe(0);
    const first = readResults(out);
    expect(first.reports.size).toBe(6);
    expect(first.cross.filter((c) => !c.finding.ruleId.includes('copied'))).toHaveLength(3);

    // tjj-2022 changes (a byte appended), the others do not.
    appendFileSync(join(dir, 'tjj-2022.html'), '\n<!-- edited -->\n');
    const again = cli(dir, '--out', out, '--jsonl');
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('未变化、沿用上次结果 5 页');
    const second = readResults(out);
    const changed = [...second.reports.values()].filter((l) => l.auditedAt !== first.reports.get(l.source)!.auditedAt);
    expect(changed.map((l) => name(l.source))).toEqual(['tjj-2022.html']);
    expect(second.reports.get(join(dir, 'tjj-2022.html'))!.hash).not.toBe(
      first.reports.get(join(dir, 'tjj-2022.html'))!.hash,
    );
    // The file is compacted: one line per page, the cross findings once each.
    const file = parse(readFileSync(out, 'utf8'));
    expect(reportsOf(file)).toHaveLength(6);
    const keys = crossOf(file).map((c) =>
      JSON.stringify([c.source, c.otherSource, c.finding.location, c.finding.ruleId]),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(crossOf(file).filter((c) => c.finding.ruleId === 'year.carry-over')).toHaveLength(2);
    expect(crossOf(file)).toHaveLength(crossOf(parse(readFileSync(out, 'utf8'))).length);
    // stdout still lists every page (reused ones included).
    expect(reportsOf(parse(again.stdout))).toHaveLength(6);
  });

  it('a torn last line (a crash mid-write) is ignored, and that page is audited again', () => {
    const dir = columnCopy();
    const out = join(dir, 'results.jsonl');
    expect(cli(dir, '--out', out).status).toBe(0);
    const text = readFileSync(out, 'utf8').trim().split('\n');
    const tjj = text.findIndex((l) => l.includes('tjj-2023.html"') && l.includes('"type":"report"'));
    const torn = text.filter((_, i) => i !== tjj);
    writeFileSync(out, [...torn, text[tjj].slice(0, 80)].join('\n'));
    const r = cli(dir, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('未变化、沿用上次结果 5 页');
    expect(readResults(out).reports.size).toBe(6);
  });

  it('Ctrl-C stops, keeps every finished line whole, and the next run resumes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batch-int-'));
    const page = join(root, 'tests', 'fixtures', 'seeds', '002.html');
    for (let i = 0; i < 300; i++) copyFileSync(page, join(dir, `p${String(i).padStart(3, '0')}.html`));
    const out = join(dir, 'results.jsonl');
    const child = spawn('node', ['--import', 'tsx', 'cli/audit.ts', dir, '--out', out, '--workers', '1'], {
      cwd: root,
    });
    // Wait for the first finished pages, then interrupt as Ctrl-C would.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(out) && readFileSync(out, 'utf8').split('\n').length > 5) {
          clearInterval(poll);
          resolve();
        }
      }, 50);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.length).toBeLessThan(300);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
    const r = cli(dir, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`未变化、沿用上次结果 ${lines.length} 页`);
    expect(readResults(out).reports.size).toBe(300);
  });

  it('--summary writes the summary page and its CSV', () => {
    const dir = columnCopy();
    const summary = join(dir, 'summary.html');
    expect(cli(dir, '--summary', summary).status).toBe(0);
    const html = readFileSync(summary, 'utf8');
    expect(html).toContain('临江市统计局');
    expect(html).toContain('year.carry-over');
    const csv = readFileSync(join(dir, 'summary.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.trim().split('\r\n')).toHaveLength(7); // header + six reports
  });
});
