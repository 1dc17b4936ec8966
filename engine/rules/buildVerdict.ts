/**
 * Turns rule outcomes into a verdict: eligible when at least one subject rule and every applicable standard rule
 * pass; the first passing tier rule names the institution. Every failure carries its citation, its confidence and
 * a Vietnamese message with the cadre's own values. What a verdict takes from the outcomes alone is in
 * verdictShape.ts, the institution in resolveInstitution.ts, bulk screening (a verdict's bare outcome) in
 * screenVerdict.ts.
 */
import type { SpecialDecision } from '../documents/cadre.ts';
import type { InstitutionCatalogue } from '../documents/catalogue.ts';
import type { Confidence, Label, Mode, TrainingLevel } from '../documents/enums.ts';
import type { Ruleset } from '../documents/ruleset.ts';
import { citationOf, ruleFailure, subjectFailure, type Failure, type FailureContext } from './buildFailures.ts';
import type { Facts } from './facts.ts';
import type { MessageContext } from './messages.ts';
import type { OutcomePattern } from './OutcomePattern.ts';
import type { ProvinceIndex } from './provinces.ts';
import { institutionOf, type InstitutionRef } from './resolveInstitution.ts';
import { shapeOf, type CheckedEntry } from './verdictShape.ts';
import type { VerdictBasis } from '../overlays/verdictBasis.ts';

export type { Failure } from './buildFailures.ts';

/**
 * The verdict on one cadre for one nomination. Its failures, lists and institution may be shared with other
 * verdicts (a cohort repeats a few hundred outcomes and texts): what is shared is frozen. Read a verdict; copy
 * before changing one.
 */
export interface Verdict {
  id: string;
  level: TrainingLevel;
  mode: Mode;
  on: string;
  regulation: string;
  ruleset: string;
  eligible: boolean;
  /**
   * The regulation does not regulate the nomination's level (`regulation.levels`): not eligible, with one `scope`
   * failure, counted apart from ordinary ineligibility. Absent otherwise.
   */
  outOfScope?: true;
  failures: Failure[];
  /** Subject rules the cadre matches. */
  subjects: string[];
  /** Standard rules that were checked and passed. */
  passed: string[];
  institution: InstitutionRef | null;
  /** Every applicable rule with its outcome, in ruleset order (explanations, coverage). */
  checked: Array<{ rule: string; kind: 'subject' | 'standard' | 'tier'; passed: boolean }>;
  /** Rules marked `assumed` that this verdict depends on: shown as warnings. */
  assumed: string[];
  notes: string[];
  /**
   * Warnings about the verdict as a whole, e.g. `verdict/no-confirmed-rule` when every rule of the level is
   * `assumed` (sơ cấp after 350-QĐ/TW). Absent when there is none.
   */
  warnings?: VerdictWarning[];
  /** The nomination's recorded special decision, when it has one (see `SpecialDecisionOutcome`). */
  specialDecision?: SpecialDecisionOutcome;
  /**
   * What the verdict was judged under beyond the regulation's code: the ruleset's revision and the decision it was
   * published under, the overlays layered over it (see verdictBasis.ts). Absent when there is nothing to add.
   */
  basis?: VerdictBasis;
}

export interface VerdictWarning {
  code: string;
  message: string;
  messageEn: string;
}

/**
 * A recorded special decision and what it did: `applied` when the rule it waives failed and was waived (the failure
 * is then in `waived`, not in `failures`); not applied when the rule passed anyway. An eligible verdict with an
 * applied decision is "eligible by special decision".
 */
export interface SpecialDecisionOutcome extends SpecialDecision {
  /** The waived rule's citation, confidence and titles. */
  citation: string;
  confidence: Confidence;
  title: Label;
  applied: boolean;
  /** The failure the decision waived, when applied. */
  waived?: Failure;
}

export interface VerdictInput {
  id: string;
  level: TrainingLevel;
  mode: Mode;
  on: string;
  ruleset: Ruleset;
  /** The outcomes of the rules that apply to the level and mode. */
  pattern: OutcomePattern;
  facts: Facts;
  notes: readonly string[];
  /** Position names for the messages. */
  positionName: MessageContext['positionName'];
  institutions: InstitutionCatalogue;
  provinces: ProvinceIndex;
  /** The nomination's special decision, already checked against the ruleset (`checkSpecialDecision`). */
  specialDecision?: SpecialDecision | undefined;
  /** What the ruleset was published under and the overlays applied (see verdictBasis.ts). */
  basis?: VerdictBasis | undefined;
}

const NO_TIER_NOTE = 'Không xác định được cơ sở đào tạo: không quy tắc phân cấp nào khớp (thiếu hoặc sai tỉnh, thành phố nơi công tác?).';
const ONLY_NO_TIER_NOTE: readonly string[] = Object.freeze([NO_TIER_NOTE]);
const NO_FAILURES: readonly Failure[] = Object.freeze([]);

/**
 * Builds the verdict. Pure; `input.pattern` must not change afterwards (the subject failure's `alternatives` are
 * derived from it on first read). `input.notes` becomes the verdict's `notes` when nothing is added to it.
 *
 * A verdict's lists (and the entries of `checked`, and `institution`) may be shared with other verdicts: those
 * that are shared are frozen. Read verdicts; copy before changing one.
 */
export function buildVerdict(input: VerdictInput): Verdict {
  const { ruleset, pattern } = input;
  const code = ruleset.regulation.code;
  const shape = shapeOf(pattern, ruleset, input.level);
  const { failing, noSubject, tier } = shape;
  let failures: Failure[];
  if (failing.length === 0 && noSubject === undefined) {
    failures = NO_FAILURES as Failure[];
  } else {
    const ctx: FailureContext = { ruleset, level: input.level, rules: pattern.rules, facts: input.facts, positionName: input.positionName };
    const first = noSubject === undefined ? 0 : 1;
    failures = new Array<Failure>(first + failing.length);
    if (noSubject !== undefined) failures[0] = subjectFailure(noSubject, ctx);
    for (let i = 0; i < failing.length; i++) failures[first + i] = ruleFailure(failing[i]!, ctx);
  }
  let specialDecision: SpecialDecisionOutcome | undefined;
  if (input.specialDecision) {
    const decision = input.specialDecision;
    const at = failures.findIndex((f) => f.rule === decision.waives);
    const rule = ruleset.rules.find((r) => r.id === decision.waives);
    specialDecision = {
      ...decision,
      citation: rule ? citationOf(rule, code, rule.citation) : '',
      confidence: rule?.confidence ?? 'assumed',
      title: rule ? rule.title : { vi: decision.waives, en: decision.waives },
      applied: at >= 0,
    };
    if (at >= 0) {
      specialDecision.waived = failures[at]!;
      failures = failures.filter((_, i) => i !== at);
    }
  }
  let notes = input.notes as string[];
  if (!tier) notes = (notes.length === 0 ? ONLY_NO_TIER_NOTE : [...notes, NO_TIER_NOTE]) as string[];
  const verdict: Verdict = {
    id: input.id,
    level: input.level,
    mode: input.mode,
    on: input.on,
    regulation: code,
    ruleset: ruleset.id,
    eligible: failures.length === 0,
    failures,
    subjects: shape.subjects as string[],
    passed: shape.passed as string[],
    institution: tier ? institutionOf(tier, code, input) : null,
    checked: shape.checked as CheckedEntry[],
    assumed: shape.assumed as string[],
    notes,
  };
  if (shape.warnings) verdict.warnings = shape.warnings as VerdictWarning[];
  if (specialDecision) verdict.specialDecision = specialDecision;
  if (input.basis) verdict.basis = input.basis;
  return verdict;
}
