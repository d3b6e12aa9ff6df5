import { numeralOf } from '../report/sections';
import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'section.unnumbered',
  severity: 'warning',
  category: 'section',
  tags: ['structure'],
  appliesTo: MODERN,
  help: { zh: '六个部分的标题应带“一、”至“六、”序号', en: 'Part headings carry their numbers 一、 to 六、' },
  messages: {
    default: { zh: '标题“{text}”缺少序号“{numeral}、”', en: 'Heading "{text}" lacks its number "{numeral}、"' },
  },
  check(r, emit) {
    for (const s of r.sections.values()) {
      if (s.heading.numeral) continue;
      const numeral = numeralOf(s.n);
      emit({
        params: { text: s.heading.text, numeral },
        location: s.heading.text,
        targets: [s.heading.el],
        expected: `${numeral}、${s.heading.text}`,
        actual: s.heading.text,
      });
    }
  },
});
