// Readable Chinese (or English) rendering of an audit: the CLI prints it, the clipboard export
// reuses it. Plain text only: page text never becomes markup here.
import { hasLabel, t } from '../i18n';
import { kindOf, type AuditResult, type Finding, type Locale } from '../result';

export const severityLabel = (sev: string, locale: Locale = 'zh') => label(`label.kind.${sev}`, locale, sev);
export const formatLabel = (f: string, locale: Locale = 'zh') => label(`label.format.${f}`, locale, f);
/** Why a page is not a report (the display adds "非年报页面：" where it needs it). */
export const reasonLabel = (reason: string, locale: Locale = 'zh') => label(`reason.${reason}`, locale, reason);

/** A catalog label looked up by a value (a kind, a format, a reason); the value itself if unknown. */
const label = (key: string, locale: Locale, fallback: string) => (hasLabel(key) ? t(locale, key) : fallback);

export function summaryLine(r: AuditResult, locale: Locale = 'zh'): string {
  return t(locale, 'label.summary', { ...r.summary });
}

/** Where a finding is, in the report's labels, and on which page of a PDF: "三、（七）总计 / 自然人（第 4 页）". */
export const placeOf = (f: Pick<Finding, 'location' | 'page'>, locale: Locale = 'zh') =>
  f.page ? `${f.location}${t(locale, 'label.onPage', { page: f.page })}` : f.location;

/** "非年报页面：年报栏目列表页" */
export const notReportText = (reason: string, locale: Locale = 'zh') =>
  t(locale, 'label.notReport', { reason: reasonLabel(reason, locale) });

export function toText(r: AuditResult, head: { source: string }, locale: Locale = 'zh'): string {
  const lines = [`■ ${head.source}`];
  if (!r.detected) {
    lines.push(`  ${notReportText(r.reason, locale)}`);
    return lines.join('\n');
  }
  const rep = r.report!;
  const identity = t(locale, 'label.identity', {
    agency: rep.agency ?? t(locale, 'label.unknownAgency'),
    year: rep.year ?? t(locale, 'label.unknownYear'),
    format: formatLabel(rep.format, locale),
    published: rep.publishedAt ?? t(locale, 'label.unknownDate'),
  });
  lines.push(`  ${identity}`, `  ${summaryLine(r, locale)}`);
  r.findings.forEach((f, i) => {
    lines.push(`  ${i + 1}. [${severityLabel(kindOf(f), locale)}] ${f.ruleId}｜${placeOf(f, locale)}`);
    lines.push(`     ${f.message}`);
    if (f.formula) lines.push(`     ${t(locale, 'label.formula')}：${f.formula}`);
  });
  if (!r.findings.length) lines.push(`  ${t(locale, 'label.noFindings')}`);
  return lines.join('\n');
}
