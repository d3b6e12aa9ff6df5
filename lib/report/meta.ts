// Report identity from the page: title (the report's own first lines, then ArticleTitle, <h1>,
// <title>), 统计期限, 编制 body / contact, publication date. The agency itself: ./agency.ts.

import type { Block } from '../dom/blocks';
import { metaContent } from '../dom/xpath';
import { asciiDigits, tidy } from '../text/normalize';

export interface Title {
  text: string;
  el: Element | null;
  source: 'body' | 'ArticleTitle' | 'h1' | 'title';
}

const TITLE_RE = /信息公开/;
const BREADCRUMB = /^(当前位置|您的位置|你的位置|您现在的位置)|[>＞»›]\s*\S+\s*[>＞»›]/;
const TITLE_END = /(报告|总结)$/;

/** The report title: up to three short leading lines of the body joined ("…政府信息" + "公开工作年度报告"). */
export function findTitle(doc: Document, blocks: Block[], firstHeading: number): Title | null {
  const lines: Extract<Block, { kind: 'text' }>[] = [];
  for (let i = 0; i < Math.min(firstHeading < 0 ? blocks.length : firstHeading, 6); i++) {
    const b = blocks[i];
    if (b.kind !== 'text') continue;
    const t = tidy(b.text.replace(/^\s*#+\s*/, ''));
    if (BREADCRUMB.test(t)) continue; // "当前位置：首页>政务公开>…": the page's trail, not the title
    if (t.length > 45) break;
    lines.push(b);
    const joined = lines.map((l) => tidy(l.text.replace(/^\s*#+\s*/, ''))).join('');
    if (TITLE_END.test(joined)) {
      if (TITLE_RE.test(joined) && /\d{4}/.test(joined)) return { text: joined, el: lines[0].el, source: 'body' };
      break;
    }
    if (lines.length >= 3) break;
  }
  const art = metaContent(doc, 'ArticleTitle');
  if (art && TITLE_RE.test(art)) return { text: tidy(art), el: null, source: 'ArticleTitle' };
  const h1 = Array.from(doc.querySelectorAll('h1, .title, .article-title')).find((e) =>
    TITLE_RE.test(e.textContent ?? ''),
  );
  if (h1) return { text: tidy(h1.textContent ?? ''), el: h1, source: 'h1' };
  const t = doc.title.split(/\s[-_|—]\s|_/).find((p) => TITLE_RE.test(p));
  return t ? { text: tidy(t), el: null, source: 'title' } : null;
}

export const STANDARD_TITLE = /^(.+?)\d{4}年度?政府信息公开工作年度报告$/;

export interface Period {
  text: string;
  start: [number, number, number];
  end: [number, number, number];
}

const PERIOD =
  /统计(?:期限|期间|时限|时间|区间|期|限)?[^。\d]{0,8}?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^。\d]{0,6}?(?:至|到|—|-|－|~)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

export function findPeriod(text: string): Period | null {
  const m = PERIOD.exec(asciiDigits(text));
  if (!m) return null;
  const n = m.slice(1).map(Number);
  return { text: m[0], start: [n[0], n[1], n[2]], end: [n[3], n[4], n[5]] };
}

const NAME = '([^\\s，,。；;、《》（）()“”：:]{2,30}?)';
const COMPILER = new RegExp(`由\\s*${NAME}\\s*(?:(?:按照|根据|依据|依照)[^。]{0,160}?|负责|牵头|组织)?编制`);
const CONTACT = new RegExp(`请与\\s*${NAME}\\s*联系`);

export function findCompiler(text: string): string | null {
  return COMPILER.exec(text)?.[1] ?? null;
}
export function findContact(text: string): string | null {
  return CONTACT.exec(text)?.[1] ?? null;
}

const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const BODY_NAME =
  /(?:局|委|委员会|办|办公室|厅|中心|院|室|馆|所|站|队|会|处|署|社|部|政府|领导小组|[乡镇]|街道|区|县|市)$/;

/** The signature: the body named on the line just above the report's closing date line. */
export function findSigner(blocks: Block[]): { name: string; el: Element } | null {
  for (let i = blocks.length - 1; i > 0; i--) {
    const b = blocks[i];
    if (b.kind !== 'text' || !DATE_LINE.test(asciiDigits(b.text))) continue;
    const prev = blocks[i - 1];
    if (prev.kind !== 'text') return null;
    const name = tidy(prev.text);
    return name.length <= 40 && BODY_NAME.test(name) && !/[，,。；;：:]/.test(name) ? { name, el: prev.el } : null;
  }
  return null;
}

export interface PubDate {
  date: string;
  source: 'meta' | 'text' | 'url';
}

const pad = (n: string) => n.padStart(2, '0');

export function findPubDate(doc: Document, url: string): PubDate | null {
  for (const name of ['PubDate', 'publishdate', 'pubdate', 'firstpublishedtime']) {
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(metaContent(doc, name) ?? '');
    if (m) return { date: `${m[1]}-${pad(m[2])}-${pad(m[3])}`, source: 'meta' };
  }
  const body = asciiDigits(doc.body?.textContent ?? '');
  const t = /发布(?:日期|时间)\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(body);
  if (t) return { date: `${t[1]}-${pad(t[2])}-${pad(t[3])}`, source: 'text' };
  // The page URL, or its canonical URL (the same page seen through a mirror or saved to disk).
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  const urls = [url, canonical];
  const u = urls
    .map((x) => /\/art\/(\d{4})\/(\d{1,2})\/(\d{1,2})\//.exec(x) ?? /\/t(\d{4})(\d{2})(\d{2})_/.exec(x))
    .find(Boolean);
  if (u) return { date: `${u[1]}-${pad(u[2])}-${pad(u[3])}`, source: 'url' };
  return null;
}
