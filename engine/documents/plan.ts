/**
 * The yearly training plan (kế hoạch đào tạo): the classes an organisation board plans (level, mode, institution,
 * size, opening date, duration), the agencies or provinces each class serves with their quotas, a calendar with
 * holidays (Tết), the simulation parameters with their sources, and which figures come from a published source and
 * which are assumed. The regulation applied is chosen by each nomination's date unless the plan names a ruleset.
 */
import { z } from 'zod/mini';
import { IsoDate } from './cadre.ts';
import { checkDecisionFields, DECISION_FIELDS } from './decision.ts';
import { Confidence, LabelSchema, Mode, Sector, TrainingLevel, WorkplaceTier } from './enums.ts';
import type { DocumentKind } from './loadDocument.ts';
import { PLAN_PARAMETER_NAMES, type PlanParameterName } from './planParameters.ts';

/** Kebab-case ids for plans, classes and agencies: `ha-noi-2024`, `tc-01`, `bo-tu-phap`. */
export const PlanId = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'mã viết thường, nối bằng gạch ngang (vd. tc-01)'));

/** Where a figure of the plan comes from: a published source (cited), derived from such figures, or assumed. */
export const PLAN_ORIGINS = ['article', 'derived', 'assumed'] as const;
export const PlanOrigin = z.enum(PLAN_ORIGINS);
export type PlanOrigin = z.infer<typeof PlanOrigin>;

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

/**
 * One figure of the plan and its origin, e.g. `{ figure: "classes", value: 20, origin: "article", source: "…" }`;
 * `label` names it in both languages for reports (without it, reports show `figure`). A value or source written in
 * words may be given in both languages (`{ "vi": …, "en": … }`); a plain text is shown as it is in either (a
 * citation of a Vietnamese source stays Vietnamese).
 */
export const PlanFigureSchema = z.strictObject({
  figure: z.string().check(z.minLength(1)),
  label: z.optional(LabelSchema),
  value: z.union([z.number(), z.string().check(z.minLength(1)), z.strictObject(LabelSchema.shape)]),
  origin: PlanOrigin,
  source: z.union([z.string().check(z.minLength(1)), z.strictObject(LabelSchema.shape)]),
});
export type PlanFigure = z.infer<typeof PlanFigureSchema>;

/**
 * How a parameter's value was fitted to observations (`llct simulate --calibrate`): the observation file and the
 * observations it used (their ids), the fitted value's 90 % interval (posterior p5–p95, in the parameter's unit), the
 * method and its seed. A fitted parameter stays `assumed`: the model around it is, and a later calibration may fit it
 * again.
 */
export const PlanParameterFitSchema = z.strictObject({
  observations: z.string().check(z.minLength(1)),
  used: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  interval: z.strictObject({ p5: z.number(), p95: z.number() }),
  method: z.string().check(z.minLength(1)),
  seed: z.union([z.int().check(z.gte(0)), z.string().check(z.minLength(1))]),
});
export type PlanParameterFit = z.infer<typeof PlanParameterFitSchema>;

/** A parameter override: its value (in the unit `PLAN_PARAMETERS` gives), how sure it is and where it comes from. */
export const PlanParameterSchema = z.strictObject({
  value: z.number(),
  confidence: Confidence,
  source: z.string().check(z.minLength(1)),
  note: z.optional(z.string()),
  fitted: z.optional(PlanParameterFitSchema),
});
export type PlanParameter = z.infer<typeof PlanParameterSchema>;

const parameterShape = Object.fromEntries(PLAN_PARAMETER_NAMES.map((n) => [n, z.optional(PlanParameterSchema)])) as
  Record<PlanParameterName, z.ZodMiniOptional<typeof PlanParameterSchema>>;
export const PlanParametersSchema = z.strictObject(parameterShape);

/**
 * A nominating unit: the cadres it stands for are those whose workplace matches every field given (`name` against
 * `workplace.agency`, `province`, `tier`, `sector`). A central agency names itself; a province's unit may give only
 * the province.
 */
export const PlanAgencySchema = z.strictObject({
  id: PlanId,
  name: z.optional(z.string().check(z.minLength(1))),
  label: z.optional(LabelSchema),
  province: z.optional(z.string().check(z.minLength(1))),
  tier: z.optional(WorkplaceTier),
  sector: z.optional(Sector),
  /** Relative number of its cadres in a generated cohort; default 1. */
  weight: z.optional(z.number().check(z.positive())),
});
export type PlanAgency = z.infer<typeof PlanAgencySchema>;

export const PlanQuotaSchema = z.strictObject({ agency: PlanId, quota: z.int().check(z.gte(1), z.lte(1000)) });

export const PlanClassSchema = z.strictObject({
  id: PlanId,
  name: z.string().check(z.minLength(1)),
  level: TrainingLevel,
  mode: Mode,
  /** Institution id of rulesets/institutions.json (a province's school or an academy). */
  institution: z.string().check(z.minLength(1)),
  minSize: z.int().check(z.gte(1), z.lte(1000)),
  maxSize: z.int().check(z.gte(1), z.lte(1000)),
  opensOn: IsoDate,
  /** Planned study time from opening to the first exam, in whole months. */
  durationMonths: z.int().check(z.gte(1), z.lte(60)),
  serves: z.array(PlanQuotaSchema).check(z.minLength(1)),
  origin: z._default(PlanOrigin, 'assumed'),
  note: z.optional(z.string()),
});
export type PlanClass = z.infer<typeof PlanClassSchema>;

export const HolidaySchema = z.strictObject({ from: IsoDate, to: IsoDate, label: LabelSchema });
export type Holiday = z.infer<typeof HolidaySchema>;

export const CalendarSchema = z.strictObject({
  weekend: z._default(z.array(Weekday), ['saturday', 'sunday']),
  holidays: z._default(z.array(HolidaySchema), []),
});
export type PlanCalendar = z.infer<typeof CalendarSchema>;

/** The cohort a plan is simulated on when no cadre file is given: a generated one, over the plan's agencies. */
export const PlanCohortSchema = z.strictObject({
  count: z.int().check(z.gte(1), z.lte(10_000_000)),
  seed: z.union([z.int().check(z.gte(0)), z.string().check(z.minLength(1))]),
  referenceDate: z.optional(IsoDate),
});

export const PlanSchema = z.strictObject({
  schema: z.literal('llct/plan'),
  version: z.literal(1),
  id: PlanId,
  title: LabelSchema,
  description: z.optional(LabelSchema),
  /** Where the plan's figures come from (cite as the regulation notes do), and what is assumed. */
  source: z.string().check(z.minLength(1)),
  /** The plan's own document number, e.g. `215-KH/TU`. */
  decision: z.optional(z.string().check(z.minLength(1))),
  /** Date the plan was approved: the classes' APPROVE event. */
  approvedOn: IsoDate,
  /** Ruleset id applied to every nomination whatever its date; absent: the regulation in force on each nomination date. */
  ruleset: z.optional(z.string().check(z.minLength(1))),
  cohort: z.optional(PlanCohortSchema),
  figures: z._default(z.array(PlanFigureSchema), []),
  calendar: z._default(CalendarSchema, { weekend: ['saturday', 'sunday'], holidays: [] }),
  parameters: z._default(PlanParametersSchema, {}),
  agencies: z.array(PlanAgencySchema).check(z.minLength(1)),
  classes: z.array(PlanClassSchema).check(z.minLength(1)),
  /** The policy revision of the plan (bumped when a change is published); absent counts as 1. */
  revision: z.optional(z.int().check(z.gte(1))),
  ...DECISION_FIELDS,
}).check(z.superRefine(checkDecisionFields));
export type Plan = z.infer<typeof PlanSchema>;
/** A plan as written in a file, before defaults are filled in. */
export type PlanInput = z.input<typeof PlanSchema>;

export const PLAN_KIND: DocumentKind<typeof PlanSchema> = {
  kind: 'llct/plan',
  version: 1,
  schema: PlanSchema,
  migrations: {},
};
