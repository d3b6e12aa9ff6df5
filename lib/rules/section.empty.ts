import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'section.empty',
  severity: 'warning',
  category: 'section',
  tags: ['content'],
  appliesTo: MODERN,
  help: { zh: '第五部分应写明存在的主要问题及改进情况', en: 'Part 五 must describe problems and improvements' },
  messages: { default: { zh: '第五部分“{text}”内容为空或仅写“无”', en: 'Part 五 "{text}" is empty or just "无"' } },
  check(r, emit) {
    const s = r.sections.get(5);
    if (!s) return;
    const body = r.prose(5).text.replace(/\s+/g, '');
    if (body && !/^(无|暂无|没有)[。.]?$/.test(body)) return;
    emit({ params: { text: s.heading.text }, location: s.heading.text, targets: [s.heading.el] });
  },
});
