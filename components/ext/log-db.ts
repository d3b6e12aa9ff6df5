// The inspection log's store (issue 17): IndexedDB in the extension's origin, this browser only.
// Database 'inspection-log', store 'entries' keyed by the page URL (without #fragment), indexes
// on auditedAt (the cap drops the oldest audited first, the log page lists the newest first) and
// year (the previous-year lookup). Audits are recorded by the background only (putLogEntry,
// answering the content script's and the sweep page's messages); extension pages (log page,
// popup, sweep page) read directly, and the log page deletes. Every write is announced on
// BroadcastChannel('inspection-log'), which onLogChanged listens to. The decisions (update,
// versions, cap, lookups) are lib/log/record.ts; the digest's Maps and typed arrays survive
// IndexedDB's structured clone as they are.
import { LOG_CAP, type LogEntry } from '../../lib/log/entry';
import { dayRange, logKey, overCap, previousYear, recordEntry } from '../../lib/log/record';

const DB = 'inspection-log';
const STORE = 'entries';
const BY_TIME = 'auditedAt';
const BY_YEAR = 'year';
const CHANNEL = 'inspection-log';

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(STORE, { keyPath: 'url' });
      store.createIndex(BY_TIME, 'auditedAt');
      store.createIndex(BY_YEAR, 'year');
    };
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      db.onclose = () => (opening = undefined);
      resolve(db);
    };
    req.onerror = () => {
      opening = undefined;
      reject(req.error ?? new Error('IndexedDB open failed'));
    };
  });
  return opening;
}

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

const committed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

async function read<T>(fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return done(fn(db.transaction(STORE, 'readonly').objectStore(STORE)));
}

function announce(): void {
  try {
    const ch = new BroadcastChannel(CHANNEL);
    ch.postMessage('changed');
    ch.close();
  } catch {
    // no BroadcastChannel: open log pages refresh on their next load
  }
}

/** Record a fresh audit (update or new version: recordEntry), then drop the oldest past LOG_CAP. */
export async function putLogEntry(entry: LogEntry): Promise<LogEntry> {
  const db = await open();
  const tx = db.transaction(STORE, 'readwrite');
  const written = committed(tx);
  const store = tx.objectStore(STORE);
  const fresh = { ...entry, url: logKey(entry.url) };
  const existing = (await done(store.get(fresh.url))) as LogEntry | undefined;
  const saved = recordEntry(existing, fresh);
  store.put(saved);
  const count = await done(store.count());
  if (count > LOG_CAP) {
    // Keys only (url, auditedAt) through the index: the digests of 2000 entries are not loaded.
    const rows: { url: string; auditedAt: string }[] = [];
    const cursor = store.index(BY_TIME).openKeyCursor();
    await new Promise<void>((resolve, reject) => {
      cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB cursor failed'));
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return resolve();
        rows.push({ url: String(c.primaryKey), auditedAt: String(c.key) });
        c.continue();
      };
    });
    for (const url of overCap(rows, LOG_CAP)) store.delete(url);
  }
  await written;
  announce();
  return saved;
}

/** Every entry, newest audit first. */
export async function listLog(): Promise<LogEntry[]> {
  const all = (await read((s) => s.index(BY_TIME).getAll())) as LogEntry[];
  return all.reverse();
}

export async function getLogEntry(url: string): Promise<LogEntry | undefined> {
  return (await read((s) => s.get(logKey(url)))) as LogEntry | undefined;
}

export async function deleteLog(urls: string[]): Promise<void> {
  const db = await open();
  const tx = db.transaction(STORE, 'readwrite');
  for (const url of urls) tx.objectStore(STORE).delete(logKey(url));
  await committed(tx);
  announce();
}

export async function clearLog(): Promise<void> {
  const db = await open();
  const tx = db.transaction(STORE, 'readwrite');
  tx.objectStore(STORE).clear();
  await committed(tx);
  announce();
}

/** The same agency's report of the year before (lib/log/record previousYear), or undefined. */
export async function findPreviousYear(agency: string, year: number): Promise<LogEntry | undefined> {
  const candidates = (await read((s) => s.index(BY_YEAR).getAll(year - 1))) as LogEntry[];
  return previousYear(candidates, agency, year);
}

/** Reports audited today (the local day: lib/log/record dayRange), counted on the index. */
export async function countToday(): Promise<number> {
  const [from, to] = dayRange(new Date());
  return read((s) => s.index(BY_TIME).count(IDBKeyRange.bound(from, to, false, true)));
}

/** Call `cb` whenever the log changes (any context's write); returns the unsubscribe function. */
export function onLogChanged(cb: () => void): () => void {
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = () => cb();
  return () => ch.close();
}
