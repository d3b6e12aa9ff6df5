// A progress line for long CLI runs (a multi-column sweep, a directory batch): count, rate and ETA,
// redrawn in place with \r on stderr, and only when stderr is a terminal: piped output, logs and CI
// get nothing, so stdout stays data and stderr stays for real messages.
//
//   年报栏目 [██████░░░░░░░░░░░░░░] 12/40  3.1 页/秒  剩余 0:09

export interface Progress {
  /** n more done (default 1). */
  tick(n?: number): void;
  /** The total, once known or when it grows (a listing read adds its pages). */
  setTotal(total: number | null): void;
  /** Draw the last state and end the line. */
  done(): void;
}

export interface ProgressOptions {
  /** Where to draw (default process.stderr); nothing is drawn unless `isTTY`. */
  stream?: { isTTY?: boolean; columns?: number; write(s: string): unknown };
  /** Unit of the rate (default 页). */
  unit?: string;
  /** At most one redraw per this many ms (default 100); the last one is always drawn. */
  intervalMs?: number;
  now?: () => number;
}

const BAR = 20;

/** m:ss, or h:mm:ss from an hour. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60));
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** The progress line for a state (exported for tests). */
export function progressLine(
  label: string,
  count: number,
  total: number | null,
  elapsedMs: number,
  unit = '页',
): string {
  const rate = elapsedMs > 0 ? (count * 1000) / elapsedMs : 0;
  const parts = [label];
  if (total !== null && total > 0) {
    const filled = Math.min(BAR, Math.round((BAR * count) / total));
    parts.push(`[${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}]`, `${count}/${total}`);
  } else parts.push(String(count));
  if (count > 0) parts.push(`${rate.toFixed(1)} ${unit}/秒`);
  if (total !== null && count > 0 && count < total && rate > 0) parts.push(`剩余 ${clock((total - count) / rate)}`);
  return parts.join('  ');
}

/** The line cut to `cols` terminal cells (a CJK character takes two). */
function fit(line: string, cols: number): string {
  let w = 0;
  let out = '';
  for (const ch of line) {
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
    if (w > cols) break;
    out += ch;
  }
  return out;
}

export function createProgress(total: number | null, label: string, opts: ProgressOptions = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  const now = opts.now ?? Date.now;
  const interval = opts.intervalMs ?? 100;
  const start = now();
  let count = 0;
  let last = -Infinity;
  let ended = false;
  const draw = (force: boolean) => {
    if (!stream.isTTY || ended) return;
    const t = now();
    if (!force && t - last < interval) return;
    last = t;
    const line = fit(progressLine(label, count, total, t - start, opts.unit), (stream.columns || 80) - 1);
    stream.write(`\r${line}\x1b[K`); // back to the line's start, draw, clear what the last one left
  };
  return {
    tick(n = 1) {
      count += n;
      draw(false);
    },
    setTotal(n) {
      total = n;
      draw(false);
    },
    done() {
      draw(true);
      if (stream.isTTY && !ended) stream.write('\n');
      ended = true;
    },
  };
}
