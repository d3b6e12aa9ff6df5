// The results file of a batch (`--out FILE`): JSON lines, appended one whole line at a time as pages
// finish, so Ctrl-C or a crash leaves every line but a torn last one intact (ignored on reading).
// A re-run reads it back: pages with a result are done (by source and hash, cli/batch.ts); those
// that failed are tried again. A finished run rewrites the file once (to a temporary file, then a
// rename): the latest line per page, the cross lines still valid.
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import type { BatchLine, CrossLine, ReportLine } from '../lib/batch/lines';

export interface Results {
  /** The latest report line of each source. */
  reports: Map<string, ReportLine>;
  cross: CrossLine[];
}

export function readResults(path: string): Results {
  const out: Results = { reports: new Map(), cross: [] };
  if (!existsSync(path)) return out;
  for (const text of readFileSync(path, 'utf8').split('\n')) {
    let line: BatchLine;
    try {
      line = JSON.parse(text) as BatchLine;
    } catch {
      continue; // empty, or torn by an interrupted write
    }
    if (line?.type === 'report' && typeof line.source === 'string') out.reports.set(line.source, line);
    else if (line?.type === 'cross') out.cross.push(line);
  }
  return out;
}

/** Pages with a result: what a re-run need not audit again if unchanged. */
export const doneOf = (r: Results) => new Map([...r.reports].filter(([, l]) => l.result));

export function appendResults(path: string) {
  // After a crash the file may end mid-line: start on a line of our own (its last byte tells).
  const size = existsSync(path) ? statSync(path).size : 0;
  const last = Buffer.alloc(1);
  if (size > 0) {
    const rd = openSync(path, 'r');
    readSync(rd, last, 0, 1, size - 1);
    closeSync(rd);
  }
  const fd = openSync(path, 'a');
  if (size > 0 && last[0] !== 0x0a) writeSync(fd, '\n');
  return {
    write: (line: BatchLine) => void writeSync(fd, JSON.stringify(line) + '\n'),
    close: () => closeSync(fd),
  };
}

/** What makes a cross line the same finding again. */
export const crossKey = (c: CrossLine) =>
  JSON.stringify([c.source, c.otherSource, c.finding.ruleId, c.finding.location]);

/**
 * The file after a finished run, read back from itself (the run appended its lines): every page's
 * latest line; cross lines found this run (`fresh`, by crossKey); earlier ones only between two
 * pages not audited again.
 */
export function compactResults(path: string, audited: ReadonlySet<string>, fresh: ReadonlySet<string>): BatchLine[] {
  const now = readResults(path);
  const seen = new Set<string>();
  const cross = now.cross.filter((c) => {
    const k = crossKey(c);
    const stale = !fresh.has(k) && (audited.has(c.source) || audited.has(c.otherSource));
    if (stale || seen.has(k) || !now.reports.has(c.source)) return false;
    seen.add(k);
    return true;
  });
  const lines: BatchLine[] = [...now.reports.values(), ...cross];
  writeFileSync(`${path}.tmp`, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  renameSync(`${path}.tmp`, path);
  return lines;
}
