/**
 * A class lifecycle and its learner lifecycle compiled from the same documents into transition tables, for bulk
 * simulation. The documents stay the single source of truth: tables are built from their states, events, guards and
 * actions (compileGuards.ts for guards; actions run their registered spec's `apply`, except the three that move
 * learners, which update this run's learners in place instead of copying the list at every event). A refused event
 * is handed to the XState lifecycle (`createClassLifecycle`), so its rejection is the one `llct lifecycle replay`
 * gives, word for word. test/lifecycle/compiledDifferential.test.ts drives both on random event sequences.
 *
 * A run is mutable: `send` changes it in place. `trusted` skips validating events against the documents (for
 * events the simulator builds itself, which the differential tests check against the validating path).
 */
import type { Lifecycle, Transition } from '../../documents/lifecycle.ts';
import { own } from '../../documents/own.ts';
import { CLASS_ACTIONS } from '../classSpecs.ts';
import { LEARNER_ACTIONS } from '../learnerSpecs.ts';
import { emptyClassContext, newLearnerContext, type ClassContext, type ClassInput, type LearnerContext, type LearnerRecord, type LifecycleEvent } from '../context.ts';
import { createClassLifecycle, type ClassLifecycle, type ClassLifecycleOptions, type Rejection } from '../createClassLifecycle.ts';
import { createLifecycleRegistry } from '../createLifecycleRegistry.ts';
import { needsReadyCheck } from '../evaluateGuards.ts';
import { resolveParams, type LevelMode } from '../resolveParams.ts';
import type { LifecycleEnv, SubjectRegistry } from '../types.ts';
import { validateEvent } from '../validateEvent.ts';
import { compileClassGuard, compileLearnerGuard, type ClassView, type Test } from './compileGuards.ts';

export interface CompiledClassRun extends ClassView {
  state: string;
  lastAt: string | null;
  /** Learner id → position in `context.learners`. */
  index: Map<string, number>;
  /** Each learner's state (as `context.learners[i].state`) by its position in the learner lifecycle's `states`. */
  at: number[];
}

export type CompiledStep = { ok: true; from: string; to: string } | { ok: false; rejection: Rejection };

export interface CompiledClassLifecycle {
  /** The XState form of the same documents (refusals are explained by it). */
  reference: ClassLifecycle;
  start(input?: ClassInput): CompiledClassRun;
  send(run: CompiledClassRun, event: LifecycleEvent): CompiledStep;
  /** Events taken so far by classes and learners (for throughput figures). */
  readonly steps: number;
}

interface Compiled<R> {
  target: string | undefined; test: Test<R>; apply: (r: R, e: LifecycleEvent) => void;
  /** What taking it from its state answers (made once, shared: a step allocates nothing). */
  step?: CompiledStep;
}
type Table<R> = Map<string, Map<string, Compiled<R>[]>>;
/** A learner transition knows its target's position; learner tables are indexed by the state's position. */
interface CompiledLearner extends Compiled<LearnerRecord> { targetAt: number }
type LearnerTable = Array<Map<string, CompiledLearner[]>>;

const ALWAYS = () => true;

export function compileClassLifecycle(options: ClassLifecycleOptions & { trusted?: boolean }): CompiledClassLifecycle {
  const registries = options.registry ?? createLifecycleRegistry();
  const reference = createClassLifecycle({ ...options, registry: registries });
  const registry = registries.class;
  const learnerSpecs: SubjectRegistry<LearnerContext> = registries.learner;
  const classDoc = options.lifecycle;
  const learnerDoc = options.learnerLifecycle;
  const trusted = options.trusted === true;
  const verdicts = options.recordedVerdict ? { recordedVerdict: options.recordedVerdict } : {};
  const learnerEnv: LifecycleEnv = { checkEligibility: options.checkEligibility, ...verdicts };
  const classEnv: LifecycleEnv = { checkEligibility: options.checkEligibility, learners: reference.learners, ...verdicts };
  const classFinal = finals(classDoc);
  // Learner states by position: tables, counts and finality are arrays, not maps keyed by name.
  const learnerStates = Object.keys(learnerDoc.states);
  const learnerAt = new Map(learnerStates.map((s, i) => [s, i]));
  const learnerFinalAt = learnerStates.map((s) => learnerDoc.states[s]!.final === true);
  const initialAt = learnerAt.get(learnerDoc.initial) ?? -1;
  let steps = 0;

  // Learner tables by level/mode (parameters such as programmeMonths depend on them).
  const learnerTables = new Map<string, LearnerTable>();
  let last: { level: unknown; mode: unknown; table: LearnerTable } | undefined;
  function learnerTable(lm: LevelMode): LearnerTable {
    // A class's learners share one level and mode: remember the last table.
    if (last && last.level === lm.level && last.mode === lm.mode) return last.table;
    const key = `${lm.level}/${lm.mode}`;
    let t = learnerTables.get(key);
    if (!t) {
      const table = buildTable<LearnerRecord>(learnerDoc, (tr) => compileLearnerTransition(tr, lm));
      t = learnerStates.map((s) => table.get(s) as Map<string, CompiledLearner[]>);
      learnerTables.set(key, t);
    }
    last = { level: lm.level, mode: lm.mode, table: t };
    return t;
  }

  function compileLearnerTransition(t: Transition, lm: LevelMode): CompiledLearner {
    const tests: Test<LearnerRecord>[] = t.guard ? [compileLearnerGuard(t.guard, learnerDoc, learnerSpecs, learnerEnv, lm, options.isEligible)] : [];
    const actions: Array<(r: LearnerRecord, e: LifecycleEvent) => void> = [];
    for (const a of t.actions) {
      const spec = own(learnerSpecs.actions, a.type);
      const r = resolveParams(a.params, learnerDoc, lm);
      if (!spec || !r.ok) { tests.push(() => false); continue; }
      if (needsReadyCheck(learnerSpecs, a) && spec.precondition) {
        const pre = spec.precondition;
        tests.push((rec, e) => pre({ context: rec.context, event: e, params: r.params, refs: r.refs, env: learnerEnv }).ok);
      }
      if (spec === LEARNER_ACTIONS.stampDate) {
        // What stampDate's apply does, in place: the run owns its learners' dates.
        const name = r.params.name as string;
        actions.push((rec, e) => { rec.context.dates[name] = e.at; });
        continue;
      }
      const changes = spec.changes;
      if (changes) {
        // The run owns its learners' contexts: the changed fields are assigned in place.
        actions.push((rec, e) => { Object.assign(rec.context, changes({ context: rec.context, event: e, params: r.params, refs: r.refs, env: learnerEnv })); });
        continue;
      }
      actions.push((rec, e) => { rec.context = spec.apply({ context: rec.context, event: e, params: r.params, refs: r.refs, env: learnerEnv }); });
    }
    return {
      target: t.target, targetAt: t.target === undefined ? -1 : learnerAt.get(t.target) ?? -1, test: all(tests),
      apply: (rec, e) => { for (const a of actions) a(rec, e); },
    };
  }

  /**
   * The enabled transition for `event` of learner `i` of the run, or undefined (final state, no transition, validation
   * failed).
   */
  function learnerTransition(run: CompiledClassRun, i: number, event: LifecycleEvent): CompiledLearner | undefined {
    const at = run.at[i]!;
    if (at < 0 || learnerFinalAt[at]) return undefined;
    const rec = run.context.learners[i]!;
    const ts = learnerTable(rec.context.nomination)[at]?.get(event.type);
    if (!ts) return undefined;
    for (const t of ts) if (t.test(rec, event)) return t;
    return undefined;
  }

  function learnerEvent(event: LifecycleEvent): LifecycleEvent | undefined {
    if (trusted) return event;
    const v = validateEvent(learnerDoc, event, { allowExtra: true });
    return v.ok ? v.event : undefined;
  }

  function stepLearner(run: CompiledClassRun, i: number, raw: LifecycleEvent): boolean {
    const event = learnerEvent(raw);
    const t = event && learnerTransition(run, i, event);
    if (!t || !event) return false;
    takeLearner(run, i, event, t);
    return true;
  }

  function takeLearner(run: CompiledClassRun, i: number, event: LifecycleEvent, t: CompiledLearner): void {
    const rec = run.context.learners[i]!;
    t.apply(rec, event);
    steps++;
    if (t.target === undefined || t.target === rec.state) return;
    rec.state = t.target;
    run.counts[run.at[i]!]!--;
    run.counts[t.targetAt]!++;
    run.at[i] = t.targetAt;
  }

  const learnerIdOf = (e: LifecycleEvent) => (typeof e.learnerId === 'string' ? e.learnerId : '');

  function compileClassTransition(t: Transition, lm: LevelMode): Compiled<CompiledClassRun> {
    const tests: Test<CompiledClassRun>[] = t.guard ? [compileClassGuard(t.guard, classDoc, registry, classEnv, lm, learnerAt)] : [];
    const actions: Array<(r: CompiledClassRun, e: LifecycleEvent) => void> = [];
    for (const a of t.actions) {
      const spec = own(registry.actions, a.type);
      const r = resolveParams(a.params, classDoc, lm);
      if (!spec || !r.ok) { tests.push(() => false); continue; }
      if (spec === CLASS_ACTIONS.addLearner) {
        tests.push((run, e) => run.context.level !== null && run.context.mode !== null && !run.index.has(learnerIdOf(e)));
        actions.push(addLearner);
      } else if (spec === CLASS_ACTIONS.forwardToLearner) {
        // The test finds the learner's transition; the action takes that one (guards are not evaluated twice) when
        // it runs for the same event right after, as `send` does, and no learner has moved in between.
        // (Kept in variables, not an object: this runs for every learner event.)
        let foundEvent: LifecycleEvent | undefined;
        let foundRec: LearnerRecord | undefined;
        let foundSteps = -1;
        let foundAt = -1;
        let foundEv: LifecycleEvent | undefined;
        let foundT: CompiledLearner | undefined;
        tests.push((run, e) => {
          foundEvent = undefined;
          const i = run.index.get(learnerIdOf(e));
          if (i === undefined) return false;
          const ev = learnerEvent(e);
          const t = ev && learnerTransition(run, i, ev);
          if (!t || !ev) return false;
          foundEvent = e; foundRec = run.context.learners[i]; foundSteps = steps; foundAt = i; foundEv = ev; foundT = t;
          return true;
        });
        actions.push((run, e) => {
          const hit = foundEvent === e && foundSteps === steps && run.context.learners[foundAt] === foundRec;
          foundEvent = undefined;
          if (hit) { takeLearner(run, foundAt, foundEv!, foundT!); return; }
          const i = run.index.get(learnerIdOf(e));
          if (i !== undefined) stepLearner(run, i, e);
        });
      } else if (spec === CLASS_ACTIONS.broadcastToLearners) {
        const type = r.params.event as string;
        actions.push((run, e) => {
          const sent: LifecycleEvent = { type, at: e.at, cause: e.type };
          for (let i = 0; i < run.context.learners.length; i++) stepLearner(run, i, sent);
        });
      } else if (spec === CLASS_ACTIONS.stampDate) {
        const name = r.params.name as string;
        actions.push((run, e) => { run.context.dates[name] = e.at; });
      } else {
        if (needsReadyCheck(registry, a) && spec.precondition) {
          const pre = spec.precondition;
          tests.push((run, e) => pre({ context: run.context, event: e, params: r.params, refs: r.refs, env: classEnv }).ok);
        }
        actions.push((run, e) => {
          const next = spec.apply({ context: run.context, event: e, params: r.params, refs: r.refs, env: classEnv });
          const moved = next.learners !== run.context.learners;
          run.context = next;
          if (moved) reindex(run);
        });
      }
    }
    return { target: t.target, test: all(tests), apply: (run, e) => { for (const a of actions) a(run, e); } };
  }

  /** After an action replaced the learner list: positions, states and counts from the list. */
  function reindex(run: CompiledClassRun): void {
    const learners = run.context.learners;
    run.index = new Map(learners.map((l, i) => [l.context.id, i]));
    run.at = learners.map((l) => learnerAt.get(l.state) ?? -1);
    run.counts = new Int32Array(learnerStates.length);
    for (const a of run.at) if (a >= 0) run.counts[a]!++;
  }

  function addLearner(run: CompiledClassRun, e: LifecycleEvent): void {
    const c = run.context;
    if (c.level === null || c.mode === null) return;
    const on = typeof e.nominatedOn === 'string' ? e.nominatedOn : e.at;
    const record: LearnerRecord = {
      state: learnerDoc.initial,
      context: newLearnerContext({
        id: learnerIdOf(e), profile: e.profile as LearnerContext['profile'], nomination: { level: c.level, mode: c.mode, on },
        at: e.at, ...(typeof e.agency === 'string' ? { agency: e.agency } : {}),
      }),
    };
    run.index.set(record.context.id, c.learners.length);
    c.learners.push(record);
    run.at.push(initialAt);
    if (initialAt >= 0) run.counts[initialAt]!++;
  }

  const classTables = new Map<string, Table<CompiledClassRun>>();
  let lastClass: { level: unknown; mode: unknown; table: Table<CompiledClassRun> } | undefined;
  function classTable(c: ClassContext): Table<CompiledClassRun> {
    if (lastClass && lastClass.level === c.level && lastClass.mode === c.mode) return lastClass.table;
    const key = `${c.level}/${c.mode}`;
    let t = classTables.get(key);
    if (!t) {
      const lm = { level: c.level, mode: c.mode };
      t = buildTable<CompiledClassRun>(classDoc, (tr) => compileClassTransition(tr, lm));
      classTables.set(key, t);
    }
    lastClass = { level: c.level, mode: c.mode, table: t };
    return t;
  }

  function refuse(run: CompiledClassRun, raw: LifecycleEvent): CompiledStep {
    const snapshot = reference.runtime.restore(run.state, run.context);
    const step = reference.send({ snapshot, lastAt: run.lastAt }, raw);
    if (!step.ok) return { ok: false, rejection: step.rejection };
    return { ok: false, rejection: { event: raw.type, at: raw.at, code: 'lifecycle/compiled-mismatch',
      reason: `Bảng chuyển trạng thái đã biên dịch từ chối ${raw.type} nhưng máy trạng thái XState nhận: lỗi phần mềm.`,
      reasonEn: `The compiled transition table refused ${raw.type} but the XState machine takes it: a bug.` } };
  }

  return {
    reference,
    get steps() { return steps; },
    start(input) {
      return { state: classDoc.initial, context: emptyClassContext(input), lastAt: null, index: new Map(), counts: new Int32Array(learnerStates.length), at: [] };
    },
    send(run, raw) {
      if (run.lastAt !== null && typeof raw.at === 'string' && raw.at < run.lastAt) return refuse(run, raw);
      let event: LifecycleEvent = raw;
      if (!trusted) {
        const v = validateEvent(classDoc, raw);
        if (!v.ok) return refuse(run, raw);
        event = v.event;
      }
      if (classFinal.has(run.state)) return refuse(run, raw);
      const ts = classTable(run.context).get(run.state)?.get(event.type);
      let t: Compiled<CompiledClassRun> | undefined;
      if (ts) for (let i = 0; i < ts.length && !t; i++) if (ts[i]!.test(run, event)) t = ts[i];
      if (!t) return refuse(run, raw);
      const from = run.state;
      t.apply(run, event);
      run.state = t.target ?? from;
      run.lastAt = event.at;
      steps++;
      return t.step!;
    },
  };
}

function buildTable<R>(doc: Lifecycle, compile: (t: Transition) => Compiled<R>): Table<R> {
  const table: Table<R> = new Map();
  for (const [id, s] of Object.entries(doc.states)) {
    const byEvent = new Map<string, Compiled<R>[]>();
    for (const [event, ts] of Object.entries(s.on)) {
      byEvent.set(event, ts.map((t) => ({ ...compile(t), step: Object.freeze({ ok: true, from: id, to: t.target ?? id }) as CompiledStep })));
    }
    table.set(id, byEvent);
  }
  return table;
}

function all<R>(tests: Test<R>[]): Test<R> {
  if (tests.length === 0) return ALWAYS;
  if (tests.length === 1) return tests[0]!;
  return (r, e) => { for (const t of tests) if (!t(r, e)) return false; return true; };
}

function finals(doc: Lifecycle): Set<string> {
  return new Set(Object.entries(doc.states).filter(([, s]) => s.final).map(([id]) => id));
}


