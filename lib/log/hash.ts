// The log's content hash of a report: 64 bits as two lanes of FNV-1a (lib/text/shingles fnv, with
// murmur3's final mix), hex. Fast on a page's whole text (no crypto.subtle, no await) and only
// asked to tell whether a page changed between two audits, not to resist forgery.
import { collapse } from '../text/normalize';
import { fnv } from '../text/shingles';

const hex = (n: number) => n.toString(16).padStart(8, '0');

/** Hash of a report's text, whitespace collapsed (a re-indented page is the same page). */
export function contentHash(text: string): string {
  const t = collapse(text);
  return hex(fnv(t, 0, t.length)) + hex(fnv(t, 0, t.length, 0x9747b28c));
}
