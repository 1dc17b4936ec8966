/**
 * One interface over the two ways of running a class lifecycle, so the simulator can use either and the tests can
 * compare them on whole plans: `compiled` (transition tables, engine/lifecycle/compile) for bulk runs and `xstate`
 * (the reference machine, `createClassLifecycle`). Both take the same documents and the same eligibility check.
 */
import type { Lifecycle } from '../documents/lifecycle.ts';
import { compileClassLifecycle } from '../lifecycle/compile/compileClassLifecycle.ts';
import type { ClassContext, ClassInput, LifecycleEvent } from '../lifecycle/context.ts';
import { createClassLifecycle, type ClassRun, type Rejection } from '../lifecycle/createClassLifecycle.ts';
import { stateOf } from '../lifecycle/createLifecycleRuntime.ts';
import type { CheckEligibility, IsEligible, LifecycleRegistry, RecordedVerdict } from '../lifecycle/types.ts';

export const STEPPER_ENGINES = ['compiled', 'xstate'] as const;
export type StepperEngine = (typeof STEPPER_ENGINES)[number];

export type StepOutcome = { ok: true; from: string; to: string } | { ok: false; rejection: Rejection };

/** A running class; `send` moves it (in place for the compiled engine). */
export interface ClassHandle {
  send(event: LifecycleEvent): StepOutcome;
  state(): string;
  context(): ClassContext;
}

export interface Stepper {
  engine: StepperEngine;
  start(input: ClassInput): ClassHandle;
  /** Events taken by classes and learners so far (compiled engine; the XState engine counts class events only). */
  steps(): number;
}

export interface StepperOptions {
  lifecycle: Lifecycle;
  learnerLifecycle: Lifecycle;
  checkEligibility: CheckEligibility;
  /** Used by the compiled engine's `eligible` guard (see `IsEligible`). */
  isEligible?: IsEligible;
  /** What learners record on screening, on both engines (see `RecordedVerdict`). */
  recordedVerdict?: RecordedVerdict;
  registry?: LifecycleRegistry;
  engine: StepperEngine;
}

export function createStepper(options: StepperOptions): Stepper {
  if (options.engine === 'compiled') {
    const lc = compileClassLifecycle({ ...options, trusted: true });
    return {
      engine: 'compiled',
      steps: () => lc.steps,
      start(input) {
        const run = lc.start(input);
        return { send: (e) => lc.send(run, e), state: () => run.state, context: () => run.context };
      },
    };
  }
  const lc = createClassLifecycle(options);
  let steps = 0;
  return {
    engine: 'xstate',
    steps: () => steps,
    start(input) {
      let run: ClassRun = lc.start(input);
      return {
        send(e) {
          const s = lc.send(run, e);
          if (!s.ok) return { ok: false, rejection: s.rejection };
          steps++;
          run = s.run;
          return { ok: true, from: s.entry.from, to: s.entry.to };
        },
        state: () => stateOf(run.snapshot),
        context: () => run.snapshot.context as ClassContext,
      };
    },
  };
}
