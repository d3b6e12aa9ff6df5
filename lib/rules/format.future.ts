import { markerCells } from './markers';
import { defineRule } from './types';

export default defineRule({
  id: 'format.future',
  severity: 'warning',
  category: 'format',
  tags: ['format'],
  help: {
    zh: '2020年及以前的年报出现2021格式标志，年份可能有误',
    en: 'A report for 2020 or earlier with 2021 markers: the year may be wrong',
  },
  messages: {
    default: {
      zh: '报告年度为{year}年，却使用2021年格式（{markers}），请核对年份',
      en: 'Report year {year} but 2021-format markers ({markers}): check the year',
    },
  },
  check(r, emit) {
    if (!r.year || r.year > 2020 || !r.markers.m2021.length) return;
    emit({
      params: { year: r.year, markers: r.markers.m2021.join('、') },
      location: '标题 / 年度',
      targets: markerCells(r, r.markers.m2021),
    });
  },
});
