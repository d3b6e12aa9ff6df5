// The audit result contract (../shared/spec/rules.md "The audit result (JSON)") as zod schemas:
// tests and the background validate with them, ./result.ts derives its types from them. zod/mini
// keeps the bundle small; the validators are loose so added fields pass.
import * as z from 'zod/mini';
import { CATEGORIES } from './result';

const num = z.number();
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export const OutcomeSchema = z.enum(['violation', 'review']);
export const FormatSchema = z.enum(['2021', '2019', 'legacy', 'mixed', 'unknown']);
export const TableIdSchema = z.enum(['t2', 't3', 't4']);

const finding = {
  ruleId: z.string(),
  severity: SeveritySchema,
  outcome: OutcomeSchema,
  message: z.string(),
  /** Where, in the report's own labels. */
  location: z.string(),
  category: z.enum([...CATEGORIES, 'year']),
  /** Template parameters, so a UI can re-render the message in another locale. */
  params: z.record(z.string(), z.union([z.string(), num])),
  table: z.optional(TableIdSchema),
  row: z.optional(z.string()),
  col: z.optional(z.string()),
  expected: z.optional(z.union([num, z.string()])),
  actual: z.optional(z.union([num, z.string()])),
  formula: z.optional(z.string()),
  /** CSS path (from <body>) of the element the marker sits on. */
  target: z.optional(z.string()),
  /** A document's page the finding is on (1-based): PDF reports. */
  page: z.optional(num),
};

const summary = { error: num, warning: num, info: num, review: num };

const result = {
  detected: z.boolean(),
  reason: z.string(),
  report: z.optional(
    z.object({
      title: z.nullable(z.string()),
      agency: z.nullable(z.string()),
      year: z.nullable(num),
      format: FormatSchema,
      publishedAt: z.nullable(z.string()),
    }),
  ),
  sections: z.array(z.object({ number: z.string(), title: z.string(), found: z.boolean() })),
  tables: z.array(z.object({ id: TableIdSchema, format: z.string(), rows: num, cols: num })),
  findings: z.array(z.object(finding)),
  summary: z.object(summary),
  timingMs: z.object({ detect: num, parse: num, rules: num }),
  /** The audit ran out of its time budget: these rules did not run (a partial result). */
  incomplete: z.optional(z.object({ stage: z.literal('rules'), skipped: z.array(z.string()) })),
};

/** Validators: loose, so a result with fields added later still passes. */
export const FindingSchema = z.looseObject(finding);
export const AuditResultSchema = z.looseObject({ ...result, findings: z.array(FindingSchema) });

/** The exact shapes of the same fields, for the types in ./result.ts (a misspelt field is an error). */
export const FindingShape = z.object(finding);
export const AuditResultShape = z.object(result);
