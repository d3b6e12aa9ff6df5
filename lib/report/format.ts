// Which template the report follows, from markers in its tables and headings (report-format.md
// "Versions"). The six headings, table 三's first rows and table 四 are not discriminators.

import type { ReportFormat } from '../result';
import type { Tables } from '../tables/recognize';
import type { Heading } from './sections';

export type { ReportFormat };

export interface FormatMarkers {
  m2021: string[];
  m2019: string[];
  legacy: string[];
}

export function formatMarkers(tables: Tables, headings: Heading[]): FormatMarkers {
  const m2021 = [...(tables.t2?.markers.m2021 ?? [])];
  const m2019 = [...(tables.t2?.markers.m2019 ?? [])];
  if (tables.t3?.format === '2021') m2021.push('三、（六）其他处理分三项');
  if (tables.t3?.format === '2019') m2019.push('三、（六）其他处理为单行');
  const legacy = headings.filter((h) => h.legacy).map((h) => h.text);
  return { m2021, m2019, legacy };
}

export function classifyFormat(m: FormatMarkers): ReportFormat {
  if (m.m2021.length && m.m2019.length) return 'mixed';
  if (m.m2021.length) return '2021';
  if (m.m2019.length) return '2019';
  if (m.legacy.length) return 'legacy';
  return 'unknown';
}
