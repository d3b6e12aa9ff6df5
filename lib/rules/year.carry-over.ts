import { isSoft } from '../tables/logical';
import { T3_COLS } from '../tables/t3';
import { defineYearRule } from './year.types';

export default defineYearRule({
  id: 'year.carry-over',
  severity: 'warning',
  category: 'year',
  tags: ['cross-year', 't3'],
  help: {
    zh: '表三每列：本年“二、上年结转政府信息公开申请数量”应等于上年报告的“四、结转下年度继续办理”',
    en: "Table 三, every column: this year's 二、上年结转 equals last year's 四、结转下年度继续办理",
  },
  messages: {
    default: {
      zh: '二、上年结转 / {col}：本年填报 {actual}，{prevYear}年报告“四、结转下年度继续办理”为 {expected}',
      en: '二、上年结转 / {col}: {actual} this year, but the {prevYear} report carried {expected} over (四、结转下年度继续办理)',
    },
  },
  check(cur, prev, emit) {
    const t = cur.tables.t3;
    const carried = t?.rows.get('carried');
    const next = prev.tables.t3?.rows.get('next');
    if (!t || !carried || !next) return;
    for (const col of T3_COLS) {
      const a = carried.values[col.id];
      const b = next.values[col.id];
      if (!a || !b || a.kind === 'text' || b.kind === 'text' || a.value === b.value) continue;
      const label = t.cols[col.id]?.label ?? col.canon;
      const soft = isSoft(a) || isSoft(b) || carried.uncertain || next.uncertain;
      emit({
        outcome: soft ? 'review' : 'violation',
        params: { col: label, actual: a.value, expected: b.value, prevYear: prev.year ?? '?' },
        table: 't3',
        row: carried.label,
        col: label,
        expected: b.value,
        actual: a.value,
        formula: '本年 二、上年结转 = 上年 四、结转下年度继续办理',
        location: `二、上年结转 / ${label}`,
        targets: [a.cell?.el],
      });
    }
  },
});
