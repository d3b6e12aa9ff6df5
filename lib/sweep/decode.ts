// Bytes → text for a page read from disk or fetched: the one decoder of the CLI and the extension.
// Charset from a byte-order mark, the Content-Type header, then <meta charset> /
// <meta http-equiv="Content-Type">; many Chinese portals serve GBK/GB2312 and some declare it
// only in <meta> or even contradict it in the header, so a declared charset the bytes are not
// valid in gives way to the next candidate.

/** WHATWG decoder label for a declared charset (GB2312 pages are GBK in practice). */
export function normalizeCharset(label: string): string {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (l === 'gb2312' || l === 'gb_2312-80' || l === 'x-gbk' || l === 'cp936' || l === 'euc-cn') return 'gbk';
  if (l === 'utf8') return 'utf-8';
  return l;
}

/** The charset parameter of a Content-Type header value, if any. */
export function headerCharset(contentType: string): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m ? normalizeCharset(m[1]) : null;
}

/** The charset a page declares in its first bytes: <meta charset> or <meta http-equiv content>. */
export function metaCharset(buf: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(buf.subarray(0, 4096));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (m) return normalizeCharset(m[1]);
  }
  return null;
}

function bomCharset(buf: Uint8Array): string | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return null;
}

function tryDecode(label: string, buf: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(buf);
  } catch {
    return null; // unknown label, or not valid in this encoding
  }
}

/** The charset `decode` uses for these bytes (exported for tests and diagnostics). */
export function detectCharset(buf: Uint8Array, contentType = ''): string {
  const bom = bomCharset(buf);
  if (bom) return bom;
  const declared = [headerCharset(contentType), metaCharset(buf)].filter((c): c is string => !!c);
  // Undeclared: UTF-8 when the bytes are valid UTF-8, else GBK (the usual legacy encoding here).
  const candidates = [...new Set([...declared, 'utf-8', 'gbk'])];
  for (const c of candidates) if (tryDecode(c, buf, true) !== null) return c;
  return declared.find((c) => tryDecode(c, buf, false) !== null) ?? 'utf-8';
}

export function decode(buf: Uint8Array, contentType = ''): string {
  return tryDecode(detectCharset(buf, contentType), buf, false) ?? new TextDecoder('utf-8').decode(buf);
}
