// What the engine tells the popup about its page: the snapshot of an audit, or of a failure.
import type { Audit } from '../../lib/audit';
import { findAttachments, type Attachment } from '../../lib/documents/attachments';
import type { Snapshot } from './messaging';

/** "2026-11-21 14:05:09" without Intl (its first use loads locale data: tens of ms). */
export function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** An image or attachment link where a table should be, as the popup lists it (text only). */
function describeUnreadable(el: Element): { text: string; href: string } {
  const href = el.tagName === 'A' ? (el as HTMLAnchorElement).href : (el.getAttribute('src') ?? '');
  const text =
    el.tagName === 'A' ? (el.textContent ?? '').trim() : (el.getAttribute('alt') ?? el.tagName.toLowerCase());
  return { text: text.slice(0, 120), href: href.startsWith('data:') ? 'data:…' : href.slice(0, 300) };
}

const page = () => ({ url: location.href, title: document.title });

/** The report's files on the page, where the page itself cannot be checked: the stub's attachments
 *  (the audit found them), else the files linked beside tables that are not on the page. */
function attachmentsOf(a: Audit): Attachment[] {
  const { model, result } = a;
  if (!model) return [];
  if (model.attachments)
    return model.attachments.map(({ url, kind, text, embedded }) => ({ url, kind, text, embedded }));
  if (!result.findings.some((f) => f.ruleId === 'page.tables-unreadable')) return [];
  return findAttachments(model.doc, model.url);
}

export function auditSnapshot(a: Audit, forced: boolean): Snapshot {
  const attachments = attachmentsOf(a);
  const unreadable = a.model?.unreadable.map(describeUnreadable) ?? [];
  return {
    state: a.result.detected ? 'report' : 'not-report',
    result: a.result,
    page: page(),
    auditedAt: stamp(),
    // A stub's report file is where its tables went.
    unreadable: unreadable.length ? unreadable : attachments.map(({ text, url }) => ({ text, href: url })),
    attachments,
    forced,
  };
}

export function failedSnapshot(e: unknown, forced: boolean): Snapshot {
  const error = e instanceof Error ? e.message : String(e);
  return { state: 'failed', result: null, error, page: page(), auditedAt: stamp(), unreadable: [], forced };
}
