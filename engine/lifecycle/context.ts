/**
 * What a running class and its learners remember (the XState context), as zod schemas so a saved snapshot is
 * validated before it is resumed. Everything here is plain JSON: dates are ISO strings taken from events' `at`.
 */
import { z } from 'zod/mini';
import { CadreProfile, IsoDate, Nomination } from '../documents/cadre.ts';
import { Mode, TrainingLevel, type Label } from '../documents/enums.ts';

/** Graduation classification (xếp loại tốt nghiệp): giỏi, khá, trung bình. */
export const CLASSIFICATIONS = ['very-good', 'good', 'average'] as const;
export const Classification = z.enum(CLASSIFICATIONS);
export type Classification = z.infer<typeof Classification>;
export const CLASSIFICATION_LABELS: Readonly<Record<Classification, Label>> = {
  'very-good': { vi: 'giỏi', en: 'very good' },
  good: { vi: 'khá', en: 'good' },
  average: { vi: 'trung bình', en: 'average' },
};

/** The screening verdict kept with a learner: enough to say why a dossier was rejected, with citations. */
export const ScreeningVerdict = z.object({
  eligible: z.boolean(),
  regulation: z.string(),
  ruleset: z.string(),
  failures: z.array(z.object({ rule: z.string(), citation: z.string(), message: z.string(), messageEn: z.string() })),
  institution: z.nullable(z.string()),
});
export type ScreeningVerdict = z.infer<typeof ScreeningVerdict>;

export const LearnerContext = z.object({
  id: z.string().check(z.minLength(1)),
  profile: CadreProfile,
  /** Level and mode of the class; `on` is the nomination date, which selects the regulation. */
  nomination: Nomination,
  agency: z.nullable(z.string()),
  verdict: z.nullable(ScreeningVerdict),
  /** Share of sessions attended, in percent. */
  attendance: z.nullable(z.number().check(z.gte(0), z.lte(100))),
  /** Exam attempts so far (the first sitting counts as 1). */
  attempts: z.int().check(z.gte(0)),
  /** Scores of the latest attempt, 10-point scale, one per knowledge block (or one for a thesis). */
  scores: z.nullable(z.array(z.number())),
  average: z.nullable(z.number()),
  classification: z.nullable(Classification),
  /** Why the learner was suspended or withdrawn. */
  note: z.nullable(z.string()),
  dates: z.record(z.string(), IsoDate),
});
export type LearnerContext = z.infer<typeof LearnerContext>;

export const LearnerRecord = z.object({ state: z.string().check(z.minLength(1)), context: LearnerContext });
export type LearnerRecord = z.infer<typeof LearnerRecord>;

export const ClassContext = z.object({
  classId: z.nullable(z.string()),
  name: z.nullable(z.string()),
  level: z.nullable(TrainingLevel),
  mode: z.nullable(Mode),
  /** Dates stamped by `stampDate` actions: `approved`, `opened`, … */
  dates: z.record(z.string(), IsoDate),
  /** The state a postponed class resumes to. */
  postponedFrom: z.nullable(z.string()),
  /** In nomination order. */
  learners: z.array(LearnerRecord),
});
export type ClassContext = z.infer<typeof ClassContext>;

/** Input of a new class: what is known before APPROVE (usually nothing). */
export interface ClassInput { classId?: string; name?: string; level?: TrainingLevel; mode?: Mode }

export interface LearnerInput { id: string; profile: CadreProfile; nomination: Nomination; agency?: string; at: string }

/**
 * An event sent to a lifecycle: `type`, the ISO date `at` it happened on, and the payload fields its lifecycle
 * document declares (`learnerId`, `profile`, `scores`, …).
 */
export interface LifecycleEvent {
  type: string;
  at: string;
  learnerId?: string;
  [field: string]: unknown;
}

export function emptyClassContext(input: ClassInput = {}): ClassContext {
  return {
    classId: input.classId ?? null, name: input.name ?? null, level: input.level ?? null, mode: input.mode ?? null,
    dates: {}, postponedFrom: null, learners: [],
  };
}

export function newLearnerContext(input: LearnerInput): LearnerContext {
  return {
    id: input.id, profile: input.profile, nomination: input.nomination, agency: input.agency ?? null, verdict: null,
    attendance: null, attempts: 0, scores: null, average: null, classification: null, note: null,
    dates: { nominated: input.at },
  };
}
