// What the prose says about the tables (counts, breakdowns, "no applications" clauses) and the
// arithmetic the sum.* rules compare with: sentence in, reading out. A reading we are unsure of
// must not be made at all, so the cases list sentences that must give nothing as carefully as
// those that must give a number.
import { describe, expect, it } from 'vitest';
import type { Block } from '../lib/dom/blocks';
import type { ReportModel } from '../lib/report/build';
import { breakdowns, countClaims, zeroClaims } from '../lib/report/claims';
import { joinProse } from '../lib/report/prose';
import { compare, side, type Term } from '../lib/rules/arith';
import type { ValueCell } from '../lib/tables/logical';
import { parseValue } from '../lib/text/normalize';

/** A report whose preamble is these paragraphs (the claim readers read preamble and parts 一–四). */
function report(...paragraphs: string[]): ReportModel {
  const blocks = paragraphs.map((text) => ({ kind: 'text', text, el: null }) as unknown as Block);
  return { preamble: joinProse(blocks), sections: new Map() } as unknown as ReportModel;
}

describe('countClaims', () => {
  const cases: [string, [metric: string, value: number, approx?: boolean][]][] = [
    [
      '全年共收到政府信息公开申请37件，上年结转2件。',
      [
        ['received', 37],
        ['carried', 2],
      ],
    ],
    [
      '其中予以公开20件，部分公开6件，不予公开5件，无法提供4件，不予处理1件，其他处理1件。',
      [
        ['r1', 20],
        ['r2', 6],
        ['r3', 5],
        ['r4', 4],
        ['r5', 1],
        ['r6', 1],
      ],
    ],
    [
      '本年度办结31件，结转下年度继续办理6件。',
      [
        ['answered', 31],
        ['next', 6],
      ],
    ],
    ['共受理政府信息公开申请约30件。', [['received', 30, true]]],
    [
      '发生政府信息公开行政复议2件，行政诉讼1起。',
      [
        ['review', 2],
        ['litigation', 1],
      ],
    ],
    ['收到行政复议申请3件。', [['review', 3]]], // about table 四, not applications
    ['作出行政许可决定356件。', [['permits', 356]]],
    ['主动公开政府信息1234条。', []], // no claim about table 三
    ['全年共收到政府信息公开申请３７件。', [['received', 37]]], // full-width digits
  ];
  it.each(cases)('%s', (text, claims) => {
    const got = countClaims(report(text)).map((c) => [c.metric, c.num.value, ...(c.num.approx ? [true] : [])]);
    expect(got).toEqual(claims);
  });

  it('a sentence broken over two paragraphs is read as one', () => {
    expect(countClaims(report('全年共收到政府信息公开', '申请37件。')).map((c) => c.num.value)).toEqual([37]);
  });
});

describe('breakdowns', () => {
  const cases: [string, [total: number, parts: number[], exhaustive: boolean] | null][] = [
    ['主动公开政府信息127条，其中政策文件27条，工作动态100条。', [127, [27, 100], true]],
    ['主动公开信息130条，主要包括规划计划30条、财政信息20条。', [130, [30, 20], false]],
    ['共发布信息74条。其中人事任免4条，部门文件11条，其他59条。', [74, [4, 11, 59], true]],
    ['发布信息74条，其中通过网站公开56条，通过微信公开18条。', null], // channels overlap
    ['公开规章、规范性文件、政策解读分别为3、4、5条。', null], // "respectively": no labels
  ];
  it.each(cases)('%s', (text, reading) => {
    const b = breakdowns(report(text));
    expect(b.length ? [b[0].total.value, b[0].parts.map((p) => p.value), b[0].exhaustive] : null).toEqual(reading);
  });
});

describe('zeroClaims', () => {
  const cases: [string, string[]][] = [
    ['本年度未收到政府信息公开申请。', ['received']],
    ['未发生因政府信息公开引起的行政复议、行政诉讼。', ['review', 'litigation']],
    ['未收到通过信函方式提交的申请。', []], // one channel only
    ['本年度未收到行政复议申请。', ['review']], // about table 四
  ];
  it.each(cases)('%s', (text, topics) => {
    expect(zeroClaims(report(text)).map((z) => z.topic)).toEqual(topics);
  });
});

describe('compare: two sides of an identity, within the rounding of the amounts shown', () => {
  const cell = (text: string): ValueCell => ({ ...parseValue(text), cell: null, raw: text, spanned: false });
  const terms = (...texts: string[]): Term[] => texts.map((t, i) => ({ label: `项${i + 1}`, v: cell(t) }));
  const cases: [
    string,
    string[],
    string[],
    { ok: boolean; lhs?: number; rhs?: number; skipped?: boolean; soft?: number },
  ][] = [
    ['equal counts', ['3', '2'], ['5'], { ok: true, lhs: 5, rhs: 5 }],
    ['unequal counts', ['3', '0'], ['2', '0'], { ok: false, lhs: 3, rhs: 2 }],
    ['amounts equal at the decimals shown', ['0.1', '0.2'], ['0.3'], { ok: true, lhs: 0.3, rhs: 0.3 }],
    ['amounts that differ in the last decimal shown', ['1.23'], ['1.2'], { ok: false }],
    ['a text term: cannot be checked', ['3', '见附件'], ['3'], { ok: false, skipped: true }],
    ['a blank read as 0, and said so', ['3', '/'], ['3'], { ok: true, skipped: false, soft: 1 }],
  ];
  it.each(cases)('%s', (_, left, right, want) => {
    const c = compare(terms(...left), terms(...right));
    expect({ ...c, soft: c.soft.length }).toMatchObject(want);
  });

  it("writes a side in the report's own labels, blanks marked", () => {
    expect(
      side([
        { label: '本年新收', v: cell('3') },
        { label: '上年结转', v: cell('') },
      ]),
    ).toBe('本年新收 3 + 上年结转 0（空白）');
  });
});
