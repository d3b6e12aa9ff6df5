import { defineRule } from './types';

/** 本级政府 aggregate reports (县级以上人民政府) are due 31 March; departments 31 January. */
export const isAggregate = (agency: string) => /(省|市|县|区|州|旗|盟)人民政府$/.test(agency);

export default defineRule({
  id: 'meta.late',
  severity: 'warning',
  category: 'meta',
  tags: ['deadline'],
  help: {
    zh: '部门年报应于次年1月31日前公布，本级政府年报应于3月31日前公布',
    en: 'Department reports are due by 31 Jan of the next year; government aggregate reports by 31 Mar',
  },
  messages: {
    default: {
      zh: '发布日期{date}晚于法定期限{deadline}（{kind}）',
      en: 'Published {date}, after the statutory deadline {deadline} ({kindEn})',
    },
  },
  check(r, emit) {
    if (!r.pubDate || !r.year) return;
    const aggregate = !!r.agency && isAggregate(r.agency);
    const deadline = `${r.year + 1}-${aggregate ? '03-31' : '01-31'}`;
    if (r.pubDate.date <= deadline) return;
    emit({
      params: {
        date: r.pubDate.date,
        deadline,
        kind: aggregate ? '本级政府年报' : '部门年报',
        kindEn: aggregate ? 'government aggregate report' : 'department report',
      },
      location: '发布日期',
      targets: [r.title?.el],
      actual: r.pubDate.date,
      expected: `≤ ${deadline}`,
    });
  },
});
