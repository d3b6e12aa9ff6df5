// The toolbar popup: shows the content script's audit of the target tab, lets the user force an
// audit, reveal a finding on the page, and export the result. All page-derived strings are
// rendered as Preact text children (never as markup).
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { toCsv, toHtml, toJson, toMarkdown, toPlainText } from '../../lib/format/export';
import { countKinds, isCleanCounts, KINDS, type AuditResult, type Kind, type Locale } from '../../lib/result';
import { hostPattern } from '../../lib/sweep/links';
import { GATE_SCRIPT } from '../ext/host';
import { sendToTab, type Snapshot } from '../ext/messaging';
import { getSettings, watchSettings } from '../ext/settings';
import { translator, type Translate } from '../i18n';
import { patternHost, sweepSearch } from '../sweep/model';
import {
  KIND_ICON,
  deriveView,
  downloadName,
  exportMeta,
  formatExplanation,
  formatIsProblem,
  groupFindings,
  isPermissionError,
  isRestrictedError,
  isRestrictedUrl,
  reasonText,
  tabIdFromSearch,
  verdictText,
} from './model';
import '../theme.css';
import { download } from '../download';
import './popup.css';

interface Target {
  id: number;
  url?: string;
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'restricted'; url?: string }
  | { kind: 'ready'; snapshot: Snapshot | null; injectError?: string };

interface Notice {
  text: string;
  tone: 'ok' | 'error';
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)) || 'unknown error';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function resolveTarget(): Promise<Target | null> {
  const fromQuery = tabIdFromSearch(location.search);
  if (fromQuery !== null) {
    try {
      const tab = await browser.tabs.get(fromQuery);
      return { id: fromQuery, url: tab.url };
    } catch {
      return { id: fromQuery };
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, url: tab.url } : null;
}

/** Load the content script into the tab (Chrome MV3 / Firefox: scripting; old Firefox: tabs). */
async function inject(tabId: number): Promise<void> {
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({ target: { tabId }, files: [GATE_SCRIPT] });
  } else {
    await browser.tabs.executeScript(tabId, { file: GATE_SCRIPT });
  }
}

/** audit:run, retried briefly while a just-injected content script registers its listener. */
async function runAudit(tabId: number): Promise<Snapshot> {
  let last: unknown;
  for (let i = 0; i < 4; i++) {
    try {
      return await sendToTab(tabId, 'audit:run', { force: true });
    } catch (e) {
      last = e;
      await sleep(150 * (i + 1));
    }
  }
  throw last;
}

async function writeClipboard(plain: string, html?: string): Promise<void> {
  const clip = navigator.clipboard;
  if (!clip) throw new Error('navigator.clipboard is undefined');
  if (html !== undefined && typeof ClipboardItem !== 'undefined' && clip.write) {
    await clip.write([
      new ClipboardItem({
        'text/plain': new Blob([plain], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      }),
    ]);
  } else {
    await clip.writeText(plain);
  }
}

export function App() {
  const [locale, setLocale] = useState<Locale>('zh');
  const [target, setTarget] = useState<Target | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** Whether the extension may already fetch from the page's host (asked before the sweep click). */
  const [hostGranted, setHostGranted] = useState(false);
  /** The content script answered audit:get, so it is already on the page. */
  const present = useRef(false);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const tr = useMemo(() => translator(locale), [locale]);

  useEffect(() => {
    getSettings()
      .then((s) => setLocale(s.locale))
      .catch(() => {});
    let unwatch: (() => void) | undefined;
    try {
      unwatch = watchSettings((s) => setLocale(s.locale));
    } catch {
      /* storage unavailable: keep the default */
    }
    return () => unwatch?.();
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
    document.title = tr('popup.title');
  }, [locale, tr]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const tab = await resolveTarget().catch(() => null);
      if (cancelled) return;
      if (!tab) return setPhase({ kind: 'no-tab' });
      setTarget(tab);
      if (isRestrictedUrl(tab.url)) return setPhase({ kind: 'restricted', url: tab.url! });
      let snapshot: Snapshot | null = null;
      try {
        snapshot = (await sendToTab(tab.id, 'audit:get', undefined)) ?? null;
        present.current = true;
      } catch {
        // The gate answers by itself only on a report. Elsewhere inject it again (the click on
        // our icon grants the tab) so it answers; browser pages (chrome://, the web store) refuse.
        try {
          await inject(tab.id);
          snapshot = (await sendToTab(tab.id, 'audit:get', undefined)) ?? null;
          present.current = true;
        } catch (e) {
          if (cancelled) return;
          if (isRestrictedError(errorText(e))) return setPhase({ kind: 'restricted', url: tab.url });
        }
      }
      if (!cancelled) setPhase({ kind: 'ready', snapshot });
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const notify = useCallback((n: Notice, ms?: number) => {
    clearTimeout(noticeTimer.current);
    setNotice(n);
    if (ms) noticeTimer.current = setTimeout(() => setNotice(null), ms);
  }, []);
  useEffect(() => () => clearTimeout(noticeTimer.current), []);

  const run = useCallback(async () => {
    if (!target || busy) return;
    setBusy(true);
    setNotice(null);
    let injectError: string | undefined;
    if (!present.current) {
      try {
        await inject(target.id);
      } catch (e) {
        injectError = errorText(e); // already injected, or not injectable: audit:run tells
      }
    }
    try {
      const snapshot = await runAudit(target.id);
      present.current = true;
      setPhase({ kind: 'ready', snapshot });
    } catch (e) {
      const msg = injectError ?? errorText(e);
      if (isRestrictedError(msg) || isRestrictedUrl(target.url)) setPhase({ kind: 'restricted', url: target.url });
      else setPhase((p) => ({ kind: 'ready', snapshot: p.kind === 'ready' ? p.snapshot : null, injectError: msg }));
    } finally {
      setBusy(false);
    }
  }, [target, busy]);

  const reveal = useCallback(
    (index: number) => {
      if (target) sendToTab(target.id, 'audit:reveal', { index }).catch(() => {});
    },
    [target],
  );

  const pageUrl = phase.kind === 'ready' ? phase.snapshot?.page.url : undefined;
  useEffect(() => {
    const pattern = pageUrl ? hostPattern(pageUrl) : null;
    if (!pattern) return;
    browser.permissions.contains({ origins: [pattern] }).then(setHostGranted, () => setHostGranted(false));
  }, [pageUrl]);

  /**
   * "审核本栏目全部年报": the sweep runs in its own tab (sweep.html); the host permission it needs is
   * requested here, synchronously in the click, unless it is already granted.
   */
  const sweep = () => {
    const pattern = pageUrl ? hostPattern(pageUrl) : null;
    if (!target || !pageUrl || !pattern) return;
    const open = () =>
      browser.tabs
        .create({ url: browser.runtime.getURL(`/sweep.html${sweepSearch({ url: pageUrl, tab: target.id })}`) })
        .catch((e: unknown) => notify({ text: tr('sweep.permError', { error: errorText(e) }), tone: 'error' }));
    if (hostGranted) {
      void open();
      return;
    }
    let request: Promise<boolean>;
    try {
      request = browser.permissions.request({ origins: [pattern] });
    } catch (e) {
      request = Promise.reject(e);
    }
    request.then(
      (granted) =>
        granted ? void open() : notify({ text: tr('sweep.permDenied', { host: patternHost(pattern) }), tone: 'error' }),
      (e: unknown) => notify({ text: tr('sweep.permError', { error: errorText(e) }), tone: 'error' }),
    );
  };

  const openOptions = () => {
    browser.runtime.openOptionsPage().catch(() => {});
  };

  const viewKind = phase.kind === 'ready' ? deriveView(phase.snapshot).kind : phase.kind;

  return (
    <div class="popup" data-state={viewKind} aria-busy={busy || phase.kind === 'loading'}>
      <header class="bar">
        <h1>{tr('popup.title')}</h1>
        <button type="button" class="link" onClick={openOptions}>
          {tr('popup.settings')}
        </button>
      </header>
      <main>
        <Body
          phase={phase}
          busy={busy}
          tr={tr}
          locale={locale}
          onRun={run}
          onSweep={sweep}
          onReveal={reveal}
          notify={notify}
        />
      </main>
      <p class={`notice ${notice?.tone ?? ''}`} role="status" aria-live="polite" data-testid="notice">
        {notice?.text ?? ''}
      </p>
    </div>
  );
}

interface BodyProps {
  phase: Phase;
  busy: boolean;
  tr: Translate;
  locale: Locale;
  onRun: () => void;
  onSweep: () => void;
  onReveal: (index: number) => void;
  notify: (n: Notice, ms?: number) => void;
}

function Body({ phase, busy, tr, locale, onRun, onSweep, onReveal, notify }: BodyProps) {
  if (phase.kind === 'loading') return <p class="muted">{tr('popup.loading')}</p>;
  if (phase.kind === 'no-tab') return <p class="status">{tr('popup.noTab')}</p>;
  if (phase.kind === 'restricted')
    return (
      <section class="state" data-testid="restricted">
        <p class="status">{tr('state.restricted')}</p>
        {phase.url && <p class="muted small url">{phase.url}</p>}
      </section>
    );

  const snapshot = phase.snapshot;
  const view = deriveView(snapshot);
  const runButton = (label: 'action.run' | 'action.rerun' = 'action.run', primary = true) => (
    <button type="button" class={primary ? 'primary' : 'secondary'} onClick={onRun} disabled={busy} data-testid="run">
      {busy ? tr('popup.running') : tr(label)}
    </button>
  );
  const injectError = phase.injectError ? (
    <div role="alert">
      <p class="status error">{tr('state.injectFailed', { error: phase.injectError })}</p>
      {isPermissionError(phase.injectError) && <p class="muted small">{tr('state.permissionHint')}</p>}
    </div>
  ) : null;

  switch (view.kind) {
    case 'none':
      return (
        <section class="state">
          <h2 class="status">{tr('state.none')}</h2>
          <p class="muted">{tr('state.noneHint')}</p>
          {injectError}
          {runButton()}
        </section>
      );
    case 'failed':
      return (
        <section class="state">
          <h2 class="status error" data-testid="failed">
            {tr('state.failed', { error: view.error })}
          </h2>
          {injectError}
          {runButton('action.rerun')}
        </section>
      );
    case 'not-report': {
      const listing = view.reason === 'look-alike:listing';
      return (
        <section class="state">
          <h2 class="status">{tr('state.notReport', { reason: reasonText(view.reason, locale) })}</h2>
          {listing && (
            <div class="sweep-entry" data-testid="sweep-entry">
              <p class="muted">{tr('sweep.popupHint')}</p>
              <button type="button" class="primary" onClick={onSweep} data-testid="sweep">
                {tr('action.sweep')}
              </button>
            </div>
          )}
          <p class="muted">{tr('state.notReportHint')}</p>
          {injectError}
          {runButton('action.run', !listing)}
          {snapshot && <Exports snapshot={snapshot} result={view.result} tr={tr} locale={locale} notify={notify} />}
        </section>
      );
    }
    case 'report':
      return (
        <>
          {injectError}
          <Identity result={view.result} tr={tr} locale={locale} forced={view.forced} />
          <Summary result={view.result} tr={tr} locale={locale} />
          {view.unreadable && <Unreadable links={view.unreadable} tr={tr} />}
          <Findings result={view.result} tr={tr} locale={locale} onReveal={onReveal} />
          {snapshot && <Exports snapshot={snapshot} result={view.result} tr={tr} locale={locale} notify={notify} />}
        </>
      );
  }
}

function Identity({
  result,
  tr,
  locale,
  forced,
}: {
  result: AuditResult;
  tr: Translate;
  locale: Locale;
  forced: boolean;
}) {
  const rep = result.report;
  const format = rep?.format ?? 'unknown';
  const year = rep?.year ?? null;
  const problem = formatIsProblem(format, year);
  return (
    <section class="identity" data-testid="identity">
      {rep?.title && <h2 class="title">{rep.title}</h2>}
      <dl>
        <dt>{tr('report.agency')}</dt>
        <dd data-testid="agency">{rep?.agency || tr('report.unknownAgency')}</dd>
        <dt>{tr('report.year')}</dt>
        <dd data-testid="year">{year !== null ? tr('report.yearValue', { year }) : tr('report.unknownYear')}</dd>
        <dt>{tr('report.published')}</dt>
        <dd data-testid="published">{rep?.publishedAt || tr('report.unknownDate')}</dd>
        <dt>{tr('report.format')}</dt>
        <dd data-testid="format" class={problem ? 'format-problem' : undefined}>
          {problem && (
            <span class="icon" aria-hidden="true">
              {KIND_ICON.warning}{' '}
            </span>
          )}
          {formatExplanation(format, year, locale)}
        </dd>
      </dl>
      {forced && <p class="muted small">{tr('state.forced')}</p>}
    </section>
  );
}

function Summary({ result, tr, locale }: { result: AuditResult; tr: Translate; locale: Locale }) {
  const counts = countKinds(result.findings);
  const clean = isCleanCounts(counts);
  return (
    <section class="summary">
      <ul class="chips" aria-label={tr('counts.label')}>
        {KINDS.map((k) => (
          <li key={k} class={`chip chip-${k}${counts[k] ? '' : ' zero'}`} data-kind={k}>
            <span class="icon" aria-hidden="true">
              {KIND_ICON[k]}
            </span>
            <span class="label">{tr(`sev.${k}`)}</span>
            <span class="num">{counts[k]}</span>
          </li>
        ))}
      </ul>
      <p class={`verdict ${clean ? 'clean' : 'issues'}`} data-testid="verdict">
        <span class="icon" aria-hidden="true">
          {clean ? '✔' : '!'}{' '}
        </span>
        {verdictText(counts, locale)}
      </p>
    </section>
  );
}

function Unreadable({ links, tr }: { links: { text: string; href: string }[]; tr: Translate }) {
  return (
    <section class="unreadable" data-testid="unreadable">
      <h3>{tr('unreadable.title')}</h3>
      <p class="muted small">{tr('unreadable.hint')}</p>
      {links.length ? (
        <ul>
          {links.map((l, i) => (
            <li key={i}>
              <span class="link-text">{l.text || l.href}</span>
              {l.href && l.href !== l.text && <span class="href">{l.href}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">{tr('unreadable.none')}</p>
      )}
    </section>
  );
}

function Findings({
  result,
  tr,
  locale,
  onReveal,
}: {
  result: AuditResult;
  tr: Translate;
  locale: Locale;
  onReveal: (index: number) => void;
}) {
  const groups = groupFindings(result.findings, locale);
  if (!groups.length) return <p class="muted">{tr('findings.none')}</p>;
  return (
    <section class="findings" aria-label={tr('findings.title')}>
      <p class="muted small">{tr('findings.revealHint')}</p>
      {groups.map((g) => (
        <section key={g.key} class="group" data-group={g.key}>
          <h3>
            {g.label} <span class="count">{g.items.length}</span>
          </h3>
          <ul>
            {g.items.map(({ finding, index, kind }) => (
              <li key={index}>
                <button
                  type="button"
                  class={`finding kind-${kind}`}
                  data-index={index}
                  data-rule={finding.ruleId}
                  title={finding.ruleId}
                  onClick={() => onReveal(index)}
                >
                  <SeverityMark kind={kind} tr={tr} />
                  <span class="body">
                    <span class="loc">{finding.location}</span>
                    <span class="msg">{finding.message}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function SeverityMark({ kind, tr }: { kind: Kind; tr: Translate }) {
  return (
    <span class={`sev sev-${kind}`}>
      <span class="icon" aria-hidden="true">
        {KIND_ICON[kind]}
      </span>
      <span class="sev-label">{tr(`kind.${kind}`)}</span>
    </span>
  );
}

function Exports({
  snapshot,
  result,
  tr,
  locale,
  notify,
}: {
  snapshot: Snapshot;
  result: AuditResult;
  tr: Translate;
  locale: Locale;
  notify: (n: Notice, ms?: number) => void;
}) {
  const meta = exportMeta(snapshot);
  const n = result.findings.length;
  const copy = async (plain: string, html?: string) => {
    try {
      await writeClipboard(plain, html);
      notify({ text: tr('export.copied', { n }), tone: 'ok' }, 3000);
    } catch (e) {
      notify({ text: tr('export.clipboardError', { error: errorText(e) }), tone: 'error' });
    }
  };
  const save = (ext: 'json' | 'csv') => {
    const name = downloadName(result, ext, meta.auditedAt);
    if (ext === 'json') download(name, toJson(result, meta), 'application/json;charset=utf-8');
    else download(name, toCsv(result, meta, locale), 'text/csv;charset=utf-8');
    notify({ text: tr('export.downloaded', { name }), tone: 'ok' }, 3000);
  };
  return (
    <section class="exports" aria-label={tr('export.title')}>
      <button
        type="button"
        data-testid="copy"
        onClick={() => copy(toPlainText(result, meta, locale), toHtml(result, meta, locale))}
      >
        {tr('export.copy')}
      </button>
      <button type="button" data-testid="copy-md" onClick={() => copy(toMarkdown(result, meta, locale))}>
        {tr('export.copyMd')}
      </button>
      <button type="button" data-testid="json" onClick={() => save('json')}>
        {tr('export.json')}
      </button>
      <button type="button" data-testid="csv" onClick={() => save('csv')}>
        {tr('export.csv')}
      </button>
    </section>
  );
}
