/**
 * A scenario from a plain, structured-clonable description — what a CLI worker thread or a page's Web Worker
 * receives — so that every thread builds the same scenario: the plan, the cohort (generated from the plan's agencies
 * with a seed, or the profiles themselves), the rulesets and whether one is forced, and the engine. Uses the shipped
 * catalogues and lifecycles unless others are given. Pure.
 */
import { builtinDocuments } from '../builtin.ts';
import type { CadreProfile } from '../documents/cadre.ts';
import type { Lifecycle } from '../documents/lifecycle.ts';
import type { Plan } from '../documents/plan.ts';
import type { Ruleset } from '../documents/ruleset.ts';
import { iterateCohort } from '../generate/generateCohort.ts';
import type { Seed } from '../generate/createRng.ts';
import { builtinLifecycles } from '../lifecycle/builtinLifecycles.ts';
import { completeProfile } from './completeProfile.ts';
import type { StepperEngine } from './createStepper.ts';
import { prepareScenario, type Scenario } from './prepareScenario.ts';

export type CohortSpec =
  | { kind: 'generate'; count: number; seed: Seed; referenceDate?: string }
  | { kind: 'profiles'; profiles: CadreProfile[]; source: string };

export interface ScenarioSpec {
  label: string;
  plan: Plan;
  cohort: CohortSpec;
  rulesets: Ruleset[];
  regardlessOfDate: boolean;
  engine: StepperEngine;
  lifecycles?: { classLifecycle: Lifecycle; learnerLifecycle: Lifecycle };
}

/** The cohort of a spec: a generated one is drawn over the plan's agencies, weighted as the plan says. */
export function cohortOf(plan: Plan, cohort: CohortSpec): CadreProfile[] {
  if (cohort.kind === 'profiles') return cohort.profiles;
  const named = plan.agencies.every((a) => a.name !== undefined && a.tier !== undefined && a.sector !== undefined);
  const options = {
    count: cohort.count, seed: cohort.seed, ...(cohort.referenceDate ? { referenceDate: cohort.referenceDate } : {}),
    ...(named ? { agencies: plan.agencies.map((a) => ({ name: a.name!, tier: a.tier!, sector: a.sector!, ...(a.province ? { province: a.province } : {}), weight: a.weight ?? 1 })) } : {}),
  };
  const out: CadreProfile[] = [];
  for (const p of iterateCohort(options)) out.push(completeProfile(p));
  return out;
}

export function scenarioFromSpec(spec: ScenarioSpec, cadres = cohortOf(spec.plan, spec.cohort)): Scenario {
  const docs = builtinDocuments();
  const lcs = spec.lifecycles ?? builtinLifecycles();
  return prepareScenario({
    plan: spec.plan, cadres, rulesets: spec.rulesets, regardlessOfDate: spec.regardlessOfDate, positions: docs.positions, institutions: docs.institutions,
    classLifecycle: lcs.classLifecycle, learnerLifecycle: lcs.learnerLifecycle, engine: spec.engine, label: spec.label,
  });
}

/** What the cohort is, in words, for reports. */
export function describeCohort(cohort: CohortSpec): string {
  return cohort.kind === 'generate' ? `generated: ${cohort.count} (seed ${String(cohort.seed)})` : cohort.source;
}
