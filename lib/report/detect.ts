// Is this page an annual report? A cheap gate on title / ArticleTitle / ColumnType / URL that
// runs before any table is touched, then title exclusions for the known look-alikes.

import { metaContent } from './meta';

export interface Gate {
  pass: boolean;
  signals: string[];
  /** Set when the page is a known look-alike. */
  exclusion: string | null;
}

const REPORT_TITLE = /信息公开.{0,8}(年度报告|年报|工作总结|年度总结|情况的?报告|工作报告)/;
const REPORT_URL = /zfxxgknb|xxgkndbg|xxgknb|ndbg/i;
const LOOKALIKE: [RegExp, string][] = [
  [/通知|通告|函$|关于印发/, 'notice'],
  [/报告格式|年度报告制度|工作制度|办法|规定|细则/, 'rules'],
  [/网站.{0,12}(报表|工作年度报表)|年度报表/, 'website-report'],
];

export function gate(doc: Document, url: string): Gate {
  const titles = [doc.title, metaContent(doc, 'ArticleTitle') ?? '', doc.querySelector('h1')?.textContent ?? ''].map(
    (t) => t.replace(/\s+/g, ''),
  );
  const signals: string[] = [];
  const matched = titles.find((t) => REPORT_TITLE.test(t));
  if (matched) signals.push('title');
  if (/信息公开年报|年度报告/.test(metaContent(doc, 'ColumnType') ?? '')) signals.push('column');
  if (REPORT_URL.test(url)) signals.push('url');
  const reportTitle = matched ?? titles.find(Boolean) ?? '';
  let exclusion = LOOKALIKE.find(([re]) => re.test(reportTitle))?.[1] ?? null;
  // Column/URL signals without a report title: most likely the 年报 listing page itself.
  if (!exclusion && signals.length && !signals.includes('title') && isListing(doc)) exclusion = 'listing';
  return { pass: signals.length > 0, signals, exclusion };
}

const REPORT_LINK = /\d{4}年度?.{0,4}政府信息公开.{0,6}(年度报告|年报)/;

/** A 年报 listing page: many links to reports, no report body. */
export function isListing(doc: Document): boolean {
  let n = 0;
  for (const a of Array.from(doc.getElementsByTagName('a')))
    if (REPORT_LINK.test((a.textContent ?? '').replace(/\s+/g, '')) && ++n >= 5) return true;
  return false;
}
