import { resultRowDefs, T3_COLS } from '../tables/t3';
import { side, totalMismatch, type Term } from './arith';
import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'sum.t3-outcomes',
  severity: 'error',
  category: 'sum',
  tags: ['arithmetic', 't3'],
  appliesTo: MODERN,
  help: {
    zh: '表三每列：（七）总计 = 各项办理结果之和',
    en: 'Table 三, every column: (七)总计 = sum of all result rows',
  },
  messages: {
    default: {
      zh: '三、（七）总计 / {col}：填报 {actual}，各项办理结果合计 {expected}（{nonzero}）',
      en: 'Table 三 (七)总计 / {col}: reported {actual}, result rows add up to {expected} ({nonzero})',
    },
  },
  check(r, emit) {
    const t = r.tables.t3;
    const total = t?.rows.get('total');
    if (!t || !total || t.format === 'unknown') return;
    const defs = resultRowDefs(t.format);
    const rows = defs.map((d) => t.rows.get(d.key)).filter((x) => x !== undefined);
    const incomplete = rows.length < defs.length;
    for (const col of T3_COLS) {
      const range = t.cols[col.id];
      if (!range) continue;
      const parts: Term[] = rows.map((row) => ({ label: row.label, v: row.values[col.id] }));
      const uncertain = incomplete || rows.some((x) => x.uncertain) || total.uncertain;
      const broken = totalMismatch({ label: '（七）总计', v: total.values[col.id] }, parts, uncertain);
      if (!broken) continue;
      const nonzero = parts.filter((p) => p.v && p.v.kind !== 'text' && p.v.value !== 0);
      emit({
        ...broken,
        params: {
          col: range.label,
          actual: broken.actual,
          expected: broken.expected,
          nonzero: nonzero.length ? side(nonzero) : '均为 0',
        },
        table: 't3',
        row: total.label,
        col: range.label,
        formula: '（七）总计 = （一）+（二）+（三）1–8 +（四）1–3 +（五）1–5 +（六）',
        location: `三、（七）总计 / ${range.label}`,
      });
    }
  },
});
