import { CN_NUM } from '../text/normalize';
import { elAt } from '../report/prose';
import { defineRule, MODERN } from './types';

const CLAIM = /(?:由|包括|分为|共)[^。]{0,200}?([一二三四五六七八九十]|\d+)\s*(?:个)?部分(?:内容)?(?:组成|构成)?/;

export default defineRule({
  id: 'section.count',
  severity: 'warning',
  category: 'section',
  tags: ['structure'],
  appliesTo: MODERN,
  help: { zh: '前言所述部分数应与正文一致', en: 'The number of parts the preamble announces matches the body' },
  messages: {
    default: {
      zh: '前言称全文由{claimed}部分组成，正文只有{found}个部分',
      en: 'The preamble announces {claimed} parts; the body has {found}',
    },
  },
  check(r, emit) {
    const m = CLAIM.exec(r.preamble.text);
    if (!m) return;
    const claimed = /\d/.test(m[1]) ? Number(m[1]) : CN_NUM.indexOf(m[1]) + 1;
    const found = r.sections.size;
    if (claimed === found) return;
    emit({
      params: { claimed: m[1], found },
      location: '前言',
      targets: [elAt(r.preamble, m.index + m[0].length - 1)],
      expected: claimed,
      actual: found,
    });
  },
});
