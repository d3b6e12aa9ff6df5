import { isSoft } from '../tables/logical';
import { defineYearRule } from './year.types';

export default defineYearRule({
  id: 'year.in-force',
  severity: 'warning',
  category: 'year',
  tags: ['cross-year', 't2', '2021'],
  help: {
    zh: '表二（两年均为 2021 格式）：现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数',
    en: "Table 二 (2021 format both years): in force = last year's in force + issued − repealed",
  },
  messages: {
    default: {
      zh: '第二十条第（一）项 {item}：现行有效 {actual} ≠ {prevYear}年现行有效 {prevInForce} + 本年制发 {issued} − 本年废止 {repealed} = {expected}',
      en: 'Art. 20(1) {item}: in force {actual} ≠ {prevInForce} in force in {prevYear} + issued {issued} − repealed {repealed} = {expected}',
    },
  },
  check(cur, prev, emit) {
    const t = cur.tables.t2;
    const p = prev.tables.t2;
    if (t?.format !== '2021' || p?.format !== '2021') return;
    for (const item of ['规章', '行政规范性文件']) {
      const row = t.items.get(`一:${item}`);
      const last = p.items.get(`一:${item}`);
      if (!row || !last) continue;
      const { issued, repealed, inForce } = row.values;
      const before = last.values.inForce;
      if (!issued || !repealed || !inForce || !before) continue;
      const cells = [issued, repealed, inForce, before];
      if (cells.some((v) => v.kind === 'text')) continue;
      const [i, r, now, was] = cells.map((v) => (v.kind === 'text' ? 0 : v.value));
      const expected = was + i - r;
      if (now === expected) continue;
      emit({
        outcome: cells.some(isSoft) ? 'review' : 'violation',
        params: {
          item: row.label,
          actual: now,
          expected,
          prevInForce: was,
          issued: i,
          repealed: r,
          prevYear: prev.year ?? '?',
        },
        table: 't2',
        row: row.label,
        col: row.cols.inForce,
        expected,
        actual: now,
        formula: '现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数',
        location: `第二十条第（一）项 / ${row.label}`,
        targets: [inForce.cell?.el],
        related: [issued.cell?.el, repealed.cell?.el],
      });
    }
  },
});
