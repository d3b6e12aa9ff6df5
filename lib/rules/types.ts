// A rule is data (id, severity, category, tags, zh/en help and message templates) plus one pure
// check over the report model. Checks never touch the DOM beyond the elements the model holds.

import type { Category, Outcome, Severity } from '../result';
import type { ReportModel } from '../report/build';
import type { ReportFormat } from '../report/format';
import type { TableId } from '../tables/model';

export interface Text {
  zh: string;
  en: string;
}
export type Params = Record<string, string | number>;

export interface Emitted {
  /** Message template key (default "default"). */
  msg?: string;
  params: Params;
  severity?: Severity;
  outcome?: Outcome;
  table?: TableId;
  row?: string;
  col?: string;
  expected?: number | string;
  actual?: number | string;
  formula?: string;
  /** Where, in the report's own words ("三、（七）总计 / 自然人"). */
  location: string;
  /** Elements the finding is about; the marker sits on the first. None: the article body. */
  targets: (Element | null | undefined)[];
  /** Cells entering a sum, highlighted while the card is open. */
  related?: (Element | null | undefined)[];
  /** "before": the thing is missing and belongs just before the target. */
  placement?: 'on' | 'before' | 'after';
}

export interface Rule {
  id: string;
  severity: Severity;
  category: Category;
  tags: string[];
  help: Text;
  messages: Record<string, Text>;
  /** Report formats the rule applies to (default: all). */
  appliesTo?: ReportFormat[];
  check(report: ReportModel, emit: (f: Emitted) => void): void;
}

export const defineRule = (r: Rule): Rule => r;

/** Every format with the modern six-part template; a legacy report gets format.legacy instead. */
export const MODERN: ReportFormat[] = ['2021', '2019', 'mixed', 'unknown'];
