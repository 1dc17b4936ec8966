/**
 * Observed outcomes of a past year (`llct/observations`), what a plan's simulation is calibrated to
 * (`llct simulate --calibrate`): learners at opening or graduates, of some classes of the plan (summed) or of the whole
 * plan, each with its source. An `observed` figure is what happened; a `planned` one is what a plan announced
 * ("dự kiến"): a soft target, fitted with less weight and never reported as a miss of the model.
 */
import { z } from 'zod/mini';
import { LabelSchema } from './enums.ts';
import type { DocumentKind } from './loadDocument.ts';
import { PlanId } from './plan.ts';

/** The figures an observation may give: a run's `atOpening` or `graduates` (runFigures.ts), per class or in total. */
export const OBSERVED_FIGURES = ['atOpening', 'graduates'] as const;
export const ObservedFigure = z.enum(OBSERVED_FIGURES);
export type ObservedFigure = z.infer<typeof ObservedFigure>;

/** `observed`: what happened (a hard target); `planned`: what was announced as a plan (a soft target). */
export const OBSERVATION_KINDS = ['observed', 'planned'] as const;
export const ObservationKind = z.enum(OBSERVATION_KINDS);
export type ObservationKind = z.infer<typeof ObservationKind>;

export const ObservationSchema = z.strictObject({
  id: PlanId,
  label: z.optional(z.strictObject(LabelSchema.shape)),
  figure: ObservedFigure,
  /** Classes of the plan whose figures are summed; absent: the whole plan. */
  classes: z.optional(z.array(PlanId).check(z.minLength(1))),
  /** A count of learners. */
  value: z.int().check(z.gte(0), z.lte(10_000_000)),
  kind: ObservationKind,
  source: z.union([z.string().check(z.minLength(1)), z.strictObject(LabelSchema.shape)]),
  note: z.optional(z.string()),
});
export type Observation = z.infer<typeof ObservationSchema>;

export const ObservationsSchema = z.strictObject({
  schema: z.literal('llct/observations'),
  version: z.literal(1),
  /** Id of the plan the observations are about. */
  plan: PlanId,
  title: z.strictObject(LabelSchema.shape),
  /** Where the figures come from, cited as the plan cites its sources. */
  source: z.string().check(z.minLength(1)),
  observations: z.array(ObservationSchema).check(z.minLength(1)),
});
export type Observations = z.infer<typeof ObservationsSchema>;

export const OBSERVATIONS_KIND: DocumentKind<typeof ObservationsSchema> = {
  kind: 'llct/observations',
  version: 1,
  schema: ObservationsSchema,
  migrations: {},
};
