import { defineRule } from './types';

const fmt = (d: [number, number, number]) => `${d[0]}年${d[1]}月${d[2]}日`;

/** A body set up or reorganised during the year reports from its start: the text says why. */
const NEW_BODY =
  /机构改革|机构整合|撤并|(?:片区|局|委|中心|办|乡|镇|街道)(?:正式)?(?:成立|组建|挂牌)|(?:成立|组建|挂牌)\d+个月/;

export default defineRule({
  id: 'meta.period',
  severity: 'warning',
  category: 'meta',
  tags: ['identity'],
  help: {
    zh: '统计期限应为报告年度1月1日至12月31日',
    en: 'The reporting period must be 1 Jan – 31 Dec of the report year',
  },
  messages: {
    default: {
      zh: '统计期限为{start}至{end}，与报告年度{year}年（{year}年1月1日至12月31日）不符',
      en: 'Reporting period {start} – {end} does not match the report year {year} (1 Jan – 31 Dec {year})',
    },
    explained: {
      zh: '统计期限为{start}至{end}，未覆盖{year}年全年；正文说明了原因（机构新设或改革）',
      en: 'Reporting period {start} – {end} covers only part of {year}; the text explains why (a new or reorganised body)',
    },
  },
  check(r, emit) {
    const p = r.period;
    if (!p || !r.year) return;
    const y = r.year;
    const ok = p.start.join() === [y, 1, 1].join() && p.end.join() === [y, 12, 31].join();
    if (ok) return;
    // Part of the report year, for a body the text says was new: a note, not a defect.
    const within = p.start[0] === y && p.end.join() === [y, 12, 31].join();
    const explained = within && NEW_BODY.test(r.preamble.text + r.prose(1).text);
    emit({
      msg: explained ? 'explained' : 'default',
      severity: explained ? 'info' : undefined,
      params: { start: fmt(p.start), end: fmt(p.end), year: y },
      location: '前言 / 统计期限',
      targets: [p.el],
      actual: `${fmt(p.start)}至${fmt(p.end)}`,
      expected: `${y}年1月1日至${y}年12月31日`,
    });
  },
});
