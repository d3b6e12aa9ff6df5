import { aboutCell, allValues } from './values';
import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'cell.negative',
  severity: 'error',
  category: 'cell',
  tags: ['cell'],
  appliesTo: MODERN,
  help: { zh: '件数不能为负（2019格式“本年增/减”除外）', en: 'Counts are never negative (except 2019 本年增/减)' },
  messages: { default: { zh: '{where}：件数为负数 {value}', en: '{where}: negative count {value}' } },
  check(r, emit) {
    for (const at of allValues(r)) {
      const { tv } = at;
      if (tv.v.kind !== 'number' || tv.signed || tv.v.value >= 0) continue;
      emit(aboutCell(at, { value: tv.v.value }, tv.v.value));
    }
  },
});
