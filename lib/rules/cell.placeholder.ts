import { TABLE_NAMES, TABLE_SHORT, type TableId } from '../tables/model';
import { allValues } from './values';
import { defineRule, MODERN } from './types';

export default defineRule({
  id: 'cell.placeholder',
  severity: 'info',
  category: 'cell',
  tags: ['cell'],
  appliesTo: MODERN,
  help: {
    zh: '空白或“/”“-”“—”“无”单元格按 0 计算',
    en: 'Blank or placeholder cells ("/", "-", "—", "无") are read as 0',
  },
  messages: {
    default: {
      zh: '{table}有 {count} 个单元格为空白或占位符（{samples}），已按 0 计算',
      en: '{tableEn}: {count} blank/placeholder cells ({samples}) read as 0',
    },
  },
  check(r, emit) {
    const byTable = new Map<TableId, { els: Element[]; samples: Set<string>; first: string }>();
    for (const { t, tv, where } of allValues(r)) {
      if (tv.v.kind !== 'placeholder' || tv.v.spanned || !tv.v.cell?.el) continue;
      const entry = byTable.get(t.id) ?? { els: [], samples: new Set<string>(), first: where };
      entry.els.push(tv.v.cell.el);
      entry.samples.add(tv.v.raw ? `“${tv.v.raw}”` : '空白');
      byTable.set(t.id, entry);
    }
    for (const [id, e] of byTable)
      emit({
        params: {
          table: TABLE_SHORT[id].zh,
          tableEn: TABLE_SHORT[id].en,
          count: e.els.length,
          samples: [...e.samples].join('、'),
        },
        table: id,
        location: `${TABLE_NAMES[id].zh} / ${e.first}`,
        targets: e.els,
      });
  },
});
