/** Shared set-up of the simulation tests: the Hà Nội 2024 plan as loaded, and scenarios over it. */
import { readFileSync } from 'node:fs';
import { builtinDocuments, builtinRulesetIds } from '../../engine/builtin.ts';
import type { Plan } from '../../engine/documents/plan.ts';
import { builtinLifecycles } from '../../engine/lifecycle/builtinLifecycles.ts';
import { loadPlan } from '../../engine/simulate/loadPlan.ts';
import { scenarioFromSpec, type CohortSpec, type ScenarioSpec } from '../../engine/simulate/scenarioFromSpec.ts';
import type { StepperEngine } from '../../engine/simulate/createStepper.ts';

export const HANOI_PLAN_FILE = 'fixtures/plans/ha-noi-2024.json';
export const hanoiRaw = (): Record<string, unknown> => JSON.parse(readFileSync(HANOI_PLAN_FILE, 'utf8')) as Record<string, unknown>;

export const planOptions = () => ({ institutions: builtinDocuments().institutions, rulesetIds: builtinRulesetIds(), classLifecycle: builtinLifecycles().classLifecycle });

export function hanoiPlan(): Plan {
  const r = loadPlan(hanoiRaw(), planOptions());
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.path}: ${d.messageEn}`).join('; '));
  return r.value;
}

export function spec(plan: Plan, cohort: CohortSpec, options: { ruleset?: string; engine?: StepperEngine } = {}): ScenarioSpec {
  const docs = builtinDocuments();
  const rulesets = options.ruleset ? docs.rulesets.filter((r) => r.id === options.ruleset) : docs.rulesets;
  return {
    label: options.ruleset ?? 'by date', plan, cohort, rulesets, regardlessOfDate: options.ruleset !== undefined, engine: options.engine ?? 'compiled',
    catalogues: { positions: docs.positions, institutions: docs.institutions }, lifecycles: builtinLifecycles(),
  };
}

export const scenario = (s: ScenarioSpec) => scenarioFromSpec(s);
