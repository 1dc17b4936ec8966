/**
 * What a verdict takes from the rule outcomes alone (matched subjects, passed and failing standards, the tier rule,
 * the rules it assumes, its warnings), worked out once per outcome pattern and shared by `buildVerdict` and
 * `screenVerdict`. Pure; memoised in two module caches (below) that hold only what the same inputs give again, so
 * nothing (a simulation, a worker) needs to reset them.
 */
import { LABELS, type TrainingLevel } from '../documents/enums.ts';
import type { Rule, Ruleset } from '../documents/ruleset.ts';
import type { Verdict, VerdictWarning } from './buildVerdict.ts';
import type { OutcomePattern } from './OutcomePattern.ts';
import type { InstitutionRef } from './resolveInstitution.ts';
import type { Screening } from './screenVerdict.ts';

/** One entry of `Verdict.checked`. */
export type CheckedEntry = Verdict['checked'][number];

/**
 * Module cache: the `checked` entries of a rule, passed and failed, made once per rule and shared (frozen) by every
 * verdict (a verdict lists twenty-odd of them). Weakly keyed by the rule; remade when its id or kind changed.
 */
const CHECKED_ENTRIES_BY_RULE = new WeakMap<Rule, { id: string; kind: Rule['kind']; passed: CheckedEntry; failed: CheckedEntry }>();

function checkedEntry(rule: Rule, passed: boolean): CheckedEntry {
  let m = CHECKED_ENTRIES_BY_RULE.get(rule);
  if (!m || m.id !== rule.id || m.kind !== rule.kind) {
    m = {
      id: rule.id, kind: rule.kind,
      passed: Object.freeze({ rule: rule.id, kind: rule.kind, passed: true }),
      failed: Object.freeze({ rule: rule.id, kind: rule.kind, passed: false }),
    };
    CHECKED_ENTRIES_BY_RULE.set(rule, m);
  }
  return passed ? m.passed : m.failed;
}

/**
 * Everything a verdict takes from the outcomes alone, worked out once per outcome pattern and shared (frozen) by
 * every verdict with that pattern.
 */
export interface VerdictShape {
  /** What it was worked out for: a pattern met again with another ruleset or level gets its own. */
  ruleset: Ruleset;
  level: TrainingLevel;
  subjects: readonly string[];
  passed: readonly string[];
  assumed: readonly string[];
  checked: readonly CheckedEntry[];
  /** Standard rules that failed, in ruleset order. */
  failing: readonly Rule[];
  /** When no subject rule passed: the id of the failure that says so. */
  noSubject: string | undefined;
  /** The first tier rule that passed. */
  tier: Rule | undefined;
  /** Warnings on every verdict of this shape (frozen), or undefined. */
  warnings: readonly VerdictWarning[] | undefined;
  /** Cache: the screenings of this shape, by the institution the tier names (made on first use by `screenVerdict`). */
  screenings?: Map<InstitutionRef | null, Screening>;
}

/**
 * Module cache: the shape of each outcome pattern, for the ruleset and level it was made with (another replaces it).
 * Weakly keyed by the pattern (a checker keeps its patterns; they go with it).
 */
const SHAPES_BY_PATTERN = new WeakMap<OutcomePattern, VerdictShape>();

/** The shape of an outcome pattern under a ruleset and level (memoised; `pattern` must not change afterwards). */
export function shapeOf(pattern: OutcomePattern, ruleset: Ruleset, level: TrainingLevel): VerdictShape {
  const memo = SHAPES_BY_PATTERN.get(pattern);
  if (memo && memo.ruleset === ruleset && memo.level === level) return memo;
  const { rules, passed: outcome } = pattern;
  const subjects: string[] = [];
  const passed: string[] = [];
  const failing: Rule[] = [];
  // Decisive rules marked assumed, in this order: matched subjects, every standard, the tier.
  const assumedSubjects: string[] = [];
  const assumedStandards: string[] = [];
  let tier: Rule | undefined;
  const checked = new Array<CheckedEntry>(rules.length);
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const ok = outcome[i]!;
    checked[i] = checkedEntry(rule, ok);
    if (rule.kind === 'subject') {
      if (ok) {
        subjects.push(rule.id);
        if (rule.confidence === 'assumed') assumedSubjects.push(rule.id);
      }
    } else if (rule.kind === 'standard') {
      if (ok) passed.push(rule.id);
      else failing.push(rule);
      if (rule.confidence === 'assumed') assumedStandards.push(rule.id);
    } else if (rule.kind === 'tier' && ok && tier === undefined) {
      tier = rule;
    }
  }
  const assumed = [...assumedSubjects, ...assumedStandards];
  if (tier?.confidence === 'assumed') assumed.push(tier.id);
  const shape: VerdictShape = {
    ruleset, level, tier, noSubject: subjects.length === 0 ? `${ruleset.id}-${level}-subject` : undefined,
    warnings: noConfirmedRuleWarning(ruleset, level, rules),
    subjects: Object.freeze(subjects), passed: Object.freeze(passed), assumed: Object.freeze(assumed),
    checked: Object.freeze(checked), failing: Object.freeze(failing),
  };
  SHAPES_BY_PATTERN.set(pattern, shape);
  return shape;
}

/**
 * When no rule of the level is confirmed or reported (every rule the verdict could use, and the subject group, are
 * `assumed`), the verdict says so plainly, and which text would settle it (`subjectGroups[level].settledBy`).
 */
function noConfirmedRuleWarning(ruleset: Ruleset, level: TrainingLevel, rules: readonly Rule[]): readonly VerdictWarning[] | undefined {
  const group = ruleset.subjectGroups[level];
  if (rules.length === 0 || !rules.every((r) => r.confidence === 'assumed') || (group && group.confidence !== 'assumed')) return undefined;
  const code = ruleset.regulation.code;
  const levelVi = LABELS.theoryLevel[level].vi;
  const levelEn = LABELS.theoryLevel[level].en;
  const settled = group?.settledBy;
  return Object.freeze([Object.freeze({
    code: 'verdict/no-confirmed-rule',
    message: `Không có quy tắc nào đã xác nhận cho trình độ ${levelVi} theo ${code}: mọi quy tắc áp dụng ở đây đều là giả định, kết luận chỉ để tham khảo.${settled ? ` Văn bản sẽ xác định: ${settled.vi}` : ''}`,
    messageEn: `No confirmed rule covers the ${levelEn} level under ${code}: every rule applied here is assumed, so this verdict is indicative only.${settled ? ` What would settle it: ${settled.en}` : ''}`,
  })]);
}
