// The content script every gov.cn page gets: a cheap gate and the message protocol, nothing
// more. The engine (audit + overlay) is injected only on a report, or when the popup asks.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Engine } from '../components/ext/auditor';
import { candidateDocuments } from '../components/ext/frames';
import { onMessages, sendToBackground } from '../components/ext/messaging';
import type { Settings } from '../components/ext/settings';
import { gate } from '../lib/report/detect';

/** Shared with the engine: both run in this extension's isolated world of the page. */
export interface EngineHost {
  __govReportAuditor?: boolean;
  __govReportCtx?: ContentScriptContext;
  __govReportEngine?: Engine;
  /** performance.now() when the content script started (for the benchmark's timings). */
  __govReportStart?: number;
  /** Settings requested alongside the engine, so the first audit does not wait for them. */
  __govReportSettings?: Promise<Settings>;
  /** Synchronous main-thread time of the content script's start (for the benchmark). */
  __govReportMainMs?: number;
}

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main(ctx) {
    const host = window as unknown as EngineHost;
    if (host.__govReportAuditor) return; // injected again by the popup's "审核此页"
    host.__govReportAuditor = true;
    host.__govReportStart = performance.now();
    host.__govReportCtx = ctx;

    let loading: Promise<Engine | null> | null = null;
    const engine = () =>
      (loading ??= ((host.__govReportSettings = sendToBackground('settings:get', undefined)),
      sendToBackground('engine:load', undefined)).then(
        () => host.__govReportEngine ?? null,
        (e: unknown) => (console.error('[年报审核] engine', e), null),
      ));

    onMessages({
      'audit:get': () => host.__govReportEngine?.get() ?? null,
      'audit:run': async ({ force }) => {
        const e = await engine();
        if (!e) throw new Error('审核引擎无法加载');
        return e.run(force);
      },
      'audit:reveal': ({ index }) => host.__govReportEngine?.reveal(index) ?? false,
    });

    // The page, or a same-origin frame holding the article.
    const pass = candidateDocuments(document).some((d) => gate(d, d.location?.href ?? location.href).pass);
    host.__govReportMainMs = performance.now() - host.__govReportStart;
    if (pass) void engine().then((e) => e?.run(false));
  },
});
