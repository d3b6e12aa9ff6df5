// The six required parts: find their headings among the text lines and cut the body into sections.
// Real portals word the headings in dozens of ways ("六、需要说明的其他事项与附表", "五、存在的主要问题及
// 改进措施", "二、主动公开政府信息情况（有关情况附表）", typos such as "行政法复议"), so a numbered heading
// is recognised by its ordinal and key terms, and failing those by its place between two recognised
// parts; an unnumbered line only by the template wording (prose must never become a heading).

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
  { n: 6, title: '其他需要报告的事项', re: /^其他需要?报告的?事项$/ },
] as const;

/** Key terms of a numbered heading, most specific first ("因…申请行政复议" is part 四, not 三). */
const TERMS: [part: number | 'fee', re: RegExp][] = [
  [4, /复议|诉讼/],
  [3, /申请/],
  [2, /主动公开/],
  [6, /^其[他它]/],
  ['fee', /信息处理费|收费/],
  [6, /需要?(报告|说明)|附表$/],
  [5, /问题|不足|改进|整改|举措/],
  [1, /总体|概述|概况|基本情况/],
];

/** Headings of the pre-2019 structure. */
const LEGACY = [/^概述$/, /^依申请公开政府信息(的)?(工作)?情况$/, /^政府信息公开(的)?收费及减免(的)?情况$/];

/** How a heading was recognised: template wording, key terms, or only its place (unusual words). */
export type HeadingMatch = 'exact' | 'terms' | 'position';

export interface Heading {
  /** The template part (1–6) this heading opens; 0 for the legacy fee part (收费及减免). */
  n: number;
  /** The numeral as written ("一"), or null when the heading is unnumbered. */
  numeral: string | null;
  text: string;
  block: number;
  el: Element;
  legacy: boolean;
  match: HeadingMatch;
  /**
   * A part the template does not have: a separate 信息处理费 part (its content belongs to 六), or
   * the second half of a part split in two ("五、当前存在的突出问题" + "六、下一步改进举措").
   */
  extra?: 'fee' | 'split';
}

const SUB_PREFIX = /^(\([一二三四五六七八九十]+\)|\d+[、.]|[①-⑳])/;
const TOP_PREFIX = /^(?:第([一二三四五六七八九十]+)部分|([一二三四五六七八九十]+)[、.,]|([一二三四五六七]))/;
/** "（有关情况附表）", "(附表)": an annotation after the heading's words. */
const ANNOTATION = /\([^()]{1,12}\)$/;

type Parsed = Omit<Heading, 'text' | 'block' | 'el'>;

/** A heading's template part from its words alone (no position): null when they say nothing. */
export function parseHeading(text: string): Parsed | null {
  if (text.length > 60) return null;
  let key = labelKey(text.replace(/^\s*#+\s*/, ''));
  if (SUB_PREFIX.test(key)) return null;
  const m = TOP_PREFIX.exec(key);
  const bare = !!m?.[3]; // "一总体情况": an ordinal with no separator; only template words follow
  const numeral = m ? (m[1] ?? m[2] ?? m[3]) : null;
  if (m) key = key.slice(m[0].length);
  key = key.replace(/[:：.。]+$/, '').replace(ANNOTATION, '');
  const legacy = LEGACY.some((re) => re.test(key));
  if (LEGACY[2].test(key)) return { n: 0, numeral, legacy, match: 'exact' };
  const def = SECTION_DEFS.find((d) => d.re.test(key));
  if (def) return { n: def.n, numeral, legacy, match: 'exact' };
  // Key terms only for a numbered, heading-sized line; an unnumbered or bare-numbered line needs
  // the template's words (prose such as "一年来主动公开…" starts with a numeral too).
  if (!numeral || bare || key.length > 30 || /[，,。；;]/.test(key)) return null;
  const hit = TERMS.find(([, re]) => re.test(key));
  if (!hit) return null;
  return hit[0] === 'fee'
    ? { n: 6, numeral, legacy, match: 'terms', extra: 'fee' }
    : { n: hit[0], numeral, legacy, match: 'terms' };
}

const NUMERAL_ONLY = /^(?:第([一二三四五六七八九十]+)部分|([一二三四五六七八九十]+)[、.,])(.{1,20})$/;

export function findHeadings(blocks: Block[]): Heading[] {
  const found: (Heading | { numeral: string; text: string; block: number; el: Element })[] = [];
  blocks.forEach((b, i) => {
    if (b.kind !== 'text') return;
    const text = b.text.replace(/^\s*#+\s*/, '');
    const h = parseHeading(b.text);
    if (h) found.push({ ...h, text, block: i, el: b.el });
    else {
      // Numbered but unrecognised words: a candidate for recognition by its place.
      const m = NUMERAL_ONLY.exec(labelKey(text));
      if (m && !/[，,。；;]/.test(m[3])) found.push({ numeral: m[1] ?? m[2], text, block: i, el: b.el });
    }
  });
  const out: Heading[] = [];
  found.forEach((h, i) => {
    if ('n' in h) return void out.push(h);
    // "一、年度工作核心成效" between nothing and part 二: part 一 by its place, if its numeral agrees.
    const n = CN_NUM.indexOf(h.numeral) + 1;
    const prev = out[out.length - 1];
    const next = found.slice(i + 1).find((x): x is Heading => 'n' in x);
    const fits = (prev ? prev.n === n - 1 : n === 1) && next?.n === n + 1 && !out.some((x) => x.n === n);
    if (n >= 1 && n <= 6 && fits) out.push({ ...h, n, legacy: false, match: 'position' });
  });
  // A part split in two: the next numeral with words of the same part.
  out.forEach((h, i) => {
    const prev = out[i - 1];
    if (prev && !h.extra && h.n === prev.n && h.numeral && prev.numeral && next(prev.numeral) === h.numeral)
      h.extra = 'split';
  });
  return out;
}

const next = (numeral: string) => CN_NUM[CN_NUM.indexOf(numeral) + 1];

export const numeralOf = (n: number) => CN_NUM[n - 1];

export interface Section {
  n: number;
  heading: Heading;
  /** Blocks of the part: from its heading to the next part's (extra parts of it included). */
  blocks: Block[];
}

export function cutSections(blocks: Block[], headings: Heading[]): Map<number, Section> {
  const bodies = headings.map((h, i) => blocks.slice(h.block + 1, headings[i + 1]?.block ?? blocks.length));
  const sections = new Map<number, Section>();
  // Template parts first; an extra part then joins its part (a fee part stands in for a missing 六).
  for (const extra of [false, true])
    headings.forEach((h, i) => {
      if (h.n === 0 || !!h.extra !== extra) return;
      const s = sections.get(h.n);
      if (!s) sections.set(h.n, { n: h.n, heading: h, blocks: bodies[i] });
      else if (extra) s.blocks = s.blocks.concat(bodies[i]);
    });
  return sections;
}
