// What the gate script (entrypoints/gate.ts) and the engine (entrypoints/engine.ts) share: both
// run in this extension's isolated world of the page, so they meet on its window object.
import type { Engine } from './engine';
import type { Settings } from './settings-model';

/** The gate's file in the extension: declared in the manifest, registered for added hosts, re-injected by the popup. */
export const GATE_SCRIPT = 'gate.js';
/** The engine's file: imported by the gate on gov.cn pages (web-accessible there), else injected by the background. */
export const ENGINE_SCRIPT = 'engine.js';
/** Where the gate runs by default (users add more hosts in options). */
export const GOV_SUFFIX = '.gov.cn';
export const GOV_HOSTS = `*://*${GOV_SUFFIX}/*`;

export interface EngineHost {
  /** Set by the gate's first run; a second injection (the popup) calls it to start answering. */
  __govReportListen?: () => void;
  __govReportEngine?: Engine;
  /** performance.now() when the gate script started (for the benchmark's timings). */
  __govReportStart?: number;
  /** Set by the gate when the engine, once loaded, should start the (unforced) audit itself. */
  __govReportAutoRun?: boolean;
  /** Settings requested alongside the engine, so the first audit does not wait for them. */
  __govReportSettings?: Promise<Settings>;
  /** The gate's synchronous main-thread time, including starting the engine's load (for the benchmark). */
  __govReportMainMs?: number;
}
