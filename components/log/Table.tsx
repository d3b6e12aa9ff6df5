// The log table: a sortable header, one fixed-height row per entry and, under an open row, its
// findings and earlier versions. Only the rows in view (and a few beyond) are in the DOM: spacer
// rows stand for the others, so thousands of entries scroll and sort without lag (model.ts
// layout / visibleRange; an open panel's height is measured once drawn). A pure view over the
// controller's state; the measuring reads only this page's own DOM.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { kindOf } from '../../lib/result';
import { formatShort } from '../../lib/sweep/table';
import type { MessageKey, Translate } from '../../lib/i18n';
import { useLocale } from '../locale';
import { KIND_ICON } from '../popup/model';
import { estimatePanel, layout, localTime, visibleRange, type LogRow, type Sort, type SortKey } from './model';
import type { LogState } from './useLog';

const isWebUrl = (u: string) => /^https?:\/\//i.test(u);

const COLUMNS: { key: SortKey; label: MessageKey; cls: string; num?: boolean }[] = [
  { key: 'agency', label: 'sweep.col.agency', cls: 'c-agency' },
  { key: 'year', label: 'sweep.col.year', cls: 'c-year', num: true },
  { key: 'format', label: 'sweep.col.format', cls: 'c-format' },
  { key: 'errors', label: 'sweep.col.errors', cls: 'c-error', num: true },
  { key: 'warnings', label: 'sweep.col.warnings', cls: 'c-warning', num: true },
  { key: 'review', label: 'sweep.col.review', cls: 'c-review', num: true },
  { key: 'auditedAt', label: 'log.col.audited', cls: 'c-audited' },
  { key: 'title', label: 'sweep.col.title', cls: 'c-title' },
];
/** The select box and the expand button before the sortable columns. */
const SPAN = COLUMNS.length + 2;
/** Until the first row is measured. */
const ROW_GUESS = 35;
const LINE_GUESS = 24;

/** Which rows to draw: the scroll container's position and size, the rows' and open panels' heights. */
function useWindow(rows: readonly LogRow[], open: ReadonlySet<string>) {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  const [rowHeight, setRowHeight] = useState(ROW_GUESS);
  const panels = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const read = () => {
    const el = ref.current;
    if (el)
      setView((v) =>
        v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight },
      );
  };
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const lay = useMemo(
    () =>
      layout(rows, rowHeight, (r) =>
        open.has(r.url) ? (panels.current.get(r.url) ?? estimatePanel(r, LINE_GUESS)) : undefined,
      ),
    // `measured` counts the panel measurements that changed a height.
    [rows, rowHeight, open, measured],
  );
  // After each draw: the real row height, and the height of every open panel drawn.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const row = el.querySelector<HTMLElement>('tr.row');
    if (row && Math.abs(row.offsetHeight - rowHeight) > 0.5) setRowHeight(row.offsetHeight);
    let changed = false;
    for (const tr of el.querySelectorAll<HTMLElement>('tr.panel')) {
      const url = tr.dataset.url ?? '';
      if (panels.current.get(url) !== tr.offsetHeight) {
        panels.current.set(url, tr.offsetHeight);
        changed = true;
      }
    }
    if (changed) setMeasured((n) => n + 1);
  });
  const { start, end } = visibleRange(lay, view.top, view.height);
  const total = lay.tops[rows.length];
  return { ref, onScroll: read, start, end, before: lay.tops[start], after: total - lay.tops[end] };
}

export function Table({ state: { table, actions } }: { state: LogState }) {
  const { tr } = useLocale();
  const { shown, sort, open, selected } = table;
  const win = useWindow(shown, open);
  return (
    <div class="table-wrap" ref={win.ref} onScroll={win.onScroll} data-testid="scroller">
      <table class="results" data-testid="results">
        <colgroup>
          <col class="w-select" />
          <col class="w-expand" />
          {COLUMNS.map((c) => (
            <col key={c.key} class={`w-${c.cls.slice(2)}`} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" class="c-select">
              <SelectAll shown={shown} selected={selected} onSelect={actions.selectShown} />
            </th>
            <th scope="col" class="c-expand" aria-label={tr('log.expand')} />
            <SortHeaders sort={sort} onSort={actions.toggleSort} />
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 && (
            <tr>
              <td colSpan={SPAN} class="muted none" data-testid="none">
                {tr('log.emptyFiltered')}
              </td>
            </tr>
          )}
          {win.before > 0 && <Spacer height={win.before} />}
          {shown.slice(win.start, win.end).map((r) => (
            <Row
              key={r.url}
              r={r}
              open={open.has(r.url)}
              selected={selected.has(r.url)}
              onToggle={actions.toggleOpen}
              onSelect={actions.toggleSelect}
            />
          ))}
          {win.after > 0 && <Spacer height={win.after} />}
        </tbody>
      </table>
    </div>
  );
}

function SortHeaders({ sort, onSort }: { sort: Sort; onSort: (k: SortKey) => void }) {
  const { tr } = useLocale();
  return (
    <>
      {COLUMNS.map((c) => (
        <th
          key={c.key}
          scope="col"
          class={`${c.cls}${c.num ? ' num' : ''}`}
          aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
        >
          <button type="button" onClick={() => onSort(c.key)} data-sort={c.key} title={tr('sweep.sortHint')}>
            {tr(c.label)}
            <span class="arrow" aria-hidden="true">
              {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
            </span>
          </button>
        </th>
      ))}
    </>
  );
}

/** The header box: checked when every row shown is selected, mixed when some are. */
function SelectAll({
  shown,
  selected,
  onSelect,
}: {
  shown: readonly LogRow[];
  selected: ReadonlySet<string>;
  onSelect: (on: boolean) => void;
}) {
  const { tr } = useLocale();
  const box = useRef<HTMLInputElement>(null);
  let n = 0;
  for (const r of shown) if (selected.has(r.url)) n++;
  const all = shown.length > 0 && n === shown.length;
  useEffect(() => {
    if (box.current) box.current.indeterminate = n > 0 && !all;
  }, [n, all]);
  return (
    <input
      ref={box}
      type="checkbox"
      checked={all}
      disabled={!shown.length}
      aria-label={tr('log.selectAll')}
      title={tr('log.selectAll')}
      onChange={() => onSelect(!all)}
      data-testid="select-all"
    />
  );
}

/** Stands for the rows above or below the window. */
function Spacer({ height }: { height: number }) {
  return (
    <tr class="spacer" aria-hidden="true" style={{ height: `${height}px` }}>
      <td colSpan={SPAN} />
    </tr>
  );
}

function Count({ n, kind }: { n: number; kind: string }) {
  return <td class={`num c-${kind}${n ? ` has kind-${kind}` : ' zero'}`}>{n}</td>;
}

interface RowProps {
  r: LogRow;
  open: boolean;
  selected: boolean;
  onToggle: (url: string) => void;
  onSelect: (url: string) => void;
}

function Row({ r, open, selected, onToggle, onSelect }: RowProps) {
  const { tr, locale } = useLocale();
  const issues = r.errors + r.warnings + r.review > 0;
  return (
    <>
      <tr
        class={`row${issues ? ' issues' : ''}${selected ? ' selected' : ''}${open ? ' open' : ''}`}
        data-url={r.url}
        data-testid="row"
      >
        <td class="c-select">
          <input
            type="checkbox"
            checked={selected}
            aria-label={tr('log.selectRow')}
            onChange={() => onSelect(r.url)}
            data-testid="select"
          />
        </td>
        <td class="c-expand">
          <button
            type="button"
            class="expand"
            aria-expanded={open}
            aria-label={tr('log.expand')}
            title={tr('log.expand')}
            onClick={() => onToggle(r.url)}
            data-testid="expand"
          >
            {open ? '▾' : '▸'}
          </button>
        </td>
        <td class="c-agency" title={r.agency}>
          {r.agency}
        </td>
        <td class="num c-year">{r.year ?? ''}</td>
        <td class="c-format">{r.format ? formatShort(r.format, locale) : ''}</td>
        <Count n={r.errors} kind="error" />
        <Count n={r.warnings} kind="warning" />
        <Count n={r.review} kind="review" />
        <td class="c-audited">{localTime(r.auditedAt)}</td>
        <TitleCell r={r} />
      </tr>
      {open && <Panel r={r} />}
    </>
  );
}

/** The title as a link to the page (a new tab), and the mark of a page that changed since its first audit. */
function TitleCell({ r }: { r: LogRow }) {
  const { tr } = useLocale();
  const text = r.title || r.url;
  return (
    <td class="c-title">
      <div class="title-cell">
        {isWebUrl(r.url) ? (
          <a href={r.url} target="_blank" rel="noopener noreferrer" title={`${text}\n${r.url}`}>
            {text}
          </a>
        ) : (
          <span class="text" title={text}>
            {text}
          </span>
        )}
        {r.versions.length > 0 && (
          <span class="changed" data-testid="changed" title={r.versions.map((v) => versionLine(v, tr)).join('\n')}>
            {tr('log.changed', { n: r.versions.length })}
          </span>
        )}
      </div>
    </td>
  );
}

const versionLine = (v: LogRow['versions'][number], tr: Translate) =>
  tr('log.version', { time: localTime(v.auditedAt), ...v.counts });

/** Under an open row: its findings (severity, location, message, rule id) and its earlier versions. */
function Panel({ r }: { r: LogRow }) {
  const { tr } = useLocale();
  return (
    <tr class={`panel${r.errors + r.warnings + r.review > 0 ? ' issues' : ''}`} data-url={r.url} data-testid="panel">
      <td colSpan={SPAN}>
        {r.findings.length ? (
          <ul class="findings">
            {r.findings.map((f, i) => {
              const kind = kindOf(f);
              return (
                <li key={i} class={`finding kind-${kind}`} data-rule={f.ruleId}>
                  <span class="sev">
                    <span aria-hidden="true">{KIND_ICON[kind]}</span> {tr(`kind.${kind}`)}
                  </span>
                  <span class="loc">{f.location}</span>
                  <span class="msg">{f.message}</span>
                  <span class="rule">{f.ruleId}</span>
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="none-found">{tr('label.noFindings')}</p>
        )}
        {r.versions.length > 0 && (
          <div class="versions" data-testid="versions">
            <p>{tr('log.versions', { time: localTime(r.firstAuditedAt) })}</p>
            <ul>
              {r.versions.map((v, i) => (
                <li key={i}>{versionLine(v, tr)}</li>
              ))}
            </ul>
          </div>
        )}
      </td>
    </tr>
  );
}
