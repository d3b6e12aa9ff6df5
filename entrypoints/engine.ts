// The audit engine, loaded into the page's isolated world next to the gate script (imported by it
// on gov.cn, else injected by the background; see entrypoints/gate.ts), which then drives it. It
// owns the WXT content-script context (invalidation on extension reload, the shadow-root
// overlay), so ordinary pages never pay for it.
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createEngine } from '../components/ext/engine';
import type { EngineHost } from '../components/ext/host';
import { DEFAULT_SETTINGS } from '../components/ext/settings-model';

export default defineUnlistedScript(() => {
  const host = window as unknown as EngineHost;
  if (host.__govReportEngine) return;
  const ctx = new ContentScriptContext('engine');
  // The gate asked the background for the settings; the defaults if it cannot answer.
  const settings = host.__govReportSettings?.catch(() => DEFAULT_SETTINGS);
  const engine = createEngine(ctx, { start: host.__govReportStart, ms: host.__govReportMainMs }, settings);
  host.__govReportEngine = engine;
  // Started here, not by the gate once the engine has loaded: one round trip less.
  if (host.__govReportAutoRun) void engine.run(false);
});
