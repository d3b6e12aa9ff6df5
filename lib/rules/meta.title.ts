import { STANDARD_TITLE } from '../report/meta';
import { defineRule } from './types';

export default defineRule({
  id: 'meta.title',
  severity: 'info',
  category: 'meta',
  tags: ['identity'],
  help: {
    zh: '标题应为“{机关}{年份}年政府信息公开工作年度报告”',
    en: 'Title should read "{agency}{YYYY}年政府信息公开工作年度报告"',
  },
  messages: {
    default: {
      zh: '标题“{title}”不是“{机关}{年份}年政府信息公开工作年度报告”的标准形式',
      en: 'Title "{title}" is not of the standard form "{agency}{YYYY}年政府信息公开工作年度报告"',
    },
  },
  check(r, emit) {
    if (!r.title) return;
    const squeezed = r.title.text.replace(/\s+/g, '');
    if (STANDARD_TITLE.test(squeezed)) return;
    emit({
      params: { title: r.title.text },
      location: '标题',
      targets: [r.title.el],
      actual: r.title.text,
    });
  },
});
