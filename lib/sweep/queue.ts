// A polite work queue: at most `concurrency` tasks at once, successive starts at least `delayMs`
// apart (a portal is asked for one page at a time, a few in flight), cancellable with an
// AbortSignal. Every item gets an outcome, in input order: done, failed (with the error) or
// cancelled (never started, or aborted).

export type QueueOutcome<R> =
  { status: 'done'; value: R } | { status: 'failed'; error: unknown } | { status: 'cancelled' };

export interface QueueOptions<R> {
  /** Tasks in flight at most (default 3). */
  concurrency?: number;
  /** Minimum time between two starts, in ms (default 200). */
  delayMs?: number;
  signal?: AbortSignal;
  onStart?: (index: number) => void;
  onSettle?: (index: number, outcome: QueueOutcome<R>) => void;
}

export const DEFAULT_CONCURRENCY = 3;
export const DEFAULT_DELAY_MS = 200;

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

export async function runQueue<T, R>(
  items: readonly T[],
  task: (item: T, index: number, signal?: AbortSignal) => Promise<R>,
  opts: QueueOptions<R> = {},
): Promise<QueueOutcome<R>[]> {
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? DEFAULT_CONCURRENCY));
  const delayMs = Math.max(0, opts.delayMs ?? DEFAULT_DELAY_MS);
  const { signal } = opts;
  const out: (QueueOutcome<R> | undefined)[] = new Array(items.length);
  let next = 0;
  /** When the last task actually started; starts take turns through `turn`. */
  let lastStart = -Infinity;
  let turn: Promise<void> = Promise.resolve();
  const startSlot = () =>
    (turn = turn.then(async () => {
      for (let wait = lastStart + delayMs - Date.now(); wait > 0 && !signal?.aborted;) {
        await sleep(wait, signal);
        wait = lastStart + delayMs - Date.now();
      }
      lastStart = Date.now();
    }));

  const settle = (i: number, o: QueueOutcome<R>) => {
    out[i] = o;
    opts.onSettle?.(i, o);
  };

  const worker = async () => {
    while (!signal?.aborted && next < items.length) {
      const i = next++;
      await startSlot(); // at least delayMs after the previous start, measured from the actual starts
      if (signal?.aborted) {
        settle(i, { status: 'cancelled' });
        break;
      }
      opts.onStart?.(i);
      try {
        const value = await task(items[i], i, signal);
        settle(i, { status: 'done', value }); // finished before the abort took effect: keep it
      } catch (error) {
        settle(i, signal?.aborted ? { status: 'cancelled' } : { status: 'failed', error });
      }
    }
  };

  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  for (let i = 0; i < items.length; i++) if (!out[i]) settle(i, { status: 'cancelled' });
  return out as QueueOutcome<R>[];
}
