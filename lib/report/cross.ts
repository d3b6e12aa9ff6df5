// What the checks that compare two reports need of a report, without its DOM: the year.* rules'
// cells of tables 二 and 三 (values only: no grid, no elements) and the prose digest of the
// copied-text checks. A batch builds it in the worker thread that audited the page and keeps it,
// a few kB, for thousands of reports; a sweep in the extension passes the report model itself,
// which has the same shape and the elements the overlay marks.
import type { T3Col } from '../tables/t3';
import type { TableFormat } from '../tables/model';
import type { ParsedValue } from '../text/normalize';
import type { ReportModel } from './build';
import { proseDigest, type ProseDigest } from './digest';

/** A table value as the year rules read it; `cell` only where the page is at hand. */
export type YearValue = ParsedValue & { spanned: boolean; cell?: { el: Element | null } | null };

/** The parts of a report's tables 二 and 三 the year rules read. */
export interface YearView {
  year: number | null;
  tables: {
    t2?: {
      format: TableFormat;
      items: Map<string, { label: string; values: Record<string, YearValue>; cols: Record<string, string> }>;
    };
    t3?: {
      cols: Partial<Record<T3Col, { label: string }>>;
      rows: Map<string, { label: string; uncertain: boolean; values: Partial<Record<T3Col, YearValue>> }>;
    };
  };
}

export interface CrossDigest {
  agency: string | null;
  view: YearView;
  prose: ProseDigest;
}

const plain = <K extends string>(values: Partial<Record<K, YearValue>>) =>
  Object.fromEntries(
    Object.entries<YearValue | undefined>(values).map(([k, v]) => {
      const rest = v && { ...v };
      delete rest?.cell;
      return [k, rest];
    }),
  ) as Partial<Record<K, YearValue>>;

/**
 * The rows the year rules read (lib/rules/year.*.ts: 上年结转 and 结转下年度 of table 三, the
 * 第二十条第（一）项 items of table 二). Only these are kept: a whole table is some 16 kB a report,
 * too much for ten thousand. A year rule that reads another row adds it here; tests/batch.test.ts
 * checks the batch's year findings against the sweep's.
 */
const T3_ROWS = new Set(['carried', 'next']);
const T2_ITEM = /^一:/;

/** The report's year view without elements (structured-cloneable: it crosses to the main thread). */
export function yearView(model: ReportModel): YearView {
  const { t2, t3 } = model.tables;
  return {
    year: model.year,
    tables: {
      t2: t2 && {
        format: t2.format,
        items: new Map(
          [...t2.items]
            .filter(([k]) => T2_ITEM.test(k))
            .map(([k, r]) => [
              k,
              { label: r.label, values: plain(r.values) as Record<string, YearValue>, cols: r.cols },
            ]),
        ),
      },
      t3: t3 && {
        cols: Object.fromEntries(Object.entries(t3.cols).map(([k, c]) => [k, { label: c!.label }])),
        rows: new Map(
          [...t3.rows]
            .filter(([k]) => T3_ROWS.has(k))
            .map(([k, r]) => [k, { label: r.label, uncertain: r.uncertain, values: plain(r.values) }]),
        ),
      },
    },
  };
}

export const crossDigest = (model: ReportModel): CrossDigest => ({
  agency: model.agency,
  view: yearView(model),
  prose: proseDigest(model),
});
