import type { Block } from '../dom/blocks';
import { defineRule } from './types';

/**
 * Each topic by its own words anywhere in part 一, or by the words real reports use for it in a
 * lead phrase — a sub-heading or the opening clause of a "（三）…"/"三是…" paragraph: "（三）拓宽渠道，
 * 健全公开矩阵" is platform building, "二是完善工作制度" information management. Passing mentions of a
 * website in other paragraphs do not cover a topic the report leaves out.
 */
const TOPICS: [name: string, words: RegExp, lead: RegExp | null][] = [
  ['主动公开', /主动公开/, null],
  ['依申请公开', /依申请|公开申请|申请公开/, null],
  // 发布审查 / 清理 / 目录 are management wherever they appear; a website is named in passing everywhere.
  ['政府信息管理', /信息管理|信息.{0,6}管理|管理.{0,4}信息|审查|审核|三审|清理|梳理|目录/, /保密|制度|规范/],
  ['政府信息公开平台建设', /平台/, /网站|门户|公众号|新媒体|政务微博|渠道|栏目|矩阵|载体/],
  ['监督保障', /监督|保障/, /考核|培训|评议|问责|组织领导|责任/],
];

const LEAD = /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+是|\d+[.、])/;

/** Sub-headings and the opening clauses of enumerated paragraphs. */
function leads(blocks: Block[]): string {
  return blocks
    .filter((b): b is Extract<Block, { kind: 'text' }> => b.kind === 'text' && LEAD.test(b.text))
    .map((b) => b.text.split(/[。：:；;]/)[0])
    .join('\n');
}

export default defineRule({
  id: 'section.overview-topic',
  severity: 'warning',
  category: 'section',
  tags: ['content', '2021'],
  appliesTo: ['2021', 'mixed'],
  help: {
    zh: '2021年格式：总体情况应涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障',
    en: '2021 format: 总体情况 covers five topics',
  },
  messages: { default: { zh: '“总体情况”未涉及：{topics}', en: '"总体情况" does not cover: {topics}' } },
  check(r, emit) {
    const s = r.sections.get(1);
    if (!s) return;
    // "依申请公开信息数246条" counts documents by their disclosure attribute, not applications.
    const text = r.prose(1).text.replace(/依申请公开(?:政府信息数|信息数|)\s*\d+\s*条/g, '');
    const lead = leads(s.blocks);
    const missing = TOPICS.filter(([, words, l]) => !words.test(text) && !(l && l.test(lead))).map(([name]) => name);
    if (!missing.length) return;
    emit({
      params: { topics: missing.join('、') },
      location: s.heading.text,
      targets: [s.heading.el],
      expected: missing.join('、'),
    });
  },
});
