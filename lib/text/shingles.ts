// Text shingling for the copied-text checks (year.copied-text, text.copied-from): prose is masked
// (numbers, dates and the body's own names become one placeholder each; punctuation and spaces
// go), cut into overlapping 5-character shingles, and each shingle hashed to a 32-bit int. Two
// texts are compared by the share of shingles they have in common. Pure and DOM-free: batch
// audits keep thousands of these sets in memory and compare them in a worker or at the end.

import { asciiDigits, nfkc } from './normalize';

/** Shingle length in characters (of the masked text). */
export const SHINGLE = 5;

const NUMBER_MARK = '#';
const NAME_MARK = '※';
/** Arabic numbers (with decimals, thousands separators, percent) and runs of Chinese numerals. */
const NUMBERS = /\d+(?:[.,．]\d+)*%?|[零〇○一二三四五六七八九十百千万亿两]+/g;
/** Anything that is not a letter or a mark: punctuation, spaces, symbols. */
const NOISE = /[^\p{L}#※]+/gu;
const PLACE_END = /[省市县区州旗盟乡镇]/;
const GENERIC_TAIL = /(?:管理委员会|管委会|管理局|人民政府|政府|委员会|办公室|局|委|办)$/;

/**
 * The names a body goes by in its own text: the full name, the name without its place
 * ("平潭综合实验区金井片区管理局" → "金井片区管理局") and that without its kind ("金井片区").
 * Shorter than 3 characters is too likely an ordinary word.
 */
export function nameForms(agency: string | null | undefined): string[] {
  if (!agency) return [];
  const full = agency.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');
  const forms = new Set<string>([full]);
  for (let i = 1; i < full.length - 2; i++) {
    if (!PLACE_END.test(full[i - 1])) continue;
    const tail = full.slice(i);
    if (tail.length >= 4) forms.add(tail);
    const bare = tail.replace(GENERIC_TAIL, '');
    if (bare.length >= 3 && bare !== tail) forms.add(bare);
  }
  return [...forms].filter((f) => f.length >= 3).sort((a, b) => b.length - a.length);
}

/** Text as compared: names and numbers masked, punctuation and spaces dropped. */
export function maskProse(text: string, names: readonly string[] = []): string {
  let t = nfkc(asciiDigits(text)).replace(/\s+/g, '');
  for (const n of names) if (n) t = t.split(n).join(NAME_MARK);
  return t.replace(NUMBERS, NUMBER_MARK).replace(NOISE, '').replace(/#+/g, NUMBER_MARK);
}

/** FNV-1a over the UTF-16 code units of s[from, from + len) (`basis`: another lane of the same hash). */
export function fnv(s: string, from: number, len: number, basis = 0x811c9dc5): number {
  let h = basis;
  for (let i = from; i < from + len; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32): the low bits decide sampling, so they must be well mixed.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The distinct hashed shingles of a masked text, ascending. Shorter than one shingle: none. */
export function shingles(masked: string, k = SHINGLE): Uint32Array {
  if (masked.length < k) return new Uint32Array(0);
  const out = new Uint32Array(masked.length - k + 1);
  for (let i = 0; i + k <= masked.length; i++) out[i] = fnv(masked, i, k);
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i];
  return out.slice(0, n);
}

/**
 * Keep the hashes divisible by `mod` (a power of two): Broder's mod-sampling, an unbiased sample
 * of the set whose overlap with another set sampled the same way estimates the full overlap.
 */
export function sample(set: ArrayLike<number>, mod: number): Uint32Array {
  if (mod <= 1) return Uint32Array.from(set);
  const m = mod - 1;
  const out: number[] = [];
  for (let i = 0; i < set.length; i++) if ((set[i] & m) === 0) out.push(set[i]);
  return Uint32Array.from(out);
}

/** The smallest power-of-two sampling that keeps at most about `max` of the set's hashes. */
export function sampleFor(size: number, max: number): number {
  let mod = 1;
  while (size / mod > max) mod *= 2;
  return mod;
}

/** |a ∩ b| of two ascending sets. */
export function overlap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/** How much of `a` is in `b` (|a ∩ b| / |a|), for sets sampled at `modA` and `modB`. */
export function containment(a: ArrayLike<number>, modA: number, b: ArrayLike<number>, modB: number): number {
  const mod = Math.max(modA, modB);
  const [x, y] = [mod > modA ? sample(a, mod) : a, mod > modB ? sample(b, mod) : b];
  return x.length ? overlap(x, y) / x.length : 0;
}

/** Number of MinHash values per text (16 LSH bands of 4). */
export const MINHASH = 64;
const SEEDS = Array.from({ length: MINHASH }, (_, i) => {
  // Fixed odd multipliers and offsets from a small xorshift: the same on every run and thread.
  let x = (0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  return [(x | 1) >>> 0, Math.imul(x, 0xc2b2ae35) >>> 0] as const;
});

/** MinHash signature of a shingle set: for each of MINHASH hash functions, the least value. */
export function minhash(set: ArrayLike<number>): Uint32Array {
  const sig = new Uint32Array(MINHASH).fill(0xffffffff);
  for (let i = 0; i < set.length; i++) {
    const h = set[i];
    for (let k = 0; k < MINHASH; k++) {
      let v = (Math.imul(h, SEEDS[k][0]) + SEEDS[k][1]) >>> 0;
      v = (v ^ (v >>> 15)) >>> 0;
      if (v < sig[k]) sig[k] = v;
    }
  }
  return sig;
}
