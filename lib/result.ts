// The audit result contract (../shared/spec/rules.md "The audit result (JSON)"). zod/mini keeps
// the bundle small; objects are loose so added fields pass.
import * as z from 'zod/mini';

const num = z.number();
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export const FormatSchema = z.enum(['2021', '2019', 'legacy', 'mixed', 'unknown']);

export const FindingSchema = z.looseObject({
  ruleId: z.string(),
  severity: SeveritySchema,
  outcome: z.enum(['violation', 'review']),
  message: z.string(),
  table: z.optional(z.enum(['t2', 't3', 't4'])),
  row: z.optional(z.string()),
  col: z.optional(z.string()),
  expected: z.optional(z.union([num, z.string()])),
  actual: z.optional(z.union([num, z.string()])),
  formula: z.optional(z.string()),
});

export const AuditResultSchema = z.looseObject({
  detected: z.boolean(),
  reason: z.string(),
  report: z.optional(
    z.looseObject({
      title: z.nullable(z.string()),
      agency: z.nullable(z.string()),
      year: z.nullable(num),
      format: FormatSchema,
      publishedAt: z.nullable(z.string()),
    }),
  ),
  sections: z.array(z.looseObject({ number: z.string(), title: z.string(), found: z.boolean() })),
  tables: z.array(z.looseObject({ id: z.enum(['t2', 't3', 't4']), format: z.string(), rows: num, cols: num })),
  findings: z.array(FindingSchema),
  summary: z.looseObject({ error: num, warning: num, info: num, review: num }),
  timingMs: z.looseObject({ detect: num, parse: num, rules: num }),
});

// The TypeScript shapes of the contract (the schemas above validate them; extra fields allowed).
export interface Finding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  outcome: 'violation' | 'review';
  message: string;
  table?: 't2' | 't3' | 't4';
  row?: string;
  col?: string;
  expected?: number | string;
  actual?: number | string;
  formula?: string;
  /** Where, in the report's own labels. */
  location: string;
  category: string;
  /** CSS path (from <body>) of the element the marker sits on. */
  target?: string;
  /** Template parameters, so a UI can re-render the message in another locale. */
  params: Record<string, string | number>;
}

export interface AuditResult {
  detected: boolean;
  reason: string;
  report?: {
    title: string | null;
    agency: string | null;
    year: number | null;
    format: z.infer<typeof FormatSchema>;
    publishedAt: string | null;
  };
  sections: { number: string; title: string; found: boolean }[];
  tables: { id: 't2' | 't3' | 't4'; format: string; rows: number; cols: number }[];
  findings: Finding[];
  summary: { error: number; warning: number; info: number; review: number };
  timingMs: { detect: number; parse: number; rules: number };
  /** The audit ran out of its time budget: these rules did not run (a partial result). */
  incomplete?: { stage: 'rules'; skipped: string[] };
}
