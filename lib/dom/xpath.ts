// Reading a page through XPath strings and counts. In an extension's isolated world the first
// element wrapper costs ~0.5 ms (its whole prototype chain is built); an XPath string or number
// creates none, so the gate that runs on every page stays well under a millisecond.

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/** XPath 1.0 lower-casing of an expression (there is no lower-case() before 2.0). */
const lower = (expr: string) => `translate(${expr},'${UPPER}','${LOWER}')`;

export function xpathString(doc: Document, expr: string): string {
  return doc.evaluate(expr, doc, null, 2 /* STRING_TYPE */, null).stringValue;
}

export function xpathBoolean(doc: Document, expr: string): boolean {
  return doc.evaluate(expr, doc, null, 3 /* BOOLEAN_TYPE */, null).booleanValue;
}

export function xpathNumber(doc: Document, expr: string): number {
  return doc.evaluate(expr, doc, null, 1 /* NUMBER_TYPE */, null).numberValue;
}

/**
 * XPath for the content of the first <meta name=…>, the name matched case-insensitively. Only
 * children of <head> and <body> (where the parser puts a stray <meta>): `//meta` would walk a
 * 100k-node page for every name asked.
 */
export const metaExpr = (name: string) =>
  `string((/html/head/meta|/html/body/meta)[${lower('@name')}='${name.toLowerCase()}']/@content)`;

/** A <meta> content as read by metaExpr: trimmed; empty or "null" (some CMSs write it) is null. */
export function metaValue(raw: string): string | null {
  const v = raw.trim();
  return v && v.toLowerCase() !== 'null' ? v : null;
}

export function metaContent(doc: Document, name: string): string | null {
  return metaValue(xpathString(doc, metaExpr(name)));
}
