// Page text in export formats is always data: never markup, never a spreadsheet formula. The one
// place for these rules (the single-page exports and the sweep table both use them).

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Inert Markdown: inline syntax (links, images, emphasis, code, tables, HTML, entities) escaped, one line. */
export const mdText = (s: string) =>
  s
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

/** A leading =, +, -, @ (or tab/CR) makes a spreadsheet evaluate the cell: prefix an apostrophe. */
export const neutral = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export const csvCell = (s: string) => {
  const v = neutral(s);
  return /[",\r\n]/.test(v) || v !== s ? `"${v.replace(/"/g, '""')}"` : v;
};

/** A CSV file Excel and WPS open as UTF-8 (BOM), with CRLF line ends and every cell through csvCell. */
export const csvText = (rows: readonly (readonly string[])[]) =>
  '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

export const tsvCell = (s: string) => neutral(s.replace(/[\t\r\n]+/g, ' '));
