import { PART_TABLES, TABLE_NAMES } from '../tables/model';
import { unreadableFor } from './unreadable';
import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'table.missing',
  severity: 'error',
  category: 'table',
  tags: ['structure'],
  appliesTo: MODERN,
  help: { zh: '第二、三、四部分须有统计表', en: 'Parts 二, 三 and 四 must contain their tables' },
  messages: { default: { zh: '“{section}”部分缺少统计表', en: 'Part "{section}" has no table' } },
  check(r, emit) {
    PART_TABLES.forEach(([n, id]) => {
      const s = r.sections.get(n);
      if (!s || r.tables[id] || unreadableFor(r, n).length) return;
      emit({
        params: { section: s.heading.text },
        table: id,
        location: TABLE_NAMES[id].zh,
        targets: [s.heading.el],
        placement: 'after',
      });
    });
  },
});
