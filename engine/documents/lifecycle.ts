/**
 * The lifecycle document (quy trình): the states a class (lớp học) or a learner (học viên) goes through, the events
 * that move it, and the named parameters its conditions use. A lifecycle is data only: guards and actions are
 * referenced by name (and checked against the registry in engine/lifecycle), never written as code.
 *
 * Two numbers identify what a document means:
 * - `version` is the schema version of the file format (migrated by `loadDocument`);
 * - `revision` is the policy revision staff bump when they change the lifecycle; a saved snapshot records it, and
 *   `revisions[].renamedStates` tells an old snapshot where its state went.
 */
import { z } from 'zod/mini';
import { checkDecisionFields, DECISION_FIELDS } from './decision.ts';
import { Confidence, LabelSchema, Mode, TrainingLevel } from './enums.ts';
import type { DocumentKind } from './loadDocument.ts';

export const LIFECYCLE_SUBJECTS = ['class', 'learner'] as const;
export const LifecycleSubject = z.enum(LIFECYCLE_SUBJECTS);
export type LifecycleSubject = z.infer<typeof LifecycleSubject>;

/** Units of parameters; each has a natural range (`PARAMETER_UNIT_RANGES`). */
export const PARAMETER_UNITS = ['learners', 'percent', 'points', 'attempts', 'months'] as const;
export const ParameterUnit = z.enum(PARAMETER_UNITS);
export type ParameterUnit = z.infer<typeof ParameterUnit>;

/** The widest value each unit may take; a document may narrow it with `min`/`max`. Points are on the 10-point scale. */
export const PARAMETER_UNIT_RANGES: Readonly<Record<ParameterUnit, { min: number; max: number }>> = {
  learners: { min: 1, max: 1000 },
  percent: { min: 0, max: 100 },
  points: { min: 0, max: 10 },
  attempts: { min: 0, max: 10 },
  months: { min: 0, max: 60 },
};

/** Kebab-case ids for states and documents: `in-session`, `class-default`. */
export const LifecycleId = z.string().check(z.regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'mã viết thường, nối bằng gạch ngang (vd. in-session)'));
/** Event types are UPPER_SNAKE_CASE, as in the contract: `CLOSE_RECRUITMENT`. */
export const EventType = z.string().check(z.regex(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, 'tên sự kiện viết hoa, nối bằng gạch dưới (vd. CLOSE_RECRUITMENT)'));
export const ParameterName = z.string().check(z.regex(/^[a-z][a-zA-Z0-9]*$/, 'tên tham số dạng camelCase (vd. minClassSize)'));

/** A parameter value that depends on the training level and mode; cells may be missing. */
export const ByLevelAndMode = z.partialRecord(TrainingLevel, z.partialRecord(Mode, z.number()));
export type ByLevelAndMode = z.infer<typeof ByLevelAndMode>;

export const ParameterSchema = z.strictObject({
  label: LabelSchema,
  unit: ParameterUnit,
  value: z.union([z.number(), ByLevelAndMode]),
  /** Narrower bounds than the unit's, when the policy has them. */
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  /** `assumed` when the regulation gives no figure (shown as a warning). */
  confidence: Confidence,
  /** For a parameter by level and mode cited as a whole: the cells that are assumed nonetheless (`level/mode`). */
  assumedCells: z.optional(z.array(z.string().check(z.regex(/^(elementary|intermediate|advanced)\/(full-time|part-time)$/)))),
  /** Where the figure comes from, or why it is assumed. */
  source: z.string().check(z.minLength(1)),
  note: z.optional(z.string()),
});
export type Parameter = z.infer<typeof ParameterSchema>;

/** A guard or action parameter that reads a named document parameter: `{ "param": "minClassSize" }`. */
export const ParamRefSchema = z.strictObject({ param: ParameterName });
export type ParamRef = z.infer<typeof ParamRefSchema>;

const NamedRef = z.strictObject({
  type: z.string().check(z.minLength(1)),
  params: z.optional(z.record(z.string(), z.unknown())),
});
export type GuardRef = z.infer<typeof NamedRef>;
export type ActionRef = z.infer<typeof NamedRef>;

/** A named guard, or an `and` / `or` / `not` of guards (evaluated left to right, short-circuit). */
export type GuardExpr = GuardRef | { and: GuardExpr[] } | { or: GuardExpr[] } | { not: GuardExpr };
export const GuardExprSchema: z.ZodMiniType<GuardExpr> = z.lazy(() => z.union([
  z.strictObject({ and: z.array(GuardExprSchema).check(z.minLength(1)) }),
  z.strictObject({ or: z.array(GuardExprSchema).check(z.minLength(1)) }),
  z.strictObject({ not: GuardExprSchema }),
  NamedRef,
])) as z.ZodMiniType<GuardExpr>;

export const TransitionSchema = z.strictObject({
  /** Absent: the state stays the same and only the actions run (e.g. a learner event inside a class state). */
  target: z.optional(LifecycleId),
  guard: z.optional(GuardExprSchema),
  actions: z._default(z.array(NamedRef), []),
  description: z.optional(LabelSchema),
});
export type Transition = z.infer<typeof TransitionSchema>;

export const StateSchema = z.strictObject({
  label: LabelSchema,
  description: z.optional(LabelSchema),
  final: z._default(z.boolean(), false),
  /** Transitions by event; for one event they are tried in order and the first whose guard holds is taken. */
  on: z._default(z.record(EventType, z.array(TransitionSchema)), {}),
});
export type LifecycleState = z.infer<typeof StateSchema>;

export const PAYLOAD_TYPES = ['string', 'number', 'percent', 'date', 'level', 'mode', 'profile', 'scores', 'boolean'] as const;
export const PayloadFieldSchema = z.strictObject({
  type: z.enum(PAYLOAD_TYPES),
  required: z._default(z.boolean(), false),
  label: LabelSchema,
});
export type PayloadField = z.infer<typeof PayloadFieldSchema>;

/** What an event means and which payload fields it carries besides `type` and `at` (ISO date, always required). */
export const EventSchema = z.strictObject({
  label: LabelSchema,
  description: z.optional(LabelSchema),
  payload: z._default(z.record(z.string().check(z.regex(/^[a-z][a-zA-Z0-9]*$/)), PayloadFieldSchema), {}),
});
export type LifecycleEventDef = z.infer<typeof EventSchema>;

export const RevisionSchema = z.strictObject({
  revision: z.int().check(z.gte(2)),
  note: z.string().check(z.minLength(1)),
  /** States renamed in this revision: old id → new id. Snapshots in an old id resume in the new one. */
  renamedStates: z._default(z.record(LifecycleId, LifecycleId), {}),
});

export const LifecycleSchema = z.strictObject({
  schema: z.literal('llct/lifecycle'),
  version: z.literal(1),
  id: LifecycleId,
  revision: z._default(z.int().check(z.gte(1)), 1),
  subject: LifecycleSubject,
  title: LabelSchema,
  description: z.optional(LabelSchema),
  /** Where the steps come from (e.g. Quyết định 6468-QĐ/HVCTQG), and what is assumed. */
  source: z.string().check(z.minLength(1)),
  /** Class lifecycles: id of the learner lifecycle each of its learners follows. */
  learnerLifecycle: z.optional(LifecycleId),
  initial: LifecycleId,
  parameters: z._default(z.record(ParameterName, ParameterSchema), {}),
  events: z._default(z.record(EventType, EventSchema), {}),
  states: z.record(LifecycleId, StateSchema),
  revisions: z._default(z.array(RevisionSchema), []),
  ...DECISION_FIELDS,
}).check(z.superRefine(checkDecisionFields));
export type Lifecycle = z.infer<typeof LifecycleSchema>;
/** A lifecycle as written in a file, before defaults are filled in. */
export type LifecycleInput = z.input<typeof LifecycleSchema>;

export const LIFECYCLE_KIND: DocumentKind<typeof LifecycleSchema> = {
  kind: 'llct/lifecycle',
  version: 1,
  schema: LifecycleSchema,
  migrations: {},
};

export function isParamRef(value: unknown): value is ParamRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    && Object.keys(value).length === 1 && typeof (value as { param?: unknown }).param === 'string';
}

export function isNamedGuard(g: GuardExpr): g is GuardRef {
  return 'type' in g;
}
