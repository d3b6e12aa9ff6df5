// Text normalisation shared by every parser. Labels are compared by key (NFKC, no whitespace,
// no quotes); values are parsed as numbers with NFKC applied to digit tokens only, because
// NFKC on whole labels would turn ① into 1 in text we display.

const SPACE = /(?:[\s\u00a0\u3000\u200b\u200c\ufeff]|\u200d)+/g;
const CJK = '\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f';
const SPACE_NEAR_CJK = new RegExp(`(?<=[${CJK}]) +| +(?=[${CJK}])`, 'g');

/** Collapse runs of whitespace (incl. &nbsp; and full-width space) to one space and trim. */
export function collapse(s: string): string {
  return s.replace(SPACE, ' ').trim();
}

/** Display form of a label: collapsed, with spaces next to CJK removed ("结 果 维 持" → "结果维持"). */
export function tidy(s: string): string {
  return collapse(s).replace(SPACE_NEAR_CJK, '');
}

/** Characters NFKC can change in our text (full-width forms, circled numbers, Latin-1 extras,
 *  compatibility ideographs). Plain ASCII and CJK ideographs are stable: skip the ICU call. */
const NFKC_SENSITIVE =
  /[\u00a0-\u00bf\u2000-\u206f\u2100-\u24ff\u2e80-\u2fdf\u3000\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
export const nfkc = (s: string) => (NFKC_SENSITIVE.test(s) ? s.normalize('NFKC') : s);

/** Comparison key for labels: NFKC, no whitespace, no quotes, no trailing colon/stop. */
export function labelKey(s: string): string {
  return nfkc(s)
    .replace(SPACE, '')
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/[:：。;；]+$/, '');
}

const PLACEHOLDER_KEYS = new Set(['', '/', '\\', '-', '--', '—', '——', '–', '一', '无', '空', '/无']);

export type ParsedValue =
  | { kind: 'number'; value: number; unit: string; decimals: number }
  | { kind: 'placeholder'; value: 0 }
  | { kind: 'text' };

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万元|元|件|条|个|项|次|人次|份|篇|宗|起)?$/;

/** Full-width digits and signs to ASCII: NFKC restricted to number characters. */
export function asciiDigits(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0b\uff0d\u2212]/g, (ch) => (ch === '\u2212' ? '-' : ch.normalize('NFKC')));
}

/** Parse the text of a value cell: a number (with optional unit), a placeholder read as 0, or text. */
export function parseValue(raw: string): ParsedValue {
  const t = asciiDigits(collapse(raw)).replace(/\s+/g, '').replace(/，/g, ',').replace(/．/g, '.');
  if (PLACEHOLDER_KEYS.has(nfkc(t))) return { kind: 'placeholder', value: 0 };
  const m = NUMBER.exec(t);
  if (!m) return { kind: 'text' };
  const int = m[2].replace(/,/g, '');
  const frac = m[3] ?? '';
  // Beyond 15 digits a double cannot hold the count exactly: not a credible number.
  if (int.length + frac.length > 15) return { kind: 'text' };
  const value = Number(`${m[1]}${int}${frac ? '.' + frac : ''}`) + 0; // "-0" is 0 (JSON has no -0)
  return { kind: 'number', value, unit: m[4] ?? '', decimals: frac.length };
}

/** Chinese numerals used in headings: 一 … 十. */
export const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
