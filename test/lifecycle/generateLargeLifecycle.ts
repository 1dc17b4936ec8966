/**
 * A large, valid class lifecycle for canvas and layout benchmarks: `states` states (200 by default) in a chain
 * `phase-000 → phase-001 → … → phase-199` on NEXT, the last one final, and further unguarded transitions — each
 * state's own events drawn from a pool of 20 (`STEP_01`…`STEP_20`), to a state within ten places back or forward —
 * until there are `transitions` of them (600 by default). Every state is reachable and reaches the final state;
 * no event is unused; it names the default learner lifecycle so the page can run it. Pure and deterministic (a
 * fixed linear congruential sequence, no `Math.random`).
 */
import type { Lifecycle } from '../../engine/documents/lifecycle.ts';

const EVENT_POOL = Array.from({ length: 20 }, (_, i) => `STEP_${String(i + 1).padStart(2, '0')}`);

/** State id of position `i` (`phase-007`). */
export const phaseId = (i: number): string => `phase-${String(i).padStart(3, '0')}`;

/** A deterministic sequence of integers in [0, 2^31) (Park–Miller). */
function sequence(seed: number): () => number {
  let x = seed % 2147483647 || 1;
  return () => (x = (x * 48271) % 2147483647);
}

export function generateLargeLifecycle(states = 200, transitions = 600): Lifecycle {
  if (transitions < states - 1 || transitions > (states - 1) * (EVENT_POOL.length + 1)) throw new Error(`cannot place ${transitions} transitions on ${states} states`);
  const next = sequence(20261203);
  const on: Array<Record<string, Array<{ target: string; actions: [] }>>> = Array.from({ length: states }, () => ({}));
  for (let i = 0; i < states - 1; i++) on[i]!.NEXT = [{ target: phaseId(i + 1), actions: [] }];
  // The extra transitions, round-robin over the non-final states; each state uses an event once (no overlap).
  for (let placed = states - 1, i = 0; placed < transitions; i = (i + 1) % (states - 1)) {
    const free = EVENT_POOL.filter((e) => !on[i]![e]);
    const event = free[next() % free.length]!;
    let target = i;
    while (target === i) target = Math.min(states - 1, Math.max(0, i - 10 + (next() % 21)));
    on[i]![event] = [{ target: phaseId(target), actions: [] }];
    placed++;
  }
  const label = (vi: string, en: string) => ({ vi, en });
  return {
    schema: 'llct/lifecycle', version: 1, id: `generated-${states}`, revision: 1, subject: 'class',
    title: label(`Quy trình sinh tự động (${states} trạng thái, ${transitions} chuyển tiếp)`, `Generated lifecycle (${states} states, ${transitions} transitions)`),
    source: 'Sinh tự động cho đo hiệu năng (test/lifecycle/generateLargeLifecycle.ts) / generated for benchmarks',
    learnerLifecycle: 'learner-default', initial: phaseId(0), parameters: {},
    events: Object.fromEntries(['NEXT', ...EVENT_POOL].map((e) => [e, { label: label(`Bước ${e}`, `Step ${e}`), payload: {} }])),
    states: Object.fromEntries(on.map((o, i) => [phaseId(i), { label: label(`Giai đoạn ${i}`, `Phase ${i}`), final: i === states - 1, on: o }])),
    revisions: [],
  };
}
