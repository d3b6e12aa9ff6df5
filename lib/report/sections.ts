// The six required parts: find their headings among the text lines (numbered or not, accepted
// variants, markdown '#', half-width punctuation) and cut the body into sections.

import type { Block } from '../dom/blocks';
import { CN_NUM, labelKey } from '../text/normalize';

export const SECTION_DEFS = [
  { n: 1, title: '总体情况', re: /^(总体情况|概述|概况|基本情况)$/ },
  { n: 2, title: '主动公开政府信息情况', re: /^主动公开政府信息(的)?(工作)?情况$/ },
  {
    n: 3,
    title: '收到和处理政府信息公开申请情况',
    re: /^(收到和处理政府信息公开申请(的)?情况|依申请公开政府信息(的)?(工作)?情况)$/,
  },
  {
    n: 4,
    title: '政府信息公开行政复议、行政诉讼情况',
    re: /^(因)?(政府信息公开)?.{0,10}行政复议.{0,6}(行政)?诉讼(的)?(工作)?情况$/,
  },
  {
    n: 5,
    title: '存在的主要问题及改进情况',
    re: /^(政府信息公开(工作)?)?存在(的)?(主要)?问题(及|和|与|以及)改进(情况|措施)$/,
  },
  { n: 6, title: '其他需要报告的事项', re: /^其他需要报告的?事项$/ },
] as const;

/** Headings of the pre-2019 structure. */
const LEGACY = [/^概述$/, /^依申请公开政府信息(的)?(工作)?情况$/, /^政府信息公开(的)?收费及减免(的)?情况$/];

export interface Heading {
  n: number;
  /** The numeral as written ("一"), or null when the heading is unnumbered. */
  numeral: string | null;
  text: string;
  block: number;
  el: Element;
  legacy: boolean;
}

const SUB_PREFIX = /^(\([一二三四五六七八九十]+\)|\d+[、.]|[①-⑳])/;
const TOP_PREFIX = /^(?:第([一二三四五六七八九十]+)部分|([一二三四五六七八九十]+)[、.,])/;

export function parseHeading(text: string): { n: number; numeral: string | null; legacy: boolean } | null {
  if (text.length > 60) return null;
  let key = labelKey(text.replace(/^\s*#+\s*/, ''));
  if (SUB_PREFIX.test(key)) return null;
  const m = TOP_PREFIX.exec(key);
  const numeral = m ? (m[1] ?? m[2]) : null;
  if (m) key = key.slice(m[0].length);
  key = key.replace(/[:：.。]+$/, '');
  const legacy = LEGACY.some((re) => re.test(key));
  if (LEGACY[2].test(key)) return { n: 0, numeral, legacy };
  const def = SECTION_DEFS.find((d) => d.re.test(key));
  return def ? { n: def.n, numeral, legacy } : null;
}

export function findHeadings(blocks: Block[]): Heading[] {
  const out: Heading[] = [];
  blocks.forEach((b, i) => {
    if (b.kind !== 'text') return;
    const h = parseHeading(b.text);
    if (h) out.push({ ...h, text: b.text.replace(/^\s*#+\s*/, ''), block: i, el: b.el });
  });
  return out;
}

export const numeralOf = (n: number) => CN_NUM[n - 1];

export interface Section {
  n: number;
  heading: Heading;
  /** Blocks from after the heading to the next section heading. */
  blocks: Block[];
}

export function cutSections(blocks: Block[], headings: Heading[]): Map<number, Section> {
  const sections = new Map<number, Section>();
  headings.forEach((h, i) => {
    if (h.n === 0 || sections.has(h.n)) return;
    const end = i + 1 < headings.length ? headings[i + 1].block : blocks.length;
    sections.set(h.n, { n: h.n, heading: h, blocks: blocks.slice(h.block + 1, end) });
  });
  return sections;
}
