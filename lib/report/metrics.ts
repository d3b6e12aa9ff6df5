// The table value a prose claim is compared with.
import type { ReportModel } from './build';
import type { Metric } from './claims';
import type { ValueCell } from '../tables/logical';

export interface MetricValue {
  value: number;
  label: string;
  cells: Element[];
  /** Read from blank/placeholder cells. */
  soft: boolean;
}

const T3: Partial<Record<Metric, [string, string[]]>> = {
  received: ['表三 一、本年新收 / 总计', ['new']],
  receivedAll: ['表三 一、本年新收 + 二、上年结转 / 总计', ['new', 'carried']],
  carried: ['表三 二、上年结转 / 总计', ['carried']],
  answered: ['表三 （七）总计 / 总计', ['total']],
  next: ['表三 四、结转下年度继续办理 / 总计', ['next']],
  r1: ['表三 （一）予以公开 / 总计', ['r1']],
  r2: ['表三 （二）部分公开 / 总计', ['r2']],
  r1r2: ['表三 （一）予以公开 +（二）部分公开 / 总计', ['r1', 'r2']],
};
const GROUP: Partial<Record<Metric, [string, string]>> = {
  r3: ['表三 （三）不予公开 各项合计', 'r3.'],
  r4: ['表三 （四）无法提供 各项合计', 'r4.'],
  r5: ['表三 （五）不予处理 各项合计', 'r5.'],
  r6: ['表三 （六）其他处理 各项合计', 'r6'],
};
const T2: Partial<Record<Metric, [string, string]>> = {
  permits: ['表二 行政许可 处理决定数量', '五:行政许可'],
  penalties: ['表二 行政处罚 处理决定数量', '六:行政处罚'],
  enforcement: ['表二 行政强制 处理决定数量', '六:行政强制'],
};

function fold(label: string, vs: (ValueCell | undefined)[]): MetricValue | null {
  if (!vs.length || vs.some((v) => !v || v.kind === 'text')) return null;
  const cells = vs.map((v) => v!.cell?.el).filter((e): e is Element => !!e);
  return {
    value: vs.reduce((s, v) => s + (v!.kind === 'text' ? 0 : v!.value), 0),
    label,
    cells,
    soft: vs.some((v) => v!.kind === 'placeholder' || v!.spanned),
  };
}

/** "受理申请75件" may count last year's carried-over applications too (新收 74 + 结转 1). */
const ALSO: Partial<Record<Metric, Metric[]>> = { received: ['receivedAll'] };

/** The table values a claim may mean: the usual reading first, then accepted alternatives. */
export function metricValues(r: ReportModel, metric: Metric): MetricValue[] {
  return [metric, ...(ALSO[metric] ?? [])].map((m) => metricValue(r, m)).filter((v): v is MetricValue => !!v);
}

export function metricValue(r: ReportModel, metric: Metric): MetricValue | null {
  const { t2, t3, t4 } = r.tables;
  if (T3[metric] && t3) {
    const [label, keys] = T3[metric]!;
    const rows = keys.map((k) => t3.rows.get(k));
    return rows.every(Boolean)
      ? fold(
          label,
          rows.map((row) => row!.values.total),
        )
      : null;
  }
  if (GROUP[metric] && t3) {
    const [label, prefix] = GROUP[metric]!;
    const rows = [...t3.rows.entries()].filter(([k]) => k.startsWith(prefix)).map(([, v]) => v.values.total);
    return fold(label, rows);
  }
  if (T2[metric] && t2) {
    const [label, key] = T2[metric]!;
    const row = t2.items.get(key);
    return row ? fold(label, [row.values.decisions ?? row.values.decisions19]) : null;
  }
  if (t4 && metric === 'review') return fold('表四 行政复议 / 总计', [t4.cells['review.total']]);
  if (t4 && metric === 'litigation')
    return fold('表四 行政诉讼 未经复议直接起诉总计 + 复议后起诉总计', [
      t4.cells['direct.total'],
      t4.cells['after.total'],
    ]);
  return null;
}
