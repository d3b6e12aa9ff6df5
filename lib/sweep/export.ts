// The sweep table as text: TSV (pastes into Excel/WPS as cells), CSV (BOM, CRLF, formula-like cells
// neutralised) and Markdown, with the escaping conventions of lib/format/export.ts. Page text
// (titles, agencies, URLs) is always data, never markup or a spreadsheet formula.
import { t } from '../i18n';
import type { Locale } from '../result';
import { csvText, mdLink, mdTable, mdText, tsvText } from '../format/escape';
import { formatShort, noteText, type SweepRow } from './table';

const COLUMNS = [
  'index',
  'agency',
  'year',
  'format',
  'errors',
  'warnings',
  'review',
  'years',
  'title',
  'url',
  'note',
] as const;
const columns = (locale: Locale) => COLUMNS.map((c) => t(locale, `label.sweep.${c}`));

/** One finding per line in the plain formats: "year.carry-over 二、上年结转 / 总计：…". */
const yearsText = (r: SweepRow) => r.years.map((y) => `[${y.ruleId}] ${y.message}`).join('；');

export function exportCells(rows: readonly SweepRow[], locale: Locale = 'zh'): string[][] {
  return rows.map((r) => {
    const read = r.status === 'ok';
    return [
      String(r.index + 1),
      r.agency,
      r.year === null ? '' : String(r.year),
      read ? formatShort(r.format, locale) : '',
      read ? String(r.errors) : '',
      read ? String(r.warnings) : '',
      read ? String(r.review) : '',
      yearsText(r),
      r.title,
      r.url,
      noteText(r, locale),
    ];
  });
}

export function toCsv(rows: readonly SweepRow[], locale: Locale = 'zh'): string {
  return csvText([columns(locale), ...exportCells(rows, locale)]);
}

export function toTsv(rows: readonly SweepRow[], locale: Locale = 'zh'): string {
  return tsvText([columns(locale), ...exportCells(rows, locale)]);
}

export function toMarkdown(rows: readonly SweepRow[], locale: Locale = 'zh'): string {
  const cols = columns(locale).filter((_, i) => i !== 9); // the URL goes into the title's link
  const body = exportCells(rows, locale).map((cells, i) => {
    const out = cells.map(mdText);
    out[8] = mdLink(rows[i].title, rows[i].url);
    out.splice(9, 1);
    return out;
  });
  return mdTable(cols, body).join('\n') + '\n';
}

export type SweepFormat = 'md' | 'tsv' | 'csv';

export function sweepTable(rows: readonly SweepRow[], format: SweepFormat, locale: Locale = 'zh'): string {
  return format === 'csv' ? toCsv(rows, locale) : format === 'tsv' ? toTsv(rows, locale) : toMarkdown(rows, locale);
}

/** A safe download name: 年报栏目审核_<host>_<date>.csv. */
export function sweepFileName(listingUrl: string, date: Date, ext = 'csv'): string {
  let host = '';
  try {
    host = new URL(listingUrl).hostname;
  } catch {
    /* not a URL */
  }
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return ['年报栏目审核', host.replace(/[^\w.-]/g, '_'), day].filter(Boolean).join('_') + `.${ext}`;
}
