// Readable Chinese (or English) rendering of an audit: the CLI prints it, the clipboard export
// reuses it. Plain text only: page text never becomes markup here.
import { kindOf, type AuditResult, type Locale } from '../result';

const SEV: Record<Locale, Record<string, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示', review: '待核' },
  en: { error: 'error', warning: 'warning', info: 'info', review: 'review' },
};
const FORMAT: Record<Locale, Record<string, string>> = {
  zh: {
    '2021': '2021 格式（国办公开办函〔2021〕30号）',
    '2019': '2019 试行格式（国办公开办函〔2019〕60号）',
    legacy: '旧版结构（2019年以前）',
    mixed: '2019/2021 格式混用',
    unknown: '未识别',
  },
  en: {
    '2021': '2021 format',
    '2019': '2019 trial format',
    legacy: 'pre-2019 structure',
    mixed: 'mixed 2019/2021',
    unknown: 'unknown',
  },
};
/** Why a page is not a report (the display adds "非年报页面：" where it needs it). */
const REASON: Record<string, string> = {
  'no-report-signal': '标题、栏目、网址均无年报特征',
  'no-report-structure': '未找到年报的章节与统计表',
  'look-alike:notice': '通知类文件',
  'look-alike:rules': '制度、格式或办法类文件',
  'look-alike:website-report': '政府网站年度报表',
  'look-alike:listing': '年报栏目列表页',
  'look-alike:blank-format': '年报格式（空白表格）转载',
  'incomplete:time-budget': '页面过大，未能在时限内读完，请在弹窗中点“审核此页”重试',
};

export const severityLabel = (sev: string, locale: Locale = 'zh') => SEV[locale][sev] ?? sev;
export const formatLabel = (f: string, locale: Locale = 'zh') => FORMAT[locale][f] ?? f;
export const reasonLabel = (reason: string) => REASON[reason] ?? reason;

export function summaryLine(r: AuditResult, locale: Locale = 'zh'): string {
  const s = r.summary;
  return locale === 'zh'
    ? `错误 ${s.error}｜警告 ${s.warning}｜提示 ${s.info}｜待核 ${s.review}`
    : `errors ${s.error} | warnings ${s.warning} | info ${s.info} | review ${s.review}`;
}

export function toText(r: AuditResult, head: { source: string }, locale: Locale = 'zh'): string {
  const lines = [`■ ${head.source}`];
  if (!r.detected) {
    lines.push(`  非年报页面：${reasonLabel(r.reason)}`);
    return lines.join('\n');
  }
  const rep = r.report!;
  lines.push(
    `  ${rep.agency ?? '（机关未识别）'}｜${rep.year ?? '年度未识别'}年｜${formatLabel(rep.format, locale)}｜发布 ${rep.publishedAt ?? '未知'}`,
  );
  lines.push(`  ${summaryLine(r, locale)}`);
  r.findings.forEach((f, i) => {
    const sev = severityLabel(kindOf(f), locale);
    lines.push(`  ${i + 1}. [${sev}] ${f.ruleId}｜${f.location}`);
    lines.push(`     ${f.message}`);
    if (f.formula) lines.push(`     ${locale === 'zh' ? '公式' : 'formula'}：${f.formula}`);
  });
  if (!r.findings.length) lines.push(locale === 'zh' ? '  未发现问题' : '  no findings');
  return lines.join('\n');
}
