// A rule's emission as a finding of the result: its message filled in the locale, the contract's
// optional fields copied where the rule gave them. One definition for the page audit, the
// cross-year and the copied-text rules.
import type { Finding, Locale } from '../result';
import type { Emitted, Rule } from './types';
import type { CopyRule } from './copied.types';
import type { YearRule } from './year.types';

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function toFinding(
  rule: Pick<Rule | YearRule | CopyRule, 'id' | 'severity' | 'category' | 'messages'>,
  e: Omit<Emitted, 'targets'>,
  locale: Locale,
): Finding {
  const f: Finding = {
    ruleId: rule.id,
    severity: e.severity ?? rule.severity,
    outcome: e.outcome ?? 'violation',
    message: fill(rule.messages[e.msg ?? 'default'][locale], e.params),
    category: rule.category,
    location: e.location,
    params: e.params,
  };
  for (const k of ['table', 'row', 'col', 'expected', 'actual', 'formula'] as const)
    if (e[k] !== undefined) Object.assign(f, { [k]: e[k] });
  return f;
}
