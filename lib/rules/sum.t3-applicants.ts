import { T3_PARTS } from '../tables/t3';
import { side, totalMismatch, type Term } from './arith';
import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'sum.t3-applicants',
  severity: 'error',
  category: 'sum',
  tags: ['arithmetic', 't3'],
  appliesTo: MODERN,
  help: {
    zh: '表三每行：总计 = 自然人 + 五类法人或其他组织',
    en: 'Table 三, every row: 总计 = 自然人 + the five organisation columns',
  },
  messages: {
    default: {
      zh: '{row} / 总计：填报 {actual}，{partsText} = {expected}',
      en: '{row} / 总计: reported {actual}, {partsText} = {expected}',
    },
  },
  check(r, emit) {
    const t = r.tables.t3;
    if (!t || !t.cols.total || T3_PARTS.some((c) => !t.cols[c])) return;
    for (const row of t.rows.values()) {
      const parts: Term[] = T3_PARTS.map((c) => ({ label: t.cols[c]!.label, v: row.values[c] }));
      const total: Term = { label: t.cols.total.label, v: row.values.total };
      const broken = totalMismatch(total, parts, row.uncertain);
      if (!broken) continue;
      emit({
        ...broken,
        params: { row: row.label, actual: broken.actual, expected: broken.expected, partsText: side(parts) },
        table: 't3',
        row: row.label,
        col: t.cols.total.label,
        formula: '总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
        location: `${row.label} / ${t.cols.total.label}`,
      });
    }
  },
});
