// The toolbar button's look for a tab, as a pure function of the engine's verdict: no browser API,
// so the mapping is unit-tested (tests/toolbar.test.ts) and the background only applies it. The
// icons are drawn once in store/icon.svg and rendered to public/icon/ by store/make-icons.ts.
import { isClean, type AuditResult } from '../../lib/result';

/** idle: not a report (or nothing audited); failed: the audit itself broke on this page. */
export type ToolbarState = 'idle' | 'clean' | 'findings' | 'failed';

/** What the engine tells the background after each audit (the `badge:set` message). */
export interface Verdict {
  state: ToolbarState;
  /** Error-severity violations; a report with only warnings or items to review has 0. */
  errors: number;
}

export interface Toolbar {
  /** Extension-root paths per size, as action.setIcon({ path }) and the manifest take them. */
  icon: { 16: string; 32: string };
  /** Empty: no badge. */
  badgeText: string;
  badgeColor: string;
}

/** The verdict of a finished audit (a failed one is `{ state: 'failed' }`, sent from its catch). */
export const verdictOf = (r: AuditResult): Verdict => ({
  state: !r.detected ? 'idle' : isClean(r) ? 'clean' : 'findings',
  errors: r.summary.error,
});

const icon = (state: ToolbarState) => ({ 16: `icon/state-${state}-16.png`, 32: `icon/state-${state}-32.png` });

/** The manifest's default_icon: before any audit, and on every page the engine never runs on. */
export const IDLE_ICON = icon('idle');

// Green, red and grey are also the discs drawn on the state icons (store/icon.svg).
const GREEN = '#1a7f37';
const RED = '#cf222e';
const AMBER = '#9a6700';
const GREY = '#57606a';

export function toolbarFor({ state, errors }: Verdict): Toolbar {
  switch (state) {
    case 'clean':
      return { icon: icon(state), badgeText: '✓', badgeColor: GREEN };
    case 'findings':
      // The error count, even 0: warnings or items to review still need a look (amber, not red).
      return { icon: icon(state), badgeText: String(errors), badgeColor: errors ? RED : AMBER };
    default:
      // No text on other pages; a failure is told by the icon's grey ×, and by the popup's reason.
      return { icon: icon(state), badgeText: '', badgeColor: GREY };
  }
}
