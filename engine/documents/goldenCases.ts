/**
 * Golden regulation cases: one file per ruleset, each case a cadre + nomination with the verdict the regulation
 * gives and the article it illustrates. Cases are written from the regulation, never from the engine's output.
 */
import { z } from 'zod';
import type { DocumentKind } from './loadDocument.ts';

export const GoldenExpectation = z.object({
  eligible: z.boolean().optional(),
  /**
   * The nomination's level is outside the regulation's scope (`regulation.levels`): `true` expects the out-of-scope
   * verdict, `false` an ordinary one.
   */
  outOfScope: z.boolean().optional(),
  /** Regulation code the nomination date selects, e.g. `57-QĐ/TW`. */
  regulation: z.string().optional(),
  /** Exact set of failed rule ids (the subject-group failure is `<ruleset>-<level>-subject`). */
  failures: z.array(z.string()).optional(),
  /** Subject rules that must match (others may match too). */
  subjects: z.array(z.string()).optional(),
  /** Outcome of named rules, for boundary checks: `{ "tc-part-time-age": true }`. */
  rules: z.record(z.string(), z.boolean()).optional(),
  /** Institution id, or null when none can be determined. */
  institution: z.string().nullable().optional(),
  /** Diagnostic code expected instead of a verdict (e.g. `nomination/no-regulation`). */
  error: z.string().optional(),
  /** Exact set of rules a recorded special decision waived (`[]`: none was waived). */
  waived: z.array(z.string()).optional(),
  /** Exact set of the verdict's warning codes (e.g. `verdict/no-confirmed-rule`; `[]`: none). */
  warnings: z.array(z.string()).optional(),
  /** Exact set of the overlays with a change in force on the nomination date (`[]`: the base alone judged). */
  overlays: z.array(z.string()).optional(),
  /** The layer (base ruleset id or overlay id) each named failure comes from: `{ "tc350-part-time-age": "lao-cai-…" }`. */
  layers: z.record(z.string(), z.string()).optional(),
}).strict();

export const GoldenCase = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** The article the case illustrates, e.g. "57-QĐ/TW Điều 5 khoản 2". */
  citation: z.string().min(1),
  /** Where the expected answer comes from (the source and its confidence), and why. */
  note: z.string().optional(),
  /** Deep-merged over the file's base profile (arrays replace). */
  profile: z.record(z.string(), z.unknown()).default({}),
  nomination: z.record(z.string(), z.unknown()).default({}),
  expect: GoldenExpectation,
}).strict();
export type GoldenCase = z.infer<typeof GoldenCase>;

export const GoldenCaseFileSchema = z.object({
  schema: z.literal('llct/golden-cases'),
  version: z.literal(1),
  /** Id of the ruleset the cases are about. */
  ruleset: z.string(),
  description: z.string().optional(),
  base: z.object({
    profile: z.record(z.string(), z.unknown()),
    nomination: z.record(z.string(), z.unknown()),
  }),
  cases: z.array(GoldenCase).min(1),
  /**
   * Overlay files (`llct/ruleset-overlay`) layered over the rulesets for every case, as paths relative to the case
   * file; the command that runs the cases reads them (the engine reads no file).
   */
  overlays: z.array(z.string().min(1)).optional(),
});
export type GoldenCaseFile = z.infer<typeof GoldenCaseFileSchema>;

export const GOLDEN_CASES_KIND: DocumentKind<typeof GoldenCaseFileSchema> = {
  kind: 'llct/golden-cases', version: 1, schema: GoldenCaseFileSchema,
};
