import { T3_COLS } from '../tables/t3';
import { cellsOf, compare, side, type Term } from './arith';
import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'sum.t3-balance',
  severity: 'error',
  category: 'sum',
  tags: ['arithmetic', 't3'],
  appliesTo: MODERN,
  help: {
    zh: '表三每列：第一项加第二项之和，等于第三项加第四项之和',
    en: 'Table 三, every column: 一 + 二 = 三(七)总计 + 四',
  },
  messages: {
    default: {
      zh: '三、（七）总计 / {col}：{lhsText} = {lhs} ≠ {rhsText} = {rhs}',
      en: 'Table 三 / {col}: {lhsText} = {lhs} ≠ {rhsText} = {rhs}',
    },
  },
  check(r, emit) {
    const t = r.tables.t3;
    if (!t) return;
    const row = (k: string) => t.rows.get(k);
    const [n, c, total, next] = ['new', 'carried', 'total', 'next'].map(row);
    if (!n || !c || !total || !next) return;
    for (const col of T3_COLS) {
      const range = t.cols[col.id];
      if (!range) continue;
      const lhs: Term[] = [
        { label: '本年新收', v: n.values[col.id] },
        { label: '上年结转', v: c.values[col.id] },
      ];
      const rhs: Term[] = [
        { label: '办理结果（七）总计', v: total.values[col.id] },
        { label: '结转下年度', v: next.values[col.id] },
      ];
      const cmp = compare(lhs, rhs);
      if (cmp.skipped || cmp.ok) continue;
      const uncertain = cmp.soft.length > 0 || [n, c, total, next].some((x) => x.uncertain);
      emit({
        outcome: uncertain ? 'review' : 'violation',
        params: { col: range.label, lhsText: side(lhs), rhsText: side(rhs), lhs: cmp.lhs, rhs: cmp.rhs },
        table: 't3',
        row: total.label,
        col: range.label,
        expected: cmp.lhs,
        actual: cmp.rhs,
        formula: '一、本年新收 + 二、上年结转 = 三、（七）总计 + 四、结转下年度继续办理',
        location: `三、（七）总计 / ${range.label}`,
        targets: [total.values[col.id]?.cell?.el, next.values[col.id]?.cell?.el],
        related: cellsOf([...lhs, ...rhs]),
      });
    }
  },
});
