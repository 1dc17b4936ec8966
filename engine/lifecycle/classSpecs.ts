/**
 * Guards and actions a class lifecycle may name. A class hosts its learners: learner events reach them through
 * `forwardToLearner` (one learner) and `broadcastToLearners` (all learners that accept the event), so the class
 * and its learners change in one step and cannot drift apart.
 */
import { z } from 'zod/mini';
import type { CadreProfile } from '../documents/cadre.ts';
import { Mode, TrainingLevel } from '../documents/enums.ts';
import type { ClassContext, LearnerRecord, LifecycleEvent } from './context.ts';
import { appendLearner, findLearner, mapLearners, replaceLearner } from './learnerIndex.ts';
import { describeNumber } from './resolveParams.ts';
import { profileProblems } from '../rules/profileProblems.ts';
import { formatDate } from '../documents/dates.ts';
import { addMonths, listIds, NoParams, NumOrRef, stateLabel } from './specHelpers.ts';
import { stampDate } from './stampDate.ts';
import { outcome, type ActionSpec, type GuardOutcome, type GuardSpec, type LifecycleEnv, type SpecArgs } from './types.ts';

type Args = SpecArgs<ClassContext>;

const learnerCount: GuardSpec<ClassContext> = {
  subject: 'class',
  label: { vi: 'Sĩ số học viên', en: 'Learner count' },
  description: {
    vi: 'Số học viên đang ở các trạng thái đã nêu nằm trong khoảng [min, max]. max = 0: không còn ai ở các trạng thái đó.',
    en: 'The number of learners in the given states lies within [min, max]. max = 0: nobody is left in those states.',
  },
  params: z.strictObject({ states: z.array(z.string()).check(z.minLength(1)), min: z.optional(NumOrRef), max: z.optional(NumOrRef) }).check(z.refine((p) => p.min !== undefined || p.max !== undefined, { message: 'cần min hoặc max', params: { en: 'needs min or max' } })),
  states: [{ key: 'states', of: 'learner' }],
  units: { min: 'learners', max: 'learners' },
  evaluate({ context, params, refs, env }) {
    const states = params.states as string[];
    const min = params.min as number | undefined;
    const max = params.max as number | undefined;
    const ids = context.learners.filter((l) => states.includes(l.state)).map((l) => l.context.id);
    const n = ids.length;
    const doc = env.learners?.lifecycle;
    const vi = states.map((s) => stateLabel(doc, s, 'vi')).join(', ');
    const en = states.map((s) => stateLabel(doc, s, 'en')).join(', ');
    if (min !== undefined && n < min) {
      return outcome(false, 'lifecycle/too-few-learners',
        { vi: `Có ${n} học viên ở trạng thái ${vi}; cần tối thiểu ${describeNumber(min, refs.min)}.`, en: `${n} learner(s) in state ${en}; at least ${describeNumber(min, refs.min)} needed.` });
    }
    if (max !== undefined && n > max) {
      return max === 0
        ? outcome(false, 'lifecycle/learners-pending', { vi: `Còn ${n} học viên ở trạng thái ${vi}: ${listIds(ids)}.`, en: `${n} learner(s) still in state ${en}: ${listIds(ids)}.` })
        : outcome(false, 'lifecycle/too-many-learners',
          { vi: `Có ${n} học viên ở trạng thái ${vi}; tối đa ${describeNumber(max, refs.max)}.`, en: `${n} learner(s) in state ${en}; at most ${describeNumber(max, refs.max)}.` });
    }
    return outcome(true, 'lifecycle/learner-count', { vi: `Có ${n} học viên ở trạng thái ${vi}.`, en: `${n} learner(s) in state ${en}.` });
  },
};

const postponedFrom: GuardSpec<ClassContext> = {
  subject: 'class',
  label: { vi: 'Hoãn từ trạng thái', en: 'Postponed from' },
  description: { vi: 'Lớp bị hoãn khi đang ở trạng thái đã nêu.', en: 'The class was postponed while in the given state.' },
  params: z.strictObject({ state: z.string() }),
  states: [{ key: 'state', of: 'class' }],
  evaluate({ context, params }) {
    const state = params.state as string;
    const from = context.postponedFrom ?? '—';
    return outcome(context.postponedFrom === state, 'lifecycle/postponed-from',
      { vi: `Lớp hoãn từ trạng thái "${from}" (điều kiện: "${state}").`, en: `The class was postponed from "${from}" (condition: "${state}").` });
  },
};

const monthsSince: GuardSpec<ClassContext> = {
  subject: 'class',
  label: { vi: 'Đủ số tháng kể từ mốc', en: 'Months elapsed since a date' },
  description: {
    vi: 'Ngày của sự kiện cách ngày mốc (do stampDate ghi) ít nhất số tháng đã nêu.',
    en: 'The event falls at least the given number of whole months after a date stamped by stampDate.',
  },
  params: z.strictObject({ since: z.string().check(z.minLength(1)), months: NumOrRef }),
  units: { months: 'months' },
  dateMarks: ['since'],
  evaluate({ context, event, params, refs }) {
    const since = params.since as string;
    const months = params.months as number;
    const start = context.dates[since];
    if (start === undefined) {
      return outcome(false, 'lifecycle/missing-date', { vi: `Lớp chưa có mốc ngày "${since}".`, en: `The class has no "${since}" date yet.` });
    }
    const due = addMonths(start, months);
    const m = describeNumber(months, refs.months);
    return event.at >= due
      ? outcome(true, 'lifecycle/months-elapsed', { vi: `Đã đủ ${m} tháng kể từ ${formatDate(start)}.`, en: `${m} months have passed since ${formatDate(start)}.` })
      : outcome(false, 'lifecycle/too-early',
        { vi: `Chưa đủ ${m} tháng kể từ mốc "${since}" ${formatDate(start)}: sớm nhất ${formatDate(due)}, sự kiện ngày ${formatDate(event.at)}.`, en: `Less than ${m} months since "${since}" ${formatDate(start)}: ${formatDate(due)} at the earliest, event on ${formatDate(event.at)}.` });
  },
};

const recordPlan: ActionSpec<ClassContext> = {
  subject: 'class',
  label: { vi: 'Ghi kế hoạch lớp', en: 'Record the class plan' },
  description: { vi: 'Ghi cấp học, hình thức học, mã và tên lớp từ sự kiện.', en: 'Records the level, mode, id and name of the class from the event.' },
  params: NoParams,
  payload: ['level', 'mode'],
  apply({ context, event }) {
    const level = TrainingLevel.safeParse(event.level);
    const mode = Mode.safeParse(event.mode);
    return {
      ...context,
      level: level.success ? level.data : context.level,
      mode: mode.success ? mode.data : context.mode,
      classId: typeof event.classId === 'string' ? event.classId : context.classId,
      name: typeof event.name === 'string' ? event.name : context.name,
    };
  },
};

const rememberState: ActionSpec<ClassContext> = {
  subject: 'class',
  label: { vi: 'Ghi trạng thái trước khi hoãn', en: 'Remember the state before postponing' },
  description: { vi: 'Ghi trạng thái để RESUME trở lại.', en: 'Records the state RESUME returns to.' },
  params: z.strictObject({ state: z.string() }),
  states: [{ key: 'state', of: 'class' }],
  apply: ({ context, params }) => ({ ...context, postponedFrom: params.state as string }),
};

const clearPostponement: ActionSpec<ClassContext> = {
  subject: 'class',
  label: { vi: 'Xóa ghi nhận hoãn', en: 'Clear the postponement' },
  description: { vi: 'Xóa trạng thái đã ghi khi hoãn.', en: 'Forgets the state recorded when postponing.' },
  params: NoParams,
  apply: ({ context }) => ({ ...context, postponedFrom: null }),
};

function learnerIdOf(event: LifecycleEvent): string {
  return typeof event.learnerId === 'string' ? event.learnerId : '';
}

function runtimeOf(env: LifecycleEnv) {
  if (!env.learners) throw new Error('a class lifecycle needs its learner lifecycle');
  return env.learners;
}

/** The nomination date of a NOMINATE event: `nominatedOn`, else the event's date. */
function nominatedOn(event: LifecycleEvent): string {
  return typeof event.nominatedOn === 'string' ? event.nominatedOn : event.at;
}

/**
 * `addLearner`: the learner id must be new, the class must know its level and mode (APPROVE), and the profile must
 * be sound on the nomination date (the row checks of `llct check`: born before it, of working age, dates in order,
 * no rating after it, no year rated twice), so that no verdict is ever made on impossible data.
 */
function canAdd({ context, event }: Args): GuardOutcome {
  const id = learnerIdOf(event);
  if (context.level === null || context.mode === null) {
    return outcome(false, 'lifecycle/no-plan', { vi: 'Lớp chưa có cấp học và hình thức học (APPROVE ghi nhận chúng).', en: 'The class has no level and mode yet (APPROVE sets them).' });
  }
  if (findLearner(context.learners, id) >= 0) {
    return outcome(false, 'lifecycle/duplicate-learner', { vi: `Học viên ${id} đã được cử vào lớp này.`, en: `Learner ${id} is already nominated to this class.` });
  }
  const problems = typeof event.profile === 'object' && event.profile !== null ? profileProblems(event.profile as CadreProfile, nominatedOn(event)) : [];
  if (problems.length > 0) {
    return outcome(false, problems[0]!.code,
      { vi: `Hồ sơ của ${id} không dùng được để xét: ${problems.map((p) => `trường "${p.path}": ${p.message}`).join('; ')}.`, en: `The profile of ${id} cannot be judged: ${problems.map((p) => `field "${p.path}": ${p.messageEn}`).join('; ')}.` });
  }
  return outcome(true, 'lifecycle/new-learner', { vi: `Học viên mới ${id}.`, en: `New learner ${id}.` });
}

const addLearner: ActionSpec<ClassContext> = {
  subject: 'class',
  label: { vi: 'Thêm học viên được cử', en: 'Add a nominated learner' },
  description: {
    vi: 'Tạo học viên ở trạng thái đầu của quy trình học viên; ngày cử (chọn quy định áp dụng) là nominatedOn hoặc ngày sự kiện. Từ chối khi mã học viên đã có.',
    en: 'Creates the learner in the initial state of the learner lifecycle; the nomination date (which selects the regulation) is nominatedOn or the event date. Refused when the learner id exists.',
  },
  params: NoParams,
  payload: ['learnerId', 'profile'],
  precondition: canAdd,
  apply({ context, event, env }) {
    if (context.level === null || context.mode === null) return context;
    const on = nominatedOn(event);
    const record = runtimeOf(env).create({
      id: learnerIdOf(event), profile: event.profile as CadreProfile, nomination: { level: context.level, mode: context.mode, on },
      at: event.at, ...(typeof event.agency === 'string' ? { agency: event.agency } : {}),
    });
    return { ...context, learners: appendLearner(context.learners, record) };
  },
};

function forward({ context, event, env }: Args): { index: number; record: LearnerRecord } | GuardOutcome {
  const id = learnerIdOf(event);
  const index = findLearner(context.learners, id);
  if (index < 0) {
    return outcome(false, 'lifecycle/unknown-learner', { vi: `Lớp không có học viên ${id}.`, en: `The class has no learner ${id}.` });
  }
  const step = runtimeOf(env).step(context.learners[index]!, event);
  if (!step.ok) return outcome(false, step.reason.code, { vi: `Học viên ${id}: ${step.reason.vi}`, en: `Learner ${id}: ${step.reason.en}` });
  return { index, record: step.record };
}

const forwardToLearner: ActionSpec<ClassContext> = {
  subject: 'class',
  label: { vi: 'Chuyển sự kiện cho học viên', en: 'Forward the event to the learner' },
  description: {
    vi: 'Gửi sự kiện cho học viên có mã learnerId; bị từ chối khi không có học viên đó hoặc quy trình học viên từ chối (kèm lý do).',
    en: 'Sends the event to the learner named by learnerId; refused when there is no such learner or the learner lifecycle refuses it (with its reason).',
  },
  params: NoParams,
  payload: ['learnerId'],
  precondition(args) {
    const r = forward(args);
    return 'ok' in r ? r : outcome(true, 'lifecycle/learner-accepts', { vi: `Học viên ${learnerIdOf(args.event)} nhận sự kiện.`, en: `Learner ${learnerIdOf(args.event)} accepts the event.` });
  },
  apply(args) {
    const r = forward(args);
    if ('ok' in r) return args.context;
    return { ...args.context, learners: replaceLearner(args.context.learners, r.index, r.record) };
  },
};

const broadcastToLearners: ActionSpec<ClassContext> = {
  subject: 'class',
  label: { vi: 'Gửi sự kiện cho mọi học viên', en: 'Send an event to every learner' },
  description: {
    vi: 'Gửi sự kiện học viên đã nêu cho mọi học viên; học viên nào không nhận (theo quy trình học viên) thì giữ nguyên.',
    en: 'Sends the named learner event to every learner; learners whose lifecycle does not take it stay as they are.',
  },
  params: z.strictObject({ event: z.string().check(z.minLength(1)) }),
  learnerEvents: ['event'],
  apply({ context, event, params, env }) {
    const runtime = runtimeOf(env);
    const sent: LifecycleEvent = { type: params.event as string, at: event.at, cause: event.type };
    return {
      ...context,
      learners: mapLearners(context.learners, (l) => {
        const step = runtime.step(l, sent);
        return step.ok ? step.record : l;
      }),
    };
  },
};

export const CLASS_GUARDS: Readonly<Record<string, GuardSpec<ClassContext>>> = { learnerCount, postponedFrom, monthsSince };

export const CLASS_ACTIONS: Readonly<Record<string, ActionSpec<ClassContext>>> = {
  recordPlan, stampDate: stampDate('class'), addLearner, forwardToLearner, broadcastToLearners, rememberState, clearPostponement,
};
