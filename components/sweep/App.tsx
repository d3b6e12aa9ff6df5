// The sweep page (sweep.html, opened in a tab from the popup on a 年报 listing): progress, the
// sortable, filterable result table with the cross-year findings, and its exports. State and
// browser calls live in useSweep.ts; this file and Table.tsx only render. Page-derived strings
// are Preact text children, never markup.
import { LocaleProvider, useDocumentLocale, useLocale } from '../locale';
import { Table } from './Table';
import { useSweep, type Phase, type SweepState } from './useSweep';
import { patternHost } from './model';
import '../theme.css';
import '../page.css';
import './sweep.css';

export function App() {
  const s = useSweep();
  const { target, locale, phase, notice, actions } = s;
  useDocumentLocale(locale, 'sweep.title');
  const running = phase.kind === 'running';
  const hasTable = running || phase.kind === 'done';
  return (
    <LocaleProvider locale={locale}>
      <div class="sweep" data-phase={phase.kind} aria-busy={running || phase.kind === 'collecting'}>
        <Header url={target?.url} />
        <Status phase={phase} onGrant={actions.grant} />
        {hasTable && <Progress state={s} />}
        {hasTable && <Table state={s} />}
        <p class={`notice ${notice?.tone ?? ''}`} role="status" aria-live="polite" data-testid="notice">
          {notice?.text ?? ''}
        </p>
      </div>
    </LocaleProvider>
  );
}

function Header({ url }: { url?: string }) {
  const { tr } = useLocale();
  return (
    <header class="head">
      <h1>{tr('sweep.title')}</h1>
      {url && (
        <p class="listing muted">
          {tr('sweep.listing')}
          <a href={url} target="_blank" rel="noopener noreferrer">
            {url}
          </a>
        </p>
      )}
    </header>
  );
}

function Status({ phase, onGrant }: { phase: Phase; onGrant: () => void }) {
  const { tr } = useLocale();
  switch (phase.kind) {
    case 'bad-url':
      return <p class="status error">{tr('sweep.badUrl')}</p>;
    case 'permission':
      return (
        <section class="state" data-testid="permission">
          <p class="status">{tr('sweep.needPermission', { hosts: phase.patterns.map(patternHost).join('、') })}</p>
          <button type="button" class="primary" onClick={onGrant} data-testid="grant">
            {tr('sweep.grant')}
          </button>
        </section>
      );
    case 'collecting':
      return <p class="status muted">{tr('sweep.collecting')}</p>;
    case 'listing-failed':
      return <p class="status error">{tr('sweep.listingFailed', { error: phase.error })}</p>;
    case 'no-links':
      return <p class="status">{tr('sweep.noLinks')}</p>;
    default:
      return null;
  }
}

function Progress({ state: { phase, table, actions } }: { state: SweepState }) {
  const { tr } = useLocale();
  const { summary } = table;
  const running = phase.kind === 'running';
  return (
    <section class="progress" data-testid="progress">
      <progress value={summary.settled} max={summary.total || 1} />
      <span class="count" data-testid="progress-text">
        {phase.kind === 'done' && phase.cancelled
          ? tr('sweep.cancelled', { done: summary.settled, total: summary.total })
          : running
            ? tr('sweep.progress', { done: summary.settled, total: summary.total })
            : tr('sweep.done')}
      </span>
      {running && (
        <button type="button" data-testid="cancel" onClick={actions.cancel}>
          {tr('sweep.cancel')}
        </button>
      )}
      {phase.kind === 'done' && (
        <p class="summary" data-testid="summary">
          {tr('sweep.summary', {
            total: summary.total,
            ok: summary.ok,
            notReport: summary.notReport,
            failed: summary.failed,
            years: summary.yearFindings,
          })}
        </p>
      )}
    </section>
  );
}
