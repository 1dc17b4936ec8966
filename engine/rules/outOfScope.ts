/**
 * A nomination at a level its regulation does not regulate (`regulation.levels`; 350-QĐ/TW has no sơ cấp) is never
 * judged against the rules written for that level: the verdict is "not eligible" with one reason, the regulation's
 * `outOfScope` text, and is counted apart from ordinary ineligibility ("không thuộc phạm vi"). Pure.
 */
import { LABELS, type TrainingLevel } from '../documents/enums.ts';
import type { Ruleset } from '../documents/ruleset.ts';
import type { Failure } from './buildFailures.ts';
import type { Verdict } from './buildVerdict.ts';
import type { Screening } from './screenVerdict.ts';

/** Whether `ruleset` regulates `level` (a ruleset without `regulation.levels` regulates all three). */
export function regulatesLevel(ruleset: Pick<Ruleset, 'regulation'>, level: TrainingLevel): boolean {
  const levels = ruleset.regulation.levels;
  return levels === undefined || levels.includes(level);
}

/** The id of the out-of-scope reason of a ruleset and level, e.g. `350-qd-tw-elementary-out-of-scope`. */
export const outOfScopeRuleId = (rulesetId: string, level: TrainingLevel): string => `${rulesetId}-${level}-out-of-scope`;

const FAILURES = new WeakMap<Ruleset, Map<TrainingLevel, Failure>>();

/** The one reason of an out-of-scope verdict (shared and frozen per ruleset and level). */
export function outOfScopeFailure(ruleset: Ruleset, level: TrainingLevel): Failure {
  let byLevel = FAILURES.get(ruleset);
  if (!byLevel) { byLevel = new Map(); FAILURES.set(ruleset, byLevel); }
  let failure = byLevel.get(level);
  if (!failure) {
    const code = ruleset.regulation.code;
    const stated = ruleset.regulation.outOfScope;
    const levelLabel = LABELS.theoryLevel[level];
    const regulated = (ruleset.regulation.levels ?? []).map((l) => LABELS.theoryLevel[l]);
    failure = Object.freeze<Failure>({
      rule: outOfScopeRuleId(ruleset.id, level),
      kind: 'scope',
      citation: stated?.citation.vi ?? code,
      citationEn: stated?.citation.en ?? code,
      confidence: stated?.confidence ?? 'assumed',
      message: stated?.message.vi
        ?? `${code} không quy định đào tạo ${levelLabel.vi}; quy định này chỉ quy định ${regulated.map((l) => l.vi).join(', ')}.`,
      messageEn: stated?.message.en
        ?? `${code} does not regulate ${levelLabel.en} training; it regulates ${regulated.map((l) => l.en).join(', ')} only.`,
    });
    byLevel.set(level, failure);
  }
  return failure;
}

const NONE: readonly never[] = Object.freeze([]);

/** The verdict on a nomination at a level `ruleset` does not regulate. */
export function outOfScopeVerdict(ruleset: Ruleset, id: string, nomination: { level: TrainingLevel; mode: Verdict['mode']; on: string }): Verdict {
  return {
    id, level: nomination.level, mode: nomination.mode, on: nomination.on,
    regulation: ruleset.regulation.code, ruleset: ruleset.id,
    eligible: false, outOfScope: true,
    failures: [outOfScopeFailure(ruleset, nomination.level)],
    subjects: NONE as never[], passed: NONE as never[], institution: null, checked: NONE as never[],
    assumed: NONE as never[], notes: NONE as never[],
  };
}

const SCREENINGS = new WeakMap<Ruleset, Map<TrainingLevel, Screening>>();

/** The screening of an out-of-scope nomination (shared and frozen per ruleset and level). */
export function outOfScopeScreening(ruleset: Ruleset, level: TrainingLevel): Screening {
  let byLevel = SCREENINGS.get(ruleset);
  if (!byLevel) { byLevel = new Map(); SCREENINGS.set(ruleset, byLevel); }
  let s = byLevel.get(level);
  if (!s) {
    s = Object.freeze<Screening>({
      ok: true, ruleset: ruleset.id, regulation: ruleset.regulation.code, eligible: false, outOfScope: true,
      failures: Object.freeze([outOfScopeRuleId(ruleset.id, level)]), institution: null,
    });
    byLevel.set(level, s);
  }
  return s;
}
