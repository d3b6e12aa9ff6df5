import { containment } from '../text/shingles';
import { defineCopyRule, percent } from './copied.types';

/** Masked characters of the whole prose each report needs before it is compared. */
export const MIN_CHARS = 400;
/** … and before a copy is a violation rather than an item to review. */
export const SURE_CHARS = 600;
/** Share of each report's prose found in the other (the smaller of the two): review from here … */
export const REVIEW_AT = 0.8;
/** … a violation from here (when both are long enough). */
export const VIOLATION_AT = 0.9;

export default defineCopyRule({
  id: 'text.copied-from',
  severity: 'warning',
  category: 'text',
  tags: ['content', 'copied', 'batch'],
  help: {
    zh: '报告正文不应与其他机关的报告雷同（仅机关名称、数字不同）',
    en: "A report's text must not be another body's report with the names and numbers changed",
  },
  messages: {
    default: {
      zh: '全文与{otherAgency}{prevYear}年报告 {similarity}% 相同（数字、名称不计），如{part}',
      en: "{similarity}% of the text is the same as {otherAgency}'s {prevYear} report (numbers and names aside), e.g. {part}",
    },
  },
  check(cur, other, emit) {
    const a = cur.prose;
    const b = other.prose;
    if (a.chars < MIN_CHARS || b.chars < MIN_CHARS) return;
    const share = Math.min(
      containment(a.shingles, a.mod, b.shingles, b.mod),
      containment(b.shingles, b.mod, a.shingles, a.mod),
    );
    if (share < REVIEW_AT) return;
    // Show the part that carries most of the copy: the largest part both have, mostly the same.
    let best = 0;
    let bestWeight = 0;
    for (const [k, p] of Object.entries(a.parts)) {
      const q = b.parts[Number(k)];
      if (!q || !p.shingles.length) continue;
      const w = p.chars * containment(p.shingles, p.mod, q.shingles, q.mod);
      if (w > bestWeight) [best, bestWeight] = [Number(k), w];
    }
    const p = a.parts[best];
    const q = b.parts[best];
    const sure = share >= VIOLATION_AT && a.chars >= SURE_CHARS && b.chars >= SURE_CHARS;
    emit({
      outcome: sure ? 'violation' : 'review',
      similarity: share,
      params: {
        otherAgency: other.agency,
        prevYear: other.year,
        similarity: percent(share),
        part: p?.heading ?? '',
        this: p?.excerpt ?? '',
        other: q?.excerpt ?? '',
      },
      location: p?.heading ?? '',
    });
  },
});
