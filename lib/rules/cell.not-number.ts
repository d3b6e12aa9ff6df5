import { allValues } from './values';
import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'cell.not-number',
  severity: 'error',
  category: 'cell',
  tags: ['cell'],
  appliesTo: MODERN,
  help: { zh: '数值单元格应填写数字', en: 'Value cells hold numbers' },
  messages: { default: { zh: '{where}：“{raw}”不是数字', en: '{where}: "{raw}" is not a number' } },
  check(r, emit) {
    for (const { t, tv, where } of allValues(r)) {
      if (tv.v.kind !== 'text') continue;
      emit({
        params: { where, raw: tv.v.raw },
        table: t.id,
        row: tv.row,
        col: tv.col,
        location: where,
        targets: [tv.v.cell?.el],
        actual: tv.v.raw,
      });
    }
  },
});
