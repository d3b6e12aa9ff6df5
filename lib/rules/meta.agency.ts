import { speaksFor } from '../report/agency';
import { defineRule } from './types';

export default defineRule({
  id: 'meta.agency',
  severity: 'warning',
  category: 'meta',
  tags: ['identity', 'copy-paste'],
  help: {
    zh: '前言中的编制机关、联系机关和落款机关应与标题中的机关一致',
    en: 'The compiling / contact body in the preamble and the signing body should be the agency in the title',
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
    signer: {
      zh: '落款机关为“{name}”，与标题中的机关“{agency}”不一致（疑似套用往年或他人报告）',
      en: 'The report is signed by "{name}", not the title agency "{agency}" (copied from another report?)',
    },
  },
  check(r, emit) {
    if (!r.agency) return;
    const where = { compiler: '前言 / 编制机关', contact: '前言 / 联系机关', signer: '落款' };
    for (const [msg, who] of [
      ['compiler', r.compiler],
      ['contact', r.contact],
      ['signer', r.signer],
    ] as const) {
      if (!who || speaksFor(who.name, r.agency)) continue;
      emit({
        msg,
        params: { name: who.name, agency: r.agency },
        location: where[msg],
        targets: [who.el],
        actual: who.name,
        expected: r.agency,
      });
    }
  },
});
