import { numeralOf, SECTION_DEFS } from '../report/sections';
import { PART_TABLES } from '../tables/model';
import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'section.missing',
  severity: 'error',
  category: 'section',
  tags: ['structure'],
  appliesTo: MODERN,
  help: { zh: '年报须包含六个部分', en: 'The report must have all six parts' },
  messages: {
    default: { zh: '缺少第{numeral}部分“{title}”', en: 'Part {numeral} "{title}" is missing' },
    withTable: {
      zh: '缺少第{numeral}部分“{title}”及其统计表',
      en: 'Part {numeral} "{title}" and its table are missing',
    },
  },
  check(r, emit) {
    const found = [...r.sections.values()];
    for (const def of SECTION_DEFS) {
      if (r.sections.has(def.n)) continue;
      const next = found.filter((s) => s.n > def.n).sort((a, b) => a.n - b.n)[0];
      const prev = found.filter((s) => s.n < def.n).sort((a, b) => b.n - a.n)[0];
      const table = PART_TABLES.find(([n]) => n === def.n)?.[1];
      emit({
        msg: table && !r.tables[table] ? 'withTable' : 'default',
        params: { numeral: numeralOf(def.n), title: def.title },
        location: `第${numeralOf(def.n)}部分`,
        targets: next ? [next.heading.el] : [prev?.heading.el],
        placement: next ? 'before' : 'after',
        expected: `${numeralOf(def.n)}、${def.title}`,
      });
    }
  },
});
