// Re-audit when the article arrives or is replaced after load (script-filled portals, in-page
// navigation): body mutations that matter, debounced, for a while after the audit started.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { candidateDocuments, relevantChange } from './frames';

/** Watch for late-filled bodies this long after start, re-auditing at most this often. */
const WATCH_MS = 30_000;
const DEBOUNCE_MS = 400;

/** Start (or restart) watching; `ours` tells our own overlay's mutations apart. */
export function watchPage(ctx: ContentScriptContext, ours: (n: Node) => boolean, onChange: () => void): () => void {
  let timer = 0;
  const started = Date.now();
  const observer = new MutationObserver((records) => {
    if (Date.now() - started > WATCH_MS) return observer.disconnect();
    if (!relevantChange(records, ours)) return;
    clearTimeout(timer);
    timer = window.setTimeout(onChange, DEBOUNCE_MS);
  });
  for (const doc of candidateDocuments(document))
    if (doc.body) observer.observe(doc.body, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  return () => observer.disconnect();
}
