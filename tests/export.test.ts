import { describe, expect, it } from 'vitest';
import { toCsv, toHtml, toJson, toMarkdown, toPlainText } from '../lib/format/export';
import type { AuditResult } from '../lib/result';

const payload = '<img src=x onerror=alert(1)>|"=cmd"';
const result: AuditResult = {
  detected: true,
  reason: 'title+sections+tables',
  report: { title: payload, agency: '临江市<b>局</b>', year: 2023, format: '2021', publishedAt: '2024-01-20' },
  sections: [],
  tables: [],
  findings: [
    {
      ruleId: 'sum.t3-balance',
      severity: 'error',
      outcome: 'violation',
      message: `三、（七）总计 / 自然人：${payload}`,
      location: '三、（七）总计 / 自然人',
      category: 'sum',
      params: {},
      formula: '一 + 二 = 七 + 四',
      expected: 12,
      actual: 11,
    },
    {
      ruleId: 'cell.placeholder',
      severity: 'info',
      outcome: 'review',
      message: 'x',
      location: '=SUM(A1)',
      category: 'cell',
      params: {},
    },
  ],
  summary: { error: 1, warning: 0, info: 0, review: 1 },
  timingMs: { detect: 0, parse: 0, rules: 0 },
};
const meta = { pageTitle: payload, url: 'http://www.example.gov.cn/a.html', auditedAt: '2026-11-21 10:00' };

describe('exports', () => {
  it('plain text lists every finding with its location and formula', () => {
    const t = toPlainText(result, meta);
    expect(t).toContain('机关：临江市<b>局</b>');
    expect(t).toContain('1. 【错误】三、（七）总计 / 自然人（sum.t3-balance）');
    expect(t).toContain('公式：一 + 二 = 七 + 四');
    expect(t).toContain('2. 【待核】');
  });

  it('HTML escapes page text: no tag from the page survives', () => {
    const h = toHtml(result, meta);
    expect(h).not.toContain('<img');
    expect(h).not.toContain('<b>');
    expect(h).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(h.match(/<tr>/g)).toHaveLength(3);
  });

  it('Markdown escapes pipes and angle brackets', () => {
    const m = toMarkdown(result, meta);
    const row = m.split('\n').find((l) => l.startsWith('| 1 |'))!;
    expect(row).toContain('\\|');
    expect(row).not.toContain('<img');
  });

  it('CSV quotes and neutralises formula-like cells', () => {
    const c = toCsv(result, meta);
    expect(c.startsWith('\ufeff')).toBe(true);
    expect(c).toContain(`"'=SUM(A1)"`);
    expect(c.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('JSON is the contract plus the page', () => {
    expect(JSON.parse(toJson(result, meta))).toMatchObject({ detected: true, page: { url: meta.url } });
  });
});
