import { aboutCell, allValues } from './values';
import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'cell.fraction',
  severity: 'error',
  category: 'cell',
  tags: ['cell'],
  appliesTo: MODERN,
  help: { zh: '件数应为整数（金额除外）', en: 'Counts are whole numbers (amounts may have decimals)' },
  messages: { default: { zh: '{where}：件数 {value} 含小数', en: '{where}: count {value} has a fractional part' } },
  check(r, emit) {
    for (const at of allValues(r)) {
      const { tv } = at;
      if (tv.v.kind !== 'number' || !tv.count || Number.isInteger(tv.v.value)) continue;
      emit(aboutCell(at, { value: tv.v.raw }, tv.v.value));
    }
  },
});
