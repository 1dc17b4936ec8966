/**
 * The ruleset overlay (`llct/ruleset-overlay`): a provincial or agency ruleset that extends a base ruleset by its
 * changes alone — never a copy of it. Each change names the decision it is made under and its own applies-from
 * date; `resolveOverlays` (engine/overlays/) layers the changes in force on a nomination date over the base in force.
 *
 * A change that touches a base rule records what it expects the base to say (`expects`): the rule's fingerprint
 * (`ruleFingerprint`) for a replaced or disabled rule, the old value for a threshold. When the base changes under
 * the overlay (a new central version), the mismatch is a diagnostic rather than a silent change of meaning.
 *
 * Jurisdiction: the overlay applies to a cadre whose workplace (`workplace.province`, as it stands on the nomination
 * date after the 2025 mergers; `workplace.agency`) matches. Cadre profiles already name both (contracts.md), so no
 * new profile field is needed; the province is compared as the catalogue's province key (`provinceKey`: case,
 * diacritics, "Tỉnh"/"TP." and punctuation ignored), so `"Lào Cai"` and `"lao-cai"` name the same province.
 */
import { z } from 'zod/mini';
import { IsoDate } from './cadre.ts';
import { DECISION_FIELDS, DecisionSchema, checkDecisionFields, type Decision } from './decision.ts';
import { LabelSchema } from './enums.ts';
import type { DocumentKind } from './loadDocument.ts';
import { RuleSchema } from './ruleset.ts';

const Id = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'mã viết thường, nối bằng gạch ngang'));

/** Where an overlay applies: a province, an agency, or both (both must then match). */
export const JurisdictionSchema = z.strictObject({
  /** A province as the institution catalogue names it (any spelling `provinceKey` folds to it). */
  province: z.optional(z.string().check(z.minLength(1))),
  /** An agency as profiles write `workplace.agency` (compared without case or diacritics). */
  agency: z.optional(z.string().check(z.minLength(1))),
}).check(z.refine((j) => j.province !== undefined || j.agency !== undefined, {
  message: 'jurisdiction cần ít nhất province hoặc agency',
  params: { en: 'jurisdiction needs a province or an agency' },
}));
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

/** What every change carries. */
const ChangeBase = {
  /** The id of the overlay decision the change is made under. */
  decision: Id,
  /** First nomination date the change applies to; not before its decision applies. */
  appliesFrom: IsoDate,
  note: z.optional(z.string().check(z.minLength(1))),
};

/** The fingerprint of the base rule as it was when the change was written (see `ruleFingerprint`). */
const ExpectsRule = z.strictObject({ fingerprint: z.string().check(z.regex(/^[0-9a-f]{8}$/, 'dấu vân tay: 8 chữ số hệ 16 (ruleFingerprint)')) });

export const AddChangeSchema = z.strictObject({
  op: z.literal('add'), ...ChangeBase, rule: RuleSchema,
  /** Insert the rule before this base rule (tier rules are tried in order); at the end when absent. */
  before: z.optional(Id),
});
export const ReplaceChangeSchema = z.strictObject({ op: z.literal('replace'), ...ChangeBase, rule: RuleSchema, expects: ExpectsRule });
export const DisableChangeSchema = z.strictObject({ op: z.literal('disable'), ...ChangeBase, rule: Id, expects: ExpectsRule });
export const ThresholdChangeSchema = z.strictObject({
  op: z.literal('threshold'), ...ChangeBase,
  /** The base rule whose condition changes. */
  rule: Id,
  /** The leaf condition inside the rule's `conditions`, as a path: `any[0].all[1]`. */
  at: z.string().check(z.minLength(1)),
  /** The new value of the condition (a number for an age or a count; any JSON value otherwise). */
  value: z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))]),
  /** What the base says there when the change was written: the fact and the old value. */
  expects: z.strictObject({ fact: z.string().check(z.minLength(1)), value: z.unknown() }),
  /** The rule's title and failure message restated with the new value (the base's words quote the old one). */
  title: z.optional(LabelSchema),
  message: z.optional(LabelSchema),
});

export const OverlayChangeSchema = z.discriminatedUnion('op', [AddChangeSchema, ReplaceChangeSchema, DisableChangeSchema, ThresholdChangeSchema]);
export type OverlayChange = z.infer<typeof OverlayChangeSchema>;

export const OverlaySchema = z.strictObject({
  schema: z.literal('llct/ruleset-overlay'),
  version: z.literal(1),
  id: Id,
  title: LabelSchema,
  /** The base ruleset's id (`350-qd-tw`): the overlay applies only while that ruleset is the one in force. */
  extends: Id,
  jurisdiction: JurisdictionSchema,
  /** The whole overlay is an illustration (an example, not a real act's content): every output says so. */
  illustrative: z.optional(z.literal(true)),
  note: z.optional(z.string().check(z.minLength(1))),
  source: z.optional(z.string().check(z.minLength(1))),
  revision: z.optional(z.int().check(z.gte(1))),
  ...DECISION_FIELDS,
  decisions: z.array(DecisionSchema).check(z.minLength(1)),
  changes: z.array(OverlayChangeSchema),
}).check(z.superRefine(checkDecisionFields), z.superRefine((o, ctx) => {
  const ids = new Set(o.decisions.map((d) => d.id));
  o.changes.forEach((c, i) => {
    if (!ids.has(c.decision)) {
      ctx.addIssue({
        code: 'custom', path: ['changes', i, 'decision'],
        message: `changes[${i}].decision "${c.decision}" không có trong decisions (có: ${[...ids].join(', ')})`,
        params: { en: `changes[${i}].decision "${c.decision}" is not in decisions (there: ${[...ids].join(', ')})` },
      });
    }
  });
}));
export type Overlay = z.infer<typeof OverlaySchema>;

export const OVERLAY_KIND: DocumentKind<typeof OverlaySchema> = {
  kind: 'llct/ruleset-overlay',
  version: 1,
  schema: OverlaySchema,
};

/** The decision a change is made under (`undefined` only for a document that did not pass its schema). */
export function changeDecision(overlay: Pick<Overlay, 'decisions'>, change: Pick<OverlayChange, 'decision'>): Decision | undefined {
  return overlay.decisions.find((d) => d.id === change.decision);
}
