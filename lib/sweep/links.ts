// The reports a 年报 listing page links to: anchors whose text (or title, when the list truncates
// the text) names one year's 政府信息公开 annual report, resolved against the page URL, deduplicated,
// in page order. Compilation notices, format reprints and rules pages linked from the same column
// are left out, as the detection gate leaves them out.
import { asciiDigits } from '../text/normalize';

export interface Anchor {
  /** As written (relative or absolute). */
  href: string;
  text: string;
  title?: string;
}

export interface ReportLink {
  /** Absolute URL without the #fragment. */
  url: string;
  /** The link's text (its title when the text is truncated). */
  text: string;
}

/** Every <a href> of a document, as written. */
export function anchorsOf(doc: Document): Anchor[] {
  return Array.from(doc.querySelectorAll('a[href]')).map((a) => ({
    href: a.getAttribute('href') ?? '',
    text: a.textContent ?? '',
    title: a.getAttribute('title') ?? undefined,
  }));
}

const YEAR = /(?:19|20)\d{2}\s*年/;
const REPORT = /信息公开.{0,10}?(年度报告|年报|工作总结|年度总结|情况的?报告|工作报告)/;
const NOT_REPORT = /通知|通告|关于印发|关于做好|报告格式|格式|制度|办法|规定|细则|报表|模板|解读/;
const SCHEMES = /^(https?|file):$/;

const squeeze = (s: string) => asciiDigits(s).replace(/\s+/g, '');

/** Whether a link label names an annual report ("临江市统计局2023年政府信息公开工作年度报告"). */
export function isReportLabel(label: string): boolean {
  const t = squeeze(label);
  return t.length <= 80 && YEAR.test(t) && REPORT.test(t) && !NOT_REPORT.test(t);
}

/** The report links among a page's anchors, resolved against `baseUrl`. */
export function reportLinks(anchors: readonly Anchor[], baseUrl: string): ReportLink[] {
  const out: ReportLink[] = [];
  const seen = new Set<string>();
  const self = stripHash(baseUrl);
  for (const a of anchors) {
    const text = squeeze(a.text);
    const title = squeeze(a.title ?? '');
    const label = isReportLabel(text) ? text : isReportLabel(title) ? title : null;
    if (!label) continue;
    let url: URL;
    try {
      url = new URL(a.href.trim(), baseUrl);
    } catch {
      continue;
    }
    if (!SCHEMES.test(url.protocol)) continue; // javascript:, mailto:, data: …
    url.hash = '';
    const key = url.href;
    if (key === self || seen.has(key)) continue;
    seen.add(key);
    // A truncated text ("…2023年政府信息公开工作年…") gives way to the full title.
    out.push({ url: key, text: title.length > text.length && isReportLabel(title) ? title : label });
  }
  return out;
}

function stripHash(u: string): string {
  try {
    const x = new URL(u);
    x.hash = '';
    return x.href;
  } catch {
    return u;
  }
}

/** Host-permission match pattern for a page's host ("*://www.example.gov.cn/*"); null for non-web URLs. */
export function hostPattern(url: string): string | null {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) && u.hostname ? `*://${u.hostname}/*` : null;
  } catch {
    return null;
  }
}
