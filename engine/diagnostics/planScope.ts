/**
 * Plan classes at a level the regulation in force on their opening date does not regulate (a sơ cấp class opening
 * on or after 29/08/2025, when 350-QĐ/TW applies): every nominee would be judged "out of scope", so the class can
 * never fill. A warning on the class's level, naming the regulation and its reason. Pure.
 */
import { formatDate } from '../documents/dates.ts';
import { LABELS } from '../documents/enums.ts';
import type { Plan } from '../documents/plan.ts';
import type { Ruleset } from '../documents/ruleset.ts';
import { regulatesLevel } from '../rules/outOfScope.ts';
import { selectRuleset } from '../rules/selectRuleset.ts';
import { diagnostic, type Diagnostic } from './Diagnostic.ts';

/**
 * `plan/level-out-of-scope` for each class whose level the applicable ruleset does not regulate: the plan's own
 * `ruleset` when it names one of `rulesets`, else the one in force on the class's opening date.
 */
export function outOfScopeClasses(plan: Plan, rulesets: readonly Ruleset[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const fixed = plan.ruleset ? rulesets.find((r) => r.id === plan.ruleset) : undefined;
  plan.classes.forEach((c, i) => {
    const ruleset = fixed ?? (() => { const s = selectRuleset(rulesets, c.opensOn); return s.ok ? s.ruleset : undefined; })();
    if (!ruleset || regulatesLevel(ruleset, c.level)) return;
    const code = ruleset.regulation.code;
    const level = LABELS.theoryLevel[c.level];
    const reason = ruleset.regulation.outOfScope;
    out.push(diagnostic('plan/level-out-of-scope', 'warning', ['classes', i, 'level'],
      { vi: `Lớp ${c.id} (${level.vi}, khai giảng ${formatDate(c.opensOn)}): ${code} không quy định ${level.vi}, mọi người được cử đều không thuộc phạm vi nên lớp không có học viên.${reason ? ` ${reason.message.vi}` : ''}`, en: `Class ${c.id} (${level.en}, opening ${formatDate(c.opensOn)}): ${code} does not regulate the ${level.en} level, every nominee is out of its scope and the class gets no learner.${reason ? ` ${reason.message.en}` : ''}` },
      { vi: 'Đổi trình độ của lớp, hoặc mở lớp trước ngày quy định này áp dụng.', en: 'Change the class\'s level, or open it before this regulation applies.' }));
  });
  return out;
}
