/**
 * Bulk screening: the part of a verdict that screening a cohort needs (eligible or not, which rules failed, the
 * institution), shared by every cadre with the same outcome, and the same read off a full verdict. Pure; memoised in
 * the shapes (`VerdictShape.screenings`) and in one module cache by content (below), which hold only what the same
 * inputs give again, so nothing (a simulation, a worker) needs to reset them.
 */
import type { TrainingLevel } from '../documents/enums.ts';
import type { Ruleset } from '../documents/ruleset.ts';
import type { Verdict } from './buildVerdict.ts';
import type { OutcomePattern } from './OutcomePattern.ts';
import { institutionOf, type InstitutionInput } from './resolveInstitution.ts';
import { shapeOf } from './verdictShape.ts';

/**
 * What bulk screening needs of a verdict and nothing else (no messages, no cadre values): whether the cadre is
 * eligible, which rules failed, the institution the tiering names. It depends only on the outcome pattern, the level
 * and, for a tier rule naming "the provincial school", the cadre's province, so one frozen object is shared by every
 * cadre with the same outcome. Equal to what `buildVerdict` gives without a special decision (`toScreening` of its
 * verdict); test/rules/screenVerdict.test.ts holds them together.
 */
export interface Screening {
  ok: true;
  ruleset: string;
  regulation: string;
  eligible: boolean;
  /** Failed rule ids, in the verdict's order (the subject group's failure first). */
  failures: readonly string[];
  /** Id of the institution the tiering names, `null` when none. */
  institution: string | null;
  /** As `Verdict.outOfScope`. */
  outOfScope?: true;
}

/** What screening one cadre reads: the ruleset, level and outcomes, and what the institution's resolution reads. */
export interface ScreenInput extends InstitutionInput {
  ruleset: Ruleset;
  level: TrainingLevel;
  /** The outcomes of the rules that apply to the level and mode (must not change afterwards). */
  pattern: OutcomePattern;
}

/**
 * Module cache: screenings by content (their JSON), so that patterns and provinces that come to the same screening
 * share one frozen object. Strongly held, at most 100,000 entries (then no more are added): a screening is a few ids.
 */
const SCREENINGS_BY_CONTENT = new Map<string, Screening>();

/**
 * The screening of one cadre, without a special decision (see `Screening`): a frozen object shared with every cadre
 * of the same outcome, pattern and institution.
 */
export function screenVerdict(input: ScreenInput): Screening {
  const { ruleset, pattern } = input;
  const shape = shapeOf(pattern, ruleset, input.level);
  const institution = shape.tier ? institutionOf(shape.tier, ruleset.regulation.code, input) : null;
  const memo = (shape.screenings ??= new Map());
  let screening = memo.get(institution);
  if (!screening) {
    const failures = shape.failing.map((r) => r.id);
    if (shape.noSubject !== undefined) failures.unshift(shape.noSubject);
    const made: Screening = {
      ok: true, ruleset: ruleset.id, regulation: ruleset.regulation.code, eligible: failures.length === 0,
      failures, institution: institution?.id ?? null,
    };
    // Patterns and provinces that come to the same screening share one object.
    const key = JSON.stringify(made);
    screening = SCREENINGS_BY_CONTENT.get(key);
    if (!screening) {
      Object.freeze(failures);
      screening = Object.freeze(made);
      if (SCREENINGS_BY_CONTENT.size < 100_000) SCREENINGS_BY_CONTENT.set(key, screening);
    }
    memo.set(institution, screening);
  }
  return screening;
}

/** The screening of a verdict (a verdict with a special decision, which `screenVerdict` does not cover). */
export function toScreening(v: Verdict): Screening {
  const s: Screening = { ok: true, ruleset: v.ruleset, regulation: v.regulation, eligible: v.eligible, failures: v.failures.map((f) => f.rule), institution: v.institution?.id ?? null };
  if (v.outOfScope) s.outOfScope = true;
  return s;
}
