// Write one dialect variant of a page, for eyeballing in a browser or auditing with the CLI:
// npx tsx tests/dialects/render.ts PAGE.html DIALECT OUT.html
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { decode } from '../../cli/load';
import { DIALECTS } from './dialects';

const [page, id, out] = process.argv.slice(2);
const dialect = DIALECTS.find((d) => d.id === id);
if (!page || !dialect || !out) {
  console.error(`usage: render.ts PAGE.html DIALECT OUT.html\ndialects: ${DIALECTS.map((d) => d.id).join(', ')}`);
  process.exit(2);
}
const dom = new JSDOM(decode(readFileSync(page)), { url: pathToFileURL(page).href });
if (!dialect.apply(dom.window.document)) {
  console.error(`${id} does not apply to ${page}`);
  process.exit(1);
}
// A byte-order mark: the page may declare GBK in <meta>, but this file is written as UTF-8.
writeFileSync(out, '\ufeff' + dom.serialize());
