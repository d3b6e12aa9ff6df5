// Cross-year rules (the `year.*` ids of the catalog): the same data as a single-page rule (id,
// severity, tags, zh/en help and messages) but the check reads two reports of one agency, this
// year's and last year's (a YearView: the report model, or its digest in a batch). They are not in RULES (a single page has no last year); lib/sweep/years.ts
// runs them on every consecutive pair a sweep finds.
import type { YearView } from '../report/cross';
import type { Severity } from '../result';
import type { Emitted, Text } from './types';

export interface YearRule {
  id: string;
  severity: Severity;
  category: 'year';
  tags: string[];
  help: Text;
  messages: Record<string, Text>;
  /** `current` is the report for year N, `previous` the same agency's report for year N − 1. */
  check(current: YearView, previous: YearView, emit: (f: Emitted) => void): void;
}

export const defineYearRule = (r: YearRule): YearRule => r;
