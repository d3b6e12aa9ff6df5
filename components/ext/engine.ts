// The engine, loaded into a page's isolated world only when needed (a report passed the content
// script's gate, or the user asked for an audit): audit → overlay → badge, and again when the
// article body is filled in after load or the page navigates in place. Every failure is caught
// here: reported once to the console, shown in the popup, overlay removed. Its parts: the
// snapshot (snapshot.ts), the overlay host (overlay-mount.ts), the page watch (page-watch.ts),
// the inspection log (log-client.ts: compared with last year's report there, then recorded).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { auditAsync, type Audit } from '../../lib/audit';
import { RULES } from '../../lib/rules';
import { candidateDocuments } from './frames';
import { compareWithLog, recordAudit } from './log-client';
import { sendToBackground, type Snapshot } from './messaging';
import { mountOverlay } from './overlay-mount';
import { watchPage } from './page-watch';
import { getSettings, watchSettings } from './settings';
import type { Settings } from './settings-model';
import { auditSnapshot, failedSnapshot } from './snapshot';
import { verdictOf, type Verdict } from './toolbar';

const PREFIX = '[年报审核]';
const AUDIT_BUDGET_MS = 1500;

/** What the content script calls once the engine is loaded. */
export interface Engine {
  /** The last audit, or null when none ran. */
  get(): Snapshot | null;
  /** Audit now (force: skip the cheap gate) and keep watching the body for late content. */
  run(force: boolean): Promise<Snapshot>;
  /** Scroll to a finding and pulse its marker. */
  reveal(index: number): boolean;
}

/** Resolves just after the next frame is produced (rAF, then the task after it). */
const nextPaint = () => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()))));

const badge = (v: Verdict) => void sendToBackground('badge:set', v).catch(() => {});

/** The chip's "审核附件" for the page's report file, if the audit found one. */
const attachmentOpener = (s: Snapshot) => {
  const url = s.attachments?.[0]?.url;
  return url ? () => void sendToBackground('document:open', { url }).catch(() => {}) : undefined;
};

/** Audit the page itself first, then same-origin frames (a framed article): the first report wins. */
async function auditPage(s: Settings, force: boolean): Promise<Audit> {
  const rules = RULES.filter((r) => s.categories[r.category] !== false);
  // Sliced (no long task) and budgeted: a huge page gets a partial result, not a frozen tab.
  const opts = { force, locale: s.locale, rules, budgetMs: AUDIT_BUDGET_MS };
  let last: Audit | null = null;
  for (const doc of candidateDocuments(document)) {
    last = await auditAsync(doc, { ...opts, url: doc.location?.href ?? location.href });
    if (last.result.detected) break;
  }
  if (!last) throw new Error('no document');
  return last;
}

/**
 * Longer than a screen on purpose: run(), the page watch and the lifecycle listeners below share
 * the engine's state (settings, the last audit, the run in flight); split into functions they
 * would hand all of it back and forth.
 */
export function createEngine(
  ctx: ContentScriptContext,
  /** When the gate started and how long it ran (absent when the engine was loaded on its own). */
  gate: { start?: number; ms?: number } = {},
  settingsPromise: Promise<Settings> = getSettings(),
): Engine {
  const engineReady = performance.now();
  const scriptStart = gate.start ?? engineReady;
  const overlay = mountOverlay(ctx);
  let settings: Settings | null = null;
  let snapshot: Snapshot | null = null;
  let last: Audit | null = null;
  let forced = false;
  let reported = false;
  let runs = 0;
  let unwatchPage = () => {};

  async function run(force: boolean): Promise<Snapshot> {
    try {
      settings ??= await settingsPromise;
      forced ||= force;
      last = await auditPage(settings, forced);
      const r = last.result;
      snapshot = { ...auditSnapshot(last, forced), runs: ++runs };
      const audited = performance.now();
      if (r.detected) await overlay.draw(last, settings, attachmentOpener(snapshot));
      else overlay.remove();
      const drawn = performance.now();
      const painted = r.detected ? await nextPaint() : drawn;
      snapshot.timing = { scriptStart, gateMs: gate.ms ?? 0, engineReady, audited, drawn, painted };
      if (r.detected && settings.log) {
        // The inspection log (unless turned off): the year.* rules against last year's report there, then record this one.
        const { audit, compared } = await compareWithLog(last, settings.locale);
        if (compared) {
          last = audit;
          snapshot = { ...snapshot, result: audit.result, compared };
          await overlay.draw(audit, settings, attachmentOpener(snapshot));
        }
        recordAudit(last, forced ? 'click' : 'page');
      }
      badge(verdictOf(last.result));
      return snapshot;
    } catch (e) {
      if (!reported) console.error(PREFIX, e);
      reported = true;
      overlay.remove();
      badge({ state: 'failed', errors: 0 });
      return (snapshot = failedSnapshot(e, forced));
    }
  }

  const watch = () => {
    unwatchPage();
    unwatchPage = watchPage(ctx, overlay.owns, () => void run(false));
  };

  ctx.onInvalidated(overlay.remove);
  // Disabled, removed or reloaded extension: WXT notices on its next timer tick and invalidates
  // the context, which removes our host. Nothing of ours stays on the page.
  ctx.setInterval(() => {}, 1000);
  ctx.addEventListener(window, 'wxt:locationchange', () => last && void run(false).then(watch));
  const unwatch = watchSettings((s) => {
    settings = s;
    if (last) void run(false);
  });
  ctx.onInvalidated(unwatch);

  // One audit at a time: a request during an audit waits for it (and, if forced, runs again).
  let inflight: Promise<Snapshot> | null = null;
  const start = (force: boolean): Promise<Snapshot> =>
    (inflight = run(force).then((s) => {
      inflight = null;
      watch();
      return s;
    }));

  return {
    get: () => snapshot,
    run: (force) => (inflight ? (force ? inflight.then(() => start(true)) : inflight) : start(force)),
    reveal: (index) => overlay.reveal(index),
  };
}
