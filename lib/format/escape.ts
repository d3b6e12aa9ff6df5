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

/** Rows as TSV (pastes into Excel/WPS as cells): one line a row, every cell through tsvCell. */
export const tsvText = (rows: readonly (readonly string[])[]) =>
  rows.map((r) => r.map(tsvCell).join('\t')).join('\n') + '\n';

/** A Markdown table: `head` as given (catalog labels), `rows` already Markdown (through mdText or mdLink). */
export const mdTable = (head: readonly string[], rows: readonly (readonly string[])[]) => [
  `| ${head.join(' | ')} |`,
  `|${head.map(() => ' --- ').join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];

/** A link whose URL cannot break out of the Markdown link syntax (plain text unless http(s)/file). */
export const mdLink = (text: string, url: string) =>
  /^(https?|file):\/\//i.test(url)
    ? `[${mdText(text)}](${url.replace(/[()<>\s|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`
    : mdText(text);

/**
 * A table that pastes cleanly into Word, WPS and Excel (inline borders, no classes): every cell
 * escaped. With `lineBreaks`, a line break in a cell is kept as <br> (cells of our own making that
 * list several findings); page text alone never becomes an element.
 */
export function htmlTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  opts: { lineBreaks?: boolean } = {},
): string {
  const text = (s: string) => (opts.lineBreaks ? escapeHtml(s).replace(/\r?\n/g, '<br>') : escapeHtml(s));
  const cell = (s: string, tag = 'td') =>
    `<${tag} style="border:1px solid #999;padding:2px 6px;vertical-align:top">${text(s)}</${tag}>`;
  return [
    '<table style="border-collapse:collapse">',
    `<tr>${head.map((c) => cell(c, 'th')).join('')}</tr>`,
    ...rows.map((row) => `<tr>${row.map((c) => cell(c)).join('')}</tr>`),
    '</table>',
  ].join('');
}
