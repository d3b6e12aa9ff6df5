// The script every gov.cn page gets (declared in wxt.config.ts): a gate that reads the title, two
// <meta> tags, the first <h1> and the URL as XPath strings, and on an ordinary page touches
// nothing else, not even the extension API. On a report it asks the background for the engine
// (audit + overlay) and runs it. Look-alikes with a report signal (the 年报 listing, notices) wait
// for the popup, which injects this script again to get an answer.
//
// An unlisted script rather than a WXT content script: WXT's content-script context (an
// AbortController, a CustomEvent and a postMessage to the page) and the first touch of the
// extension API cost ~2 ms on every page. The engine creates that context when it is loaded.
import { candidateDocuments } from '../components/ext/frames';
import type { EngineHost } from '../components/ext/host';
import { onMessages, sendToBackground } from '../components/ext/messaging';
import { gate, lookAlike } from '../lib/report/detect';

export default defineUnlistedScript(() => {
  const start = performance.now();
  const host = window as unknown as EngineHost;
  if (host.__govReportListen) return host.__govReportListen(); // injected again by the popup
  host.__govReportStart = start;

  // The page, or a same-origin frame holding the article.
  let signal = false;
  let report = false;
  for (const doc of candidateDocuments(document)) {
    const g = gate(doc, doc.location?.href ?? location.href);
    if (!g.pass) continue;
    signal = true;
    if ((report = !lookAlike(doc, g))) break;
  }

  let loading: Promise<NonNullable<EngineHost['__govReportEngine']> | null> | null = null;
  const engine = () =>
    (loading ??= ((host.__govReportSettings = sendToBackground('settings:get', undefined)),
    sendToBackground('engine:load', undefined)).then(
      () => host.__govReportEngine ?? null,
      (e: unknown) => (console.error('[年报审核] engine', e), null),
    ));

  let listening = false;
  const listen = () => {
    if (listening) return;
    listening = true;
    onMessages({
      // A page with a report signal is audited when first asked (the listing gets its sweep offer).
      'audit:get': async () => {
        const e = host.__govReportEngine ?? (signal ? await engine() : null);
        return e ? (e.get() ?? e.run(false)) : null; // joins an audit already running
      },
      'audit:run': async ({ force }) => {
        const e = await engine();
        if (!e) throw new Error('审核引擎无法加载');
        return e.run(force);
      },
      'audit:reveal': ({ index }) => host.__govReportEngine?.reveal(index) ?? false,
    });
  };
  host.__govReportListen = listen;
  host.__govReportMainMs = performance.now() - start;
  if (report) {
    listen();
    host.__govReportAutoRun = true;
    void engine();
  }
});
