import { aboutCell, allValues } from './values';
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
    for (const at of allValues(r)) {
      const { tv } = at;
      if (tv.v.kind !== 'text') continue;
      emit(aboutCell(at, { raw: tv.v.raw }, tv.v.raw));
    }
  },
});
