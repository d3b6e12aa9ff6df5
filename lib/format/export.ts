// Export formats for the clipboard and downloads. Pure string builders: page text is escaped for
// each format (HTML entities, Markdown pipes, CSV quotes) and never becomes markup.
import { kindOf, type AuditResult, type Finding, type Locale } from '../result';
import { csvText, escapeHtml, htmlTable, mdTable, mdText } from './escape';
import { t } from '../i18n';
import { formatLabel, notReportText, placeOf, severityLabel, summaryLine } from './text';

export interface ExportMeta {
  pageTitle: string;
  url: string;
  auditedAt: string;
}

const sev = (f: Finding, locale: Locale) => severityLabel(kindOf(f), locale);

const COLUMNS = ['index', 'severity', 'rule', 'location', 'finding', 'formula', 'reported', 'computed'] as const;
const columns = (locale: Locale) => COLUMNS.map((c) => t(locale, `label.col.${c}`));

function rows(r: AuditResult, locale: Locale): string[][] {
  return r.findings.map((f, i) => [
    String(i + 1),
    sev(f, locale),
    f.ruleId,
    placeOf(f, locale),
    f.message,
    f.formula ?? '',
    f.actual === undefined ? '' : String(f.actual),
    f.expected === undefined ? '' : String(f.expected),
  ]);
}

function header(r: AuditResult, m: ExportMeta, locale: Locale): [string, string][] {
  const rep = r.report;
  const head = (
    k: 'page' | 'url' | 'verdict' | 'audited' | 'agency' | 'year' | 'format' | 'published' | 'summary',
    v: string,
  ) => [t(locale, `label.head.${k}`), v] as [string, string];
  const page = [head('page', m.pageTitle), head('url', m.url)];
  if (!r.detected) return [...page, head('verdict', notReportText(r.reason, locale)), head('audited', m.auditedAt)];
  return [
    ...page,
    head('agency', rep?.agency ?? ''),
    head('year', rep?.year ? String(rep.year) : ''),
    head('format', formatLabel(rep?.format ?? 'unknown', locale)),
    head('published', rep?.publishedAt ?? ''),
    head('audited', m.auditedAt),
    head('summary', summaryLine(r, locale)),
  ];
}

export function toPlainText(r: AuditResult, m: ExportMeta, locale: Locale = 'zh'): string {
  const lines = header(r, m, locale).map(([k, v]) => `${k}：${v}`);
  r.findings.forEach((f, i) => {
    lines.push('', `${i + 1}. 【${sev(f, locale)}】${placeOf(f, locale)}（${f.ruleId}）`, `   ${f.message}`);
    if (f.formula) lines.push(`   ${t(locale, 'label.formula')}：${f.formula}`);
  });
  if (r.detected && !r.findings.length) lines.push('', t(locale, 'label.noFindings') + (locale === 'zh' ? '。' : '.'));
  return lines.join('\n');
}

/** A table that pastes cleanly into Word, WPS and Excel (inline borders, no classes). */
export function toHtml(r: AuditResult, m: ExportMeta, locale: Locale = 'zh'): string {
  const head = header(r, m, locale)
    .map(([k, v]) => `<p>${escapeHtml(k)}：${escapeHtml(v)}</p>`)
    .join('');
  if (!r.findings.length) return `<meta charset="utf-8">${head}`;
  return `<meta charset="utf-8">${head}${htmlTable(columns(locale), rows(r, locale))}`;
}

export function toMarkdown(r: AuditResult, m: ExportMeta, locale: Locale = 'zh'): string {
  const lines = header(r, m, locale).map(([k, v]) => `- **${mdText(k)}**：${mdText(v)}`);
  if (r.findings.length) {
    lines.push(
      '',
      ...mdTable(
        columns(locale),
        rows(r, locale).map((row) => row.map(mdText)),
      ),
    );
  }
  return lines.join('\n');
}

/** CSV with a BOM so Excel opens the UTF-8 correctly; formula-like cells are neutralised. */
export function toCsv(r: AuditResult, m: ExportMeta, locale: Locale = 'zh'): string {
  const cols = [...columns(locale), t(locale, 'label.col.url')];
  const body = rows(r, locale).map((row) => [...row, m.url]);
  return csvText([cols, ...body]);
}

export function toJson(r: AuditResult, m: ExportMeta): string {
  return JSON.stringify({ ...r, page: m }, null, 2);
}
