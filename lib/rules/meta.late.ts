import { agencyKind, type AgencyKind } from '../report/agency';
import { defineRule } from './types';

/** Deadline (month-day of the next year) and how the message names the report, by body kind. */
const DUE: Record<AgencyKind, { due: string; zh: string; en: string }> = {
  government: { due: '03-31', zh: '本级政府年报', en: 'government aggregate report' },
  zone: { due: '03-31', zh: '本级政府年报', en: 'government aggregate report' },
  department: { due: '01-31', zh: '部门年报', en: 'department report' },
  township: { due: '01-31', zh: '乡镇（街道）年报', en: 'township report' },
};

export default defineRule({
  id: 'meta.late',
  severity: 'warning',
  category: 'meta',
  tags: ['deadline'],
  help: {
    zh: '部门、乡镇（街道）年报应于次年1月31日前公布，本级政府年报应于3月31日前公布',
    en: 'Department and township reports are due by 31 Jan of the next year; government aggregate reports by 31 Mar',
  },
  messages: {
    default: {
      zh: '发布日期{date}晚于法定期限{deadline}（{kind}）',
      en: 'Published {date}, after the statutory deadline {deadline} ({kindEn})',
    },
  },
  check(r, emit) {
    // Unsure what kind of body reports: no deadline, no warning.
    const kind = r.agency ? agencyKind(r.agency) : null;
    if (!r.pubDate || !r.year || !kind) return;
    const { due, zh, en } = DUE[kind];
    const deadline = `${r.year + 1}-${due}`;
    if (r.pubDate.date <= deadline) return;
    emit({
      params: { date: r.pubDate.date, deadline, kind: zh, kindEn: en },
      location: '发布日期',
      targets: [r.title?.el],
      actual: r.pubDate.date,
      expected: `≤ ${deadline}`,
    });
  },
});
