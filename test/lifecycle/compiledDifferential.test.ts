/**
 * The compiled class lifecycle (engine/lifecycle/compile) against the XState machine built from the same documents,
 * as the compiled rule evaluator is held to json-rules-engine: a plausible class history with random events
 * inserted anywhere (wrong state, unknown learner, dates out of order, bad payloads), sent to both. After every event
 * both must accept or refuse it alike (the same rejection), be in the same state, and hold the same context —
 * learners, verdicts, attendance, scores, classification and dates. Pinned seeds; a failure prints the path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinLifecycles } from '../../engine/lifecycle/builtinLifecycles.ts';
import { compileClassLifecycle } from '../../engine/lifecycle/compile/compileClassLifecycle.ts';
import type { ClassContext, LifecycleEvent } from '../../engine/lifecycle/context.ts';
import { scenarioFields, skeleton, withNoise } from './classScenarioKit.ts';
import { checkEligibility, withParameters } from './lifecycleTestKit.ts';

const { classLifecycle, learnerLifecycle } = builtinLifecycles();
const scenario = fc.record({
  ...scenarioFields(14),
  extra: fc.integer({ min: 0, max: 2 }),
  resits: fc.integer({ min: 0, max: 2 }),
  mode: fc.constantFrom('full-time', 'part-time'),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function eventsOf(s: Scenario, noisy: boolean): LifecycleEvent[] {
  const events = skeleton(s.ids, s.plans, { mode: s.mode, graduateOn: '2025-02-20', agency: 'Bộ Tư pháp' });
  return withNoise(events, s.drop, noisy ? s.noise : [], s.mode);
}

function both(s: Scenario, trusted: boolean) {
  const options = {
    lifecycle: withParameters(classLifecycle, { minClassSize: s.minClassSize, maxClassSize: s.minClassSize + s.extra }),
    learnerLifecycle: withParameters(learnerLifecycle, { resitAllowance: s.resits }),
    checkEligibility,
  };
  const compiled = compileClassLifecycle({ ...options, trusted });
  return { compiled, xstate: compiled.reference };
}

/** The context as plain data (the compiled run mutates records in place; XState copies them). */
const plain = (c: ClassContext) => JSON.parse(JSON.stringify(c)) as unknown;

function compare(s: Scenario, trusted: boolean, visited: Set<string>): void {
  const { compiled, xstate } = both(s, trusted);
  let ref = xstate.start();
  const run = compiled.start();
  eventsOf(s, !trusted).forEach((event, i) => {
    const a = xstate.send(ref, event);
    const b = compiled.send(run, event);
    const where = `event #${i} ${JSON.stringify({ ...event, profile: undefined })}`;
    expect(b.ok, where).toBe(a.ok);
    if (!a.ok && !b.ok) expect(b.rejection, where).toEqual(a.rejection);
    if (a.ok) ref = a.run;
    expect(run.state, where).toBe(String(ref.snapshot.value));
    expect(plain(run.context), where).toEqual(plain(ref.snapshot.context as ClassContext));
    visited.add(run.state);
  });
}

describe('the compiled class lifecycle, against the XState machine of the same documents', () => {
  it('accepts and refuses the same events, with the same rejection, state and context, for any sequence (validating events)', () => {
    const visited = new Set<string>();
    fc.assert(fc.property(scenario, (s) => compare(s, false, visited)), { seed: 20240516, numRuns: 150 });
    expect([...visited].sort()).toEqual(Object.keys(classLifecycle.states).sort());
  });

  it('agrees on well-formed histories when events are trusted (as the simulator sends them)', () => {
    const visited = new Set<string>();
    fc.assert(fc.property(scenario, (s) => compare(s, true, visited)), { seed: 20250829, numRuns: 150 });
    expect(visited.has('graduated')).toBe(true);
  });
});
