// A polite work queue. Requests go through a gate: at most `perHost` in flight to one host and
// successive starts to that host at least `delayMs` apart (a portal is asked for one page at a time,
// a few in flight), at most `total` in flight overall; different hosts proceed side by side. One
// gate can be shared by several queues (the CLI's multi-column sweep), so the limits hold across
// them. A failed attempt may be retried after an exponential backoff with jitter, or the wait the
// server asked for (5xx, 429, timeouts: the caller's `retryable` and `asked`). Cancellable with an AbortSignal. Every item gets an outcome,
// in input order: done, failed (with the last error) or cancelled (never started, or aborted).

export type QueueOutcome<R> =
  { status: 'done'; value: R } | { status: 'failed'; error: unknown } | { status: 'cancelled' };

export interface RetryPolicy {
  /** Attempts per item in all, the first included (default 1: no retry). */
  attempts?: number;
  /** The first backoff, ms (default 1000); then doubled for each further attempt, plus up to half again at random. */
  backoffMs?: number;
  /** Whether a failure is worth another attempt (default: any failure). */
  retryable?: (error: unknown) => boolean;
  /** The wait a failure asks for (a server's Retry-After), ms: waited instead of the backoff when
   *  longer, up to MAX_ASKED_WAIT_MS (a server asking for more is not waited on longer). */
  asked?: (error: unknown) => number | undefined;
}

/** The longest wait a server's Retry-After gets, ms: a sweep is not held up for longer. */
export const MAX_ASKED_WAIT_MS = 60_000;

export interface QueueOptions<T, R> {
  /** Tasks in flight at most, per host and overall (default 3); ignored with a shared `gate`. */
  concurrency?: number;
  /** Minimum time between two starts to one host, in ms (default 200); ignored with a shared `gate`. */
  delayMs?: number;
  /** The host an item's request goes to (default: one host for all); null: no request, only the overall cap. */
  key?: (item: T, index: number) => string | null;
  /** A gate shared with other queues (createGate); its limits replace `concurrency` and `delayMs`. */
  gate?: PoliteGate;
  retry?: RetryPolicy;
  signal?: AbortSignal;
  /** The item's first attempt starts. */
  onStart?: (index: number) => void;
  /** An attempt failed and another follows in `waitMs`. */
  onRetry?: (index: number, attempt: number, error: unknown, waitMs: number) => void;
  onSettle?: (index: number, outcome: QueueOutcome<R>) => void;
}

export const DEFAULT_CONCURRENCY = 3;
export const DEFAULT_DELAY_MS = 200;
/** In flight at most over all hosts, for a gate shared by many hosts. */
export const DEFAULT_TOTAL = 12;
export const DEFAULT_BACKOFF_MS = 1000;

/** Resolves after `ms`, or at once when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The host part of a URL for the per-host limits (with its port: another port is another server); null for non-web URLs. */
export function hostKey(url: string): string | null {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) && u.host ? u.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

export interface GateOptions {
  /** In flight at most to one host (default 3). */
  perHost?: number;
  /** In flight at most overall (default 12). */
  total?: number;
  /** Minimum time between two starts to one host, in ms (default 200). */
  delayMs?: number;
}

export interface PoliteGate {
  /** In flight at most overall. */
  readonly total: number;
  /**
   * Wait for a turn to send a request to `host` (null: no request, only the overall cap). Resolves
   * with the function that gives the turn back (call it once the request is done), or with null
   * when the signal aborts first. Turns are given in the order asked, except that a host at its
   * limit does not hold up the others.
   */
  acquire(host: string | null, signal?: AbortSignal): Promise<(() => void) | null>;
}

export function createGate(opts: GateOptions = {}): PoliteGate {
  const perHost = Math.max(1, Math.floor(opts.perHost ?? DEFAULT_CONCURRENCY));
  const total = Math.max(1, Math.floor(opts.total ?? DEFAULT_TOTAL));
  const delayMs = Math.max(0, opts.delayMs ?? DEFAULT_DELAY_MS);
  const hosts = new Map<string, { active: number; lastStart: number }>();
  const waiting: { host: string | null; grant: (release: (() => void) | null) => void }[] = [];
  let active = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;

  const hostState = (h: string) => {
    let s = hosts.get(h);
    if (!s) hosts.set(h, (s = { active: 0, lastStart: -Infinity }));
    return s;
  };

  const pump = () => {
    const now = Date.now();
    let wakeAt = Infinity;
    for (let i = 0; i < waiting.length && active < total;) {
      const w = waiting[i];
      const s = w.host === null ? null : hostState(w.host);
      if (s && s.active >= perHost) {
        i++; // its host is at the limit: a release pumps again
        continue;
      }
      if (s && s.lastStart + delayMs > now) {
        wakeAt = Math.min(wakeAt, s.lastStart + delayMs);
        i++;
        continue;
      }
      waiting.splice(i, 1);
      active++;
      if (s) {
        s.active++;
        s.lastStart = now;
      }
      let released = false;
      w.grant(() => {
        if (released) return;
        released = true;
        active--;
        if (s) s.active--;
        pump();
      });
    }
    if (wakeAt < timerAt) {
      clearTimeout(timer);
      timerAt = wakeAt;
      timer = setTimeout(
        () => {
          timer = undefined;
          timerAt = Infinity;
          pump(); // a timer may fire a little early: pump sets another for the rest
        },
        Math.max(1, wakeAt - now),
      );
    }
  };

  return {
    total,
    acquire(host, signal) {
      return new Promise((resolve) => {
        if (signal?.aborted) return resolve(null);
        const w = {
          host,
          grant: (release: (() => void) | null) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(release);
          },
        };
        const onAbort = () => {
          const i = waiting.indexOf(w);
          if (i >= 0) waiting.splice(i, 1);
          resolve(null);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(w);
        pump();
      });
    },
  };
}

/** The wait before attempt `attempt + 1`: base·2^(attempt−1), plus up to half again at random. */
export function backoff(attempt: number, baseMs = DEFAULT_BACKOFF_MS, random: () => number = Math.random): number {
  const ms = baseMs * 2 ** (attempt - 1);
  return Math.round(ms + (ms / 2) * random());
}

export async function runQueue<T, R>(
  items: readonly T[],
  task: (item: T, index: number, signal?: AbortSignal) => Promise<R>,
  opts: QueueOptions<T, R> = {},
): Promise<QueueOutcome<R>[]> {
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const gate = opts.gate ?? createGate({ perHost: concurrency, total: concurrency, delayMs: opts.delayMs });
  const attempts = Math.max(1, Math.floor(opts.retry?.attempts ?? 1));
  const { signal } = opts;
  const out: QueueOutcome<R>[] = new Array(items.length);

  const settle = (i: number, o: QueueOutcome<R>) => {
    out[i] = o;
    opts.onSettle?.(i, o);
  };

  const one = async (item: T, i: number) => {
    const host = opts.key ? opts.key(item, i) : '';
    for (let attempt = 1; ; attempt++) {
      const release = await gate.acquire(host, signal);
      if (!release) return settle(i, { status: 'cancelled' });
      if (attempt === 1) opts.onStart?.(i);
      let error: unknown;
      try {
        const value = await task(item, i, signal);
        return settle(i, { status: 'done', value }); // finished before the abort took effect: keep it
      } catch (e) {
        error = e;
      } finally {
        release();
      }
      if (signal?.aborted) return settle(i, { status: 'cancelled' });
      if (attempt >= attempts || !(opts.retry?.retryable?.(error) ?? true))
        return settle(i, { status: 'failed', error });
      const asked = Math.min(opts.retry?.asked?.(error) ?? 0, MAX_ASKED_WAIT_MS);
      const wait = Math.max(asked, backoff(attempt, opts.retry?.backoffMs));
      opts.onRetry?.(i, attempt, error, wait);
      await sleep(wait, signal); // the turn is given back meanwhile: other pages go ahead
      if (signal?.aborted) return settle(i, { status: 'cancelled' });
    }
  };

  // As many workers as the gate lets run at once, each taking the next item (and waiting out its
  // backoffs): the gate sees a few turns asked at a time, in input order.
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await one(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(gate.total, items.length) }, worker));
  return out;
}
