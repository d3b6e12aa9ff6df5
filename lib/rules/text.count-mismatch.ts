import { countClaims } from '../report/claims';
import { metricValues } from '../report/metrics';
import { defineRule } from './types';

export default defineRule({
  id: 'text.count-mismatch',
  severity: 'warning',
  category: 'text',
  tags: ['prose'],
  help: { zh: '正文所述数量应与统计表一致', en: 'Counts stated in the prose match the tables' },
  messages: {
    default: {
      zh: '正文“{snippet}”为 {claimed}，{label}为 {value}',
      en: 'Prose "{snippet}" says {claimed}; {label} is {value}',
    },
  },
  check(r, emit) {
    const seen = new Set<string>();
    for (const c of countClaims(r)) {
      if (c.num.approx) continue; // approximate numbers never enter an equality
      const readings = metricValues(r, c.metric);
      const t = readings[0];
      if (!t || readings.some((x) => x.value === c.num.value)) continue;
      const key = `${c.metric}:${c.num.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      emit({
        outcome: t.soft ? 'review' : 'violation',
        params: { snippet: c.snippet, claimed: c.num.value, label: t.label, value: t.value },
        location: t.label,
        expected: t.value,
        actual: c.num.value,
        targets: [c.el],
        related: t.cells,
      });
    }
  },
});
