import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { updateLeaf, deleteCondition } from '../../editor/workspace/commands/conditionCommands.ts';
import { updateRule } from '../../editor/workspace/commands/ruleCommands.ts';
import { builtinRulesetId } from '../../editor/workspace/createDefaultWorkspace.ts';
import { createWorkspaceSession, type SessionNotice } from '../../editor/workspace/createWorkspaceSession.ts';
import { recordsOfType, type Records, type WorkspaceRecord } from '../../editor/workspace/records.ts';
import { counterIds, toRuleset } from '../../editor/workspace/rulesetRecords.ts';
import { WORKSPACE_VERSION } from '../../editor/workspace/workspaceDocument.ts';
import { createManualSchedule } from '../storage/createManualSchedule.ts';
import { createTestStore } from '../storage/createTestStore.ts';
import { nextStatus } from '../storage/nextStatus.ts';
import { createTwoTabs } from '../storage/tabs.ts';

const RS57 = builtinRulesetId('57-qd-tw');
const ruleRecord = (records: Records, id: string) => recordsOfType(records, 'rule').find((r) => r.ruleset === RS57 && r.data.id === id)!;
const noteOf = (records: Records) => ruleRecord(records, 'tc-part-time-age').data.note;

async function openTab(storage: ReturnType<typeof createTwoTabs>['a'], schedule = createManualSchedule()) {
  const session = await createWorkspaceSession({ storage, ids: counterIds(storage.tabId), schedule: schedule.schedule, now: () => '2026-12-03T08:00:00Z' });
  return { session, schedule };
}

describe('a workspace session', () => {
  it('starts on the default workspace, autosaves an edit, and a reload restores it', async () => {
    const store = createTestStore();
    const tabs = createTwoTabs(store);
    const { session, schedule } = await openTab(tabs.a);
    const rule = ruleRecord(session.store.records(), 'tc-part-time-age');
    session.store.apply(updateRule(rule.id, { note: 'sửa thử' }, 'note'));
    const saved = nextStatus(session.autosave, 'saved');
    schedule.runDue();
    await saved;
    session.dispose();
    const reloaded = await openTab(createTwoTabs(store).a);
    expect(noteOf(reloaded.session.store.records())).toBe('sửa thử');
    expect(toRuleset(reloaded.session.store.records(), RS57).ruleset.rules.find((r) => r.id === 'tc-part-time-age')!.note).toBe('sửa thử');
  });

  it('keeps the undo history over a reload: undo after reopening gives back the state before the edit', async () => {
    const store = createTestStore();
    const first = await openTab(createTwoTabs(store).a);
    const leaf = recordsOfType(first.session.store.records(), 'cond').find((c) => c.node.op === 'leaf' && c.node.fact === 'age' && c.node.value === 33)!;
    first.session.store.apply(updateLeaf(leaf.id, { value: 30 }, 'value'));
    const saved = nextStatus(first.session.autosave, 'saved');
    first.schedule.runDue();
    await saved;
    first.session.dispose();
    const second = await openTab(createTwoTabs(store).a);
    const value = () => { const r = second.session.store.records().get(leaf.id); return r?.type === 'cond' && r.node.op === 'leaf' ? r.node.value : undefined; };
    expect(value()).toBe(30);
    expect(second.session.store.undo()).toBe(true);
    expect(value()).toBe(33);
    expect(second.session.store.redo()).toBe(true);
    expect(value()).toBe(30);
  });

  it('drops a stored history that does not fit the stored workspace, and keeps the workspace', async () => {
    const store = createTestStore();
    const first = await openTab(createTwoTabs(store).a);
    const leaf = recordsOfType(first.session.store.records(), 'cond').find((c) => c.node.op === 'leaf')!;
    first.session.store.apply(updateLeaf(leaf.id, { value: 1234 }, 'value'));
    const saved = nextStatus(first.session.autosave, 'saved');
    first.schedule.runDue();
    await saved;
    // Through JSON: the stored value shares record objects between the workspace and its history.
    const raw = JSON.parse(JSON.stringify(await store.getItem('default'))) as { doc: { history: { undo: Array<{ diff: Array<[string, unknown, { node: { value: unknown } }]> }> } } };
    raw.doc.history.undo[0]!.diff[0]![2].node.value = 999;
    await store.setItem('default', raw);
    const second = await openTab(createTwoTabs(store).a);
    expect(second.session.store.canUndo()).toBe(false);
    const r = second.session.store.records().get(leaf.id);
    expect(r?.type === 'cond' && r.node.op === 'leaf' && r.node.value).toBe(1234);
  });

  it('never lets a second tab silently overwrite: its save is refused and the first tab’s work stays', async () => {
    const store = createTestStore();
    const tabs = createTwoTabs(store, { createChannel: () => null });
    const a = await openTab(tabs.a);
    const b = await openTab(tabs.b);
    // Tab A edits and saves first.
    a.session.store.apply(updateRule(ruleRecord(a.session.store.records(), 'tc-part-time-age').id, { note: 'của A' }, 'note'));
    const aSaved = nextStatus(a.session.autosave, 'saved');
    a.schedule.runDue();
    await aSaved;
    // Tab B, still on the old revision, edits: its save is refused as a conflict.
    b.session.store.apply(updateRule(ruleRecord(b.session.store.records(), 'tc-part-time-age').id, { note: 'của B' }, 'note'));
    const conflict = nextStatus(b.session.autosave, 'conflict');
    b.schedule.runDue();
    expect((await conflict).conflict?.theirs.savedBy).toBe('tab-a');
    const stored = await createTwoTabs(store).a.load('default');
    expect(stored.ok && stored.envelope && noteOf(new Map((stored.envelope.doc as { workspace: { records: WorkspaceRecord[] } }).workspace.records.map((r) => [r.id, r])))).toBe('của A');
    // B chooses to load theirs: A's note arrives in B.
    expect(await b.session.adoptTheirs()).toBe(true);
    expect(noteOf(b.session.store.records())).toBe('của A');
  });

  it('lets an idle tab take the other tab’s newer save at once, with a notice', async () => {
    const store = createTestStore();
    const tabs = createTwoTabs(store);
    const a = await openTab(tabs.a);
    const b = await openTab(tabs.b);
    const notices: SessionNotice[] = [];
    const adopted = new Promise<void>((resolve) => b.session.subscribeNotices((n) => { notices.push(n); resolve(); }));
    a.session.store.apply(updateRule(ruleRecord(a.session.store.records(), 'tc-part-time-age').id, { note: 'mới' }, 'note'));
    a.schedule.runDue();
    await adopted;
    expect(notices).toEqual([{ kind: 'adopted' }]);
    expect(noteOf(b.session.store.records())).toBe('mới');
  });

  it('does not overwrite a stored workspace it cannot read until the user says so', async () => {
    const store = createTestStore();
    await store.setItem('default', { revision: 3, savedAt: '2026-12-01T00:00:00Z', savedBy: 'old', doc: { schema: 'llct/workspace', version: 2, name: 'x', records: [{ id: 'rule:1', type: 'rule' }] } });
    const { session, schedule } = await openTab(createTwoTabs(store).a);
    expect(session.startupNotices[0]?.kind).toBe('stored-unreadable');
    expect(session.blocked()).toBe(true);
    const leaf = recordsOfType(session.store.records(), 'cond').find((c) => c.node.op === 'leaf')!;
    session.store.apply(updateLeaf(leaf.id, { value: 1 }));
    schedule.runDue();
    expect(((await store.getItem('default')) as { revision: number }).revision).toBe(3);
    session.store.apply(deleteCondition(leaf.id));
    expect((await session.keepMine()).state).toBe('saved');
    expect(((await store.getItem('default')) as { revision: number }).revision).toBe(4);
  });

  it('reads a workspace stored in the previous format into the current one, says so, and starts its undo history afresh instead of setting the old one aside', async () => {
    const store = createTestStore();
    const v2 = JSON.parse(readFileSync('fixtures/workspace/workspace-v2-edited-lifecycles-and-plan.json', 'utf8')) as { records: WorkspaceRecord[] };
    // An undo history as the previous build stored it: its diff holds a version-2 lifecycle record.
    const oldLifecycle = v2.records.find((r) => r.id === 'lifecycle:class-default')!;
    const history = { undo: [{ label: { vi: 'Đổi tên trạng thái', en: 'Rename state' }, documents: ['lifecycle:class-default'], at: 1, diff: [['lifecycle:class-default', oldLifecycle, oldLifecycle]] }], redo: [] };
    await store.setItem('default', { revision: 7, savedAt: '2026-12-06T00:00:00Z', savedBy: 'old', doc: { workspace: v2, history } });
    const { session, schedule } = await openTab(createTwoTabs(store).a);
    expect(session.startupNotices).toEqual([{ kind: 'upgraded', from: 2, to: WORKSPACE_VERSION, historyDropped: true }]);
    expect(session.setAside()).toEqual([]);
    expect(session.blocked()).toBe(false);
    expect(session.store.canUndo()).toBe(false);
    expect(recordsOfType(session.store.records(), 'state').some((r) => r.name === 'dang-hoc')).toBe(true);
    // The next save writes the current format; reopened, nothing is migrated and nothing is said.
    session.store.apply(updateRule(ruleRecord(session.store.records(), 'tc-part-time-age').id, { note: 'sau khi chuyển' }, 'note'));
    const saved = nextStatus(session.autosave, 'saved');
    schedule.runDue();
    await saved;
    session.dispose();
    const reopened = await openTab(createTwoTabs(store).a);
    expect(reopened.session.startupNotices).toEqual([]);
    expect(reopened.session.store.canUndo()).toBe(true);
    expect(noteOf(reopened.session.store.records())).toBe('sau khi chuyển');
  });
});
