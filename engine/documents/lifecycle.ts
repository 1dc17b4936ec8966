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
import { z } from 'zod';
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
export const LifecycleId = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'mã viết thường, nối bằng gạch ngang (vd. in-session)');
/** Event types are UPPER_SNAKE_CASE, as in the contract: `CLOSE_RECRUITMENT`. */
export const EventType = z.string().regex(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, 'tên sự kiện viết hoa, nối bằng gạch dưới (vd. CLOSE_RECRUITMENT)');
export const ParameterName = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'tên tham số dạng camelCase (vd. minClassSize)');

/** A parameter value that depends on the training level and mode; cells may be missing. */
export const ByLevelAndMode = z.partialRecord(TrainingLevel, z.partialRecord(Mode, z.number()));
export type ByLevelAndMode = z.infer<typeof ByLevelAndMode>;

export const ParameterSchema = z.object({
  label: LabelSchema,
  unit: ParameterUnit,
  value: z.union([z.number(), ByLevelAndMode]),
  /** Narrower bounds than the unit's, when the policy has them. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** `assumed` when the regulation gives no figure (shown as a warning). */
  confidence: Confidence,
  /** For a parameter by level and mode cited as a whole: the cells that are assumed nonetheless (`level/mode`). */
  assumedCells: z.array(z.string().regex(/^(elementary|intermediate|advanced)\/(full-time|part-time)$/)).optional(),
  /** Where the figure comes from, or why it is assumed. */
  source: z.string().min(1),
  note: z.string().optional(),
}).strict();
export type Parameter = z.infer<typeof ParameterSchema>;

/** A guard or action parameter that reads a named document parameter: `{ "param": "minClassSize" }`. */
export const ParamRefSchema = z.object({ param: ParameterName }).strict();
export type ParamRef = z.infer<typeof ParamRefSchema>;

const NamedRef = z.object({
  type: z.string().min(1),
  params: z.record(z.string(), z.unknown()).optional(),
}).strict();
export type GuardRef = z.infer<typeof NamedRef>;
export type ActionRef = z.infer<typeof NamedRef>;

/** A named guard, or an `and` / `or` / `not` of guards (evaluated left to right, short-circuit). */
export type GuardExpr = GuardRef | { and: GuardExpr[] } | { or: GuardExpr[] } | { not: GuardExpr };
export const GuardExprSchema: z.ZodType<GuardExpr> = z.lazy(() => z.union([
  z.object({ and: z.array(GuardExprSchema).min(1) }).strict(),
  z.object({ or: z.array(GuardExprSchema).min(1) }).strict(),
  z.object({ not: GuardExprSchema }).strict(),
  NamedRef,
])) as z.ZodType<GuardExpr>;

export const TransitionSchema = z.object({
  /** Absent: the state stays the same and only the actions run (e.g. a learner event inside a class state). */
  target: LifecycleId.optional(),
  guard: GuardExprSchema.optional(),
  actions: z.array(NamedRef).default([]),
  description: LabelSchema.optional(),
}).strict();
export type Transition = z.infer<typeof TransitionSchema>;

export const StateSchema = z.object({
  label: LabelSchema,
  description: LabelSchema.optional(),
  final: z.boolean().default(false),
  /** Transitions by event; for one event they are tried in order and the first whose guard holds is taken. */
  on: z.record(EventType, z.array(TransitionSchema)).default({}),
}).strict();
export type LifecycleState = z.infer<typeof StateSchema>;

export const PAYLOAD_TYPES = ['string', 'number', 'percent', 'date', 'level', 'mode', 'profile', 'scores', 'boolean'] as const;
export const PayloadFieldSchema = z.object({
  type: z.enum(PAYLOAD_TYPES),
  required: z.boolean().default(false),
  label: LabelSchema,
}).strict();
export type PayloadField = z.infer<typeof PayloadFieldSchema>;

/** What an event means and which payload fields it carries besides `type` and `at` (ISO date, always required). */
export const EventSchema = z.object({
  label: LabelSchema,
  description: LabelSchema.optional(),
  payload: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/), PayloadFieldSchema).default({}),
}).strict();
export type LifecycleEventDef = z.infer<typeof EventSchema>;

export const RevisionSchema = z.object({
  revision: z.number().int().min(2),
  note: z.string().min(1),
  /** States renamed in this revision: old id → new id. Snapshots in an old id resume in the new one. */
  renamedStates: z.record(LifecycleId, LifecycleId).default({}),
}).strict();

export const LifecycleSchema = z.object({
  schema: z.literal('llct/lifecycle'),
  version: z.literal(1),
  id: LifecycleId,
  revision: z.number().int().min(1).default(1),
  subject: LifecycleSubject,
  title: LabelSchema,
  description: LabelSchema.optional(),
  /** Where the steps come from (e.g. Quyết định 6468-QĐ/HVCTQG), and what is assumed. */
  source: z.string().min(1),
  /** Class lifecycles: id of the learner lifecycle each of its learners follows. */
  learnerLifecycle: LifecycleId.optional(),
  initial: LifecycleId,
  parameters: z.record(ParameterName, ParameterSchema).default({}),
  events: z.record(EventType, EventSchema).default({}),
  states: z.record(LifecycleId, StateSchema),
  revisions: z.array(RevisionSchema).default([]),
  ...DECISION_FIELDS,
}).strict().superRefine(checkDecisionFields);
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
