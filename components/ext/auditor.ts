// The engine, loaded into a page's isolated world only when needed (a report passed the
// content script's gate, or the user asked for an audit): audit → overlay → badge, re-audits when
// the article body is filled in after load or the page navigates in place. Every failure is
// caught here: reported once to the console, shown in the popup, overlay removed.
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { auditAsync, type Audit } from '../../lib/audit';
import { isClean } from '../../lib/result';
import { RULES } from '../../lib/rules';
import { Overlay, type OverlayHandle } from '../overlay/Overlay';
import { OVERLAY_CSS } from '../overlay/styles';
import { candidateDocuments, relevantChange } from './frames';
import { sendToBackground, type Snapshot } from './messaging';
import { getSettings, watchSettings, type Settings } from './settings';

const PREFIX = '[年报审核]';
const HOST_NAME = 'gov-report-audit';
/** Watch for late-filled bodies this long after start, re-auditing at most this often. */
const WATCH_MS = 30_000;
const DEBOUNCE_MS = 400;
const AUDIT_BUDGET_MS = 1500;

function describeUnreadable(el: Element): { text: string; href: string } {
  const href = el.tagName === 'A' ? (el as HTMLAnchorElement).href : (el.getAttribute('src') ?? '');
  const text =
    el.tagName === 'A' ? (el.textContent ?? '').trim() : (el.getAttribute('alt') ?? el.tagName.toLowerCase());
  return { text: text.slice(0, 120), href: href.startsWith('data:') ? 'data:…' : href.slice(0, 300) };
}

/** What the content script calls once the engine is loaded. */
export interface Engine {
  /** The last audit, or null when none ran. */
  get(): Snapshot | null;
  /** Audit now (force: skip the cheap gate) and keep watching the body for late content. */
  run(force: boolean): Promise<Snapshot>;
  /** Scroll to a finding and pulse its marker. */
  reveal(index: number): boolean;
}

/** "2026-11-21 14:05:09" without Intl (its first use loads locale data: tens of ms). */
function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Resolves just after the next frame is produced (rAF, then the task after it). */
const nextPaint = () => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()))));

export function createEngine(
  ctx: ContentScriptContext,
  /** When the gate started and how long it ran (absent when the engine was loaded on its own). */
  gate: { start?: number; ms?: number } = {},
  settingsPromise: Promise<Settings> = getSettings(),
): Engine {
  const engineReady = performance.now();
  const scriptStart = gate.start ?? engineReady;
  const gateMs = gate.ms ?? 0;
  let settings: Settings | null = null;
  let snapshot: Snapshot | null = null;
  let last: Audit | null = null;
  let forced = false;
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let handle: OverlayHandle | null = null;
  let observer: MutationObserver | null = null;
  let reported = false;
  let runs = 0;

  const fail = (e: unknown): Snapshot => {
    if (!reported) console.error(PREFIX, e);
    reported = true;
    removeOverlay();
    snapshot = {
      state: 'failed',
      result: null,
      error: e instanceof Error ? e.message : String(e),
      page: { url: location.href, title: document.title },
      auditedAt: stamp(),
      unreadable: [],
      forced,
    };
    void sendToBackground('badge:set', { detected: false, errors: 0, clean: false }).catch(() => {});
    return snapshot;
  };

  function removeOverlay() {
    ui?.remove();
    ui = null;
    handle = null;
  }

  async function draw(a: Audit) {
    const s = settings!;
    const props = {
      result: a.result,
      refs: a.refs,
      locale: s.locale,
      minSeverity: s.minSeverity,
      bind: (x: OverlayHandle) => (handle = x),
    };
    if (!ui) {
      ui = await createShadowRootUi(ctx, {
        name: HOST_NAME,
        position: 'inline',
        anchor: 'body',
        append: 'last',
        css: OVERLAY_CSS,
        onMount: (container) => container,
        onRemove: (container) => container && render(null, container),
      });
      ui.mount();
    }
    render(h(Overlay, props), ui.uiContainer);
  }

  async function run(force: boolean): Promise<Snapshot> {
    try {
      settings ??= await settingsPromise;
      forced ||= force;
      const enabled = RULES.filter((r) => settings!.categories[r.category] !== false);
      // Sliced (no long task) and budgeted: a huge page gets a partial result, not a frozen tab.
      // The page itself first, then same-origin frames (a framed article).
      const opts = { force: forced, locale: settings.locale, rules: enabled, budgetMs: AUDIT_BUDGET_MS };
      for (const doc of candidateDocuments(document)) {
        last = await auditAsync(doc, { ...opts, url: doc.location?.href ?? location.href });
        if (last.result.detected) break;
      }
      if (!last) throw new Error('no document');
      const r = last.result;
      snapshot = {
        state: r.detected ? 'report' : 'not-report',
        result: r,
        page: { url: location.href, title: document.title },
        auditedAt: stamp(),
        unreadable: last.model?.unreadable.map(describeUnreadable) ?? [],
        forced,
      };
      snapshot.runs = ++runs;
      const audited = performance.now();
      if (r.detected) await draw(last);
      else removeOverlay();
      const drawn = performance.now();
      const painted = r.detected ? await nextPaint() : drawn;
      snapshot.timing = { scriptStart, gateMs, engineReady, audited, drawn, painted };
      void sendToBackground('badge:set', { detected: r.detected, errors: r.summary.error, clean: isClean(r) }).catch(
        () => {},
      );
      return snapshot;
    } catch (e) {
      return fail(e);
    }
  }

  /** Re-audit when content arrives or is replaced (script-filled portals, in-page navigation). */
  function watch() {
    observer?.disconnect();
    let timer = 0;
    const started = Date.now();
    const ours = (n: Node) => n === ui?.shadowHost || (ui?.shadowHost.contains(n) ?? false);
    observer = new MutationObserver((records) => {
      if (Date.now() - started > WATCH_MS) return observer?.disconnect();
      if (!relevantChange(records, ours)) return;
      clearTimeout(timer);
      timer = window.setTimeout(() => void run(false), DEBOUNCE_MS);
    });
    for (const doc of candidateDocuments(document))
      if (doc.body) observer.observe(doc.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer?.disconnect());
  }

  ctx.onInvalidated(removeOverlay);
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
    reveal: (index) => {
      if (!handle) return false;
      handle.reveal(index);
      return true;
    },
  };
}
