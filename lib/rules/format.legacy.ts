import type { Severity } from '../result';
import { defineRule } from './types';

export default defineRule({
  id: 'format.legacy',
  severity: 'error',
  category: 'format',
  tags: ['format'],
  help: {
    zh: '2019年起的年报不应沿用2008年条例时期的旧结构',
    en: 'Reports for 2019 onward must not use the pre-2019 structure',
  },
  messages: {
    default: {
      zh: '{year}年度报告沿用旧版结构（{markers}），应使用{expected}格式',
      en: 'The {year} report uses the pre-2019 structure ({markers}); it should use the {expected} format',
    },
  },
  check(r, emit) {
    if (r.format !== 'legacy' || !r.year || r.year < 2019) return;
    const severity: Severity = r.year >= 2021 ? 'error' : r.year === 2020 ? 'warning' : 'info';
    const headings = r.headings.filter((h) => h.legacy);
    emit({
      severity,
      params: { year: r.year, markers: r.markers.legacy.join('、'), expected: r.year >= 2021 ? '2021' : '2019' },
      location: headings[0]?.text ?? '全文',
      targets: [...headings.map((h) => h.el)],
      actual: 'legacy',
    });
  },
});
