/** The generated benchmark lifecycle is what the benchmark says it is, and passes `llct lifecycle validate`. */
import { describe, expect, it } from 'vitest';
import { createLifecycleRegistry } from '../../engine/lifecycle/createLifecycleRegistry.ts';
import { builtinLifecycles } from '../../engine/lifecycle/builtinLifecycles.ts';
import { loadLifecycle } from '../../engine/lifecycle/loadLifecycle.ts';
import { validateLifecycle } from '../../engine/lifecycle/validateLifecycle.ts';
import { generateLargeLifecycle, phaseId } from './generateLargeLifecycle.ts';

describe('generateLargeLifecycle', () => {
  const doc = generateLargeLifecycle();
  const transitions = Object.values(doc.states).flatMap((s) => Object.values(s.on).flat());

  it('has 200 states and 600 transitions, one final state at the end of the chain, every target a state', () => {
    expect(Object.keys(doc.states)).toHaveLength(200);
    expect(transitions).toHaveLength(600);
    expect(Object.entries(doc.states).filter(([, s]) => s.final).map(([id]) => id)).toEqual([phaseId(199)]);
    for (const t of transitions) expect(Object.hasOwn(doc.states, t.target!)).toBe(true);
  });

  it('loads and validates with no diagnostic at all, against the default learner lifecycle', () => {
    const registry = createLifecycleRegistry();
    const { learnerLifecycle } = builtinLifecycles();
    const loaded = loadLifecycle(JSON.parse(JSON.stringify(doc)), { registry, learnerLifecycle });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(validateLifecycle(loaded.value, { registry, learnerLifecycle })).toEqual([]);
  });

  it('is the same document every time', () => {
    expect(JSON.stringify(generateLargeLifecycle())).toBe(JSON.stringify(doc));
  });
});
