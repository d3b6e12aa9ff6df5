import { numeralOf } from '../report/sections';
import { CN_NUM } from '../text/normalize';
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
    fee: {
      zh: '“{text}”单列为一部分（格式中信息处理费在第六部分说明），其后各部分编号顺延',
      en: '"{text}" is a part of its own (the format reports fees in part 六); later parts are renumbered',
    },
    split: {
      zh: '“{text}”与上一部分同属格式第{part}部分，拆成两部分后，其后各部分编号顺延',
      en: '"{text}" continues format part {part} as a part of its own; later parts are renumbered',
    },
  },
  check(r, emit) {
    const seen = new Map<number, string>();
    let last: { n: number; text: string } | null = null;
    let shift = 0; // parts the template does not have, so far: later numerals move up by as many
    let prevNumeral: string | null = null;
    for (const h of r.headings) {
      if (h.n === 0) continue;
      const base = { location: h.text, targets: [h.el] };
      if (h.extra) {
        // An extra part numbered in sequence is a layout choice (often a local template): a note.
        const expected = prevNumeral ? CN_NUM[CN_NUM.indexOf(prevNumeral) + 1] : null;
        const inSequence = !h.numeral || h.numeral === expected;
        const shifts = r.headings.some((x) => x.n > 0 && !x.extra && r.headings.indexOf(x) > r.headings.indexOf(h));
        if (inSequence && shifts)
          emit({ ...base, msg: h.extra, severity: 'info', params: { text: h.text, part: numeralOf(h.n) } });
        else if (!inSequence)
          emit({ ...base, msg: 'number', params: { text: h.text, numeral: h.numeral!, expected: expected ?? '' } });
        shift++;
        prevNumeral = h.numeral ?? prevNumeral;
        continue;
      }
      const expected = numeralOf(h.n + shift);
      if (seen.has(h.n)) emit({ ...base, msg: 'twice', params: { text: h.text, expected: numeralOf(h.n) } });
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
      prevNumeral = h.numeral ?? expected;
    }
  },
});
