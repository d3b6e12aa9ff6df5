import { containment } from '../text/shingles';
import { defineCopyRule, percent } from './copied.types';

/** The parts compared with last year's: 一 总体情况 and 五 存在的主要问题及改进情况. */
export const COPIED_PARTS = [1, 5];
/** Masked characters a part needs before it is compared at all (a few sentences). */
export const MIN_CHARS = 120;
/** … and before a near-verbatim copy is a violation rather than an item to review. */
export const SURE_CHARS = 200;
/** Share of this year's part found in last year's: review from here … */
export const REVIEW_AT = 0.8;
/** … a violation from here (when the part is long enough). */
export const VIOLATION_AT = 0.9;

export default defineCopyRule({
  id: 'year.copied-text',
  severity: 'warning',
  category: 'year',
  tags: ['cross-year', 'content', 'copied'],
  help: {
    zh: '总体情况、存在的主要问题及改进情况不应照搬上年报告（国办公开办函〔2021〕30号：内容雷同、敷衍塞责）',
    en: "Parts 一 (overview) and 五 (problems and improvements) must not repeat last year's report (notice 〔2021〕30号: copied, perfunctory reports)",
  },
  messages: {
    default: {
      zh: '{part}：与 {prevYear} 年报告 {similarity}% 相同（数字、名称不计）',
      en: '{part}: {similarity}% the same as the {prevYear} report (numbers and names aside)',
    },
  },
  check(cur, prev, emit) {
    for (const n of COPIED_PARTS) {
      const a = cur.prose.parts[n];
      const b = prev.prose.parts[n];
      if (!a || !b || a.chars < MIN_CHARS || b.chars < MIN_CHARS) continue;
      const share = containment(a.shingles, a.mod, b.shingles, b.mod);
      if (share < REVIEW_AT) continue;
      const sure = share >= VIOLATION_AT && a.chars >= SURE_CHARS && b.chars >= SURE_CHARS;
      emit({
        outcome: sure ? 'violation' : 'review',
        similarity: share,
        params: {
          part: a.heading,
          prevYear: prev.year,
          similarity: percent(share),
          this: a.excerpt,
          other: b.excerpt,
        },
        location: a.heading,
      });
    }
  },
});
