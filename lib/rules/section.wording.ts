import { numeralOf, SECTION_DEFS } from '../report/sections';
import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'section.wording',
  severity: 'info',
  category: 'section',
  tags: ['structure'],
  appliesTo: MODERN,
  help: {
    zh: '部分标题的措辞与格式不同，按其序号和位置识别',
    en: "A part heading is worded unlike the format's; it was recognised by its number and place",
  },
  messages: {
    default: {
      zh: '“{text}”按序号和位置识别为第{numeral}部分“{title}”（标题措辞与格式不同）',
      en: '"{text}" was read as part {numeral} "{title}" by its number and place (worded unlike the format)',
    },
  },
  check(r, emit) {
    for (const h of r.headings) {
      if (h.match !== 'position') continue;
      const title = SECTION_DEFS[h.n - 1].title;
      emit({
        params: { text: h.text, numeral: numeralOf(h.n), title },
        location: h.text,
        targets: [h.el],
        actual: h.text,
        expected: `${numeralOf(h.n)}、${title}`,
      });
    }
  },
});
