// Page → report model: everything the rules read, built once per audit.

import type { FoundAttachment } from '../documents/attachments';
import { linearize, type Block } from '../dom/blocks';
import { findContainer } from '../dom/container';
import { recognizeTables, type Tables } from '../tables/recognize';
import type { Steps } from '../steps';
import { classifyFormat, formatMarkers, type FormatMarkers, type ReportFormat } from './format';
import { agencyAndYear } from './agency';
import {
  findCompiler,
  findContact,
  findPeriod,
  findPubDate,
  findSigner,
  findTitle,
  type Period,
  type PubDate,
  type Title,
} from './meta';
import { elAt, joinProse, type Prose } from './prose';
import { cutSections, findHeadings, parseHeading, type Heading, type Section } from './sections';

export interface ReportModel {
  doc: Document;
  url: string;
  container: Element;
  blocks: Block[];
  title: Title | null;
  agency: string | null;
  year: number | null;
  pubDate: PubDate | null;
  period: (Period & { el: Element | null }) | null;
  compiler: { name: string; el: Element | null } | null;
  contact: { name: string; el: Element | null } | null;
  /** The body named in the signature above the closing date. */
  signer: { name: string; el: Element } | null;
  headings: Heading[];
  sections: Map<number, Section>;
  preamble: Prose;
  tables: Tables;
  format: ReportFormat;
  markers: FormatMarkers;
  /** Images, embeds and attachment links in the body: where unreadable tables went. */
  unreadable: Element[];
  /** Set when the page is a stub whose report is the attachment (detect.ts attachmentStub): its attachments, best first. */
  attachments?: FoundAttachment[];
  /** Prose of a section (joined paragraphs), memoised. */
  prose(n: number): Prose;
}

const ATTACHMENT = /\.(pdf|docx?|wps|xlsx?|et|ofd|zip|rar)(\?|#|$)/i;

export function* buildReport(doc: Document, url: string, stop = () => false): Steps<ReportModel> {
  const container = findContainer(doc);
  const blocks = linearize(container);
  yield;
  const headings = findHeadings(blocks);
  const headingEls = new Set(headings.map((h) => h.el));
  const isHeading = (b: Block) => b.kind === 'text' && (headingEls.has(b.el) || parseHeading(b.text) !== null);
  const tables = yield* recognizeTables(blocks, isHeading, stop);
  const sections = cutSections(blocks, headings);
  const firstHeading = headings.length ? headings[0].block : -1;
  const title = findTitle(doc, blocks, firstHeading);
  const { agency, year } = title ? agencyAndYear(title.text) : { agency: null, year: null };
  const preambleBlocks = blocks
    .slice(0, firstHeading < 0 ? Math.min(blocks.length, 8) : firstHeading)
    .filter((b) => !title?.el || b.el !== title.el);
  const preamble = joinProse(preambleBlocks);
  const markers = formatMarkers(tables, headings);

  const proseCache = new Map<number, Prose>();
  const prose = (n: number): Prose => {
    if (!proseCache.has(n)) proseCache.set(n, joinProse(sections.get(n)?.blocks ?? []));
    return proseCache.get(n)!;
  };
  const locate = (p: Prose, s: string) => {
    const at = p.text.indexOf(s);
    return at < 0 ? null : elAt(p, at);
  };

  const periodText = preamble.text + '\n' + prose(1).text;
  const period = findPeriod(periodText);
  const compiler = findCompiler(preamble.text);
  const contact = findContact(preamble.text);
  const unreadable = Array.from(container.querySelectorAll('img, embed, object, iframe, a[href]')).filter(
    (el) => el.tagName !== 'A' || ATTACHMENT.test(el.getAttribute('href') ?? ''),
  );

  return {
    doc,
    url,
    container,
    blocks,
    title,
    agency,
    year: year ?? (period ? period.start[0] : null),
    pubDate: findPubDate(doc, url),
    period: period ? { ...period, el: locate(preamble, period.text) ?? locate(prose(1), period.text) } : null,
    compiler: compiler ? { name: compiler, el: locate(preamble, compiler) } : null,
    contact: contact ? { name: contact, el: locate(preamble, contact) } : null,
    signer: findSigner(blocks),
    headings,
    sections,
    preamble,
    tables,
    format: classifyFormat(markers),
    markers,
    unreadable,
    prose,
  };
}
