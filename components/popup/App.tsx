// The toolbar popup: shows the target tab's audit, lets the user force an audit, reveal a finding
// on the page, sweep a 年报 column and export the result. State and browser calls live in
// usePopup.ts; this file and its parts only render. Page-derived strings are Preact text
// children, never markup.
import type { Attachment } from '../../lib/documents/attachments';
import type { AuditResult } from '../../lib/result';
import { errorWords } from '../errors';
import { LocaleProvider, useDocumentLocale, useLocale } from '../locale';
import { deriveView, isPermissionError, reasonText } from './model';
import { Compared, Exports, Findings, Identity, Summary, Today, Unreadable } from './Report';
import { usePopup, type Phase, type PopupActions } from './usePopup';
import '../theme.css';
import './popup.css';

export function App() {
  const { locale, phase, busy, notice, today, actions } = usePopup();
  useDocumentLocale(locale, 'popup.title');
  const viewKind = phase.kind === 'ready' ? deriveView(phase.snapshot).kind : phase.kind;
  return (
    <LocaleProvider locale={locale}>
      <div class="popup" data-state={viewKind} aria-busy={busy || phase.kind === 'loading'}>
        <Header onOptions={actions.openOptions} onLog={actions.openLog} />
        <main>
          <Body phase={phase} busy={busy} actions={actions} />
        </main>
        {today !== null && <Today n={today} onLog={actions.openLog} />}
        <p class={`notice ${notice?.tone ?? ''}`} role="status" aria-live="polite" data-testid="notice">
          {notice?.text ?? ''}
        </p>
      </div>
    </LocaleProvider>
  );
}

function Header({ onOptions, onLog }: { onOptions: () => void; onLog: () => void }) {
  const { tr } = useLocale();
  return (
    <header class="bar">
      <h1>{tr('popup.title')}</h1>
      <span>
        <button type="button" class="link" onClick={onLog} data-testid="open-log">
          {tr('log.open')}
        </button>
        <button type="button" class="link" onClick={onOptions}>
          {tr('popup.settings')}
        </button>
      </span>
    </header>
  );
}

function RunButton({ busy, onRun, label = 'action.run', primary = true }: RunProps) {
  const { tr } = useLocale();
  return (
    <button type="button" class={primary ? 'primary' : 'secondary'} onClick={onRun} disabled={busy} data-testid="run">
      {busy ? tr('popup.running') : tr(label)}
    </button>
  );
}
interface RunProps {
  busy: boolean;
  onRun: () => void;
  label?: 'action.run' | 'action.rerun';
  primary?: boolean;
}

function InjectError({ error }: { error?: string }) {
  const { tr } = useLocale();
  if (!error) return null;
  return (
    <div role="alert">
      <p class="status error">{tr('state.injectFailed', { error: errorWords(error, tr) })}</p>
      {isPermissionError(error) && <p class="muted small">{tr('state.permissionHint')}</p>}
    </div>
  );
}

/** Not a report: why, the sweep for a 年报 column, and a forced audit for a page we misjudged. */
function NotReport({
  reason,
  result,
  phase,
  busy,
  actions,
}: {
  reason: string;
  result: AuditResult;
  phase: { injectError?: string; attachments?: Attachment[] };
  busy: boolean;
  actions: PopupActions;
}) {
  const { tr, locale } = useLocale();
  const listing = reason === 'look-alike:listing';
  return (
    <section class="state">
      <h2 class="status">{tr('state.notReport', { reason: reasonText(reason, locale) })}</h2>
      <AttachmentEntry att={phase.attachments?.[0]} onOpen={actions.openDocument} />
      {listing && (
        <div class="sweep-entry" data-testid="sweep-entry">
          <p class="muted">{tr('sweep.popupHint')}</p>
          <button type="button" class="primary" onClick={actions.sweep} data-testid="sweep">
            {tr('action.sweep')}
          </button>
        </div>
      )}
      <p class="muted">{tr('state.notReportHint')}</p>
      <InjectError error={phase.injectError} />
      <RunButton busy={busy} onRun={actions.run} primary={!listing} />
      <Exports result={result} actions={actions} />
    </section>
  );
}

/** "审核此 PDF": the tab shows a PDF in the browser's viewer (no content script runs there). */
function PdfTab({ url, onOpen }: { url: string; onOpen: (src: string) => void }) {
  const { tr } = useLocale();
  return (
    <section class="state sweep-entry" data-testid="pdf-entry">
      <p class="muted">{tr('document.pdfHint')}</p>
      <p class="muted small url">{url}</p>
      <button type="button" class="primary" onClick={() => onOpen(url)} data-testid="audit-pdf">
        {tr('action.auditPdf')}
      </button>
    </section>
  );
}

/** "审核附件": the report's own file, where the page itself cannot be checked, in the document view. */
function AttachmentEntry({ att, onOpen }: { att?: Attachment; onOpen: (src: string) => void }) {
  const { tr } = useLocale();
  if (!att) return null;
  return (
    <section class="sweep-entry" data-testid="attachment-entry">
      <p class="muted">{tr('document.attachmentHint', { name: att.text })}</p>
      <button type="button" class="primary" onClick={() => onOpen(att.url)} data-testid="audit-attachment">
        {tr('action.auditAttachment')}
      </button>
    </section>
  );
}

/** What the popup shows for the tab, state by state. */
function Body({ phase, busy, actions }: { phase: Phase; busy: boolean; actions: PopupActions }) {
  const { tr } = useLocale();
  if (phase.kind === 'loading') return <p class="muted">{tr('popup.loading')}</p>;
  if (phase.kind === 'no-tab') return <p class="status">{tr('popup.noTab')}</p>;
  if (phase.kind === 'pdf') return <PdfTab url={phase.url} onOpen={actions.openDocument} />;
  if (phase.kind === 'restricted')
    return (
      <section class="state" data-testid="restricted">
        <p class="status">{tr('state.restricted')}</p>
        {phase.url && <p class="muted small url">{phase.url}</p>}
      </section>
    );
  const view = deriveView(phase.snapshot);
  const run = { busy, onRun: actions.run };
  switch (view.kind) {
    case 'none':
      return (
        <section class="state">
          <h2 class="status">{tr('state.none')}</h2>
          <p class="muted">{tr('state.noneHint')}</p>
          <InjectError error={phase.injectError} />
          <RunButton {...run} />
        </section>
      );
    case 'failed':
      return (
        <section class="state">
          <h2 class="status error" data-testid="failed">
            {tr('state.failed', { error: view.error })}
          </h2>
          <InjectError error={phase.injectError} />
          <RunButton {...run} label="action.rerun" />
        </section>
      );
    case 'not-report':
      return (
        <NotReport
          reason={view.reason}
          result={view.result}
          phase={{ ...phase, attachments: phase.snapshot?.attachments }}
          busy={busy}
          actions={actions}
        />
      );
    case 'report':
      return (
        <>
          <InjectError error={phase.injectError} />
          <Identity result={view.result} forced={view.forced} />
          <Summary result={view.result} />
          {view.compared && <Compared prev={view.compared} />}
          <AttachmentEntry att={phase.snapshot?.attachments?.[0]} onOpen={actions.openDocument} />
          {view.unreadable && <Unreadable links={view.unreadable} />}
          <Findings result={view.result} onReveal={actions.reveal} />
          <Exports result={view.result} actions={actions} />
        </>
      );
  }
}
