// The one performance budget CI enforces: bundle sizes of the built extension (issue "Performance").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXT } from './harness';

const size = (p: string) => readFileSync(join(EXT, p)).length;
/** The scripts and styles a page loads before any of its code runs. */
const pageFiles = (page: string) =>
  [...readFileSync(join(EXT, page), 'utf8').matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
/** pdf.js itself is in a file: one of its own messages, which no other code has. */
const hasPdfJs = (p: string) => readFileSync(join(EXT, p), 'utf8').includes('Setting up fake worker');

describe('bundle sizes (built by the e2e setup)', () => {
  it('content script ≤ 60 kB minified', () => {
    expect(size('gate.js')).toBeLessThanOrEqual(60 * 1024);
  });
  it('popup ≤ 80 kB (its scripts and styles)', () => {
    const files = pageFiles('popup.html');
    expect(files.length).toBeGreaterThan(0);
    expect(files.reduce((n, f) => n + size(f), 0)).toBeLessThanOrEqual(80 * 1024);
  });
  it('pdf.js only where a document is read, loaded on demand: never in the content script, the engine or the popup', () => {
    for (const f of ['gate.js', 'engine.js', ...pageFiles('popup.html'), ...pageFiles('document.html')])
      expect(hasPdfJs(f), f).toBe(false);
    expect(readdirSync(join(EXT, 'chunks')).filter((f) => hasPdfJs(`chunks/${f}`)).length).toBe(1);
    // Its worker, character maps (Chinese fonts) and standard fonts are packaged, never fetched.
    expect(readdirSync(join(EXT, 'assets')).some((f) => /^pdf\.worker\.min-.*\.mjs$/.test(f))).toBe(true);
    expect(existsSync(join(EXT, 'pdfjs/cmaps/UniGB-UCS2-H.bcmap'))).toBe(true);
    expect(existsSync(join(EXT, 'pdfjs/standard_fonts/FoxitSerif.pfb'))).toBe(true);
  });
});
