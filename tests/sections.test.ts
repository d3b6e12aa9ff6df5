import { describe, expect, it } from 'vitest';
import type { Block } from '../lib/dom/blocks';
import { findHeadings, parseHeading } from '../lib/report/sections';

describe('parseHeading', () => {
  it.each([
    ['一、总体情况', 1, '一'],
    ['## 一、总体情况', 1, '一'],
    ['#### 四、政府信息公开行政复议、行政诉讼情况', 4, '四'],
    ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', 4, '四'],
    ['四、因政府信息公开申请行政复议和提起行政诉讼的情况', 4, '四'],
    ['五、政府信息公开工作存在的主要问题及改进情况', 5, '五'],
    ['五、存在问题及改进情况', 5, '五'],
    ['六. 其他需要报告的事项', 6, '六'],
    ['主动公开政府信息情况', 2, null],
    ['三、收到和处理政府信息公开申请情况：', 3, '三'],
    // Real wordings: by ordinal and key terms, annotations and typos included.
    ['六、需要说明的其他事项与附表', 6, '六'],
    ['六、其他需报告的事项', 6, '六'],
    ['七、其他需说明事项', 6, '七'],
    ['五、存在的主要问题及改进措施', 5, '五'],
    ['二、主动公开政府信息情况（有关情况附表）', 2, '二'],
    ['四、政府信息公开行政法复议、行政诉讼情况', 4, '四'],
    ['一总体情况', 1, '一'],
  ])('%s → part %s', (text, n, numeral) => {
    expect(parseHeading(text)).toMatchObject({ n, numeral });
  });

  it.each([
    '（一）主动公开政府信息情况',
    '(二) 收到和处理政府信息公开申请情况',
    '1.主动公开政府信息情况',
    '全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六部分组成。',
    '2023年度未收到政府信息公开申请。',
    '一是主动公开政府信息，及时更新门户网站。',
    '一年来主动公开政府信息情况良好',
    '二主动做好政策解读',
  ])('%s is not a part heading', (text) => {
    expect(parseHeading(text)).toBeNull();
  });
});

describe('findHeadings: parts by their place', () => {
  const lines = (texts: string[]): Block[] => texts.map((text) => ({ kind: 'text', text, el: {} as Element }));
  const parts = (texts: string[]) => findHeadings(lines(texts)).map((h) => [h.text, h.n, h.match, h.extra ?? null]);

  it('a part in unusual words between two recognised ones is read by its numeral', () => {
    expect(parts(['一、年度工作核心成效', '正文', '二、主动公开政府信息情况'])).toEqual([
      ['一、年度工作核心成效', 1, 'position', null],
      ['二、主动公开政府信息情况', 2, 'exact', null],
    ]);
  });

  it('an unknown numbered line that does not fit the sequence is not a part', () => {
    expect(parts(['一、总体情况', '三、强化组织领导', '二、主动公开政府信息情况']).map((p) => p[0])).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
    ]);
  });

  it('a separate fee part and a part split in two are extras of parts 六 and 五', () => {
    expect(
      parts(['四、政府信息公开行政复议、行政诉讼情况', '五、信息处理费收取情况', '六、存在的主要问题和改进情况']),
    ).toEqual([
      ['四、政府信息公开行政复议、行政诉讼情况', 4, 'exact', null],
      ['五、信息处理费收取情况', 6, 'terms', 'fee'],
      ['六、存在的主要问题和改进情况', 5, 'exact', null],
    ]);
    expect(parts(['五、当前存在的突出问题', '六、下一步改进举措', '七、其他需说明事项'])).toEqual([
      ['五、当前存在的突出问题', 5, 'terms', null],
      ['六、下一步改进举措', 5, 'terms', 'split'],
      ['七、其他需说明事项', 6, 'terms', null],
    ]);
  });
});
