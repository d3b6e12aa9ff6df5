// The figures of a bench part that appends to bench/results.json (bench/run.ts writes it first):
// recorded with their budget, printed as a table, and saved in place of the part's earlier ones.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figure {
  metric: string;
  value: number;
  unit: string;
  budget?: string;
  pass?: boolean;
}

export function figures() {
  const rows: Figure[] = [];
  const record = (metric: string, value: number, unit: string, budget?: { ok: boolean; text: string }) =>
    rows.push({
      metric,
      value: Math.round(value * 100) / 100,
      unit,
      ...(budget ? { budget: budget.text, pass: budget.ok } : {}),
    });
  /** Print the table; replace this part's figures (metrics matching `mine`) in bench/results.json. */
  const save = (mine: RegExp, dateKey: string) => {
    const width = Math.max(...rows.map((r) => r.metric.length));
    for (const r of rows)
      console.log(
        `${r.metric.padEnd(width)}  ${`${r.value} ${r.unit}`.padEnd(16)}${(r.budget ?? '').padEnd(10)}${r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL'}`,
      );
    const file = join(import.meta.dirname, 'results.json');
    const prev = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { results: [] };
    const kept = (prev.results as Figure[]).filter((r) => !mine.test(r.metric));
    writeFileSync(
      file,
      JSON.stringify({ ...prev, [dateKey]: new Date().toISOString(), results: [...kept, ...rows] }, null, 2),
    );
  };
  return { record, save };
}
