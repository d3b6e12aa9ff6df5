import { breakdowns } from '../report/claims';
import { defineRule } from './types';

export default defineRule({
  id: 'text.sum-mismatch',
  severity: 'warning',
  category: 'text',
  tags: ['prose'],
  help: { zh: '正文中的合计数应等于其分项之和', en: 'A total in the prose equals its own breakdown' },
  messages: {
    default: {
      zh: '正文“{snippet}”：合计 {total}，分项 {partsText} = {sum}',
      en: 'Prose "{snippet}": total {total}, parts {partsText} = {sum}',
    },
    exceeds: {
      zh: '正文“{snippet}”：分项 {partsText} = {sum}，超过合计 {total}',
      en: 'Prose "{snippet}": parts {partsText} = {sum} exceed the total {total}',
    },
    approx: {
      zh: '正文“{snippet}”含约数（{approx}），合计与分项无法精确核对',
      en: 'Prose "{snippet}" uses approximate numbers ({approx}); total and parts cannot be checked exactly',
    },
  },
  check(r, emit) {
    for (const b of breakdowns(r)) {
      const nums = [b.total, ...b.parts];
      const sum = b.parts.reduce((s, p) => s + p.value, 0);
      const params = { snippet: b.snippet, total: b.total.raw, partsText: b.parts.map((p) => p.raw).join(' + '), sum };
      const base = {
        location: `${b.where} / 正文`,
        targets: [b.el],
        expected: sum,
        actual: b.total.value,
      };
      if (nums.some((n) => n.approx)) {
        const approx = nums
          .filter((n) => n.approx)
          .map((n) => n.shown)
          .join('、');
        emit({ ...base, msg: 'approx', outcome: 'review', params: { ...params, approx } });
      } else if (b.exhaustive ? sum !== b.total.value : sum > b.total.value)
        emit({ ...base, msg: b.exhaustive ? 'default' : 'exceeds', params });
    }
  },
});
