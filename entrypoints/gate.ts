// The script every gov.cn page gets (declared in wxt.config.ts): a gate that reads the title, two
// <meta> tags, the first <h1> and the URL as XPath strings, and on an ordinary page touches
// nothing else, not even the extension API. On a report it loads the engine (audit + overlay),
// which starts the audit itself. Look-alikes with a report signal (the 年报 listing, notices) wait
// for the popup, which injects this script again to get an answer.
//
// An unlisted script rather than a WXT content script: WXT's content-script context (an
// AbortController, a CustomEvent and a postMessage to the page) and the first touch of the
// extension API cost ~2 ms on every page. The engine creates that context when it is loaded.
import { browser } from 'wxt/browser';
import { candidateDocuments } from '../components/ext/frames';
import { ENGINE_SCRIPT, GOV_SUFFIX, type EngineHost } from '../components/ext/host';
import { onMessages, sendToBackground } from '../components/ext/messaging';
import type { MessageKey } from '../lib/i18n';
import { gate, lookAlike } from '../lib/report/detect';

const injected = () => sendToBackground('engine:load', undefined);
/**
 * On gov.cn the engine is a web-accessible module (see wxt.config.ts): importing it skips the
 * service worker, and the browser caches its compiled code across pages. Elsewhere (hosts added
 * in options, pages audited on request) importing it is not allowed: the background injects it.
 *
 * Firefox always takes the injection (the import is dropped from its build). Firefox does
 * support import() of moz-extension: URLs from content scripts since 89 (MDN, Content scripts;
 * bug 1536094; its test test_ext_contentscript_module_import.js imports a web-accessible file in
 * MV2), but what it buys is Chromium's: no service-worker wake-up (MV2 has a persistent
 * background page) and V8's code cache. Its cost stays: MV2's web_accessible_resources has no
 * `matches`, so engine.js would be open to every site; addons-linter flags the non-literal
 * import() for AMO review; and no Firefox runs our tests. scripting.executeScript is in MV2 since
 * Firefox 102 (MDN, scripting).
 */
const loadEngine = (): Promise<unknown> =>
  !import.meta.env.FIREFOX && location.hostname.endsWith(GOV_SUFFIX)
    ? import(/* @vite-ignore */ browser.runtime.getURL(`/${ENGINE_SCRIPT}`)).catch(injected)
    : injected();

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
  const engine = () => {
    if (!loading) {
      loading = loadEngine().then(
        () => host.__govReportEngine ?? null,
        (e: unknown) => (console.error('[年报审核] engine', e), null),
      );
      // Read while the engine loads; it picks the promise up when it starts.
      host.__govReportSettings = sendToBackground('settings:get', undefined);
    }
    return loading;
  };

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
        if (!e) throw new Error('error.engineUnavailable' satisfies MessageKey); // the popup words it
        return e.run(force);
      },
      'audit:reveal': ({ index }) => host.__govReportEngine?.reveal(index) ?? false,
      'page:type': () => document.contentType,
    });
  };
  host.__govReportListen = listen;
  if (report) {
    host.__govReportAutoRun = true;
    void engine(); // first: the import runs while the rest of this task does
    listen();
  }
  host.__govReportMainMs = performance.now() - start;
});
