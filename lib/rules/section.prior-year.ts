import { defineRule } from './types';

export default defineRule({
  id: 'section.prior-year',
  severity: 'info',
  category: 'section',
  tags: ['content', '2021'],
  appliesTo: ['2021', 'mixed'],
  help: {
    zh: '2021年格式：第五部分应说明上年度问题的整改情况',
    en: "2021 format: part 五 reports on fixing last year's problems",
  },
  messages: {
    default: {
      zh: '第五部分未提及上年度（{prev}年）问题的整改情况',
      en: "Part 五 says nothing about fixing last year's ({prev}) problems",
    },
  },
  check(r, emit) {
    const s = r.sections.get(5);
    if (!s || !r.year) return;
    const prev = r.year - 1;
    if (new RegExp(`上一?年|上年度|去年|以往|前期|${prev}\\s*年`).test(r.prose(5).text)) return;
    emit({ params: { prev }, location: s.heading.text, targets: [s.heading.el] });
  },
});
