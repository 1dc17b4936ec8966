import { describe, expect, it } from 'vitest';
import { createAutosave, type AutosaveStatus } from '../../editor/storage/createAutosave.ts';
import { createManualSchedule } from './createManualSchedule.ts';
import { createFailingStore, createTestStore } from './createTestStore.ts';
import { nextStatus } from './nextStatus.ts';
import { createTwoTabs } from './tabs.ts';

async function setUp() {
  const store = createFailingStore(createTestStore());
  const tabs = createTwoTabs(store);
  await tabs.a.load('ws');
  await tabs.b.load('ws');
  const timer = createManualSchedule();
  const autosave = createAutosave({ storage: tabs.b, id: 'ws', delayMs: 500, schedule: timer.schedule });
  const states: AutosaveStatus[] = [];
  autosave.subscribe((s) => states.push(s));
  return { store, ...tabs, timer, autosave, states };
}

describe('createAutosave', () => {
  it('debounces ten rapid changes into one write of the latest document after the quiet time', async () => {
    const { store, timer, autosave, states } = await setUp();
    for (let n = 1; n <= 10; n++) autosave.notify({ n });
    expect(timer.counts).toEqual({ scheduled: 10, cancelled: 9 });
    expect(timer.waiting()).toEqual([500]);
    expect(store.writes).toBe(0);
    const saved = nextStatus(autosave, 'saved');
    timer.runDue();
    expect(await saved).toEqual({ state: 'saved', revision: 1 });
    expect(store.writes).toBe(1);
    expect(await store.getItem('ws')).toMatchObject({ revision: 1, savedBy: 'tab-b', doc: { n: 10 } });
    expect(states).toEqual([{ state: 'saved', revision: 0 }, { state: 'pending', revision: 0 }, { state: 'saving', revision: 0 }, { state: 'saved', revision: 1 }]);
    expect(autosave.hasUnsavedChanges()).toBe(false);
  });

  it('flush writes the pending change at once and cancels the timer; with nothing pending it writes nothing', async () => {
    const { store, timer, autosave } = await setUp();
    autosave.notify({ n: 1 });
    autosave.notify({ n: 2 });
    expect(await autosave.flush()).toEqual({ state: 'saved', revision: 1 });
    expect(timer.waiting()).toEqual([]);
    expect(await store.getItem('ws')).toMatchObject({ doc: { n: 2 } });
    await autosave.flush();
    expect(store.writes).toBe(1);
  });

  it('writes a change made during a save in a second write, and flush waits for both', async () => {
    const { store, autosave, states } = await setUp();
    const stop = autosave.subscribe((s) => {
      if (s.state !== 'saving') return;
      stop();
      autosave.notify({ n: 2 });
    });
    autosave.notify({ n: 1 });
    await autosave.flush();
    expect(autosave.status()).toEqual({ state: 'pending', revision: 1 });
    expect(await autosave.flush()).toEqual({ state: 'saved', revision: 2 });
    expect(store.writes).toBe(2);
    expect(await store.getItem('ws')).toMatchObject({ revision: 2, doc: { n: 2 } });
    expect(states.map((s) => s.state)).toEqual(['saved', 'pending', 'saving', 'pending', 'saving', 'saved']);
  });

  it('stops on a conflict, keeps the document in memory and writes nothing until the user chooses', async () => {
    const { store, a, timer, autosave } = await setUp();
    autosave.notify({ mine: 1 });
    a.close();
    await a.save('ws', { theirs: 1 });
    const status = await autosave.flush();
    expect(status).toEqual({ state: 'conflict', revision: 0, conflict: { theirs: { revision: 1, savedAt: '2024-03-01T08:00:00.000Z', savedBy: 'tab-a' } } });
    autosave.notify({ mine: 2 });
    expect(timer.waiting()).toEqual([]);
    await autosave.flush();
    expect(store.writes).toBe(1);
    expect(await store.getItem('ws')).toMatchObject({ doc: { theirs: 1 } });
    expect(autosave.hasUnsavedChanges()).toBe(true);
  });

  it('resolves a conflict with overwrite: the latest kept document is written and autosave resumes', async () => {
    const { store, a, timer, autosave } = await setUp();
    a.close();
    await a.save('ws', { theirs: 1 });
    autosave.notify({ mine: 1 });
    await autosave.flush();
    autosave.notify({ mine: 2 });
    expect(await autosave.overwrite()).toEqual({ state: 'saved', revision: 2 });
    expect(await store.getItem('ws')).toMatchObject({ revision: 2, savedBy: 'tab-b', doc: { mine: 2 } });
    autosave.notify({ mine: 3 });
    const saved = nextStatus(autosave, 'saved');
    timer.runDue();
    await saved;
    expect(await store.getItem('ws')).toMatchObject({ revision: 3, doc: { mine: 3 } });
  });

  it('resolves a conflict with adopt: their record comes back, the kept document is dropped and autosave resumes', async () => {
    const { store, a, autosave } = await setUp();
    a.close();
    await a.save('ws', { theirs: 1 });
    autosave.notify({ mine: 1 });
    await autosave.flush();
    expect(await autosave.adopt()).toMatchObject({ ok: true, envelope: { revision: 1, doc: { theirs: 1 } } });
    expect(autosave.status()).toEqual({ state: 'saved', revision: 1 });
    expect(autosave.hasUnsavedChanges()).toBe(false);
    expect(await autosave.flush()).toEqual({ state: 'saved', revision: 1 });
    autosave.notify({ theirs: 1, mine: 2 });
    expect(await autosave.flush()).toEqual({ state: 'saved', revision: 2 });
    expect(await store.getItem('ws')).toMatchObject({ revision: 2, doc: { theirs: 1, mine: 2 } });
  });

  it('turns to conflict as soon as another tab announces a newer save, before trying to write', async () => {
    const { store, a, timer, autosave } = await setUp();
    autosave.notify({ mine: 1 });
    await a.save('ws', { theirs: 1 });
    expect(autosave.status()).toEqual({ state: 'conflict', revision: 0, conflict: { theirs: { revision: 1, savedAt: '2024-03-01T08:00:00.000Z', savedBy: 'tab-a' } } });
    expect(timer.waiting()).toEqual([]);
    await autosave.flush();
    expect(store.writes).toBe(1);
  });

  it('stops on a storage error with its code, and retry writes the kept document once space is freed', async () => {
    const { store, timer, autosave } = await setUp();
    store.failWith = new DOMException('full', 'QuotaExceededError');
    autosave.notify({ n: 1 });
    const status = await autosave.flush();
    expect(status).toMatchObject({ state: 'error', revision: 0, error: { code: 'quota' } });
    expect(status.error?.message.vi).toMatch(/^Bộ nhớ trình duyệt đã đầy/);
    autosave.notify({ n: 2 });
    expect(timer.waiting()).toEqual([]);
    store.failWith = undefined;
    expect(await autosave.flush()).toMatchObject({ state: 'error' });
    expect(store.writes).toBe(0);
    expect(await autosave.retry()).toEqual({ state: 'saved', revision: 1 });
    expect(await store.getItem('ws')).toMatchObject({ doc: { n: 2 } });
  });

  it('after dispose, neither changes nor other tabs\' saves do anything', async () => {
    const { store, a, timer, autosave, states } = await setUp();
    autosave.notify({ n: 1 });
    autosave.dispose();
    expect(timer.waiting()).toEqual([]);
    autosave.notify({ n: 2 });
    await a.save('ws', { theirs: 1 });
    await autosave.flush();
    expect(store.writes).toBe(1);
    expect(states.map((s) => s.state)).toEqual(['saved', 'pending']);
  });
});
