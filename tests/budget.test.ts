import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { audit, auditAsync } from '../lib/audit';
import { AuditResultSchema } from '../lib/result-schema';

const doc = (path = 'pages/clean-2021.html') =>
  new JSDOM(readFileSync(join(import.meta.dirname, 'fixtures', path), 'utf8'), {
    url: 'http://www.yueqing.gov.cn/a.html',
  }).window.document;

describe('time budget', () => {
  it('an audit past its budget stops with a result marked incomplete, never a verdict from a half-read page', async () => {
    const { result } = await auditAsync(doc(), { budgetMs: 0, sliceMs: 0 });
    expect(result.reason).toBe('incomplete:time-budget');
    expect(result.findings).toEqual([]);
    expect(AuditResultSchema.safeParse(JSON.parse(JSON.stringify(result))).success).toBe(true);
  });

  it('within its budget, the sliced audit finds exactly what the straight one does', async () => {
    const sliced = (await auditAsync(doc('seeds/002.html'), { budgetMs: 60_000, sliceMs: 0 })).result;
    const straight = audit(doc('seeds/002.html')).result;
    expect(straight.findings.length).toBe(4);
    expect(sliced.incomplete).toBeUndefined();
    expect(sliced.findings.map((f) => f.message)).toEqual(straight.findings.map((f) => f.message));
    expect(sliced.report).toEqual(straight.report);
  });
});
