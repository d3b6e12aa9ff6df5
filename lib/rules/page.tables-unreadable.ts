import { PART_TABLES, TABLE_NAMES, type TableId } from '../tables/model';
import { unreadableFor } from './unreadable';
import { defineRule } from './types';

const describe = (el: Element) =>
  el.tagName === 'A'
    ? (el.textContent ?? '').trim() || (el.getAttribute('href') ?? '')
    : el.getAttribute('alt') || el.getAttribute('title') || el.tagName.toLowerCase();

export default defineRule({
  id: 'page.tables-unreadable',
  severity: 'info',
  category: 'page',
  tags: ['page'],
  help: {
    zh: '统计表以图片、附件或翻页形式提供，无法自动核对',
    en: 'Tables are images, attachments or flipbooks and cannot be checked',
  },
  messages: {
    default: {
      zh: '{tables}未以网页表格提供（{items}），无法自动核对，请人工查看',
      en: '{tablesEn} are not HTML tables ({items}); check them by hand',
    },
    attachment: {
      zh: '年报全文在附件中（{items}），网页只有标题和附件链接，无法自动核对，请打开附件查看',
      en: 'The report is in the attachment ({items}); the page only links it and cannot be checked, open the attachment',
    },
  },
  check(r, emit) {
    if (r.attachments?.length) {
      emit({
        msg: 'attachment',
        params: {
          items: r.attachments
            .slice(0, 3)
            .map((a) => a.text)
            .join('；'),
        },
        location: '附件',
        targets: r.attachments.slice(0, 3).map((a) => a.el),
      });
      return;
    }
    const ids: TableId[] = [];
    const els: Element[] = [];
    PART_TABLES.forEach(([n, id]) => {
      if (r.tables[id]) return;
      const found = unreadableFor(r, n);
      if (!found.length) return;
      ids.push(id);
      for (const el of found) if (!els.includes(el)) els.push(el);
    });
    if (!ids.length) return;
    emit({
      params: {
        tables: ids.map((id) => `表${TABLE_NAMES[id].zh.slice(0, 1)}`).join('、'),
        tablesEn: ids.map((id) => TABLE_NAMES[id].en).join(', '),
        items: els.slice(0, 5).map(describe).join('；'),
      },
      location: ids.map((id) => TABLE_NAMES[id].zh).join('；'),
      targets: els,
    });
  },
});
