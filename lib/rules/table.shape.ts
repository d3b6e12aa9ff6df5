import { TABLE_NAMES, TABLE_SHORT } from '../tables/model';
import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'table.shape',
  severity: 'error',
  category: 'table',
  tags: ['structure'],
  appliesTo: MODERN,
  help: { zh: '统计表的行、列须与格式一致', en: 'Table rows and columns must match the format' },
  messages: {
    'missing-row': { zh: '{table}缺少行：{names}', en: '{tableEn} is missing rows: {names}' },
    'missing-col': { zh: '{table}缺少列：{names}', en: '{tableEn} is missing columns: {names}' },
    'extra-cell': {
      zh: '{table}“{row}”一行有 {rowWidth} 个单元格，表头只有 {headerWidth} 列（多出 {extra} 格，数值与表头无法一一对应）',
      en: '{tableEn}, row "{row}": {rowWidth} cells under {headerWidth} headers ({extra} extra; values cannot be matched to headers)',
    },
    'duplicate-row': {
      zh: '{table}有 {count} 行重复出现（{names}）',
      en: '{tableEn}: {count} rows appear more than once ({names})',
    },
  },
  check(r, emit) {
    for (const t of [r.tables.t2, r.tables.t3, r.tables.t4]) {
      if (!t) continue;
      const base = { table: t.id, params: { table: TABLE_SHORT[t.id].zh, tableEn: TABLE_SHORT[t.id].en } };
      for (const s of t.shape) {
        if (s.kind === 'missing-row' || s.kind === 'missing-col')
          emit({
            ...base,
            msg: s.kind,
            params: { ...base.params, names: s.names.join('、') },
            location: TABLE_NAMES[t.id].zh,
            targets: [t.table.els[0]],
          });
        else if (s.kind === 'extra-cell')
          emit({
            ...base,
            msg: s.kind,
            params: {
              ...base.params,
              row: s.row,
              rowWidth: s.rowWidth,
              headerWidth: s.headerWidth,
              extra: s.rowWidth - s.headerWidth,
            },
            row: s.row,
            location: `${TABLE_NAMES[t.id].zh} / ${s.row}`,
            targets: s.cells.length ? s.cells.map((c) => c.el) : [t.table.els[0]],
            actual: s.rowWidth,
            expected: s.headerWidth,
          });
        else
          emit({
            ...base,
            msg: s.kind,
            params: {
              ...base.params,
              count: s.names.length,
              names: s.names.slice(0, 5).join('、') + (s.names.length > 5 ? '…' : ''),
            },
            location: `${TABLE_NAMES[t.id].zh} / 重复行`,
            targets: s.cells.map((c) => c.el),
          });
      }
    }
  },
});
