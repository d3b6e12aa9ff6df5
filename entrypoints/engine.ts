// The audit engine, injected by the background into the page's isolated world next to the
// content script (see entrypoints/content.ts), which then drives it.
import { createEngine } from '../components/ext/auditor';
import type { EngineHost } from './content';

export default defineUnlistedScript(() => {
  const host = window as unknown as EngineHost;
  if (host.__govReportEngine || !host.__govReportCtx) return;
  host.__govReportEngine = createEngine(host.__govReportCtx, host.__govReportStart, host.__govReportSettings);
});
