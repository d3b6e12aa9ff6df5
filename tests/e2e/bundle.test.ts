// The one performance budget CI enforces: bundle sizes of the built extension (issue "Performance").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXT } from './harness';

const size = (p: string) => readFileSync(join(EXT, p)).length;

describe('bundle sizes (built by the e2e setup)', () => {
  it('content script ≤ 60 kB minified', () => {
    expect(size('gate.js')).toBeLessThanOrEqual(60 * 1024);
  });
  it('popup ≤ 80 kB (its scripts and styles)', () => {
    const html = readFileSync(join(EXT, 'popup.html'), 'utf8');
    const files = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(files.length).toBeGreaterThan(0);
    expect(files.reduce((n, f) => n + size(f), 0)).toBeLessThanOrEqual(80 * 1024);
  });
});
