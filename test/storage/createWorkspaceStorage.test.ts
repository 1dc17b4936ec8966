import { describe, expect, it } from 'vitest';
import localforage from 'localforage';
import { createWorkspaceStorage, WORKSPACE_STORE_CONFIG } from '../../editor/storage/createWorkspaceStorage.ts';
import { STORAGE_ERROR_MESSAGES } from '../../editor/storage/storageError.ts';
import { WORKSPACE_CHANNEL_NAME, type SavedMessage } from '../../editor/storage/workspaceChannel.ts';
import { createMemoryChannels } from './createMemoryChannels.ts';
import { createFailingStore, createTestStore } from './createTestStore.ts';
import { createTickingClock, createTwoTabs } from './tabs.ts';

const docV1 = { rules: [{ id: 'r1', when: 'age < 45' }] };
const docV2 = { rules: [{ id: 'r1', when: 'age < 50' }] };

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/** Two tabs that loaded the same empty workspace; A saved first, so B's save was refused. */
async function refusedTabB() {
  const store = createTestStore();
  const { a, b } = createTwoTabs(store);
  await a.load('ws');
  await b.load('ws');
  await a.save('ws', docV1);
  await b.save('ws', docV2);
  return { store, a, b };
}

describe('createWorkspaceStorage', () => {
  it('loads what it saved, with revision 1, the clock time and the tab id', async () => {
    const store = createTestStore();
    const storage = createWorkspaceStorage({ store, tabId: 'tab-a', now: createTickingClock(), createChannel: () => null, locks: null });
    expect(await storage.load('ws')).toEqual({ ok: true, envelope: null });
    expect(await storage.save('ws', docV1)).toEqual({ ok: true, saved: { revision: 1, savedAt: '2024-03-01T08:00:00.000Z', savedBy: 'tab-a' } });
    const fresh = createWorkspaceStorage({ store, tabId: 'tab-z', createChannel: () => null, locks: null });
    expect(await fresh.load('ws')).toEqual({
      ok: true,
      envelope: { revision: 1, savedAt: '2024-03-01T08:00:00.000Z', savedBy: 'tab-a', doc: docV1 },
    });
    expect(fresh.heldRevision('ws')).toBe(1);
  });

  it('increments the revision on every save by the same tab and keeps workspaces apart', async () => {
    const store = createTestStore();
    const { a } = createTwoTabs(store);
    await a.load('ws');
    const revisions = [];
    for (const doc of [docV1, docV2, docV1]) {
      const result = await a.save('ws', doc);
      revisions.push(result.ok ? result.saved.revision : 'refused');
    }
    expect(revisions).toEqual([1, 2, 3]);
    expect(await a.save('other', docV2)).toMatchObject({ ok: true, saved: { revision: 1 } });
    expect(await store.getItem('ws')).toMatchObject({ revision: 3, doc: docV1 });
    expect(await store.getItem('other')).toMatchObject({ revision: 1, doc: docV2 });
  });

  it('runs saves of one workspace in call order, so calls without awaiting never conflict with themselves', async () => {
    const { a } = createTwoTabs(createTestStore());
    await a.load('ws');
    const results = await Promise.all([a.save('ws', docV1), a.save('ws', docV2), a.save('ws', { n: 3 })]);
    expect(results.map((r) => (r.ok ? r.saved.revision : 'refused'))).toEqual([1, 2, 3]);
  });

  it('refuses a save that starts from an older revision than stored, reporting theirs and writing nothing', async () => {
    const store = createTestStore();
    const { a, b } = createTwoTabs(store);
    await a.load('ws');
    await b.load('ws');
    await a.save('ws', docV1);
    const before = await store.getItem('ws');
    expect(await b.save('ws', docV2)).toEqual({
      ok: false,
      conflict: { theirs: { revision: 1, savedAt: '2024-03-01T08:00:00.000Z', savedBy: 'tab-a' } },
    });
    expect(await store.getItem('ws')).toEqual(before);
    expect(await a.load('ws')).toMatchObject({ ok: true, envelope: { revision: 1, savedBy: 'tab-a', doc: docV1 } });
    expect(b.heldRevision('ws')).toBe(0);
  });

  it('refuses a save by a tab that never loaded an existing workspace', async () => {
    const store = createTestStore();
    const { a, b } = createTwoTabs(store);
    await a.save('ws', docV1);
    expect(await b.save('ws', docV2)).toMatchObject({ ok: false, conflict: { theirs: { revision: 1, savedBy: 'tab-a' } } });
    expect(await store.getItem('ws')).toMatchObject({ doc: docV1 });
  });

  it('lets the refused tab keep its version with overwrite, after which the other tab is the one refused', async () => {
    const { store, a, b } = await refusedTabB();
    expect(await b.overwrite('ws', docV2)).toEqual({ ok: true, saved: { revision: 2, savedAt: '2024-03-01T08:00:01.000Z', savedBy: 'tab-b' } });
    expect(await store.getItem('ws')).toMatchObject({ revision: 2, savedBy: 'tab-b', doc: docV2 });
    expect(await b.save('ws', { n: 3 })).toMatchObject({ ok: true, saved: { revision: 3 } });
    expect(await a.save('ws', docV1)).toMatchObject({ ok: false, conflict: { theirs: { revision: 3, savedBy: 'tab-b' } } });
  });

  it('lets the refused tab take the other version with adopt and then save on top of it', async () => {
    const { store, b } = await refusedTabB();
    expect(await b.adopt('ws')).toMatchObject({ ok: true, envelope: { revision: 1, savedBy: 'tab-a', doc: docV1 } });
    expect(b.heldRevision('ws')).toBe(1);
    expect(await b.save('ws', docV2)).toMatchObject({ ok: true, saved: { revision: 2, savedBy: 'tab-b' } });
    expect(await store.getItem('ws')).toMatchObject({ revision: 2, doc: docV2 });
  });

  it('lets exactly one of two tabs racing from the same revision win, holding the per-workspace Web Lock', async () => {
    const store = createTestStore();
    const { a, b, locks } = createTwoTabs(store);
    await a.load('ws');
    await b.load('ws');
    const [ra, rb] = await Promise.all([a.save('ws', docV1), b.save('ws', docV2)]);
    expect(ra).toMatchObject({ ok: true, saved: { revision: 1 } });
    expect(rb).toMatchObject({ ok: false, conflict: { theirs: { revision: 1, savedBy: 'tab-a' } } });
    expect(locks.requested).toEqual(['llct-workspace-ws', 'llct-workspace-ws']);
    expect(await store.getItem('ws')).toMatchObject({ revision: 1, doc: docV1 });
  });

  it('loses an update when racing tabs have no Web Locks: the hazard the lock exists for', async () => {
    const { a, b } = createTwoTabs(createTestStore(), { locks: null });
    await a.load('ws');
    await b.load('ws');
    const results = await Promise.all([a.save('ws', docV1), b.save('ws', docV2)]);
    expect(results.map((r) => r.ok && r.saved.revision)).toEqual([1, 1]);
  });

  it('tells the other tab of each save on the channel, and never a tab of its own saves', async () => {
    const { a, b, channels } = createTwoTabs(createTestStore());
    const heardByA: SavedMessage[] = [];
    const heardByB: SavedMessage[] = [];
    a.subscribe((m) => heardByA.push(m));
    const stop = b.subscribe((m) => heardByB.push(m));
    await a.load('ws');
    await a.save('ws', docV1);
    await a.save('ws', docV2);
    expect(heardByB).toEqual([
      { type: 'saved', id: 'ws', revision: 1, tab: 'tab-a', savedAt: '2024-03-01T08:00:00.000Z' },
      { type: 'saved', id: 'ws', revision: 2, tab: 'tab-a', savedAt: '2024-03-01T08:00:01.000Z' },
    ]);
    stop();
    channels.inject(WORKSPACE_CHANNEL_NAME, { type: 'saved', id: 'ws', revision: 3, tab: 'tab-a', savedAt: 'x' });
    expect(heardByB).toHaveLength(2);
    expect(heardByA).toEqual([]);
  });

  it('ignores its own echoed messages and malformed ones', async () => {
    const channels = createMemoryChannels({ echo: true });
    const a = createWorkspaceStorage({ store: createTestStore(), tabId: 'tab-a', createChannel: channels.factory, locks: null });
    const heard: SavedMessage[] = [];
    a.subscribe((m) => heard.push(m));
    await a.save('ws', docV1);
    channels.inject(WORKSPACE_CHANNEL_NAME, { type: 'saved', id: 'ws', revision: '2', tab: 'tab-b' });
    channels.inject(WORKSPACE_CHANNEL_NAME, 'saved');
    channels.inject(WORKSPACE_CHANNEL_NAME, { type: 'saved', id: 'ws', revision: 2, tab: 'tab-b', savedAt: 'now' });
    expect(channels.sent).toHaveLength(1);
    expect(heard).toEqual([{ type: 'saved', id: 'ws', revision: 2, tab: 'tab-b', savedAt: 'now' }]);
  });

  it('reports a full disk as quota with the Vietnamese message, leaving the stored data and revision unchanged', async () => {
    const store = createFailingStore(createTestStore());
    const { a, channels } = createTwoTabs(store);
    await a.save('ws', docV1);
    const before = await store.getItem('ws');
    store.failWith = quotaError();
    const result = await a.save('ws', docV2);
    expect(result.ok).toBe(false);
    if (result.ok || !('error' in result)) throw new Error('expected a storage error');
    expect(result.error.code).toBe('quota');
    expect(result.error.message.vi).toBe('Bộ nhớ trình duyệt đã đầy: chưa lưu được thay đổi. Hãy xuất không gian làm việc ra tệp JSON để không mất dữ liệu.');
    expect(result.error.message.en).toMatch(/storage is full/);
    expect(result.error.cause).toBe(store.failWith);
    expect(await store.getItem('ws')).toEqual(before);
    expect(a.heldRevision('ws')).toBe(1);
    expect(channels.sent.map((m) => m.revision)).toEqual([1]);
    store.failWith = undefined;
    expect(await a.save('ws', docV2)).toMatchObject({ ok: true, saved: { revision: 2 } });
  });

  it('reports a store that cannot open as unavailable on load and on save', async () => {
    const refusing = {
      getItem: () => Promise.reject(new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError')),
      setItem: () => Promise.reject(new Error('setItem must not be reached')),
    };
    const storage = createWorkspaceStorage({ store: refusing, tabId: 'tab-a', createChannel: () => null, locks: null });
    const loaded = await storage.load('ws');
    expect(loaded).toMatchObject({ ok: false, error: { code: 'unavailable', message: STORAGE_ERROR_MESSAGES.unavailable } });
    expect(await storage.save('ws', docV1)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(storage.heldRevision('ws')).toBeUndefined();
  });

  it('reports a stored value of the wrong shape as corrupt and does not save over it until told to overwrite', async () => {
    const store = createTestStore();
    const junk = { revision: 'seven', doc: 'half-written' };
    await store.setItem('ws', junk);
    const { a } = createTwoTabs(store);
    const loaded = await a.load('ws');
    expect(loaded).toMatchObject({ ok: false, error: { code: 'corrupt', message: STORAGE_ERROR_MESSAGES.corrupt } });
    expect(await a.save('ws', docV1)).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(await store.getItem('ws')).toEqual(junk);
    expect(await a.overwrite('ws', docV1)).toMatchObject({ ok: true, saved: { revision: 1, savedBy: 'tab-a' } });
    expect(await a.load('ws')).toMatchObject({ ok: true, envelope: { revision: 1, doc: docV1 } });
  });

  it('treats a record with unknown keys or no document as corrupt', async () => {
    const store = createTestStore();
    await store.setItem('newer', { revision: 1, savedAt: '2024-03-01T08:00:00.000Z', savedBy: 't', doc: {}, format: 2 });
    await store.setItem('empty', { revision: 1, savedAt: '2024-03-01T08:00:00.000Z', savedBy: 't' });
    const { a } = createTwoTabs(store);
    expect(await a.load('newer')).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(await a.load('empty')).toMatchObject({ ok: false, error: { code: 'corrupt' } });
  });

  it('rejects an undefined document as a caller bug without writing', async () => {
    const store = createTestStore();
    const { a } = createTwoTabs(store);
    await expect(a.save('ws', undefined)).rejects.toThrow(TypeError);
    expect(await store.getItem('ws')).toBeNull();
    expect(await a.save('ws', docV1)).toMatchObject({ ok: true, saved: { revision: 1 } });
  });

  it('stops delivering other tabs\' messages after close', async () => {
    const { a, b } = createTwoTabs(createTestStore());
    const heard: SavedMessage[] = [];
    b.subscribe((m) => heard.push(m));
    b.close();
    await a.save('ws', docV1);
    expect(heard).toEqual([]);
  });

  it('by default keeps workspaces in the llct-studio database and talks to other tabs over BroadcastChannel', async () => {
    const a = createWorkspaceStorage({ tabId: 'tab-a', locks: null });
    const b = createWorkspaceStorage({ tabId: 'tab-b', locks: null });
    const heard = new Promise<SavedMessage>((resolve) => b.subscribe(resolve));
    try {
      await a.load('default-ws');
      const saved = await a.save('default-ws', docV1);
      expect(saved).toMatchObject({ ok: true, saved: { revision: 1, savedBy: 'tab-a' } });
      expect(await heard).toMatchObject({ type: 'saved', id: 'default-ws', revision: 1, tab: 'tab-a' });
      const direct = localforage.createInstance(WORKSPACE_STORE_CONFIG);
      expect(await direct.getItem('default-ws')).toMatchObject({ revision: 1, doc: docV1 });
      expect(a.tabId).toBe('tab-a');
    } finally {
      a.close();
      b.close();
    }
  });

  it('gives each storage object its own random tab id when none is given', () => {
    const ids = [createWorkspaceStorage({ createChannel: () => null }), createWorkspaceStorage({ createChannel: () => null })].map((s) => s.tabId);
    expect(ids[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });
});
