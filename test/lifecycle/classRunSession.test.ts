/**
 * The class run without its page (editor/lifecycles/run/classRunSession.ts): the event a form sends, saving a run and
 * resuming it (same result, a different one on other lifecycles, nothing saved, a storage failure, a saved run set
 * aside) and replaying — each said as a notice the panel words.
 */
import { describe, expect, it } from 'vitest';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import type { PayloadField } from '../../engine/documents/lifecycle.ts';
import { classState, sendEvents, startRun } from '../../editor/lifecycles/run/classRunModel.ts';
import { batchNotice, classRunLogic, eventBody, replayNotice, resumeRun, saveRun, savedRunOf } from '../../editor/lifecycles/run/classRunSession.ts';
import type { SavedRun, SavedRunRead } from '../../editor/lifecycles/run/savedRun.ts';
import type { SetAsidePart } from '../../editor/workspace/readWorkspace.ts';
import { createActor } from 'xstate';
import { defaultClassLifecycle, eligibleProfile } from './lifecycleTestKit.ts';

const lc = defaultClassLifecycle({ minClassSize: 1 });
const events = [
  { type: 'APPROVE', at: '2024-02-21', level: 'intermediate', mode: 'full-time' },
  { type: 'OPEN_RECRUITMENT', at: '2024-03-01' },
  { type: 'NOMINATE', at: '2024-03-05', learnerId: 'A1', profile: CadreProfile.parse(eligibleProfile('A1')) },
];
const run = sendEvents(lc, startRun(lc), events);
const field = (type: PayloadField['type']) => ({ type, label: { vi: 'x', en: 'x' }, required: false }) as PayloadField;

describe('the class run session', () => {
  it('builds the event a form sends: only the fields the event declares, a nominated cadre\'s id as learner id', () => {
    const fields = [['learnerId', field('string')], ['profile', field('profile')]] as const;
    expect(eventBody('NOMINATE', '2024-03-05', { profile: { id: 'B7' }, stray: 1, learnerId: undefined }, fields))
      .toEqual({ type: 'NOMINATE', at: '2024-03-05', profile: { id: 'B7' }, learnerId: 'B7' });
    expect(eventBody('NOMINATE', '2024-03-05', { profile: { id: 'B7' }, learnerId: 'X' }, fields).learnerId).toBe('X');
    expect(batchNotice(5, 2)).toEqual({ key: 'run.batchDone', vars: { n: 5, ok: 3, refused: 2 } });
  });

  it('runs as an actor over the pure steps', () => {
    const actor = createActor(classRunLogic).start();
    actor.send({ type: 'send', lc, event: events[0] });
    expect(actor.getSnapshot().context).toBeNull();
    actor.send({ type: 'start', lc });
    actor.send({ type: 'sendMany', lc, events });
    expect(classState(actor.getSnapshot().context!)).toBe(classState(run));
    actor.send({ type: 'replay', lc, events: events.slice(0, 1) });
    expect(actor.getSnapshot().context!.events).toHaveLength(1);
  });

  it('saves a run and resumes it with the same result', async () => {
    let stored: SavedRun | undefined;
    const saved = await saveRun(run, lc, async (s) => { stored = s; return { ok: true }; });
    expect(saved.notice).toEqual({ key: 'run.saved', vars: { n: 3 } });
    expect(stored).toEqual(savedRunOf(run, lc));
    const resumed = await resumeRun(lc, async (): Promise<SavedRunRead> => ({ ok: true, run: stored! }));
    expect(resumed.events).toEqual(stored!.events);
    expect(resumed.notice).toEqual({ key: 'run.resumed', vars: { n: 3 } });
  });

  it('says when a resumed run ends elsewhere on the lifecycles as they are now', async () => {
    const stored = { ...savedRunOf(run, lc), state: 'approved' };
    const resumed = await resumeRun(lc, async (): Promise<SavedRunRead> => ({ ok: true, run: stored }));
    expect(resumed.notice).toEqual({ key: 'run.resumedDifferent', vars: { before: 'approved', after: classState(run) } });
  });

  it('says when nothing was saved, passes a storage failure\'s reason, and hands back a saved run set aside', async () => {
    expect((await resumeRun(lc, async () => ({ ok: true, run: null }))).notice).toEqual({ key: 'run.nothingSaved' });
    const error = { kind: 'unavailable', message: { vi: 'Trình duyệt chặn lưu trữ.', en: 'The browser blocks storage.' } } as never;
    expect((await resumeRun(lc, async () => ({ ok: false, error }))).notice).toEqual({ key: 'run.saveFailed', detail: { vi: 'Trình duyệt chặn lưu trữ.', en: 'The browser blocks storage.' } });
    expect((await saveRun(run, lc, async () => ({ ok: false, error }))).notice.key).toBe('run.saveFailed');
    const part = { key: 'saved-run', kind: 'saved-run', id: '', raw: [], reasons: [] } as SetAsidePart;
    expect(await resumeRun(lc, async () => ({ ok: true, run: null, setAside: part }))).toEqual({ setAside: part });
    expect(await saveRun(run, lc, async () => ({ ok: false, setAside: part }))).toEqual({ notice: { key: 'run.saveBlockedBySetAside' }, setAside: part });
    expect((await resumeRun(lc, async () => { throw new Error('bug'); })).notice).toEqual({ key: 'run.resumeFailed' });
  });

  it('replays a run from the start and says it gives the same result', () => {
    expect(replayNotice(run, lc)).toEqual({ key: 'run.replaySame', vars: { state: classState(run) } });
  });
});
