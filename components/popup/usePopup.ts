// The popup's controller: which tab it speaks for, what that tab's engine knows, and every
// browser call the popup makes (inject, audit, reveal, permissions, sweep tab, clipboard,
// download). The views (App.tsx and its parts) only render what it returns and call its actions.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { hostPattern } from '../../lib/sweep/links';
import { documentSearch, isPdfUrl } from '../document/link';
import { errorText } from '../errors';
import { useExports, useNotice, type Notify } from '../export-actions';
import { GATE_SCRIPT } from '../ext/host';
import { sendToBackground, sendToTab, type Snapshot } from '../ext/messaging';
import { missingHosts, requestHosts } from '../ext/permissions';
import { useSettingsLocale } from '../ext/settings-locale';
import { translator, type Translate } from '../../lib/i18n';
import { patternHost, sweepSearch } from '../sweep/model';
import { exportMeta, isRestrictedError, isRestrictedUrl, tabIdFromSearch } from './model';

export type { CopyKind, Notice } from '../export-actions';

interface Target {
  id: number;
  url?: string;
}

export type Phase =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'restricted'; url?: string }
  /** The tab shows a PDF (by its address, or its content type): offer the document view. */
  | { kind: 'pdf'; url: string }
  | { kind: 'ready'; snapshot: Snapshot | null; injectError?: string };

const PDF = 'application/pdf';
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

/** The tab's engine: its snapshot (asking it, or injecting the gate so it answers). */
function useTabSnapshot() {
  const [target, setTarget] = useState<Target | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  /** The content script answered audit:get, so it is already on the page. */
  const present = useRef(false);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const tab = await resolveTarget().catch(() => null);
      if (cancelled) return;
      if (!tab) return setPhase({ kind: 'no-tab' });
      setTarget(tab);
      if (isRestrictedUrl(tab.url)) return setPhase({ kind: 'restricted', url: tab.url! });
      if (isPdfUrl(tab.url)) return setPhase({ kind: 'pdf', url: tab.url! });
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
      // Nothing to audit on the page: it may be a PDF the browser shows at an address like download.jsp?id=….
      const pdf =
        !snapshot && present.current && (await sendToTab(tab.id, 'page:type', undefined).catch(() => '')) === PDF;
      if (!cancelled) setPhase(pdf ? { kind: 'pdf', url: tab.url! } : { kind: 'ready', snapshot });
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  return { target, phase, setPhase, present };
}

type Tab = ReturnType<typeof useTabSnapshot>;

/** "审核此页" (inject the gate if it is not there yet, then audit) and revealing a finding. */
function useAuditActions({ target, setPhase, present }: Tab, notify: Notify) {
  const [busy, setBusy] = useState(false);
  const run = useCallback(async () => {
    if (!target || busy) return;
    setBusy(true);
    notify(null);
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
  }, [target, busy, present, setPhase, notify]);
  const reveal = useCallback(
    (index: number) => {
      if (target) sendToTab(target.id, 'audit:reveal', { index }).catch(() => {});
    },
    [target],
  );
  return { busy, run, reveal };
}

/**
 * "审核本栏目全部年报": the sweep runs in its own tab (sweep.html); the host permission it needs is
 * requested in the click, synchronously, unless it is already granted (checked beforehand).
 */
function useSweepEntry(target: Target | null, pageUrl: string | undefined, tr: Translate, notify: Notify) {
  const [hostGranted, setHostGranted] = useState(false);
  useEffect(() => {
    const pattern = pageUrl ? hostPattern(pageUrl) : null;
    if (!pattern) return;
    missingHosts([pattern]).then(
      (missing) => setHostGranted(!missing.length),
      () => setHostGranted(false),
    );
  }, [pageUrl]);
  return () => {
    const pattern = pageUrl ? hostPattern(pageUrl) : null;
    if (!target || !pageUrl || !pattern) return;
    const fail = (e: unknown) => notify({ text: tr('sweep.permError', { error: errorText(e) }), tone: 'error' });
    const open = () =>
      browser.tabs
        .create({ url: browser.runtime.getURL(`/sweep.html${sweepSearch({ url: pageUrl, tab: target.id })}`) })
        .catch(fail);
    if (hostGranted) return void open();
    requestHosts([pattern]).then(
      (granted) =>
        granted ? void open() : notify({ text: tr('sweep.permDenied', { host: patternHost(pattern) }), tone: 'error' }),
      fail,
    );
  };
}

/** Reports in the inspection log audited today (null until read), read again after each audit shown. */
function useToday(snapshot: Snapshot | null): number | null {
  const [n, setN] = useState<number | null>(null);
  useEffect(() => {
    sendToBackground('log:today', undefined).then(setN, () => setN(null));
  }, [snapshot]);
  return n;
}

export function usePopup() {
  const locale = useSettingsLocale();
  const tr = translator(locale);
  const tab = useTabSnapshot();
  const { notice, notify } = useNotice();
  const { busy, run, reveal } = useAuditActions(tab, notify);
  const snapshot = tab.phase.kind === 'ready' ? tab.phase.snapshot : null;
  const sweep = useSweepEntry(tab.target, snapshot?.page.url, tr, notify);
  const { copy, save } = useExports(snapshot && exportMeta(snapshot), locale, tr, notify);
  /** "审核此 PDF" / "审核附件": the document view (document.html) on a file, in a new tab. */
  const openDocument = (src: string) =>
    void browser.tabs.create({ url: browser.runtime.getURL(`/document.html${documentSearch(src)}`) }).catch(() => {});
  const openOptions = () => void browser.runtime.openOptionsPage().catch(() => {});
  const openLog = () => void browser.tabs.create({ url: browser.runtime.getURL('/log.html') }).catch(() => {});
  const today = useToday(tab.phase.kind === 'ready' ? tab.phase.snapshot : null);
  return {
    locale,
    phase: tab.phase,
    busy,
    notice,
    today,
    actions: { run, reveal, sweep, openOptions, openLog, copy, save, openDocument },
  };
}

export type PopupActions = ReturnType<typeof usePopup>['actions'];
