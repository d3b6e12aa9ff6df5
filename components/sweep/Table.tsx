// The sweep result table: tools (filter, show), the sortable table with each report's row and
// cross-year findings, and the export buttons. Pure views over the controller's state.
import { kindOf } from '../../lib/result';
import { formatShort, hasIssues, type SortDir, type SortKey, type SweepRow } from '../../lib/sweep/table';
import type { MessageKey } from '../../lib/i18n';
import { Filter } from '../filter';
import { useLocale } from '../locale';
import type { SweepState } from './useSweep';

const isWebUrl = (u: string) => /^https?:\/\//i.test(u);

export function Table({ state: { table, actions } }: { state: SweepState }) {
  const { tr } = useLocale();
  const { rows, shown, sort, query, show, collapsed } = table;
  return (
    <>
      <section class="tools">
        <Filter
          query={query}
          placeholder={tr('sweep.filterPlaceholder')}
          onQuery={actions.setQuery}
          show={show}
          shows={(['all', 'issues', 'clean', 'failed', 'years'] as const).map(
            (s) => [s, tr(`sweep.show.${s}`)] as const,
          )}
          onShow={actions.setShow}
        />
        <span class="muted small">{tr('sweep.shown', { n: shown.length, total: rows.length })}</span>
      </section>
      <ResultTable
        rows={shown}
        sort={sort}
        onSort={actions.toggleSort}
        collapsed={collapsed}
        onToggle={actions.toggleYears}
      />
      <section class="exports" aria-label={tr('export.title')}>
        <button type="button" data-testid="copy-tsv" onClick={() => actions.copy('tsv')}>
          {tr('sweep.copyTsv')}
        </button>
        <button type="button" data-testid="copy-csv" onClick={() => actions.copy('csv')}>
          {tr('sweep.copyCsv')}
        </button>
        <button type="button" data-testid="copy-md" onClick={() => actions.copy('markdown')}>
          {tr('sweep.copyMd')}
        </button>
        <button type="button" data-testid="download-csv" onClick={actions.saveCsv}>
          {tr('sweep.downloadCsv')}
        </button>
      </section>
    </>
  );
}

const COLUMNS: { key: SortKey; label: MessageKey; num?: boolean }[] = [
  { key: 'index', label: 'sweep.col.index', num: true },
  { key: 'agency', label: 'sweep.col.agency' },
  { key: 'year', label: 'sweep.col.year', num: true },
  { key: 'format', label: 'sweep.col.format' },
  { key: 'errors', label: 'sweep.col.errors', num: true },
  { key: 'warnings', label: 'sweep.col.warnings', num: true },
  { key: 'review', label: 'sweep.col.review', num: true },
  { key: 'years', label: 'sweep.col.years', num: true },
  { key: 'title', label: 'sweep.col.title' },
];

interface TableProps {
  rows: SweepRow[];
  sort: { key: SortKey; dir: SortDir };
  onSort: (k: SortKey) => void;
  collapsed: Set<number>;
  onToggle: (index: number) => void;
}

function ResultTable({ rows, sort, onSort, collapsed, onToggle }: TableProps) {
  const { tr } = useLocale();
  return (
    <div class="table-wrap">
      <table class="results" data-testid="results">
        <caption class="muted small">{tr('sweep.sortHint')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                class={c.num ? 'num' : undefined}
                aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" onClick={() => onSort(c.key)} data-sort={c.key}>
                  {tr(c.label)}
                  <span class="arrow" aria-hidden="true">
                    {sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length} class="muted">
                {tr('sweep.empty')}
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <Row key={r.index} r={r} open={!collapsed.has(r.index)} onToggle={onToggle} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A count cell; `label` is shown before the number when the table is laid out as cards (narrow). */
function Count({ n, kind, read, label }: { n: number; kind: string; read: boolean; label: string }) {
  if (!read)
    return (
      <td class={`num c-${kind} muted`} data-label={label}>
        –
      </td>
    );
  return (
    <td class={`num c-${kind}${n ? ` has kind-${kind}` : ' zero'}`} data-label={label}>
      {n}
    </td>
  );
}

/** The cross-year findings count, a toggle for the list below the row. */
function YearsCell({ r, open, onToggle }: { r: SweepRow; open: boolean; onToggle: (index: number) => void }) {
  const { tr } = useLocale();
  return (
    <td class="num c-years" data-label={tr('sweep.col.years')}>
      {r.years.length ? (
        <button
          type="button"
          class="years-toggle"
          aria-expanded={open}
          title={tr('sweep.toggleYears')}
          onClick={() => onToggle(r.index)}
          data-testid="years-toggle"
        >
          <span aria-hidden="true">▲ </span>
          {r.years.length}
          <span aria-hidden="true">{open ? ' ▾' : ' ▸'}</span>
        </button>
      ) : r.status === 'ok' ? (
        <span class="zero">0</span>
      ) : (
        <span class="muted">–</span>
      )}
    </td>
  );
}

/** The report's title (a link when it is a web page), the attachment it was read from, and the note on a failed or odd row. */
function TitleCell({ r }: { r: SweepRow }) {
  const { tr } = useLocale();
  const att = r.attachment;
  const attLabel = att && tr('label.sweep.attachment', { kind: att.kind.toUpperCase() });
  return (
    <td class="title">
      {isWebUrl(r.url) ? (
        <a href={r.url} target="_blank" rel="noopener noreferrer">
          {r.title}
        </a>
      ) : (
        <span>{r.title}</span>
      )}
      {att &&
        (isWebUrl(att.url) ? (
          <a class="attachment" href={att.url} target="_blank" rel="noopener noreferrer" data-testid="attachment">
            {attLabel}
          </a>
        ) : (
          <span class="attachment" data-testid="attachment">
            {attLabel}
          </span>
        ))}
      {r.note && (
        <span class={`note ${r.status === 'failed' ? 'error' : ''}`} data-testid="note">
          {r.note}
        </span>
      )}
    </td>
  );
}

/** The cross-year findings of a report, opened under its row. */
function YearsRow({ r }: { r: SweepRow }) {
  const { tr } = useLocale();
  return (
    <tr class="years-row" data-index={r.index} data-testid="years-row">
      <td class="pad" />
      <td colSpan={COLUMNS.length - 1}>
        <ul>
          {r.years.map((y, i) => (
            <li key={i} data-rule={y.ruleId} class={`kind-${kindOf(y)}`}>
              <span class="rule">{y.ruleId}</span> {y.message}{' '}
              <span class="muted against">
                {'prevAgency' in y && typeof y.prevAgency === 'string' && y.ruleId === 'text.copied-from'
                  ? tr('sweep.copiedAgainst', { year: y.prevYear, agency: y.prevAgency })
                  : tr('sweep.yearsAgainst', { year: y.prevYear })}
              </span>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

function Row({ r, open, onToggle }: { r: SweepRow; open: boolean; onToggle: (index: number) => void }) {
  const { tr, locale } = useLocale();
  const read = r.status === 'ok';
  return (
    <>
      <tr
        class={`row status-${r.status}${hasIssues(r) ? ' issues' : ''}`}
        data-status={r.status}
        data-index={r.index}
        data-testid="row"
      >
        <td class="num c-index">{r.index + 1}</td>
        <td class="agency">{r.agency}</td>
        <td class="num c-year">{r.year ?? ''}</td>
        <td class="c-format" data-label={read ? tr('sweep.col.format') : undefined}>
          {read ? formatShort(r.format, locale) : ''}
        </td>
        <Count n={r.errors} kind="error" read={read} label={tr('sweep.col.errors')} />
        <Count n={r.warnings} kind="warning" read={read} label={tr('sweep.col.warnings')} />
        <Count n={r.review} kind="review" read={read} label={tr('sweep.col.review')} />
        <YearsCell r={r} open={open} onToggle={onToggle} />
        <TitleCell r={r} />
      </tr>
      {r.years.length > 0 && open && <YearsRow r={r} />}
    </>
  );
}
