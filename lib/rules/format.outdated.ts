import { markerCells } from './markers';
import { defineRule } from './types';

export default defineRule({
  id: 'format.outdated',
  severity: 'error',
  category: 'format',
  tags: ['format'],
  help: {
    zh: '2021年起的年报应使用国办公开办函〔2021〕30号格式',
    en: 'Reports for 2021 onward must use the 2021 format (国办公开办函〔2021〕30号)',
  },
  messages: {
    default: {
      zh: '{year}年度报告仍使用2019试行格式（国办公开办函〔2019〕60号）：{markers}；2021年起应使用国办公开办函〔2021〕30号格式',
      en: 'The {year} report still uses the 2019 trial format (国办公开办函〔2019〕60号): {markers}; from 2021 the 2021 format applies',
    },
  },
  check(r, emit) {
    if (!r.year || r.year < 2021 || r.format !== '2019') return;
    const markers = r.markers.m2019;
    emit({
      params: { year: r.year, markers: markers.join('、') },
      location: '二、主动公开政府信息情况',
      targets: markerCells(r, markers),
      actual: '2019',
      expected: '2021',
    });
  },
});
