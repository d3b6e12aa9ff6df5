// Prose as a reader sees it: paragraphs joined (a sentence broken across two <p> is one
// sentence again), with an offset map back to the element each character came from.

import type { Block } from '../dom/blocks';
import { asciiDigits } from '../text/normalize';

export interface Prose {
  text: string;
  /** starts[i] is the offset where pieces[i] begins. */
  starts: number[];
  els: Element[];
}

const ENDS_SENTENCE = /[。！？；：:!?;）)]$/;
const LOOKS_LIKE_HEADING = /^(#+\s*)?([（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[、.])/;

export function joinProse(blocks: Block[]): Prose {
  const starts: number[] = [];
  const els: Element[] = [];
  let text = '';
  let prev = '';
  for (const b of blocks) {
    if (b.kind !== 'text') continue;
    const t = asciiDigits(b.text);
    const continues =
      prev &&
      !ENDS_SENTENCE.test(prev) &&
      !(LOOKS_LIKE_HEADING.test(prev) && prev.length <= 40) &&
      !LOOKS_LIKE_HEADING.test(t);
    if (text) text += continues ? '' : '\n';
    starts.push(text.length);
    els.push(b.el);
    text += t;
    prev = t;
  }
  return { text, starts, els };
}

export function elAt(p: Prose, offset: number): Element | null {
  let lo = 0;
  let hi = p.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return p.els[lo] ?? null;
}

export interface Num {
  value: number;
  approx: boolean;
  raw: string;
  /** The number as written with its approximation marker ("30余", "约30"). */
  shown: string;
}

const APPROX_BEFORE = /(约|近|大约|超过|逾|将近)\s*$/;
const APPROX_AFTER = /^\s*(余|多|左右|以上)/;

/** Read the number at match position: digits plus approximation markers around it. */
export function readNum(text: string, start: number, digits: string): Num {
  const before = APPROX_BEFORE.exec(text.slice(Math.max(0, start - 4), start))?.[1] ?? '';
  const after = APPROX_AFTER.exec(text.slice(start + digits.length, start + digits.length + 4))?.[1] ?? '';
  return { value: Number(digits), approx: !!(before || after), raw: digits, shown: `${before}${digits}${after}` };
}
