/**
 * A scenario from a plain, structured-clonable description — what a CLI worker thread or a page's Web Worker
 * receives — so that every thread builds the same scenario: the plan, the cohort (generated from the plan's agencies
 * with a seed, or the profiles themselves), the rulesets and whether one is forced, the catalogues, the lifecycles
 * and the engine. Every document comes in the spec: the engine loads no shipped file (the faces, `cli/` and `editor/`,
 * load them through engine/builtin.ts and engine/lifecycle/builtinLifecycles.ts). Pure.
 */
import type { CadreProfile } from '../documents/cadre.ts';
import type { InstitutionCatalogue, PositionCatalogue } from '../documents/catalogue.ts';
import type { Lifecycle } from '../documents/lifecycle.ts';
import type { Plan } from '../documents/plan.ts';
import type { Ruleset } from '../documents/ruleset.ts';
import { iterateCohort, type GenerateOptions } from '../generate/generateCohort.ts';
import { provinceCatalogue } from '../generate/provinceProfiles.ts';
import type { Seed } from '../generate/createRng.ts';
import { completeProfile } from './completeProfile.ts';
import type { StepperEngine } from './createStepper.ts';
import { prepareScenario, type Scenario } from './prepareScenario.ts';

export type CohortSpec =
  | { kind: 'generate'; count: number; seed: Seed; referenceDate?: string }
  | { kind: 'profiles'; profiles: CadreProfile[]; source: string };

/** The catalogues the rulesets and the plan name (positions, institutions). */
export interface ScenarioCatalogues { positions: PositionCatalogue; institutions: InstitutionCatalogue }

/** The class lifecycle every class runs and the learner lifecycle it spawns. */
export interface ScenarioLifecycles { classLifecycle: Lifecycle; learnerLifecycle: Lifecycle }

/** Everything a thread needs to build a scenario, as plain structured-clonable data. */
export interface ScenarioSpec {
  label: string;
  plan: Plan;
  cohort: CohortSpec;
  rulesets: Ruleset[];
  regardlessOfDate: boolean;
  engine: StepperEngine;
  catalogues: ScenarioCatalogues;
  lifecycles: ScenarioLifecycles;
}

/**
 * The cohort of a spec: a generated one is drawn over the plan's agencies, weighted as the plan says, in the provinces
 * of `institutions` (the spec's catalogue).
 */
export function cohortOf(plan: Plan, cohort: CohortSpec, institutions: InstitutionCatalogue): CadreProfile[] {
  if (cohort.kind === 'profiles') return cohort.profiles;
  const named = plan.agencies.every((a) => a.name !== undefined && a.tier !== undefined && a.sector !== undefined);
  const options: GenerateOptions = {
    provinces: provinceCatalogue(institutions), count: cohort.count, seed: cohort.seed, ...(cohort.referenceDate ? { referenceDate: cohort.referenceDate } : {}),
    ...(named ? { agencies: plan.agencies.map((a) => ({ name: a.name!, tier: a.tier!, sector: a.sector!, ...(a.province ? { province: a.province } : {}), weight: a.weight ?? 1 })) } : {}),
  };
  const out: CadreProfile[] = [];
  for (const p of iterateCohort(options)) out.push(completeProfile(p));
  return out;
}

/**
 * The scenario a spec describes, over `cadres` (by default the spec's cohort, generated or given); only the spec's
 * documents are used.
 */
export function scenarioFromSpec(spec: ScenarioSpec, cadres = cohortOf(spec.plan, spec.cohort, spec.catalogues.institutions)): Scenario {
  const { catalogues, lifecycles } = spec;
  return prepareScenario({
    plan: spec.plan, cadres, rulesets: spec.rulesets, regardlessOfDate: spec.regardlessOfDate, positions: catalogues.positions, institutions: catalogues.institutions,
    classLifecycle: lifecycles.classLifecycle, learnerLifecycle: lifecycles.learnerLifecycle, engine: spec.engine, label: spec.label,
  });
}

/** What the cohort is, in words, for reports. */
export function describeCohort(cohort: CohortSpec): string {
  return cohort.kind === 'generate' ? `generated: ${cohort.count} (seed ${String(cohort.seed)})` : cohort.source;
}
