/**
 * The run panel's batches (editor/lifecycles/run/classRunModel.ts): a batch of events gives exactly what sending
 * them one by one gives — state, learners, history, refusals — and leaves the run it started from as it was, although
 * the class's learner list grows in place inside the batch.
 */
import { describe, expect, it } from 'vitest';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { classContext, classState, learnersAccepting, sendEvent, sendEvents, startRun, type RunState } from '../../editor/lifecycles/run/classRunModel.ts';
import { defaultClassLifecycle, eligibleProfile, notPartyProfile } from './lifecycleTestKit.ts';

const lc = defaultClassLifecycle({ minClassSize: 2 });
const ids = ['A1', 'A2', 'A3', 'NP'];
const profile = (id: string) => CadreProfile.parse(id === 'NP' ? notPartyProfile(id) : eligibleProfile(id));

const opening = [
  { type: 'APPROVE', at: '2024-02-21', level: 'intermediate', mode: 'full-time' },
  { type: 'OPEN_RECRUITMENT', at: '2024-03-01' },
];
const nominations = ids.map((id) => ({ type: 'NOMINATE', at: '2024-03-05', learnerId: id, profile: profile(id) }));
// The second NOMINATE of A1 is refused (already nominated): a refusal inside a batch.
const screening = [{ type: 'NOMINATE', at: '2024-03-06', learnerId: 'A1', profile: profile('A1') }, { type: 'CLOSE_RECRUITMENT', at: '2024-04-10' },
  ...ids.map((id) => ({ type: 'SCREEN', at: '2024-04-15', learnerId: id }))];

const oneByOne = (s: RunState, events: readonly unknown[]) => events.reduce<RunState>((r, e) => sendEvent(lc, r, e), s);
const view = (s: RunState) => JSON.stringify({ state: classState(s), learners: classContext(s).learners, history: s.history, rejected: s.rejected, events: s.events, last: s.last });

describe('a batch of events in the run panel', () => {
  it('ends where sending them one by one ends, refusals included', () => {
    const start = oneByOne(startRun(lc), opening);
    const batched = sendEvents(lc, sendEvents(lc, start, nominations), screening);
    const single = oneByOne(oneByOne(start, nominations), screening);
    expect(view(batched)).toBe(view(single));
    expect(classState(batched)).toBe('screening');
    expect(classContext(batched).learners.map((l) => [l.context.id, l.state])).toEqual([['A1', 'admitted'], ['A2', 'admitted'], ['A3', 'admitted'], ['NP', 'rejected']]);
    expect(batched.rejected.map((r) => r.event)).toEqual(['NOMINATE']);
  });

  it('leaves the run it started from unchanged, learner list included', () => {
    const start = sendEvents(lc, oneByOne(startRun(lc), opening), nominations.slice(0, 2));
    const before = view(start);
    const list = classContext(start).learners;
    const after = sendEvents(lc, start, [...nominations.slice(2), ...screening]);
    expect(view(start)).toBe(before);
    expect(classContext(start).learners).toBe(list);
    expect(list).toHaveLength(2);
    expect(classContext(after).learners).toHaveLength(4);
  });

  it('offers a learner event to the learners whose state takes it', () => {
    const s = sendEvents(lc, oneByOne(startRun(lc), opening), [...nominations, { type: 'CLOSE_RECRUITMENT', at: '2024-04-10' }]);
    expect(learnersAccepting(lc, s, 'SCREEN')).toEqual(ids);
    const screened = sendEvents(lc, s, [{ type: 'SCREEN', at: '2024-04-15', learnerId: 'A1' }]);
    expect(learnersAccepting(lc, screened, 'SCREEN')).toEqual(['A2', 'A3', 'NP']);
  });
});
