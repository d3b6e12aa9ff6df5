// The log page's controller: reads the inspection log (components/ext/log-db.ts, IndexedDB) and
// reads it again whenever any context writes it, follows the UI language setting, and holds the
// table's sort, filter, selection and open rows, the confirm step of delete and clear, and the
// exports (clipboard: TSV + HTML table; CSV download; Markdown). Every browser call of the page
// is here; the views render what it returns.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LogEntry } from '../../lib/log/entry';
import { translator } from '../../lib/i18n';
import { errorText } from '../errors';
import { writeClipboard } from '../ext/clipboard';
import { download } from '../ext/download';
import { clearLog, deleteLog, listLog, onLogChanged } from '../ext/log-db';
import { useSettingsLocale } from '../ext/settings-locale';
import {
  chosenRows,
  DEFAULT_SORT,
  filterRows,
  logFileName,
  logRows,
  nextSort,
  sortRows,
  toCsv,
  toHtml,
  toMarkdown,
  toTsv,
  type Show,
  type Sort,
  type SortKey,
} from './model';

export interface Notice {
  text: string;
  tone: 'ok' | 'error';
}

/** The confirm step of a destructive action: which entries it will remove. */
export type Confirm = { kind: 'delete'; urls: string[] } | { kind: 'clear'; n: number };

/** Entries as stored, read again on every change; null until the first read. */
function useEntries() {
  const [entries, setEntries] = useState<LogEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const list = await listLog();
      if (mine !== seq.current) return; // a later read is on its way
      setEntries(list);
      setError(null);
    } catch (e) {
      if (mine === seq.current) setError(errorText(e));
    }
  }, []);
  useEffect(() => {
    void reload();
    return onLogChanged(() => void reload());
  }, [reload]);
  return { entries, error, reload };
}

/** A set of URLs with toggling; entries gone from the log drop out of it. */
function useUrlSet(live: ReadonlySet<string>) {
  const [set, setSet] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    setSet((s) => ([...s].every((u) => live.has(u)) ? s : new Set([...s].filter((u) => live.has(u)))));
  }, [live]);
  const toggle = (url: string) =>
    setSet((s) => {
      const n = new Set(s);
      if (n.has(url)) n.delete(url);
      else n.add(url);
      return n;
    });
  return { set, setSet, toggle };
}

export function useLog() {
  const locale = useSettingsLocale();
  const tr = translator(locale);
  const { entries, error, reload } = useEntries();
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [query, setQuery] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const rows = useMemo(() => logRows(entries ?? []), [entries]);
  const live = useMemo(() => new Set(rows.map((r) => r.url)), [rows]);
  const shown = useMemo(() => sortRows(filterRows(rows, { query, show }), sort), [rows, query, show, sort]);
  const selection = useUrlSet(live);
  const open = useUrlSet(live);
  const selectedShown = useMemo(() => shown.filter((r) => selection.set.has(r.url)), [shown, selection.set]);

  const fail = (e: unknown) => setNotice({ text: tr('log.actionError', { error: errorText(e) }), tone: 'error' });

  const copy = async (format: 'table' | 'markdown') => {
    const chosen = chosenRows(shown, selection.set);
    try {
      if (format === 'table') await writeClipboard(toTsv(chosen, locale), toHtml(chosen, locale));
      else await writeClipboard(toMarkdown(chosen, locale));
      setNotice({ text: tr('log.copied', { n: chosen.length }), tone: 'ok' });
    } catch (e) {
      setNotice({ text: tr('export.clipboardError', { error: errorText(e) }), tone: 'error' });
    }
  };
  const saveCsv = () => {
    const name = logFileName(new Date(), locale);
    download(name, toCsv(chosenRows(shown, selection.set), locale), 'text/csv;charset=utf-8');
    setNotice({ text: tr('export.downloaded', { name }), tone: 'ok' });
  };
  const askDelete = () => {
    if (selectedShown.length) setConfirm({ kind: 'delete', urls: selectedShown.map((r) => r.url) });
  };
  const askClear = () => {
    if (rows.length) setConfirm({ kind: 'clear', n: rows.length });
  };
  const confirmed = async () => {
    const c = confirm;
    setConfirm(null);
    if (!c) return;
    try {
      if (c.kind === 'delete') await deleteLog(c.urls);
      else await clearLog();
      setNotice({
        text: c.kind === 'delete' ? tr('log.deleted', { n: c.urls.length }) : tr('log.cleared'),
        tone: 'ok',
      });
    } catch (e) {
      fail(e);
    }
    await reload();
  };
  /** The header box: select every row shown, or unselect them when all are selected. */
  const selectShown = (on: boolean) =>
    selection.setSet((s) => {
      const n = new Set(s);
      for (const r of shown) {
        if (on) n.add(r.url);
        else n.delete(r.url);
      }
      return n;
    });

  return {
    locale,
    loading: entries === null && !error,
    error,
    notice,
    confirm,
    table: { rows, shown, sort, query, show, selected: selection.set, selectedShown, open: open.set },
    actions: {
      toggleSort: (key: SortKey) => setSort((s) => nextSort(s, key)),
      setQuery,
      setShow,
      toggleSelect: selection.toggle,
      selectShown,
      toggleOpen: open.toggle,
      copy: (format: 'table' | 'markdown') => void copy(format),
      saveCsv,
      askDelete,
      askClear,
      confirm: () => void confirmed(),
      cancel: () => setConfirm(null),
    },
  };
}

export type LogState = ReturnType<typeof useLog>;
