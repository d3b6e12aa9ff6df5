import { numeralOf } from '../report/sections';
import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'section.order',
  severity: 'warning',
  category: 'section',
  tags: ['structure'],
  appliesTo: MODERN,
  help: { zh: '六个部分应按顺序出现、编号正确且不重复', en: 'Parts appear in order, numbered correctly, once each' },
  messages: {
    number: {
      zh: '“{text}”编号为“{numeral}”，应为“{expected}”',
      en: '"{text}" is numbered {numeral}; it should be {expected}',
    },
    order: { zh: '“{text}”出现在“{prev}”之后，顺序颠倒', en: '"{text}" comes after "{prev}": parts out of order' },
    twice: { zh: '第{expected}部分出现两次：“{text}”', en: 'Part {expected} appears twice: "{text}"' },
  },
  check(r, emit) {
    const seen = new Map<number, string>();
    let last: { n: number; text: string } | null = null;
    for (const h of r.headings) {
      if (h.n === 0) continue;
      const expected = numeralOf(h.n);
      const base = { location: h.text, targets: [h.el] };
      if (seen.has(h.n)) emit({ ...base, msg: 'twice', params: { text: h.text, expected } });
      else if (h.numeral && h.numeral !== expected)
        emit({
          ...base,
          msg: 'number',
          params: { text: h.text, numeral: h.numeral, expected },
          actual: h.numeral,
          expected,
        });
      else if (last && h.n < last.n) emit({ ...base, msg: 'order', params: { text: h.text, prev: last.text } });
      seen.set(h.n, h.text);
      if (!last || h.n > last.n) last = { n: h.n, text: h.text };
    }
  },
});
