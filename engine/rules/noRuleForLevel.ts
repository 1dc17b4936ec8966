/**
 * A nomination at a level its ruleset has no subject rule for cannot be judged: without one, every cadre would be
 * "not in any subject group" (or, with no rule at all, get an empty verdict). `llct check` refuses such a level up
 * front when the flags name it (a ruleset error, exit 2); the checker refuses each nomination that names it (a
 * row error). Pure.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/Diagnostic.ts';
import { LABELS, type TrainingLevel } from '../documents/enums.ts';
import type { Ruleset } from '../documents/ruleset.ts';

const covered = new WeakMap<Ruleset, ReadonlySet<TrainingLevel>>();

/** The levels `ruleset` has at least one subject rule for (cached per ruleset object; rulesets are not edited in place). */
function levelsOf(ruleset: Ruleset): ReadonlySet<TrainingLevel> {
  let levels = covered.get(ruleset);
  if (!levels) {
    levels = new Set(ruleset.rules.filter((r) => r.kind === 'subject').map((r) => r.level));
    covered.set(ruleset, levels);
  }
  return levels;
}

/** `ruleset/no-rule-for-level` (error, path `nomination.level`) when `ruleset` has no subject rule for `level`. */
export function noRuleForLevel(ruleset: Ruleset, level: TrainingLevel): Diagnostic | undefined {
  if (levelsOf(ruleset).has(level)) return undefined;
  const none = !ruleset.rules.some((r) => r.level === level);
  const vi = LABELS.theoryLevel[level].vi;
  return diagnostic('ruleset/no-rule-for-level', 'error', 'nomination.level',
    { vi: `bộ quy tắc "${ruleset.id}" (${ruleset.regulation.code}) không có quy tắc ${none ? 'nào' : 'đối tượng nào'} cho trình độ ${vi}: không xét được điều kiện`, en: `ruleset "${ruleset.id}" (${ruleset.regulation.code}) has no ${none ? '' : 'subject '}rule for the ${level} level: no verdict can be made` },
    { vi: 'Chọn trình độ khác, hoặc thêm quy tắc đối tượng cho trình độ này vào bộ quy tắc.', en: 'Choose another level, or add subject rules for this level to the ruleset.' });
}
