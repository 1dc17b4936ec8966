/**
 * Golden regulation cases: one file per ruleset, each case a cadre + nomination with the verdict the regulation
 * gives and the article it illustrates. Cases are written from the regulation, never from the engine's output.
 */
import { z } from 'zod/mini';
import type { DocumentKind } from './loadDocument.ts';

export const GoldenExpectation = z.strictObject({
  eligible: z.optional(z.boolean()),
  /**
   * The nomination's level is outside the regulation's scope (`regulation.levels`): `true` expects the out-of-scope
   * verdict, `false` an ordinary one.
   */
  outOfScope: z.optional(z.boolean()),
  /** Regulation code the nomination date selects, e.g. `57-QĐ/TW`. */
  regulation: z.optional(z.string()),
  /** Exact set of failed rule ids (the subject-group failure is `<ruleset>-<level>-subject`). */
  failures: z.optional(z.array(z.string())),
  /** Subject rules that must match (others may match too). */
  subjects: z.optional(z.array(z.string())),
  /** Outcome of named rules, for boundary checks: `{ "tc-part-time-age": true }`. */
  rules: z.optional(z.record(z.string(), z.boolean())),
  /** Institution id, or null when none can be determined. */
  institution: z.optional(z.nullable(z.string())),
  /** Diagnostic code expected instead of a verdict (e.g. `nomination/no-regulation`). */
  error: z.optional(z.string()),
  /** Exact set of rules a recorded special decision waived (`[]`: none was waived). */
  waived: z.optional(z.array(z.string())),
  /** Exact set of the verdict's warning codes (e.g. `verdict/no-confirmed-rule`; `[]`: none). */
  warnings: z.optional(z.array(z.string())),
  /** Exact set of the overlays with a change in force on the nomination date (`[]`: the base alone judged). */
  overlays: z.optional(z.array(z.string())),
  /** The layer (base ruleset id or overlay id) each named failure comes from: `{ "tc350-part-time-age": "lao-cai-…" }`. */
  layers: z.optional(z.record(z.string(), z.string())),
});

export const GoldenCase = z.strictObject({
  id: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  /** The article the case illustrates, e.g. "57-QĐ/TW Điều 5 khoản 2". */
  citation: z.string().check(z.minLength(1)),
  /** Where the expected answer comes from (the source and its confidence), and why. */
  note: z.optional(z.string()),
  /** Deep-merged over the file's base profile (arrays replace). */
  profile: z._default(z.record(z.string(), z.unknown()), {}),
  nomination: z._default(z.record(z.string(), z.unknown()), {}),
  expect: GoldenExpectation,
});
export type GoldenCase = z.infer<typeof GoldenCase>;

export const GoldenCaseFileSchema = z.object({
  schema: z.literal('llct/golden-cases'),
  version: z.literal(1),
  /** Id of the ruleset the cases are about. */
  ruleset: z.string(),
  description: z.optional(z.string()),
  base: z.object({
    profile: z.record(z.string(), z.unknown()),
    nomination: z.record(z.string(), z.unknown()),
  }),
  cases: z.array(GoldenCase).check(z.minLength(1)),
  /**
   * Overlay files (`llct/ruleset-overlay`) layered over the rulesets for every case, as paths relative to the case
   * file; the command that runs the cases reads them (the engine reads no file).
   */
  overlays: z.optional(z.array(z.string().check(z.minLength(1)))),
});
export type GoldenCaseFile = z.infer<typeof GoldenCaseFileSchema>;

export const GOLDEN_CASES_KIND: DocumentKind<typeof GoldenCaseFileSchema> = {
  kind: 'llct/golden-cases', version: 1, schema: GoldenCaseFileSchema,
};
