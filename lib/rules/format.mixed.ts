import { markerCells } from './markers';
import { defineRule } from './types';

export default defineRule({
  id: 'format.mixed',
  severity: 'error',
  category: 'format',
  tags: ['format'],
  help: { zh: '同一份年报不应混用2019与2021两种格式', en: 'One report must not mix the 2019 and 2021 formats' },
  messages: {
    default: {
      zh: '同时出现2021格式标志（{m2021}）与2019格式标志（{m2019}）',
      en: 'Both 2021 markers ({m2021}) and 2019 markers ({m2019}) appear',
    },
  },
  check(r, emit) {
    if (r.format !== 'mixed') return;
    emit({
      params: { m2021: r.markers.m2021.join('、'), m2019: r.markers.m2019.join('、') },
      location: '二、主动公开政府信息情况',
      targets: [...markerCells(r, r.markers.m2019)],
    });
  },
});
