// What the engine tells the popup about its page: the snapshot of an audit, or of a failure.
import type { Audit } from '../../lib/audit';
import type { Snapshot } from './messaging';

/** "2026-11-21 14:05:09" without Intl (its first use loads locale data: tens of ms). */
function stamp(d = new Date()): string {
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

export function auditSnapshot(a: Audit, forced: boolean): Snapshot {
  return {
    state: a.result.detected ? 'report' : 'not-report',
    result: a.result,
    page: page(),
    auditedAt: stamp(),
    unreadable: a.model?.unreadable.map(describeUnreadable) ?? [],
    forced,
  };
}

export function failedSnapshot(e: unknown, forced: boolean): Snapshot {
  const error = e instanceof Error ? e.message : String(e);
  return { state: 'failed', result: null, error, page: page(), auditedAt: stamp(), unreadable: [], forced };
}
