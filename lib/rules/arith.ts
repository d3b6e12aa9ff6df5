// Shared arithmetic for the sum.* rules: compare two sides of an identity, within the rounding
// of the amounts shown, and say which blank/placeholder cells it depended on.

import { isSoft, type ValueCell } from '../tables/logical';

export interface Term {
  label: string;
  v: ValueCell | undefined;
}

export interface Comparison {
  lhs: number;
  rhs: number;
  ok: boolean;
  /** Terms read from blank/placeholder cells. */
  soft: Term[];
  /** Some term is missing or not a number: the identity cannot be checked. */
  skipped: boolean;
}

const decimals = (v: ValueCell | undefined) => (v && v.kind === 'number' ? v.decimals : 0);
const val = (v: ValueCell | undefined) => (v && v.kind !== 'text' ? v.value : NaN);

export function compare(left: Term[], right: Term[]): Comparison {
  const all = [...left, ...right];
  const skipped = all.some((t) => !t.v || t.v.kind === 'text');
  const lhs = left.reduce((s, t) => s + val(t.v), 0);
  const rhs = right.reduce((s, t) => s + val(t.v), 0);
  const d = Math.max(0, ...all.map((t) => decimals(t.v)));
  const ok = Math.abs(lhs - rhs) < 0.5 * 10 ** -d + 1e-9;
  return { lhs: round(lhs, d), rhs: round(rhs, d), ok, soft: all.filter((t) => t.v && isSoft(t.v)), skipped };
}

const round = (x: number, d: number) => Number(x.toFixed(d));

/** "本年新收 3 + 上年结转 0（空白）" */
export function side(terms: Term[]): string {
  return terms
    .map((t) => `${t.label} ${t.v && t.v.kind !== 'text' ? t.v.value : '?'}${t.v && isSoft(t.v) ? '（空白）' : ''}`)
    .join(' + ');
}

/**
 * A total against its parts: null when it matches (or cannot be checked), else the finding's
 * shared fields — the values (total as written, sum of the parts), the total's cell and the parts'
 * cells, and a review instead of a violation when it rests on a blank cell or an uncertain row.
 */
export function totalMismatch(total: Term, parts: Term[], uncertain: boolean) {
  const cmp = compare([total], parts);
  if (cmp.skipped || cmp.ok) return null;
  return {
    outcome: cmp.soft.length || uncertain ? ('review' as const) : ('violation' as const),
    expected: cmp.rhs,
    actual: cmp.lhs,
    targets: [total.v?.cell?.el],
    related: cellsOf(parts),
  };
}

export const cellsOf = (terms: Term[]) => terms.map((t) => t.v?.cell?.el);
