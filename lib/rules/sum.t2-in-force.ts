import { defineRule } from './types';

export default defineRule({
  id: 'sum.t2-in-force',
  severity: 'warning',
  category: 'sum',
  tags: ['arithmetic', 't2', '2021'],
  appliesTo: ['2021'],
  help: {
    zh: '表二（2021）：本年制发件数 ≤ 现行有效件数 + 本年废止件数',
    en: 'Table 二 (2021): issued ≤ in force + repealed',
  },
  messages: {
    default: {
      zh: '第二十条第（一）项 {item}：本年制发 {issued} > 现行有效 {inForce} + 本年废止 {repealed}',
      en: 'Art. 20(1) {item}: issued {issued} > in force {inForce} + repealed {repealed}',
    },
  },
  check(r, emit) {
    const t = r.tables.t2;
    if (!t) return;
    for (const item of ['规章', '行政规范性文件']) {
      const row = t.items.get(`一:${item}`);
      if (!row) continue;
      const { issued, inForce, repealed } = row.values;
      if (![issued, inForce, repealed].every((v) => v && v.kind !== 'text')) continue;
      const [a, b, c] = [issued, inForce, repealed].map((v) => (v.kind === 'text' ? 0 : v.value));
      if (a <= b + c) continue;
      const soft = [issued, inForce, repealed].some((v) => v.kind === 'placeholder' || v.spanned);
      emit({
        outcome: soft ? 'review' : 'violation',
        params: { item: row.label, issued: a, inForce: b, repealed: c },
        table: 't2',
        row: row.label,
        col: row.cols.issued,
        expected: `≤ ${b + c}`,
        actual: a,
        formula: '本年制发件数 ≤ 现行有效件数 + 本年废止件数',
        location: `第二十条第（一）项 / ${row.label}`,
        targets: [issued.cell?.el],
        related: [inForce.cell?.el, repealed.cell?.el],
      });
    }
  },
});
