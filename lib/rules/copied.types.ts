// The copied-text rules (year.copied-text, text.copied-from): the same data as every rule (id,
// severity, tags, zh/en help and messages) plus their thresholds, but the check compares two
// reports' prose digests (lib/report/digest.ts), not two documents, so a batch of thousands of
// reports can run it after the documents are gone. lib/sweep/copied.ts chooses the pairs.
import type { ProseDigest } from '../report/digest';
import type { Severity } from '../result';
import type { Emitted, Text } from './types';

export interface Digested {
  agency: string;
  year: number;
  prose: ProseDigest;
}

export interface CopyRule {
  id: string;
  severity: Severity;
  category: 'year' | 'text';
  tags: string[];
  help: Text;
  messages: Record<string, Text>;
  /** Compare `current` with `other` (last year's report, or another body's); emit when copied. */
  check(current: Digested, other: Digested, emit: (f: Omit<Emitted, 'targets'> & { similarity: number }) => void): void;
}

export const defineCopyRule = (r: CopyRule): CopyRule => r;

/** A share as a whole percentage, rounded down (a 99.6% copy is not called 100%). */
export const percent = (share: number) => Math.floor(share * 100 + 1e-9);
