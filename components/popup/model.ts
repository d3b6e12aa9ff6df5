// The popup's logic as pure functions (no extension API, no DOM): what state to show, how the
// report's format is explained, the counts and verdict, and how findings are grouped. The Preact
// view (App.tsx) only renders what these return; tests/popup.test.ts checks them in Node.
import { reasonLabel } from '../../lib/format/text';
import {
  isCleanCounts,
  kindOf,
  type AuditResult,
  type Counts,
  type Finding,
  type Kind,
  type Locale,
} from '../../lib/result';
import type { Snapshot } from '../ext/messaging';
import { t, type MessageKey } from '../../lib/i18n';

// ---------------------------------------------------------------------------------------------
// State derivation

export type View =
  /** No content script answered, or it has not audited the page: offer "审核此页". */
  | { kind: 'none' }
  | { kind: 'not-report'; reason: string; result: AuditResult }
  | { kind: 'failed'; error: string }
  | {
      kind: 'report';
      result: AuditResult;
      /** Set when a page.tables-unreadable finding exists: the links to list (as text). */
      unreadable: { text: string; href: string }[] | null;
      forced: boolean;
      /** The log's previous-year report the year.* findings compare with. */
      compared: Snapshot['compared'] | null;
    };

/** What to show for the content script's snapshot (null = no answer / nothing audited yet). */
export function deriveView(snapshot: Snapshot | null | undefined): View {
  if (!snapshot) return { kind: 'none' };
  if (snapshot.state === 'failed') return { kind: 'failed', error: snapshot.error || 'unknown error' };
  const result = snapshot.result;
  if (!result) {
    return snapshot.state === 'report' ? { kind: 'failed', error: snapshot.error || 'no result' } : { kind: 'none' };
  }
  if (snapshot.state === 'not-report' || !result.detected) {
    return { kind: 'not-report', reason: result.reason, result };
  }
  const hasUnreadable = result.findings.some((f) => f.ruleId === 'page.tables-unreadable');
  return {
    kind: 'report',
    result,
    unreadable: hasUnreadable ? (snapshot.unreadable ?? []) : null,
    forced: !!snapshot.forced,
    compared: snapshot.compared ?? null,
  };
}

/** The not-detected reason in the UI language. */
export const reasonText = (reason: string, locale: Locale): string => reasonLabel(reason, locale);

// ---------------------------------------------------------------------------------------------
// Pages the browser never lets an extension script

const RESTRICTED_SCHEMES =
  /^(chrome|chrome-extension|chrome-search|chrome-untrusted|devtools|edge|brave|opera|vivaldi|about|moz-extension|resource|view-source|data|javascript):/i;
const RESTRICTED_HOSTS = [
  'chrome.google.com/webstore',
  'chromewebstore.google.com',
  'microsoftedge.microsoft.com/addons',
  'addons.mozilla.org',
  'addons.opera.com',
];

/** True for URLs where content scripts cannot be injected (browser pages, extension stores). */
export function isRestrictedUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  if (RESTRICTED_SCHEMES.test(url)) return true;
  const bare = url.replace(/^https?:\/\//i, '').toLowerCase();
  return RESTRICTED_HOSTS.some((h) => bare === h || bare.startsWith(h + '/') || bare.startsWith(h + '?'));
}

/** The error text of an injection failure that means "this page can never be scripted". */
export function isRestrictedError(message: string): boolean {
  return /cannot be scripted|cannot access an? [\w-]+:\/\/ url|extensions gallery|cannot access contents of url "(chrome|edge|about|devtools|view-source)/i.test(
    message,
  );
}

/** An injection failure for lack of host permission (popup not opened from the toolbar). */
export function isPermissionError(message: string): boolean {
  return /must request permission|missing host permission|permission to access/i.test(message);
}

/** `?tab=<id>` in the popup's own URL (e2e tests open popup.html in a normal tab). */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : null;
}

// ---------------------------------------------------------------------------------------------
// Format explanation

/** One line: the detected format and whether it fits the report year. */
export function formatExplanation(format: string, year: number | null | undefined, locale: Locale = 'zh'): string {
  const y = typeof year === 'number' && Number.isFinite(year) ? year : null;
  switch (format) {
    case '2021':
      return y !== null && y <= 2020 ? t(locale, 'format.2021.early', { year: y }) : t(locale, 'format.2021');
    case '2019':
      if (y === null) return t(locale, 'format.2019');
      return y >= 2021 ? t(locale, 'format.2019.outdated') : t(locale, 'format.2019.ok');
    case 'legacy':
      if (y === null) return t(locale, 'format.legacy');
      return y >= 2019 ? t(locale, 'format.legacy.outdated') : t(locale, 'format.legacy.ok');
    case 'mixed':
      return t(locale, 'format.mixed');
    default:
      return t(locale, 'format.unknown');
  }
}

/** Whether the explanation describes a problem (drawn with a warning mark). */
export function formatIsProblem(format: string, year: number | null | undefined): boolean {
  const y = typeof year === 'number' ? year : null;
  if (format === 'mixed') return true;
  if (format === '2019') return y !== null && y >= 2021;
  if (format === '2021') return y !== null && y <= 2020;
  if (format === 'legacy') return y !== null && y >= 2019;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Counts and verdict

/** Icon shapes: each kind is told apart by shape and text, not only colour. */
export const KIND_ICON: Record<Kind, string> = { error: '✖', warning: '▲', info: 'ℹ', review: '?' };

export function verdictText(c: Counts, locale: Locale = 'zh'): string {
  if (isCleanCounts(c)) {
    const base = t(locale, 'verdict.clean');
    return c.info ? `${base}${t(locale, 'verdict.cleanNotes', { n: c.info })}` : base;
  }
  return t(locale, 'verdict.issues', { n: c.error + c.warning + c.review });
}

// ---------------------------------------------------------------------------------------------
// Grouping

export interface GroupItem {
  finding: Finding;
  /** Index in result.findings (what audit:reveal expects). */
  index: number;
  kind: Kind;
}

export interface Group {
  key: string;
  label: string;
  items: GroupItem[];
}

/** Group display order: page-level first, then the report from top to bottom. */
const GROUP_ORDER = ['page', 'meta', 'section', 'format', 't2', 't3', 't4', 'table', 'cell', 'sum', 'text', 'year'];
const GROUP_LABEL: Record<string, MessageKey> = {
  t2: 'group.t2',
  t3: 'group.t3',
  t4: 'group.t4',
  page: 'group.page',
  meta: 'group.meta',
  section: 'group.section',
  format: 'group.format',
  table: 'group.table',
  cell: 'group.cell',
  sum: 'group.sum',
  text: 'group.text',
  year: 'group.year',
};

/** The group of a finding: cross-year on its own, else its table (表二/表三/表四) if it names one, else its rule category. */
export function groupKey(f: Pick<Finding, 'table' | 'category' | 'ruleId'>): string {
  if (f.category === 'year') return 'year';
  if (f.table) return f.table;
  const cat = f.category || f.ruleId.split('.')[0];
  return Object.hasOwn(GROUP_LABEL, cat) ? cat : 'other';
}

export const groupLabel = (key: string, locale: Locale = 'zh') =>
  t(locale, Object.hasOwn(GROUP_LABEL, key) ? GROUP_LABEL[key] : 'group.other');

/** Findings grouped by table / category, each item keeping its index in result.findings. */
export function groupFindings(findings: readonly Finding[], locale: Locale = 'zh'): Group[] {
  const map = new Map<string, GroupItem[]>();
  findings.forEach((finding, index) => {
    const key = groupKey(finding);
    const list = map.get(key) ?? [];
    list.push({ finding, index, kind: kindOf(finding) });
    map.set(key, list);
  });
  const rank = (k: string) => {
    const i = GROUP_ORDER.indexOf(k);
    return i < 0 ? GROUP_ORDER.length : i;
  };
  return [...map.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, items]) => ({ key, label: groupLabel(key, locale), items }));
}

// ---------------------------------------------------------------------------------------------
// Export helpers

export interface ExportMetaLike {
  pageTitle: string;
  url: string;
  auditedAt: string;
}

export const exportMeta = (s: Pick<Snapshot, 'page' | 'auditedAt'>): ExportMetaLike => ({
  pageTitle: s.page.title,
  url: s.page.url,
  auditedAt: s.auditedAt,
});

/** A safe download name: 年报审核_<agency>_<year>.<ext> (no path or reserved characters). */
export function downloadName(
  result: AuditResult | null,
  ext: 'json' | 'csv',
  auditedAt?: string,
  locale: Locale = 'zh',
): string {
  const parts = [t(locale, 'export.filePrefix')];
  const agency = result?.report?.agency;
  const year = result?.report?.year;
  if (agency) parts.push(agency);
  if (year) parts.push(String(year));
  if (!agency && !year && auditedAt) parts.push(auditedAt.slice(0, 10));
  const clean = (p: string) =>
    [...p]
      .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
      .join('')
      .replace(/_+/g, '_')
      .replace(/\s+/g, ' ')
      .replace(/^[_ .]+|[_ .]+$/g, '');
  const base = parts.map(clean).filter(Boolean).join('_').slice(0, 120);
  return `${base}.${ext}`;
}
