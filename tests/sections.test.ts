import { describe, expect, it } from 'vitest';
import { parseHeading } from '../lib/report/sections';

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
  ])('%s → part %s', (text, n, numeral) => {
    expect(parseHeading(text)).toMatchObject({ n, numeral });
  });

  it.each([
    '（一）主动公开政府信息情况',
    '(二) 收到和处理政府信息公开申请情况',
    '1.主动公开政府信息情况',
    '全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六部分组成。',
    '2023年度未收到政府信息公开申请。',
  ])('%s is not a part heading', (text) => {
    expect(parseHeading(text)).toBeNull();
  });
});
