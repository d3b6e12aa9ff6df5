// Fuzzy label matching for template labels that real reports mistype ("先行有效件数" for
// 现行有效件数) or trim ("规范性文件" under the 2021 columns): a small edit distance relative to
// the label's length.

/** Levenshtein distance, stopping early once it exceeds `max` (labels are short). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** A typo-level difference: one edit in up to 6 characters, two in longer labels. */
export function nearLabel(found: string, canon: string): boolean {
  if (found.length < 3) return false;
  const max = canon.length > 6 ? 2 : 1;
  return editDistance(found, canon, max) <= max;
}
