/**
 * Time of `replayEvents` over n NOMINATE events (then CLOSE_RECRUITMENT and a SCREEN each), for n = 5,000, 10,000
 * and 20,000: linear replay keeps the time per nomination flat. Prints one JSON document; timings are for reading,
 * never asserted (test/lifecycle/replayCost.test.ts counts the work instead).
 *
 *   node --import tsx bench/replayNominations.ts
 */
import { createBuiltinChecker } from '../engine/builtin.ts';
import { builtinLifecycles } from '../engine/lifecycle/builtinLifecycles.ts';
import { createClassLifecycle } from '../engine/lifecycle/createClassLifecycle.ts';
import { replayEvents } from '../engine/lifecycle/replayEvents.ts';
import { createCompiledEvaluator } from '../engine/rules/compile/createCompiledEvaluator.ts';
import { eligibleProfile } from '../test/lifecycle/lifecycleTestKit.ts';

const checker = createBuiltinChecker({ evaluator: createCompiledEvaluator });
const { classLifecycle, learnerLifecycle } = builtinLifecycles();

function events(n: number): unknown[] {
  const ids = Array.from({ length: n }, (_, i) => `L-${i}`);
  return [
    { type: 'APPROVE', at: '2024-02-21', level: 'intermediate', mode: 'full-time', classId: 'B-1' },
    { type: 'OPEN_RECRUITMENT', at: '2024-03-01' },
    ...ids.map((id) => ({ type: 'NOMINATE', at: '2024-03-05', learnerId: id, profile: eligibleProfile(id) })),
    { type: 'CLOSE_RECRUITMENT', at: '2024-04-10' },
    ...ids.map((id) => ({ type: 'SCREEN', at: '2024-04-15', learnerId: id })),
  ];
}

const runs = [5_000, 10_000, 20_000].map((n) => {
  const lc = createClassLifecycle({ lifecycle: classLifecycle, learnerLifecycle, checkEligibility: (p, nom) => checker.checkSync(p, nom) });
  const list = events(n);
  const start = performance.now();
  const result = replayEvents(lc, list);
  const ms = performance.now() - start;
  if (result.rejected.length > 0) throw new Error(`${result.rejected.length} events rejected`);
  return { nominations: n, events: list.length, ms: Math.round(ms), usPerEvent: Math.round((ms * 1000) / list.length) };
});
process.stdout.write(`${JSON.stringify({ bench: 'lifecycle replay of n nominations', runs }, null, 2)}\n`);
