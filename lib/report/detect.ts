// Is this page an annual report? A cheap gate on title / ArticleTitle / ColumnType / <h1> / URL
// that runs on every page before any table is touched, then title exclusions for the known
// look-alikes, and once the page is read, the verdict from its structure. Every "not a report"
// reason is decided here. Page text is read as XPath strings (see lib/dom/xpath.ts) until then.

import { findAttachmentElements, isAttachmentStub, reportNamed, type FoundAttachment } from '../documents/attachments';
import { metaExpr, metaValue, xpathBoolean, xpathNumber, xpathString } from '../dom/xpath';
import type { ReportModel } from './build';

export interface Gate {
  pass: boolean;
  signals: string[];
  /** The title the report would be known by (the matching one, else the first non-empty). */
  title: string;
}

const REPORT_TITLE = /信息公开.{0,8}(年度报告|年报|工作总结|年度总结|情况的?报告|工作报告)/;
const LOOKALIKE: [RegExp, string][] = [
  [/通知|通告|函$|关于印发/, 'notice'],
  [/报告格式|年度报告制度|工作制度|办法|规定|细则/, 'rules'],
  [/网站.{0,12}(报表|工作年度报表)|年度报表/, 'website-report'],
];

// Literal tests first: the regular expressions are compiled only on pages that might be reports.
export const isReportTitle = (t: string) => t.includes('信息公开') && REPORT_TITLE.test(t);
const isReportColumn = (c: string) => c.includes('信息公开年报') || c.includes('年度报告');
const isReportUrl = (u: string) => /xxgknb|ndbg/.test(u.toLowerCase()); // zfxxgknb, xxgkndbg, ndbg…

/** ArticleTitle, ColumnType and the first <h1>, read in one XPath evaluation. */
const SEP = '\u0001';
const HEAD = `concat(${metaExpr('ArticleTitle')},'${SEP}',${metaExpr('ColumnType')},'${SEP}',string(//h1))`;

export function gate(doc: Document, url: string): Gate {
  const [article, column, h1] = xpathString(doc, HEAD).split(SEP);
  const titles = [doc.title, metaValue(article) ?? '', h1].map((t) => t.replace(/\s+/g, ''));
  const signals: string[] = [];
  const matched = titles.find(isReportTitle);
  if (matched) signals.push('title');
  if (isReportColumn(metaValue(column) ?? '')) signals.push('column');
  if (isReportUrl(url)) signals.push('url');
  return { pass: signals.length > 0, signals, title: matched ?? titles.find(Boolean) ?? '' };
}

/** The known look-alike this page is (a notice, rules, a 网站年度报表, the 年报 listing), or null. */
export function lookAlike(doc: Document, g: Gate): string | null {
  const byTitle = LOOKALIKE.find(([re]) => re.test(g.title))?.[1];
  if (byTitle) return byTitle;
  // No report title naming a year (only the column's, "政府信息公开年报"), links to reports by
  // year, and no report prose: the 年报 listing page itself.
  const reportTitle = g.signals.includes('title') && /\d{4}/.test(g.title);
  return !reportTitle && isListing(doc) && !xpathBoolean(doc, REPORT_PROSE) ? 'listing' : null;
}

/** Whether the body has the heading of part 二 (主动公开政府信息情况), which every report has. */
const REPORT_PROSE = `contains(translate(/html/body,' \u3000\n\r\t',''),'主动公开政府信息')`;

/** Whitespace removed, every digit read as 0: "2023年 政府信息公开…" → "0000年政府信息公开…" (one
 *  translate: characters past the end of the replacement list are dropped). */
const LINK_TEXT = `translate(.,'0123456789 \u3000\n\r\t','0000000000')`;
const REPORT_LINK = `//a[contains(.,'公开')][contains(${LINK_TEXT},'0000年') and contains(${LINK_TEXT},'政府信息公开') and (contains(${LINK_TEXT},'年度报告') or contains(${LINK_TEXT},'年报'))]`;

/** A 年报 listing page: at least five links to annual reports by year. */
export function isListing(doc: Document): boolean {
  return xpathNumber(doc, `count(${REPORT_LINK})`) >= 5;
}

/**
 * Not a report after all, from what the page holds (the reason), or null: fewer than three parts
 * and no table 三 (the 年报 listing, or a page without the structure), or a reprint of the format
 * itself — table 三 with no values, untitled or titled as a notice.
 */
export function structureVerdict(model: ReportModel): string | null {
  const { sections, tables, title, doc } = model;
  if (sections.size < 3 && !tables.t3) return isListing(doc) ? 'look-alike:listing' : 'no-report-structure';
  const blankT3 = tables.t3 && !tables.t3.values.some((v) => v.v.kind !== 'placeholder');
  if (blankT3 && ((sections.size < 6 && !title) || /格式|通知/.test(title?.text ?? doc.title)))
    return 'look-alike:blank-format';
  return null;
}

/**
 * A stub whose report is the attachment — the report title, 详见附件 and a link to (or a viewer of)
 * the PDF/DOCX/DOC — where the structure verdict found no report: the attachments, best first, or
 * null. The page's title (the gate) or the file's name must name the report.
 */
export function attachmentStub(doc: Document, url: string, g: Gate): FoundAttachment[] | null {
  const found = findAttachmentElements(doc, url);
  if (!found.length || !(g.signals.includes('title') || reportNamed(found[0].text))) return null;
  return isAttachmentStub(doc, found) ? found : null;
}
