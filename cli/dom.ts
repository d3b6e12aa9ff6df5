// The CLI's HTML parser: domino (a spec-following HTML5 tree builder, as in browsers and jsdom) with
// XPath from the `xpath` package, about ten times faster than jsdom for an audit (bench/batch.ts).
// tests/dom.test.ts checks that every fixture and real page gives exactly jsdom's result; jsdom stays
// for Word files, whose XML needs a DOMParser.
import { createRequire } from 'node:module';
import xpath from 'xpath';

const domino = createRequire(import.meta.url)('@mixmark-io/domino') as {
  createDocument(html: string, force: boolean): Document;
};

interface Parsed {
  evaluate(opts: { node: Node; isHtml: boolean }): {
    stringValue(): string;
    numberValue(): number;
    booleanValue(): boolean;
  };
}
const parse = (xpath as unknown as { parse(expr: string): Parsed }).parse;
const parsed = new Map<string, Parsed>();

/** document.evaluate as lib/dom/xpath.ts uses it (string, number, boolean results), HTML rules:
 *  element names matched case-insensitively and without a namespace, as a browser does. */
function evaluate(expr: string, node: Node) {
  let p = parsed.get(expr);
  if (!p) parsed.set(expr, (p = parse(expr)));
  const v = p.evaluate({ node, isHtml: true });
  return {
    get stringValue() {
      return v.stringValue();
    },
    get numberValue() {
      return v.numberValue();
    },
    get booleanValue() {
      return v.booleanValue();
    },
  };
}

export function parseHtml(html: string): Document {
  const doc = domino.createDocument(html, true);
  Object.defineProperty(doc, 'evaluate', { value: evaluate });
  return doc;
}
