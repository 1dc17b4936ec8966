/**
 * Guards and actions a learner lifecycle may name. `eligible` is rule-backed: it runs the eligibility check of
 * the regulation in force on the learner's nomination date (57-QĐ/TW or 350-QĐ/TW) and, when it fails, says which
 * rules failed with their citations. Exam scores are on the 10-point scale.
 */
import { z } from 'zod/mini';
import { Mode, TrainingLevel } from '../documents/enums.ts';
import type { Nomination } from '../documents/cadre.ts';
import type { Classification, LearnerContext, ScreeningVerdict } from './context.ts';
import { describeNumber } from './resolveParams.ts';
import { formatDate } from '../documents/dates.ts';
import { NoParams, NumOrRef } from './specHelpers.ts';
import { stampDate } from './stampDate.ts';
import { outcome, type ActionSpec, type GuardSpec, type LifecycleEnv, type SpecArgs } from './types.ts';
import type { CheckOutcome } from '../rules/createChecker.ts';

type Args = SpecArgs<LearnerContext>;

const LevelModeParams = z.strictObject({ level: z.optional(TrainingLevel), mode: z.optional(Mode) });

function nominationOf({ context, params }: Args): Nomination {
  // Nominations are never changed once made: without a level or mode of its own, the learner's is the one asked about.
  if (!params.level && !params.mode) return context.nomination;
  return {
    ...context.nomination,
    ...(params.level ? { level: params.level as Nomination['level'] } : {}),
    ...(params.mode ? { mode: params.mode as Nomination['mode'] } : {}),
  };
}

/**
 * The last verdict per environment, by the profile and nomination objects and the level/mode asked for: screening a
 * learner asks twice for the same verdict (the `eligible` guard, then `recordVerdict` on the transition it enables,
 * or on the one taken when it fails), and the check is the costly part of the step. Profiles and nominations are
 * never changed once made, so the verdict for the same objects is the same (a cache: it changes no result).
 */
const lastScreening = new WeakMap<LifecycleEnv, { profile: unknown; nomination: unknown; level: unknown; mode: unknown; verdict: ScreeningVerdict }>();

/** Runs the check; a check that cannot run (no regulation in force on the date) counts as not eligible. */
function screen(args: Args): ScreeningVerdict {
  // Bulk runs give a recorded verdict that remembers its answers itself: nothing to keep here.
  if (args.env.recordedVerdict) return check(args);
  const { profile, nomination } = args.context;
  const last = lastScreening.get(args.env);
  if (last && last.profile === profile && last.nomination === nomination && last.level === args.params.level && last.mode === args.params.mode) return last.verdict;
  const verdict = check(args);
  lastScreening.set(args.env, { profile, nomination, level: args.params.level, mode: args.params.mode, verdict });
  return verdict;
}

function check(args: Args): ScreeningVerdict {
  const n = nominationOf(args);
  const { env } = args;
  return env.recordedVerdict ? env.recordedVerdict(args.context.profile, n) : screeningVerdictOf(env.checkEligibility(args.context.profile, n));
}

/** The verdict a learner records, from the eligibility check's outcome. */
export function screeningVerdictOf(r: CheckOutcome): ScreeningVerdict {
  if (!r.ok) {
    return {
      eligible: false, regulation: '', ruleset: '', institution: null,
      failures: r.diagnostics.map((d) => ({ rule: d.code, citation: '', message: d.message, messageEn: d.messageEn })),
    };
  }
  const v = r.verdict;
  return {
    eligible: v.eligible, regulation: v.regulation, ruleset: v.ruleset, institution: v.institution?.id ?? null,
    failures: v.failures.map((f) => ({ rule: f.rule, citation: f.citation, message: f.message, messageEn: f.messageEn })),
  };
}

const eligible: GuardSpec<LearnerContext> = {
  subject: 'learner',
  label: { vi: 'Đủ điều kiện theo quy định', en: 'Eligible under the regulation' },
  description: {
    vi: 'Hồ sơ đạt đối tượng và tiêu chuẩn của quy định có hiệu lực vào ngày cử đi học (57-QĐ/TW hoặc 350-QĐ/TW), cho cấp học và hình thức của lớp (hoặc level/mode đã nêu).',
    en: "The dossier meets the subject and standard rules of the regulation in force on the nomination date (57-QĐ/TW or 350-QĐ/TW), for the class's level and mode (or the given level/mode).",
  },
  params: LevelModeParams,
  evaluate(args) {
    const v = screen(args);
    const on = formatDate(nominationOf(args).on);
    if (v.eligible) {
      return outcome(true, 'lifecycle/eligible', { vi: `Đủ điều kiện theo ${v.regulation} (cử ngày ${on}).`, en: `Eligible under ${v.regulation} (nominated on ${on}).` });
    }
    const vi = v.failures.map((f) => `${f.rule}${f.citation ? ` (${f.citation})` : ''}: ${f.message}`).join('; ');
    const en = v.failures.map((f) => `${f.rule}${f.citation ? ` (${f.citation})` : ''}: ${f.messageEn}`).join('; ');
    return outcome(false, 'lifecycle/not-eligible',
      { vi: `Không đủ điều kiện${v.regulation ? ` theo ${v.regulation}` : ''} (cử ngày ${on}): ${vi}`, en: `Not eligible${v.regulation ? ` under ${v.regulation}` : ''} (nominated on ${on}): ${en}` });
  },
};

const attendanceAtLeast: GuardSpec<LearnerContext> = {
  subject: 'learner',
  label: { vi: 'Đủ tỷ lệ chuyên cần', en: 'Attendance threshold met' },
  description: { vi: 'Tỷ lệ buổi học tham dự (%) đạt ngưỡng.', en: 'The share of sessions attended (percent) reaches the threshold.' },
  params: z.strictObject({ min: NumOrRef }),
  units: { min: 'percent' },
  evaluate({ context, params, refs }) {
    const min = describeNumber(params.min as number, refs.min);
    if (context.attendance === null) {
      return outcome(false, 'lifecycle/no-attendance', { vi: `Chưa có số liệu chuyên cần (cần ≥ ${min}%).`, en: `No attendance recorded (≥ ${min}% needed).` });
    }
    return context.attendance >= (params.min as number)
      ? outcome(true, 'lifecycle/attendance-met', { vi: `Chuyên cần ${context.attendance}% ≥ ${min}%.`, en: `Attendance ${context.attendance}% ≥ ${min}%.` })
      : outcome(false, 'lifecycle/attendance-low', { vi: `Chuyên cần ${context.attendance}% < ${min}%.`, en: `Attendance ${context.attendance}% < ${min}%.` });
  },
};

function scoresOf(args: Args): number[] {
  return Array.isArray(args.event.scores) ? (args.event.scores as number[]) : [];
}

const examPassed: GuardSpec<LearnerContext> = {
  subject: 'learner',
  label: { vi: 'Thi đạt', en: 'Exam passed' },
  description: {
    vi: 'Mọi điểm của lần thi này (mỗi khối kiến thức, hoặc điểm khóa luận) đạt điểm đạt, thang 10.',
    en: 'Every score of this sitting (each knowledge block, or the thesis mark) reaches the pass mark, 10-point scale.',
  },
  params: z.strictObject({ passMark: NumOrRef }),
  units: { passMark: 'points' },
  payload: ['scores'],
  evaluate(args) {
    const scores = scoresOf(args);
    const mark = describeNumber(args.params.passMark as number, args.refs.passMark);
    const below = scores.filter((s) => s < (args.params.passMark as number));
    return below.length === 0 && scores.length > 0
      ? outcome(true, 'lifecycle/exam-passed', { vi: `Điểm ${scores.join(', ')} đều ≥ ${mark}.`, en: `Scores ${scores.join(', ')} all ≥ ${mark}.` })
      : outcome(false, 'lifecycle/exam-failed', { vi: `Điểm dưới mức đạt ${mark}: ${below.join(', ')}.`, en: `Scores below the pass mark ${mark}: ${below.join(', ')}.` });
  },
};

const resitAvailable: GuardSpec<LearnerContext> = {
  subject: 'learner',
  label: { vi: 'Còn lượt thi lại', en: 'A re-sit is left' },
  description: {
    vi: 'Số lần thi lại đã dùng (số lần thi trước lần này) nhỏ hơn số lần thi lại cho phép.',
    en: 'The re-sits used so far (sittings before this one) are fewer than the re-sits allowed.',
  },
  params: z.strictObject({ allowance: NumOrRef }),
  units: { allowance: 'attempts' },
  evaluate({ context, params, refs }) {
    const allowed = describeNumber(params.allowance as number, refs.allowance);
    return context.attempts < (params.allowance as number)
      ? outcome(true, 'lifecycle/resit-left', { vi: `Đã thi lại ${context.attempts} lần, được thi lại ${allowed} lần.`, en: `${context.attempts} re-sit(s) used of ${allowed}.` })
      : outcome(false, 'lifecycle/no-resit-left', { vi: `Đã dùng hết ${allowed} lần thi lại.`, en: `All ${allowed} re-sit(s) used.` });
  },
};

const recordVerdict: ActionSpec<LearnerContext> = {
  subject: 'learner',
  label: { vi: 'Ghi kết quả xét hồ sơ', en: 'Record the screening verdict' },
  description: {
    vi: 'Ghi kết quả kiểm tra điều kiện (quy định áp dụng, các quy tắc không đạt kèm trích dẫn).',
    en: 'Records the eligibility verdict (regulation applied, failed rules with citations).',
  },
  params: LevelModeParams,
  changes: (args) => ({ verdict: screen(args) }),
  apply: (args) => ({ ...args.context, verdict: screen(args) }),
};

const recordAttendance: ActionSpec<LearnerContext> = {
  subject: 'learner',
  label: { vi: 'Ghi chuyên cần', en: 'Record attendance' },
  description: { vi: 'Ghi tỷ lệ buổi học đã tham dự (%).', en: 'Records the share of sessions attended (percent).' },
  params: NoParams,
  payload: ['percent'],
  changes: ({ context, event }) => ({ attendance: typeof event.percent === 'number' ? event.percent : context.attendance }),
  apply: ({ context, event }) => ({ ...context, attendance: typeof event.percent === 'number' ? event.percent : context.attendance }),
};

function classify(average: number, veryGoodFrom: number, goodFrom: number): Classification {
  return average >= veryGoodFrom ? 'very-good' : average >= goodFrom ? 'good' : 'average';
}

function examChanges(args: Args): Pick<LearnerContext, 'attempts' | 'scores' | 'average' | 'classification'> {
  const scores = scoresOf(args);
  const average = scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
  const passed = scores.length > 0 && scores.every((s) => s >= (args.params.passMark as number));
  return {
    attempts: args.context.attempts + 1,
    scores,
    average,
    classification: passed && average !== null
      ? classify(average, args.params.veryGoodFrom as number, args.params.goodFrom as number)
      : null,
  };
}

const recordExam: ActionSpec<LearnerContext> = {
  subject: 'learner',
  label: { vi: 'Ghi kết quả thi', en: 'Record the exam result' },
  description: {
    vi: 'Ghi điểm lần thi, tăng số lần thi, tính điểm trung bình (làm tròn 2 chữ số) và, nếu mọi điểm đạt, xếp loại giỏi/khá/trung bình theo các ngưỡng.',
    en: 'Records the scores, counts the sitting, computes the average (2 decimals) and, when every score passes, classifies very good/good/average by the thresholds.',
  },
  params: z.strictObject({ passMark: NumOrRef, veryGoodFrom: NumOrRef, goodFrom: NumOrRef }),
  units: { passMark: 'points', veryGoodFrom: 'points', goodFrom: 'points' },
  payload: ['scores'],
  changes: examChanges,
  apply: (args) => ({ ...args.context, ...examChanges(args) }),
};

const recordNote: ActionSpec<LearnerContext> = {
  subject: 'learner',
  label: { vi: 'Ghi lý do', en: 'Record the reason' },
  description: {
    vi: 'Ghi lý do (trường reason của sự kiện, hoặc text đã nêu) khi bảo lưu, thôi học…',
    en: "Records the reason (the event's reason field, or the given text) on suspension, withdrawal, …",
  },
  params: z.strictObject({ text: z.optional(z.string().check(z.minLength(1))) }),
  changes: ({ context, event, params }) => ({ note: typeof event.reason === 'string' ? event.reason : (params.text as string | undefined) ?? context.note }),
  apply: ({ context, event, params }) => ({
    ...context,
    note: typeof event.reason === 'string' ? event.reason : (params.text as string | undefined) ?? context.note,
  }),
};

export const LEARNER_GUARDS: Readonly<Record<string, GuardSpec<LearnerContext>>> = { eligible, attendanceAtLeast, examPassed, resitAvailable };

export const LEARNER_ACTIONS: Readonly<Record<string, ActionSpec<LearnerContext>>> = {
  recordVerdict, recordAttendance, recordExam, recordNote, stampDate: stampDate('learner'),
};

