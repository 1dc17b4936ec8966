/**
 * The lifecycle runtime steps the XState machine with one inert actor scope per machine instead of XState's
 * `transition()` / `initialTransition()`, which build a throwaway actor for every call
 * (engine/lifecycle/createLifecycleRuntime.ts). Pinned here, for any class history (fast-check, pinned seed): every
 * step of the class machine, and of each learner's machine on each event, gives exactly the snapshot `transition()`
 * gives (a refused event: the same snapshot back), and a start what `initialTransition()` gives. And a forwarded
 * event steps its learner once for the class step, not once for the guard and again for the assign (and the learner's
 * eligible guard and recorded verdict share one eligibility check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { emptyClassContext, newLearnerContext, type ClassContext, type LearnerContext } from '../../engine/lifecycle/context.ts';
import { createClassLifecycle } from '../../engine/lifecycle/createClassLifecycle.ts';
import { createLifecycleRegistry } from '../../engine/lifecycle/createLifecycleRegistry.ts';
import { createLifecycleRuntime } from '../../engine/lifecycle/createLifecycleRuntime.ts';
import { builtinLifecycles } from '../../engine/lifecycle/builtinLifecycles.ts';
import type { CheckEligibility } from '../../engine/lifecycle/types.ts';
import { validateEvent } from '../../engine/lifecycle/validateEvent.ts';
import { scenarioFields, skeleton, withNoise } from './classScenarioKit.ts';
import { checkEligibility, defaultClassLifecycle, eligibleProfile, happyPath, sendAll } from './lifecycleTestKit.ts';

const view = (s: AnyMachineSnapshot) => JSON.stringify({ value: s.value, status: s.status, context: s.context, output: s.output, error: s.error });

const scenario = fc.record({
  ...scenarioFields(),
});

/** The learner lifecycle's runtime, made as the class lifecycle makes it for its learners. */
function learnerRuntime() {
  return createLifecycleRuntime<LearnerContext>({
    doc: builtinLifecycles().learnerLifecycle, specs: createLifecycleRegistry().learner, env: { checkEligibility },
    levelModeOf: (c) => ({ level: c.nomination.level, mode: c.nomination.mode }),
  });
}

describe('stepping a lifecycle machine with one inert scope per machine', () => {
  it('gives the snapshots of XState\'s transition() for the class and for every learner, refusals included', () => {
    const learners = learnerRuntime();
    const counted = { class: 0, refused: 0, learner: 0, learnerRefused: 0 };
    fc.assert(fc.property(scenario, (s) => {
      const lc = defaultClassLifecycle({ minClassSize: s.minClassSize, maxClassSize: s.minClassSize + 2 });
      let snapshot = lc.runtime.start(emptyClassContext());
      expect(view(snapshot)).toBe(view(initialTransition(lc.runtime.machine, emptyClassContext())[0]));
      for (const raw of withNoise(skeleton(s.ids, s.plans), s.drop, s.noise)) {
        const checked = validateEvent(lc.lifecycle, raw);
        const step = lc.runtime.send(snapshot, raw);
        if (!checked.ok) { expect(step.ok).toBe(false); continue; }
        // Each learner's machine on the event, as the class would forward it, whether its state takes it or not.
        for (const l of (snapshot.context as ClassContext).learners) {
          const event = validateEvent(lc.learnerLifecycle, { ...checked.event, learnerId: l.context.id }, { allowExtra: true });
          if (!event.ok) continue;
          const from = learners.restore(l.state, l.context);
          const mine = learners.send(from, event.event, { allowExtra: true });
          const [expected] = transition(learners.machine, from, event.event);
          if (mine.ok) {
            expect(view(mine.snapshot)).toBe(view(expected));
            counted.learner++;
          } else {
            expect(expected).toBe(from);
            counted.learnerRefused++;
          }
        }
        const [expected] = transition(lc.runtime.machine, snapshot, checked.event);
        if (step.ok) {
          expect(view(step.snapshot)).toBe(view(expected));
          snapshot = step.snapshot;
          counted.class++;
        } else {
          expect(expected).toBe(snapshot);
          counted.refused++;
        }
      }
    }), { seed: 20241203, numRuns: 100 });
    // Not vacuous: many steps of both machines were compared, refusals among them.
    expect(counted.class).toBeGreaterThan(500);
    expect(counted.refused).toBeGreaterThan(500);
    expect(counted.learner).toBeGreaterThan(500);
    expect(counted.learnerRefused).toBeGreaterThan(500);
  });

  it('starts a learner as initialTransition() does', () => {
    const learners = learnerRuntime();
    const context = newLearnerContext({
      id: 'A1', profile: CadreProfile.parse(eligibleProfile('A1')), nomination: { level: 'intermediate', mode: 'full-time', on: '2024-03-05' }, at: '2024-03-05',
    });
    expect(view(learners.start(context))).toBe(view(initialTransition(learners.machine, context)[0]));
  });

  it('steps a learner once for a forwarded event: screening one learner checks eligibility once (the guard and the recorded verdict share it)', () => {
    let checks = 0;
    const counting: CheckEligibility = (p, n) => { checks++; return checkEligibility(p, n); };
    const { classLifecycle, learnerLifecycle } = builtinLifecycles();
    const lc = createClassLifecycle({ lifecycle: classLifecycle, learnerLifecycle, checkEligibility: counting });
    const events = happyPath(['A1', 'A2']);
    const screening = events.findIndex((e) => (e as { type: string }).type === 'SCREEN');
    const run = sendAll(lc, lc.start(), events.slice(0, screening));
    checks = 0;
    const step = lc.send(run, events[screening]);
    expect(step.ok && step.entry.learners).toEqual([{ id: 'A1', from: 'screening', to: 'admitted' }]);
    expect(checks).toBe(1);
  });
});
