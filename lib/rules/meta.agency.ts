import { sameAgency } from '../report/agency';
import { defineRule } from './types';

export default defineRule({
  id: 'meta.agency',
  severity: 'warning',
  category: 'meta',
  tags: ['identity', 'copy-paste'],
  help: {
    zh: '前言中的编制机关、联系机关应与标题中的机关一致',
    en: 'The compiling / contact body in the preamble should be the agency in the title',
  },
  messages: {
    compiler: {
      zh: '前言称报告由“{name}”编制，与标题中的机关“{agency}”不一致（疑似套用模板）',
      en: 'The preamble says the report was compiled by "{name}", not the title agency "{agency}" (template copied?)',
    },
    contact: {
      zh: '前言的联系机关为“{name}”，与标题中的机关“{agency}”不一致（疑似套用模板）',
      en: 'The preamble names "{name}" as contact, not the title agency "{agency}" (template copied?)',
    },
  },
  check(r, emit) {
    if (!r.agency) return;
    for (const [msg, who] of [
      ['compiler', r.compiler],
      ['contact', r.contact],
    ] as const) {
      if (!who || sameAgency(who.name, r.agency)) continue;
      emit({
        msg,
        params: { name: who.name, agency: r.agency },
        location: msg === 'compiler' ? '前言 / 编制机关' : '前言 / 联系机关',
        targets: [who.el],
        actual: who.name,
        expected: r.agency,
      });
    }
  },
});
