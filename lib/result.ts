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

export type Finding = z.infer<typeof FindingSchema> & {
  params: Record<string, string | number>;
  location: string;
  category: string;
};
export type AuditResult = z.infer<typeof AuditResultSchema> & { findings: Finding[] };
