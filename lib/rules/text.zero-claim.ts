import { zeroClaims } from '../report/claims';
import { metricValue } from '../report/metrics';
import { defineRule } from './types';

export default defineRule({
  id: 'text.zero-claim',
  severity: 'warning',
  category: 'text',
  tags: ['prose'],
  help: {
    zh: '正文称“未收到申请”“未发生复议诉讼”时，统计表应为 0',
    en: 'When the prose says none were received, the table shows none',
  },
  messages: {
    default: { zh: '正文称“{snippet}”，但{label}为 {value}', en: 'Prose says "{snippet}", but {label} is {value}' },
  },
  check(r, emit) {
    const done = new Set<string>();
    for (const z of zeroClaims(r)) {
      if (done.has(z.topic)) continue;
      const t = metricValue(r, z.topic);
      if (!t || t.value === 0) continue;
      done.add(z.topic);
      emit({
        params: { snippet: z.snippet, label: t.label, value: t.value },
        location: t.label,
        expected: 0,
        actual: t.value,
        targets: [z.el],
        related: t.cells,
      });
    }
  },
});
