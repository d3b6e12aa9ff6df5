import { TABLE_NAMES, TABLE_SHORT } from '../tables/model';
import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'table.label',
  severity: 'info',
  category: 'table',
  tags: ['structure'],
  appliesTo: MODERN,
  help: {
    zh: '表格标签与格式文字不完全一致（错字、改名、附注）',
    en: "A table label differs from the format's wording (typo, rename, annotation)",
  },
  messages: {
    default: {
      zh: '{table}标签“{found}”与格式文字“{expected}”不一致（已按“{expected}”读取）',
      en: '{tableEn}: label "{found}" differs from "{expected}" (read as "{expected}")',
    },
  },
  check(r, emit) {
    for (const t of [r.tables.t2, r.tables.t3, r.tables.t4]) {
      if (!t) continue;
      for (const l of t.labels)
        emit({
          params: { table: TABLE_SHORT[t.id].zh, tableEn: TABLE_SHORT[t.id].en, found: l.found, expected: l.expected },
          table: t.id,
          location: `${TABLE_NAMES[t.id].zh} / ${l.found}`,
          targets: [l.cell.el],
          actual: l.found,
          expected: l.expected,
        });
    }
  },
});
