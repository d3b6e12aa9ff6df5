// The CLI parses pages with domino (cli/dom.ts), not jsdom: about ten times faster. That choice
// holds only while both give exactly the same audit — every finding, location, CSS path and
// verdict — on every page we have: all fixture pages and the real corpus.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseSource, readSource } from '../cli/load';
import { audit } from '../lib/audit';
import { haveCorpus, REAL } from './real/corpus';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const pagesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => /\.html?$/i.test(p))
    .sort()
    .map((p) => join(dir, p));

/** The result without its timings, as JSON (what the CLI prints). */
const comparable = (doc: Document, url: string) => JSON.stringify({ ...audit(doc, { url }).result, timingMs: null });

async function both(path: string) {
  const src = await readSource(path);
  const fast = await parseSource(src);
  // jsdom at the same URL the CLI uses (a local copy's canonical link).
  const slow = new JSDOM(src.html, { url: fast.url }).window.document;
  return { fast: comparable(fast.doc, fast.url), slow: comparable(slow, fast.url) };
}

describe('domino gives exactly the audit jsdom gives', () => {
  it.each(pagesUnder(FIXTURES).map((p) => [relative(FIXTURES, p), p]))('fixtures/%s', async (_, path) => {
    const { fast, slow } = await both(path);
    expect(fast).toBe(slow);
  });
  it.runIf(haveCorpus).each(haveCorpus ? pagesUnder(REAL).map((p) => [relative(REAL, p), p]) : [])(
    'real/%s',
    async (_, path) => {
      const { fast, slow } = await both(path);
      expect(fast).toBe(slow);
    },
  );
});
