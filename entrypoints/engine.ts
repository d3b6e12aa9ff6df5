// The audit engine, injected by the background into the page's isolated world next to the gate
// script (see entrypoints/gate.ts), which then drives it. It owns the WXT content-script context
// (invalidation on extension reload, the shadow-root overlay), so ordinary pages never pay for it.
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createEngine } from '../components/ext/auditor';
import type { EngineHost } from '../components/ext/host';

export default defineUnlistedScript(() => {
  const host = window as unknown as EngineHost;
  if (host.__govReportEngine) return;
  const ctx = new ContentScriptContext('engine');
  const engine = createEngine(ctx, host.__govReportStart, host.__govReportSettings);
  host.__govReportEngine = engine;
  // Started here, not by the gate once the background answers: one round trip less.
  if (host.__govReportAutoRun) void engine.run(false);
});
