import { T4_GROUPS, T4_KINDS } from '../tables/t4';
import { side, totalMismatch, type Term } from './arith';
import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'sum.t4-group',
  severity: 'error',
  category: 'sum',
  tags: ['arithmetic', 't4'],
  appliesTo: MODERN,
  help: {
    zh: '表四每组：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计',
    en: 'Table 四, each group: 维持 + 纠正 + 其他 + 尚未审结 = 总计',
  },
  messages: {
    default: {
      zh: '四、{group} / 总计：填报 {actual}，{partsText} = {expected}',
      en: 'Table 四 {group} / 总计: reported {actual}, {partsText} = {expected}',
    },
  },
  check(r, emit) {
    const t = r.tables.t4;
    if (!t) return;
    for (const g of T4_GROUPS) {
      const parts: Term[] = T4_KINDS.filter((k) => k.id !== 'total').map((k) => ({
        label: k.canon,
        v: t.cells[`${g.id}.${k.id}`],
      }));
      const total: Term = { label: '总计', v: t.cells[`${g.id}.total`] };
      const broken = totalMismatch(total, parts, t.uncertain);
      if (!broken) continue;
      emit({
        ...broken,
        params: { group: g.canon, actual: broken.actual, expected: broken.expected, partsText: side(parts) },
        table: 't4',
        row: g.canon,
        col: '总计',
        formula: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
        location: `四、${g.canon} / 总计`,
      });
    }
  },
});
