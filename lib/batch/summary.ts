// The batch summary as one static HTML page an evaluator can open offline, print, or attach to a
// report: the counts as tiles, findings by rule and by agency as inline SVG bars, a sortable and
// filterable table of the reports (each opening to its findings) and the cross-report findings.
// Everything inline (style, bars, a small script that only reorders and hides the rows it finds in
// the page): no external resource, no request, works from file://. Page text (titles, agencies,
// messages, URLs) goes through escapeHtml and never into the script. Also the CSV (for Excel/WPS).
import { csvText, escapeHtml as esc } from '../format/escape';
import { severityLabel } from '../format/text';
import type { MessageKey } from '../i18n';
import { st, type SummaryKey } from './summary-i18n';
import { kindOf, type Kind, type Locale } from '../result';
import type { BatchLine, CrossLine } from './lines';
import { SUMMARY_CSS, SUMMARY_SCRIPT } from './summary-assets';
import {
  audited,
  BAR_KINDS,
  byAgency,
  byRule,
  formatText,
  messageIn,
  ruleName,
  statusCounts,
  statusLabel,
  STATUSES,
  summaryRows,
  type Bar,
  type Summary,
  type SummaryRow,
} from './summary-data';

export interface SummaryOptions {
  locale: Locale;
  /** The page's heading (default: the catalog's summary title). */
  title?: string;
  /** ISO time the summary was made, shown under the title. */
  generatedAt?: string;
}

/** How many agencies the chart shows. */
export const TOP_AGENCIES = 15;

type Tr = (key: SummaryKey | MessageKey, params?: Record<string, string | number>) => string;

/** Only web and file addresses become links (never javascript: or data:). */
const href = (url: string) => (/^(https?|file):\/\//i.test(url) ? url : null);

const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : '–');

/** An ISO time as the evaluator's calendar reads it (China time); the text as given if not a time. */
function when(iso: string, withTime: boolean): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const f = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    ...(withTime ? { timeStyle: 'short' } : {}),
  });
  return f.format(d);
}

function auditedRange(rows: readonly SummaryRow[]): string {
  const days = [...new Set(rows.map((r) => when(r.line.auditedAt, false)))].sort();
  if (!days.length) return '';
  return days.length === 1 ? days[0] : `${days[0]} – ${days[days.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Tiles

function tiles(rows: readonly SummaryRow[], tr: Tr): string {
  const c = statusCounts(rows);
  const tile = (key: string, n: number, label: string, sub: string) =>
    `<div class="tile t-${key}" data-tile="${key}"><span class="n">${n}</span><span class="l">${esc(label)}</span>` +
    `<span class="s">${esc(sub)}</span></div>`;
  const share = (n: number) => tr('summary.tile.share', { pct: pct(n, c.reports) });
  const ofPages = (n: number) => tr('summary.tile.ofPagesShare', { pct: pct(n, c.pages) });
  return [
    tile('reports', c.reports, tr('summary.tile.reports'), tr('summary.tile.ofPages', { n: c.pages })),
    tile('clean', c.clean, tr('summary.tile.clean'), share(c.clean)),
    tile('errors', c.errors, tr('summary.tile.errors'), share(c.errors)),
    tile('warnings', c.warnings, tr('summary.tile.warnings'), share(c.warnings)),
    tile('not-report', c['not-report'], tr('summary.tile.not-report'), ofPages(c['not-report'])),
    tile('unreadable', c.unreadable, tr('summary.tile.unreadable'), ofPages(c.unreadable)),
  ].join('');
}

// ---------------------------------------------------------------------------------------------
// Charts: one row per bar (label, stacked SVG bar, count), so long Chinese names wrap and print

const VIEW = 1000;

function bar(b: Bar, max: number, kinds: readonly Kind[], locale: Locale): string {
  let x = 0;
  const parts = kinds
    .filter((k) => b.counts[k])
    .map((k) => {
      const w = (b.counts[k] / max) * VIEW;
      const rect = `<rect class="k-${k}" x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="10"><title>${esc(
        `${severityLabel(k, locale)} ${b.counts[k]}`,
      )}</title></rect>`;
      x += w;
      return rect;
    });
  const label = kinds
    .filter((k) => b.counts[k])
    .map((k) => `${severityLabel(k, locale)} ${b.counts[k]}`)
    .join('，');
  return `<svg class="bar" viewBox="0 0 ${VIEW} 10" preserveAspectRatio="none" role="img" aria-label="${esc(label)}">${parts.join('')}</svg>`;
}

function legend(kinds: readonly Kind[], locale: Locale): string {
  return `<p class="legend">${kinds
    .map((k) => `<span><i class="sw k-${k}"></i>${esc(severityLabel(k, locale))}</span>`)
    .join('')}</p>`;
}

function chart(opts: {
  id: string;
  title: string;
  note: string;
  bars: Bar[];
  kinds: readonly Kind[];
  label: (b: Bar) => string;
  count: (b: Bar) => string;
  more?: string;
  tr: Tr;
  locale: Locale;
}): string {
  const { bars, kinds, locale } = opts;
  const total = (b: Bar) => kinds.reduce((s, k) => s + b.counts[k], 0);
  const max = Math.max(1, ...bars.map(total));
  const body = bars.length
    ? `<ol class="bars">${bars
        .map(
          (b) =>
            `<li><div class="lab">${opts.label(b)}</div><div class="track">${bar(b, max, kinds, locale)}</div>` +
            `<div class="cnt">${esc(opts.count(b))}</div></li>`,
        )
        .join('')}</ol>${opts.more ? `<p class="note">${esc(opts.more)}</p>` : ''}`
    : `<p class="none">${esc(opts.tr('summary.chart.none'))}</p>`;
  return (
    `<figure class="chart" id="${opts.id}"><figcaption><h2>${esc(opts.title)}</h2>` +
    `<p class="note">${esc(opts.note)}</p>${legend(kinds, locale)}</figcaption>${body}</figure>`
  );
}

function charts(rows: readonly SummaryRow[], tr: Tr, locale: Locale): string {
  const rules = byRule(rows);
  const agencies = byAgency(rows);
  const top = agencies.slice(0, TOP_AGENCIES);
  return (
    chart({
      id: 'by-rule',
      title: tr('summary.chart.rules'),
      note: tr('summary.chart.rulesNote'),
      bars: rules,
      kinds: BAR_KINDS,
      label: (b) => {
        const name = ruleName(b.key, locale);
        return `<code>${esc(b.key)}</code>${name ? `<span class="name">${esc(name)}</span>` : ''}`;
      },
      count: (b) =>
        tr('summary.chart.count', {
          n: BAR_KINDS.reduce((s, k) => s + b.counts[k], 0),
          reports: b.reports,
        }),
      tr,
      locale,
    }) +
    chart({
      id: 'by-agency',
      title: tr('summary.chart.agencies'),
      note: tr('summary.chart.agenciesNote', { n: TOP_AGENCIES }),
      bars: top,
      kinds: ['error', 'warning', 'review'],
      label: (b) =>
        `<span class="agency">${esc(b.key)}</span><span class="name">${esc(tr('summary.chart.agencyReports', { n: b.reports }))}</span>`,
      count: (b) =>
        [b.counts.error, b.counts.warning, b.counts.review].some(Boolean)
          ? `${b.counts.error}／${b.counts.warning}／${b.counts.review}`
          : '',
      more: agencies.length > top.length ? tr('summary.chart.more', { n: agencies.length - top.length }) : undefined,
      tr,
      locale,
    })
  );
}

// ---------------------------------------------------------------------------------------------
// The reports table

interface Column {
  key: string;
  label: SummaryKey;
  num?: boolean;
}

const columns = (withColumn: boolean): Column[] => [
  { key: 'index', label: 'summary.col.index', num: true },
  { key: 'agency', label: 'summary.col.agency' },
  { key: 'year', label: 'summary.col.year', num: true },
  ...(withColumn ? [{ key: 'column', label: 'summary.col.column' } as Column] : []),
  { key: 'format', label: 'summary.col.format' },
  { key: 'errors', label: 'summary.col.errors', num: true },
  { key: 'warnings', label: 'summary.col.warnings', num: true },
  { key: 'review', label: 'summary.col.review', num: true },
  { key: 'infos', label: 'summary.col.infos', num: true },
  { key: 'cross', label: 'summary.col.cross', num: true },
  { key: 'title', label: 'summary.col.title' },
  { key: 'status', label: 'summary.col.status' },
];

const STATUS_RANK = Object.fromEntries(STATUSES.map((s, i) => [s, i]));

/** The values the script sorts by ('' = none: sorted last either way). */
function sortValues(r: SummaryRow): Record<string, string | number> {
  const read = audited(r);
  return {
    index: r.index,
    agency: r.agency,
    year: r.year ?? '',
    column: r.column,
    format: r.format,
    errors: read ? r.counts.error : '',
    warnings: read ? r.counts.warning : '',
    review: read ? r.counts.review : '',
    infos: read ? r.counts.info : '',
    cross: read ? r.cross.length : '',
    title: r.title,
    status: STATUS_RANK[r.status],
  };
}

function findingItem(f: CrossLine['finding'], locale: Locale, tr: Tr, extra = ''): string {
  const k = kindOf(f);
  const values =
    f.actual !== undefined && f.expected !== undefined
      ? `<span class="vals">${esc(tr('summary.values', { actual: String(f.actual), expected: String(f.expected) }))}</span>`
      : '';
  const formula = f.formula ? `<span class="formula">${esc(f.formula)}</span>` : '';
  return (
    `<li class="f k-${k}"><div class="l1"><span class="sev">${esc(severityLabel(k, locale))}</span>` +
    `<span class="loc">${esc(f.location)}</span><span class="msg">${esc(messageIn(f, locale))}</span></div>` +
    `<div class="l2"><code title="${esc(ruleName(f.ruleId, locale))}">${esc(f.ruleId)}</code>${extra}${values}${formula}</div></li>`
  );
}

function details(r: SummaryRow, cols: number, locale: Locale, tr: Tr): string {
  const own = r.findings.map((f) => findingItem(f, locale, tr));
  const cross = r.cross.map((c) =>
    findingItem(
      c.finding,
      locale,
      tr,
      `<span class="against">${esc(tr('summary.crossAgainst', { year: c.otherYear ?? '?' }))}</span>`,
    ),
  );
  const items = [...own, ...cross];
  const body = items.length ? `<ol class="findings">${items.join('')}</ol>` : `<p>${esc(tr('summary.noFindings'))}</p>`;
  return `<tr class="detail" id="d-${r.index}" hidden><td colspan="${cols}">${body}</td></tr>`;
}

function countCell(n: number, kind: string, read: boolean): string {
  if (!read) return `<td class="num c-${kind} na">–</td>`;
  return `<td class="num c-${kind}${n ? ' has' : ' zero'}">${n}</td>`;
}

function reportBody(r: SummaryRow, withColumn: boolean, cols: number, locale: Locale, tr: Tr): string {
  const read = audited(r);
  const data = Object.entries(sortValues(r))
    .map(([k, v]) => ` data-v-${k}="${esc(String(v))}"`)
    .join('');
  const q = [
    r.agency,
    r.year ?? '',
    r.column,
    r.title,
    r.url,
    r.reason,
    ...r.findings.map((f) => f.ruleId),
    ...r.cross.map((c) => c.finding.ruleId),
  ]
    .join(' ')
    .toLowerCase();
  const n = r.findings.length + r.cross.length;
  const index = n
    ? `<button type="button" class="tog" aria-expanded="false" aria-controls="d-${r.index}" title="${esc(
        tr('summary.toggle'),
      )}"><span class="arr" aria-hidden="true">▸</span>${r.index + 1}</button>`
    : `<span class="idx">${r.index + 1}</span>`;
  const link = href(r.url);
  const title = link
    ? `<a href="${esc(link)}" target="_blank" rel="noopener noreferrer" title="${esc(r.url)}">${esc(r.title)}</a>`
    : `<span title="${esc(r.url)}">${esc(r.title)}</span>`;
  const cells = [
    `<td class="num c-index">${index}</td>`,
    `<td class="agency">${esc(r.agency)}</td>`,
    `<td class="num c-year">${r.year ?? ''}</td>`,
    ...(withColumn ? [`<td class="column">${esc(r.column)}</td>`] : []),
    `<td class="c-format">${esc(formatText(r, locale))}</td>`,
    countCell(r.counts.error, 'error', read),
    countCell(r.counts.warning, 'warning', read),
    countCell(r.counts.review, 'review', read),
    countCell(r.counts.info, 'info', read),
    countCell(r.cross.length, 'cross', read),
    `<td class="title">${title}</td>`,
    `<td class="status"><span class="badge s-${r.status}">${esc(statusLabel(r.status, locale))}</span>` +
      (r.reason ? `<span class="reason">${esc(r.reason)}</span>` : '') +
      '</td>',
  ];
  return (
    `<tbody class="rep s-${r.status}" id="r-${r.index}" data-status="${r.status}" data-cross="${r.cross.length ? 1 : 0}"` +
    ` data-q="${esc(q)}"${data}><tr class="main">${cells.join('')}</tr>${n ? details(r, cols, locale, tr) : ''}</tbody>`
  );
}

function reportsTable(rows: readonly SummaryRow[], tr: Tr, locale: Locale): string {
  const withColumn = rows.some((r) => r.column);
  const cols = columns(withColumn);
  const head = cols
    .map(
      (c) =>
        `<th scope="col" class="${c.num ? 'num ' : ''}h-${c.key}"><button type="button" data-sort="${c.key}" data-type="${
          c.num || c.key === 'status' ? 'num' : 'text'
        }">${esc(tr(c.label))}<span class="arrow" aria-hidden="true"></span></button></th>`,
    )
    .join('');
  const options = (['all', 'issues', 'errors', 'warnings', 'clean', 'not-report', 'unreadable', 'cross'] as const)
    .map((s) => `<option value="${s}">${esc(tr(`summary.show.${s}`))}</option>`)
    .join('');
  const tools =
    `<div class="tools">` +
    `<label>${esc(tr('summary.filter'))} <input type="search" id="q" placeholder="${esc(tr('summary.filterPlaceholder'))}"></label>` +
    `<label>${esc(tr('summary.show'))} <select id="show">${options}</select></label>` +
    `<button type="button" id="all" data-open="${esc(tr('summary.expandAll'))}" data-close="${esc(
      tr('summary.collapseAll'),
    )}">${esc(tr('summary.expandAll'))}</button>` +
    `<span class="shown" id="shown" data-tpl="${esc(tr('summary.shown', { n: '{n}', total: '{total}' }))}">${esc(
      tr('summary.shown', { n: rows.length, total: rows.length }),
    )}</span></div>`;
  return (
    `<section class="reports"><h2>${esc(tr('summary.reports'))}</h2>${tools}` +
    `<p class="note hint">${esc(tr('summary.sortHint'))}</p>` +
    `<div class="wrap"><table id="reports"><thead><tr>${head}</tr></thead>` +
    rows.map((r) => reportBody(r, withColumn, cols.length, locale, tr)).join('') +
    `<tbody class="empty" id="empty" hidden><tr><td colspan="${cols.length}">${esc(tr('summary.empty'))}</td></tr></tbody>` +
    `</table></div></section>`
  );
}

// ---------------------------------------------------------------------------------------------
// Cross-report findings

/** Every cross finding (also one whose report has no line), by agency and year; links to both reports' rows. */
function crossSection({ rows, cross }: Summary, tr: Tr, locale: Locale): string {
  const bySource = new Map(rows.map((r) => [r.line.source, r]));
  const items = cross
    .map((c, i) => ({ c, i, r: bySource.get(c.source) }))
    .sort((a, b) => a.c.agency.localeCompare(b.c.agency, 'zh-CN') || a.c.year - b.c.year || a.i - b.i);
  const heads: SummaryKey[] = [
    'summary.col.agency',
    'summary.col.year',
    'summary.col.against',
    'summary.col.kind',
    'summary.col.location',
    'summary.col.message',
    'summary.col.rule',
  ];
  const body = items
    .map(({ r, c }) => {
      const other = bySource.get(c.otherSource);
      const otherText = other
        ? `<a href="#r-${other.index}">${esc(c.otherYear === null ? other.title : tr('summary.againstYear', { year: c.otherYear }))}</a>`
        : esc(c.otherYear === null ? c.otherSource : tr('summary.againstYear', { year: c.otherYear }));
      const k = kindOf(c.finding);
      return (
        `<tr class="k-${k}"><td>${r ? `<a href="#r-${r.index}">${esc(c.agency)}</a>` : esc(c.agency)}</td>` +
        `<td class="num">${c.year}</td>` +
        `<td>${otherText}</td><td><span class="sev">${esc(severityLabel(k, locale))}</span></td>` +
        `<td>${esc(c.finding.location)}</td><td>${esc(messageIn(c.finding, locale))}</td>` +
        `<td><code>${esc(c.finding.ruleId)}</code><span class="name">${esc(ruleName(c.finding.ruleId, locale))}</span></td></tr>`
      );
    })
    .join('');
  const table = items.length
    ? `<div class="wrap"><table class="cross"><thead><tr>${heads
        .map((h) => `<th scope="col">${esc(tr(h))}</th>`)
        .join('')}</tr></thead><tbody>${body}</tbody></table></div>`
    : `<p class="none">${esc(tr('summary.crossNone'))}</p>`;
  return (
    `<section class="cross" id="cross"><h2>${esc(tr('summary.cross'))} <span class="count">${items.length}</span></h2>` +
    `<p class="note">${esc(tr('summary.crossNote'))}</p>${table}</section>`
  );
}

// ---------------------------------------------------------------------------------------------

/** The summary page of a batch's lines: one self-contained HTML document. */
export function summaryHtml(lines: readonly BatchLine[], opts: SummaryOptions): string {
  const { locale } = opts;
  const tr: Tr = (key, params) => st(locale, key, params);
  const summary = summaryRows(lines, locale);
  const { rows } = summary;
  const title = opts.title ?? tr('summary.title');
  const range = auditedRange(rows);
  const meta = [
    opts.generatedAt ? tr('summary.generated', { time: when(opts.generatedAt, true) }) : '',
    range ? tr('summary.audited', { range }) : '',
    tr('summary.pages', { n: rows.length }),
  ].filter(Boolean);
  return [
    '<!doctype html>',
    `<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No request of any kind from this page, whatever its text says.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(title)}</title>`,
    `<style>${SUMMARY_CSS}</style>`,
    `<noscript><style>.detail{display:table-row!important}.tools,.hint,th button .arrow{display:none}</style></noscript>`,
    '</head><body><main>',
    `<header><h1>${esc(title)}</h1><p class="meta">${meta.map((m) => `<span>${esc(m)}</span>`).join('')}</p></header>`,
    `<section class="tiles">${tiles(rows, tr)}</section>`,
    `<section class="charts">${charts(rows, tr, locale)}</section>`,
    reportsTable(rows, tr, locale),
    crossSection(summary, tr, locale),
    `<footer><p>${esc(tr('summary.footer'))}</p></footer>`,
    `</main><script>${SUMMARY_SCRIPT}</script></body></html>`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

const CSV_COLUMNS = [
  'index',
  'agency',
  'year',
  'column',
  'format',
  'status',
  'errors',
  'warnings',
  'review',
  'infos',
  'cross',
  'title',
  'url',
  'reason',
] as const;

/** One row per page, for Excel and WPS: a UTF-8 BOM, CRLF, quoted and formula-safe cells. */
export function summaryCsv(lines: readonly BatchLine[], locale: Locale = 'zh'): string {
  const { rows } = summaryRows(lines, locale);
  const head = CSV_COLUMNS.map((c) => st(locale, `summary.col.${c}`));
  const body = rows.map((r) => {
    const n = (k: Kind) => (audited(r) ? String(r.counts[k]) : '');
    return [
      String(r.index + 1),
      r.agency,
      r.year === null ? '' : String(r.year),
      r.column,
      formatText(r, locale),
      statusLabel(r.status, locale),
      n('error'),
      n('warning'),
      n('review'),
      n('info'),
      audited(r) ? String(r.cross.length) : '',
      r.title,
      r.url,
      r.reason,
    ];
  });
  return csvText([head, ...body]);
}
