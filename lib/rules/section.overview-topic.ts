import { defineRule } from './types';

const TOPICS: [string, RegExp][] = [
  ['主动公开', /主动公开/],
  ['依申请公开', /依申请|公开申请|申请公开/],
  ['政府信息管理', /信息管理|信息.{0,6}管理|管理.{0,4}信息/],
  ['政府信息公开平台建设', /平台/],
  ['监督保障', /监督|保障/],
];

export default defineRule({
  id: 'section.overview-topic',
  severity: 'warning',
  category: 'section',
  tags: ['content', '2021'],
  appliesTo: ['2021'],
  help: {
    zh: '2021年格式：总体情况应涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障',
    en: '2021 format: 总体情况 covers five topics',
  },
  messages: { default: { zh: '“总体情况”未涉及：{topics}', en: '"总体情况" does not cover: {topics}' } },
  check(r, emit) {
    const s = r.sections.get(1);
    if (!s) return;
    const text = r.prose(1).text;
    const missing = TOPICS.filter(([, re]) => !re.test(text)).map(([name]) => name);
    if (!missing.length) return;
    emit({
      params: { topics: missing.join('、') },
      location: s.heading.text,
      targets: [s.heading.el],
      expected: missing.join('、'),
    });
  },
});
