// The inspection log page (log.html, opened from the popup and the settings): every report audited
// in this browser in one sortable, filterable table, each row's findings on expand, and the
// exports, delete and clear of the chosen rows. State and browser calls live in useLog.ts; this
// file and Table.tsx only render. Page-derived strings are Preact text children, never markup.
import { Filter } from '../filter';
import { LocaleProvider, useDocumentLocale, useLocale } from '../locale';
import { SHOWS } from './model';
import { Table } from './Table';
import { useLog, type LogState } from './useLog';
import '../theme.css';
import '../page.css';
import './log.css';

export function App() {
  const s = useLog();
  const { locale, loading, error, notice, table } = s;
  useDocumentLocale(locale, 'log.title');
  const empty = !loading && !error && table.rows.length === 0;
  return (
    <LocaleProvider locale={locale}>
      <div class="log" aria-busy={loading} data-state={loading ? 'loading' : empty ? 'empty' : 'ready'}>
        <Header state={s} />
        {error && <LoadError error={error} />}
        {loading && <LoadingLine />}
        {empty && <Empty />}
        {!loading && !empty && !error && (
          <>
            <Tools state={s} />
            <Table state={s} />
            <Actions state={s} />
          </>
        )}
        <p class={`notice ${notice?.tone ?? ''}`} role="status" aria-live="polite" data-testid="notice">
          {notice?.text ?? ''}
        </p>
      </div>
    </LocaleProvider>
  );
}

function Header({ state: { table } }: { state: LogState }) {
  const { tr } = useLocale();
  return (
    <header class="head">
      <h1>{tr('log.title')}</h1>
      {table.rows.length > 0 && (
        <span class="muted" data-testid="count">
          {tr('log.shown', { n: table.shown.length, total: table.rows.length })}
        </span>
      )}
    </header>
  );
}

function LoadError({ error }: { error: string }) {
  const { tr } = useLocale();
  return <p class="status error">{tr('log.loadError', { error })}</p>;
}

function LoadingLine() {
  const { tr } = useLocale();
  return <p class="muted">{tr('log.loading')}</p>;
}

function Empty() {
  const { tr } = useLocale();
  return (
    <section class="empty" data-testid="empty">
      <span class="empty-icon" aria-hidden="true">
        ☰
      </span>
      <p>{tr('log.empty')}</p>
    </section>
  );
}

function Tools({ state: { table, actions } }: { state: LogState }) {
  const { tr } = useLocale();
  return (
    <section class="tools">
      <Filter
        query={table.query}
        placeholder={tr('log.filterPlaceholder')}
        onQuery={actions.setQuery}
        show={table.show}
        shows={SHOWS.map((s) => [s, tr(`log.show.${s}`)] as const)}
        onShow={actions.setShow}
      />
      {table.selectedShown.length > 0 && (
        <span class="selected" data-testid="selected">
          {tr('log.selected', { n: table.selectedShown.length })}
        </span>
      )}
    </section>
  );
}

function Actions({ state: { table, confirm, actions } }: { state: LogState }) {
  const { tr } = useLocale();
  const n = table.selectedShown.length;
  return (
    <section class="actions" aria-label={tr('export.title')}>
      <span class="scope muted small" data-testid="scope">
        {n ? tr('log.scopeSelected', { n }) : tr('log.scopeShown', { n: table.shown.length })}
      </span>
      <button type="button" class="primary" data-testid="copy" onClick={() => actions.copy('table')}>
        {tr('log.copy')}
      </button>
      <button type="button" data-testid="download-csv" onClick={actions.saveCsv}>
        {tr('log.downloadCsv')}
      </button>
      <button type="button" data-testid="copy-md" onClick={() => actions.copy('markdown')}>
        {tr('log.copyMd')}
      </button>
      <span class="spacer" />
      {confirm ? (
        <span class="confirm" role="alertdialog" aria-live="assertive" data-testid="confirm">
          <span class="question">
            {confirm.kind === 'delete'
              ? tr('log.confirmDelete', { n: confirm.urls.length })
              : tr('log.confirmClear', { n: confirm.n })}
          </span>
          <button type="button" class="danger" data-testid="confirm-yes" onClick={actions.confirm}>
            {tr('log.confirmYes')}
          </button>
          <button type="button" data-testid="confirm-no" onClick={actions.cancel}>
            {tr('log.confirmNo')}
          </button>
        </span>
      ) : (
        <>
          <button type="button" data-testid="delete" disabled={n === 0} onClick={actions.askDelete}>
            {tr('log.delete')}
          </button>
          <button type="button" data-testid="clear" onClick={actions.askClear}>
            {tr('log.clear')}
          </button>
        </>
      )}
    </section>
  );
}
