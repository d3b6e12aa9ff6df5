// A report's prose as a compact, DOM-free digest for the copied-text checks (year.copied-text,
// text.copied-from): per part, its heading as written, the length of its masked text, a sample of
// its hashed 5-character shingles and the opening words to show; for the whole prose, a sample of
// its shingles and a MinHash signature (the index that finds candidate copies among thousands of
// reports). A few kB per report, plain data (typed arrays survive postMessage / structured clone),
// so batch audits build it in worker threads and keep it after the document is gone.

import { collapse } from '../text/normalize';
import { maskProse, minhash, nameForms, sample, sampleFor, shingles } from '../text/shingles';
import type { ReportModel } from './build';

/** Most hashes kept per part and for the whole prose (mod-sampling above that). */
export const PART_HASHES = 256;
export const WHOLE_HASHES = 512;
/** Characters of each part kept to show beside its copy. */
export const EXCERPT = 120;

export interface PartDigest {
  /** The part's heading as written ("五、存在的主要问题及改进情况"). */
  heading: string;
  /** Length of the part's masked text (names, numbers, punctuation and spaces out). */
  chars: number;
  /** Sampling modulus of `shingles` (a power of two; 1 = every shingle). */
  mod: number;
  /** Hashed shingles of the masked text whose hash is divisible by `mod`, ascending. */
  shingles: Uint32Array;
  /** The part's first words as written (whitespace collapsed). */
  excerpt: string;
}

export interface ProseDigest {
  /** By template part (1 = 一 总体情况 … 6 = 六 其他需要报告的事项). */
  parts: Record<number, PartDigest>;
  /** Masked length of all parts together. */
  chars: number;
  /** Sampling modulus of `shingles`. */
  mod: number;
  /** Sampled shingles of all parts together, ascending. */
  shingles: Uint32Array;
  /** MinHash signature of all parts' shingles (lib/text/shingles MINHASH values). */
  minhash: Uint32Array;
}

export function proseDigest(model: Pick<ReportModel, 'sections' | 'prose' | 'agency' | 'signer'>): ProseDigest {
  const names = [...new Set([...nameForms(model.agency), ...nameForms(model.signer?.name)])].sort(
    (a, b) => b.length - a.length,
  );
  const parts: Record<number, PartDigest> = {};
  const all = new Set<number>();
  let chars = 0;
  for (const [n, s] of [...model.sections.entries()].sort((a, b) => a[0] - b[0])) {
    const text = model.prose(n).text;
    const masked = maskProse(text, names);
    const full = shingles(masked);
    for (const h of full) all.add(h);
    chars += masked.length;
    const mod = sampleFor(full.length, PART_HASHES);
    parts[n] = {
      heading: collapse(s.heading.text),
      chars: masked.length,
      mod,
      shingles: sample(full, mod),
      excerpt: collapse(text).slice(0, EXCERPT),
    };
  }
  const whole = Uint32Array.from(all).sort();
  const mod = sampleFor(whole.length, WHOLE_HASHES);
  return { parts, chars, mod, shingles: sample(whole, mod), minhash: minhash(whole) };
}
