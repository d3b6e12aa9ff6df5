// Find tables 二, 三, 四 among the container's tables by their labels (never by position) and
// merge the pieces of one table that the page split into several <table> elements.

import type { Block } from '../dom/blocks';
import { buildGrid, type Grid } from './grid';
import { toLogical } from './logical';
import { isT2, parseT2, type T2 } from './t2';
import { isT3, parseT3, type T3 } from './t3';
import { isT4, parseT4, type T4 } from './t4';
import type { TableId } from './model';
import type { Steps } from '../steps';

export interface Tables {
  t2?: T2;
  t3?: T3;
  t4?: T4;
  /** Tables that are none of the three (local extras, layout). */
  others: Element[];
}

function gridKeys(g: Grid): string[] {
  const keys: string[] = [];
  for (const row of g.rows) for (const cell of row) if (cell.key && cell.el) keys.push(cell.key);
  return keys;
}

function kindOf(keys: string[]): TableId | null {
  if (isT3(keys)) return 't3';
  if (isT4(keys)) return 't4';
  if (isT2(keys)) return 't2';
  return null;
}

const hasNumbers = (g: Grid) => g.rows.some((row) => row.filter((c) => /^\d/.test(c.text)).length >= 3);

/** Headings and prose between two tables end a table; short notes such as "单位：件" do not. */
const breaksTable = (b: Block) => b.kind === 'text' && b.text.length > 30;

/** Build each table's grid once (one step per table), group split tables, parse 二/三/四. */
export function* recognizeTables(blocks: Block[], isHeading: (b: Block) => boolean, stop = () => false): Steps<Tables> {
  const groups: { kind: TableId | null; grids: Grid[] }[] = [];
  let open = false;
  for (const b of blocks) {
    if (stop()) break; // out of time: the caller discards this partial model
    if (b.kind !== 'table') {
      if (isHeading(b) || breaksTable(b)) open = false;
      continue;
    }
    const grid = buildGrid(b.el, 0);
    const kind = kindOf(gridKeys(grid));
    const last = groups[groups.length - 1];
    if (
      open &&
      last &&
      last.kind &&
      (kind === last.kind || (kind === null && last.kind !== 't2' && hasNumbers(grid)))
    ) {
      grid.rows.forEach((row) => row.forEach((c) => (c.part = last.grids.length)));
      last.grids.push(grid);
    } else groups.push({ kind, grids: [grid] });
    open = true;
    yield;
  }
  const out: Tables = { others: [] };
  for (const g of groups) {
    if (g.kind === 't2' && !out.t2) out.t2 = parseT2(toLogical(g.grids));
    else if (g.kind === 't3' && !out.t3) out.t3 = parseT3(toLogical(g.grids));
    else if (g.kind === 't4' && !out.t4) out.t4 = parseT4(toLogical(g.grids));
    else out.others.push(...g.grids.map((x) => x.table));
  }
  return out;
}
