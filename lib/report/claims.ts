// Numbers the prose states about the tables. Patterns are deliberately narrow: a keyword, a few
// non-digit characters within the same clause, then a number with a count unit. A claim that
// cannot be read with confidence is not made at all (we never cry wolf on a clean report).

import type { ReportModel } from './build';
import { elAt, readNum, type Num, type Prose } from './prose';

export type Metric =
  | 'received'
  | 'receivedAll'
  | 'carried'
  | 'answered'
  | 'next'
  | 'r1'
  | 'r1r2'
  | 'r2'
  | 'r3'
  | 'r4'
  | 'r5'
  | 'r6'
  | 'review'
  | 'litigation'
  | 'permits'
  | 'penalties'
  | 'enforcement';

export interface Claim {
  metric: Metric;
  num: Num;
  snippet: string;
  el: Element | null;
}

const GAP = '[^，。；;,\\d（(]';
const PATTERNS: [Metric, RegExp][] = [
  ['r1r2', new RegExp(`予以公开(?:及|和|与|、)部分公开${GAP}{0,6}?(\\d+)\\s*件`, 'dg')],
  ['received', new RegExp(`(?:收到|受理|接收|接到|新收)${GAP}{0,16}?申请${GAP}{0,10}?(\\d+)\\s*(?:件|宗|份)`, 'dg')],
  ['carried', new RegExp(`上一?年度?结转${GAP}{0,12}?(\\d+)\\s*件`, 'dg')],
  ['r1', new RegExp(`(?:予以公开|公开答复)${GAP}{0,4}?(\\d+)\\s*件`, 'dg')],
  ['answered', new RegExp(`(?:办结|答复)${GAP}{0,10}?(\\d+)\\s*件`, 'dg')],
  ['next', new RegExp(`(?:结转|顺延)(?:到|至)?下一?年度?${GAP}{0,10}?(\\d+)\\s*件`, 'dg')],
  ['next', new RegExp(`(\\d+)\\s*件${GAP}{0,6}?(?:结转|顺延)(?:到|至)?下一?年`, 'dg')],
  ['r2', new RegExp(`部分公开${GAP}{0,4}?(\\d+)\\s*件`, 'dg')],
  ['r3', new RegExp(`不予公开${GAP}{0,4}?(\\d+)\\s*件`, 'dg')],
  ['r4', new RegExp(`无法提供${GAP}{0,4}?(\\d+)\\s*件`, 'dg')],
  ['r5', new RegExp(`不予处理${GAP}{0,4}?(\\d+)\\s*件`, 'dg')],
  ['r6', new RegExp(`其他处理${GAP}{0,4}?(\\d+)\\s*件`, 'dg')],
  ['review', new RegExp(`行政复议${GAP}{0,8}?(\\d+)\\s*(?:件|起)`, 'dg')],
  ['litigation', new RegExp(`行政诉讼${GAP}{0,8}?(\\d+)\\s*(?:件|起)`, 'dg')],
  ['permits', new RegExp(`行政许可决定${GAP}{0,4}?(\\d+)\\s*件`, 'dg')],
  ['penalties', new RegExp(`行政处罚决定${GAP}{0,4}?(\\d+)\\s*件`, 'dg')],
  ['enforcement', new RegExp(`行政强制决定${GAP}{0,4}?(\\d+)\\s*件`, 'dg')],
];

/** Prose the tables restate: preamble and parts 一 to 四 (not 五/六, which talk about other years). */
export function claimProse(r: ReportModel): { where: string; prose: Prose }[] {
  const parts = [1, 2, 3, 4]
    .filter((n) => r.sections.has(n))
    .map((n) => ({ where: r.sections.get(n)!.heading.text, prose: r.prose(n) }));
  return [{ where: '前言', prose: r.preamble }, ...parts];
}

export function countClaims(r: ReportModel): Claim[] {
  const out: Claim[] = [];
  for (const { prose: p } of claimProse(r)) {
    const taken: [number, number][] = [];
    for (const [metric, re] of PATTERNS) {
      re.lastIndex = 0;
      for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
        const [s, e] = m.indices![0];
        if (taken.some(([a, b]) => s < b && e > a)) continue;
        if ((metric === 'received' || metric === 'answered') && /复议|诉讼/.test(m[0])) continue;
        taken.push([s, e]);
        out.push({ metric, num: readNum(p.text, m.indices![1][0], m[1]), snippet: m[0], el: elAt(p, s) });
      }
    }
  }
  return out;
}

export interface Breakdown {
  total: Num & { label: string };
  parts: (Num & { label: string })[];
  /** "其中"/"分别为" claim the parts are the whole; "主要包括" lists some. */
  exhaustive: boolean;
  snippet: string;
  el: Element | null;
  /** The part of the report it is in ("一、总体情况"). */
  where: string;
}

type Count = Num & { label: string; unit: string };

const COUNT = /(\d+)\s*(余|多)?\s*(条|件|篇|个|份|项)/g;
/** A part written without its unit ("主动公开信息数130，依申请…363条"): a number ending a list item. */
const BARE = /(?<=[\u4e00-\u9fff]\s?)(\d+)(?=\s*(?:[，,、；;。]|$))/g;
const TRIGGER = /其中|分别为|主要包括|包括/g;
const CHANNEL = /通过|渠道|方式|平台|网站|微信|公众号|新媒体|公开栏|微博/;

/** The words just before a number, within its list item: its label. */
function labelBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  return before
    .slice(before.search(/[^，。；;、,\n]*$/))
    .slice(-20)
    .trim();
}

/** Count numbers in a stretch of text, each with the words just before it as its label. */
function counts(text: string, bare = false): Count[] {
  const found: [number, Count][] = [];
  for (const re of bare ? [COUNT, BARE] : [COUNT]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (found.some(([at]) => at === m!.index)) continue;
      found.push([m.index, { ...readNum(text, m.index, m[1]), label: labelBefore(text, m.index), unit: m[3] ?? '' }]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, c]) => c);
}

/** List items of a breakdown: counted numbers, and unit-less ones once some item has a unit. */
function partsOf(segment: string): Count[] {
  const unbracketed = segment.replace(/（[^）]*）|\([^)]*\)/g, ''); // bracketed numbers break a part down further
  // A list is a run of clauses that each count something; a clause without a number is comment
  // ("项目审批信息191条，持续保持高频更新；…") and ends it.
  const stop = unbracketed.split(/(?<=[，,；;])/).findIndex((c) => /[^\s，,；;:：]/.test(c) && !/\d/.test(c));
  const clean =
    stop < 0
      ? unbracketed
      : unbracketed
          .split(/(?<=[，,；;])/)
          .slice(0, stop)
          .join('');
  const withUnit = counts(clean);
  const all = withUnit.length ? counts(clean, true) : withUnit;
  // The list ends where the kind of unit changes ("…其他类97条；办理依申请公开1件"): from items of
  // information (条, 篇, 个…) to applications or cases (件), another statement begins.
  const family = (unit: string) => (unit === '件' ? '件' : '条');
  const unit = withUnit[0] && family(withUnit[0].unit);
  const end = all.findIndex((p) => p.unit && family(p.unit) !== unit);
  const parts = end < 0 ? all : all.slice(0, end);
  return parts.map((p) => ({
    ...p,
    label: p.label
      .split(/[，,、；;]/)
      .pop()!
      .trim(),
  }));
}

const stopAt = (text: string, from: number, re: RegExp) => {
  const i = text.slice(from).search(re);
  return i < 0 ? text.length : from + i;
};

export function breakdowns(r: ReportModel): Breakdown[] {
  const out: Breakdown[] = [];
  for (const { where, prose: p } of claimProse(r)) {
    const text = p.text;
    TRIGGER.lastIndex = 0;
    for (let m = TRIGGER.exec(text); m; m = TRIGGER.exec(text)) {
      const after = m.index + m[0].length;
      // A list often runs on past "；" (and sometimes the sentence goes on after it): read it up to
      // each "；" and to the sentence's end, and take the reading that adds up — else the whole
      // sentence, the fullest one.
      const sentenceEnd = stopAt(text, after, /[。\n]/);
      const ends = [sentenceEnd];
      for (let i = after; i < sentenceEnd; i++) if (text[i] === '；' || text[i] === ';') ends.push(i);
      const readings = ends.map((e) => partsOf(text.slice(after, e)));
      // The total is the last count before the trigger in this sentence, or in the one before
      // when the sentence starts with the trigger ("…27条，…。其中…"). When the parts add up to
      // another count nearby, that one is the total ("收到159件，上年结转6件。其中自然人126件…").
      const stop = (at: number) =>
        Math.max(text.lastIndexOf('。', at), text.lastIndexOf('；', at), text.lastIndexOf('\n', at)) + 1;
      const sentenceStart = stop(m.index - 1);
      const prevStart = stop(sentenceStart - 2);
      const here = counts(text.slice(sentenceStart, m.index));
      const candidates = here.length ? here : counts(text.slice(prevStart, sentenceStart));
      const sums = readings.map((parts) => parts.reduce((s, x) => s + x.value, 0));
      const fit = readings.findIndex((parts, i) => parts.length >= 2 && candidates.some((c) => c.value === sums[i]));
      const pick = fit >= 0 ? fit : 0;
      const parts = readings[pick];
      if (parts.length < 2 || !candidates.length) continue;
      // "X、Y、Z分别为a、b、c": respectively, not a breakdown — its numbers carry no labels.
      if (parts.some((x) => x.label.replace(/^[和及与]/, '').length < 2)) continue;
      const total = candidates.find((c) => c.value === sums[pick]) ?? candidates[candidates.length - 1];
      // Publication channels overlap ("其中通过网站公开56条，通过微信公开18条"): not a partition.
      if (parts.some((x) => CHANNEL.test(x.label))) continue;
      const end = ends[pick];
      out.push({
        total,
        parts,
        exhaustive: m[0] === '其中' || m[0] === '分别为',
        snippet: text.slice(here.length ? sentenceStart : prevStart, end).trim(),
        el: elAt(p, m.index),
        where,
      });
    }
  }
  return out;
}

export type ZeroTopic = 'received' | 'review' | 'litigation';
export interface ZeroClaim {
  topic: ZeroTopic;
  snippet: string;
  el: Element | null;
}

const ZERO: [ZeroTopic, RegExp][] = [
  ['received', /(?:未|没有|无)(?:收到|接到|受理|发生)[^，。；;,\d]{0,20}?(?<!被)申请(?!行政复议|复议)/g],
  ['review', /(?:未|没有|无|不存在)[^，。；;,\d]{0,30}?行政复议/g],
  ['litigation', /(?:未|没有|无|不存在)[^，。；;,\d]{0,30}?行政诉讼/g],
];

export function zeroClaims(r: ReportModel): ZeroClaim[] {
  const out: ZeroClaim[] = [];
  for (const { prose: p } of claimProse(r))
    for (const [topic, re] of ZERO) {
      re.lastIndex = 0;
      for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
        // "未收到行政复议申请" and "未发生因依申请公开引发的行政复议" are about 表四; "未收到通过信函提交的
        // 申请" is about one channel only: read the whole clause, not just the match.
        const clause = p.text.slice(m.index, stopAt(p.text, m.index, /[，。；;,]/));
        if (topic === 'received' && /复议|诉讼|通过|方式|渠道|信函|传真|当面|邮寄|网络/.test(clause)) continue;
        out.push({ topic, snippet: m[0], el: elAt(p, m.index) });
      }
    }
  return out;
}
