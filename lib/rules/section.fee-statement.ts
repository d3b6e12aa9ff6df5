import { defineRule } from './types';

export default defineRule({
  id: 'section.fee-statement',
  severity: 'warning',
  category: 'section',
  tags: ['content', '2021'],
  appliesTo: ['2021', 'mixed'],
  help: {
    zh: '2021年格式：第六部分应说明信息处理费收取情况（国办函〔2020〕109号）',
    en: '2021 format: part 六 states whether 信息处理费 was charged',
  },
  messages: {
    default: {
      zh: '第六部分未说明是否收取信息处理费',
      en: 'Part 六 does not say whether information processing fees were charged',
    },
  },
  check(r, emit) {
    const s = r.sections.get(6);
    if (!s) return;
    // A part of its own for the fee ("五、信息处理费收取情况", often just a table) is the statement.
    if (r.headings.some((h) => h.extra === 'fee') || /处理费|收费|收取|费用/.test(r.prose(6).text)) return;
    emit({ params: {}, location: s.heading.text, targets: [s.heading.el] });
  },
});
