/**
 * The classes of a run whose nominations no rule could judge: no regulation in force on the nomination date, or the
 * ruleset that applies has no subject rule for the class's level. `llct check` and `llct diff` refuse that situation
 * up front (`ruleset/no-regulation…`, `ruleset/no-rule-for-level`); a simulation finds the nomination dates only as
 * it draws them, so it asks a run (the sample run) and reports the very diagnostics the checker gave, one per class,
 * located at the class in the plan. Pure.
 */
import { locate, type Diagnostic } from '../diagnostics/Diagnostic.ts';
import { noRuleForLevel } from '../rules/noRuleForLevel.ts';
import { selectRuleset } from '../rules/selectRuleset.ts';
import type { Scenario } from './prepareScenario.ts';
import type { RunResult } from './simulateRun.ts';

export interface UncoveredClass {
  classId: string;
  /** The first nomination date of the class that could not be judged. */
  on: string;
  /** Nominations of the class that could not be judged, of `considered`. */
  unjudged: number;
  considered: number;
  /** Why, as the checker says it; `path` locates the class in the plan (`classes[3].level` or `.opensOn`). */
  diagnostic: Diagnostic;
}

export interface Coverage {
  uncovered: UncoveredClass[];
  /** Nominations of the run that a rule judged (eligible or not). None with some uncovered: nothing was simulated. */
  judged: number;
}

export function findUncoveredClasses(sc: Scenario, run: RunResult): Coverage {
  const uncovered: UncoveredClass[] = [];
  let judged = 0;
  run.nominations.byClass.forEach((nominees, k) => {
    const unjudged = nominees.filter((n) => n.outcome === 'no-regulation');
    judged += nominees.length - unjudged.length;
    const first = unjudged[0];
    if (!first) return;
    const c = sc.classes[k]!;
    const at = ['classes', c.index] as const;
    const selection = sc.input.regardlessOfDate ? { ok: true as const, ruleset: sc.input.rulesets[0]! } : selectRuleset(sc.input.rulesets, first.on);
    const d = !selection.ok ? { ...selection.diagnostic, ...locate([...at, 'opensOn']) }
      : noRuleForLevel(selection.ruleset, c.plan.level);
    if (!d) return;
    uncovered.push({
      classId: c.plan.id, on: first.on, unjudged: unjudged.length, considered: nominees.length,
      diagnostic: selection.ok ? { ...d, ...locate([...at, 'level']) } : d,
    });
  });
  return { uncovered, judged };
}
