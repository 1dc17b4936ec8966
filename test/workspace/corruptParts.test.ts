/**
 * A stored workspace with one part corrupted in turn (fixtures/workspace/corrupt/*.json, each a change to the
 * default workspace as stored): the session opens every other part, sets the bad part aside with its reasons in
 * words (never a raw schema message), keeps it in storage exactly as it was through later saves, and offers its
 * choices — repair in place where the problem is a field that can be left out, drop (then it is no longer written).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyValueStorage } from '../../editor/storage/createKeyValueStorage.ts';
import { readSavedRun, writeSavedRun } from '../../editor/lifecycles/run/savedRun.ts';
import { updateRule } from '../../editor/workspace/commands/ruleCommands.ts';
import { createDefaultWorkspace } from '../../editor/workspace/createDefaultWorkspace.ts';
import { createWorkspaceSession } from '../../editor/workspace/createWorkspaceSession.ts';
import { recordsOfType, type WorkspaceRecord } from '../../editor/workspace/records.ts';
import { counterIds } from '../../editor/workspace/rulesetRecords.ts';
import { createManualSchedule } from '../storage/createManualSchedule.ts';
import { createTestStore } from '../storage/createTestStore.ts';
import { nextStatus } from '../storage/nextStatus.ts';
import { createTwoTabs } from '../storage/tabs.ts';

interface Fixture {
  description: string;
  set?: Array<{ record: string; path: Array<string | number>; value: unknown }>;
  put?: unknown[];
  history?: unknown;
  savedRun?: unknown;
  expect: { setAside: Array<[string, string]>; repairable: boolean; reasonMentions?: string };
}

const DIR = join(import.meta.dirname, '../../fixtures/workspace/corrupt');
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

/** The default workspace with the fixture's changes, as a session stores it. */
function storedWorkspace(f: Fixture): { workspace: { records: unknown[] } & Record<string, unknown>; history?: unknown } {
  const doc = JSON.parse(JSON.stringify(createDefaultWorkspace())) as { records: Array<Record<string, unknown>> } & Record<string, unknown>;
  for (const change of f.set ?? []) {
    const record = doc.records.find((r) => r.id === change.record);
    if (!record) throw new Error(`fixture names a record that is not in the default workspace: ${change.record}`);
    let at: Record<string | number, unknown> = record;
    for (const key of change.path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[change.path[change.path.length - 1]!] = change.value;
  }
  doc.records.push(...(f.put ?? []) as Array<Record<string, unknown>>);
  return f.history === undefined ? { workspace: doc } : { workspace: doc, history: f.history };
}

async function open(store: ReturnType<typeof createTestStore>) {
  const schedule = createManualSchedule();
  const session = await createWorkspaceSession({ storage: createTwoTabs(store).a, ids: counterIds('t'), schedule: schedule.schedule, now: () => '2026-12-07T08:00:00Z' });
  return { session, schedule };
}

async function saveNow(session: Awaited<ReturnType<typeof open>>['session'], schedule: ReturnType<typeof createManualSchedule>) {
  const saved = nextStatus(session.autosave, 'saved');
  schedule.runDue();
  await saved;
}

const RAW_SCHEMA_WORDS = /Invalid input|expected string|Quá nhỏ|mong đợi|received/;

describe('a stored workspace with one part corrupted', () => {
  for (const file of FIXTURES) {
    const f = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Fixture;
    if (f.savedRun !== undefined) continue;
    it(`${file}: loads every other part, sets the bad one aside with its reasons, keeps it stored as it was and offers its choices`, async () => {
      const store = createTestStore();
      const stored = storedWorkspace(f);
      await store.setItem('default', { revision: 1, savedAt: '2026-12-07T07:00:00Z', savedBy: 'other', doc: stored });
      const { session, schedule } = await open(store);
      expect(session.blocked()).toBe(false);
      const parts = session.setAside();
      expect(parts.map((p) => [p.key, p.kind]), JSON.stringify(parts.map((p) => p.reasons.map((d) => d.message)))).toEqual(f.expect.setAside);
      const part = parts[0]!;
      expect(part.reasons.length).toBeGreaterThan(0);
      for (const d of part.reasons) {
        expect(d.message).not.toMatch(RAW_SCHEMA_WORDS);
        expect(d.messageEn.length).toBeGreaterThan(0);
      }
      if (f.expect.reasonMentions) expect(part.reasons.map((d) => `${d.path} ${d.message}`).join('\n')).toContain(f.expect.reasonMentions);
      expect(Boolean(part.repair)).toBe(f.expect.repairable);

      // Every record that was not set aside is open, exactly as stored.
      const asideIds = new Set(parts.flatMap((p) => p.raw.map((r) => (r as WorkspaceRecord).id)));
      const expected = stored.workspace.records.filter((r) => !asideIds.has((r as WorkspaceRecord).id));
      const held = session.store.records();
      expect([...held.keys()].sort()).toEqual(expected.map((r) => (r as WorkspaceRecord).id).sort());
      const changed = expected.filter((r) => JSON.stringify(held.get((r as WorkspaceRecord).id)) !== JSON.stringify(r));
      expect(changed.map((r) => (r as WorkspaceRecord).id)).toEqual([]);
      expect(recordsOfType(session.store.records(), 'ruleset').length).toBeGreaterThan(0);

      // An edit elsewhere autosaves; the set-aside part is written back exactly as it was read.
      const rule = recordsOfType(session.store.records(), 'rule')[0]!;
      expect(session.store.apply(updateRule(rule.id, { note: 'sửa sau khi tải lại' }, 'note')).ok).toBe(true);
      await saveNow(session, schedule);
      const after = (await store.getItem('default')) as { doc: { workspace: { records: unknown[] }; history: unknown } };
      if (part.kind === 'history') expect(after.doc.history).toEqual(f.history);
      else for (const raw of part.raw) expect(after.doc.workspace.records).toContainEqual(raw);

      // Reopened, the same part is set aside again and the edit is there.
      const again = await open(store);
      expect(again.session.setAside().map((p) => p.key)).toEqual(f.expect.setAside.map(([key]) => key));
      expect(recordsOfType(again.session.store.records(), 'rule').find((r) => r.id === rule.id)?.data.note).toBe('sửa sau khi tải lại');

      // The choice: repair in place (one undoable step) where offered, else drop; either way the part is no longer kept.
      if (part.repair) {
        const r = again.session.repairSetAside(part.key);
        expect(r.ok).toBe(true);
        for (const rec of part.repair.records) expect(again.session.store.records().get(rec.id)).toEqual(rec);
        expect(again.session.store.canUndo()).toBe(true);
      } else again.session.dropSetAside(part.key);
      expect(again.session.setAside()).toEqual([]);
      await saveNow(again.session, again.schedule);
      const third = await open(store);
      expect(third.session.setAside()).toEqual([]);
    });
  }
});

describe('a stored class run that does not read', () => {
  for (const file of FIXTURES) {
    const f = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Fixture;
    if (f.savedRun === undefined) continue;
    it(`${file}: is set aside with its reasons, a new save does not overwrite it, and a drop removes it`, async () => {
      const store = createTestStore() as unknown as Parameters<typeof createKeyValueStorage>[1];
      const runs = createKeyValueStorage('runs', store);
      await runs.write('class-run', f.savedRun);
      const read = await readSavedRun(runs);
      expect(read.ok && read.setAside?.kind).toBe('saved-run');
      if (!read.ok || !read.setAside) return;
      expect(read.setAside.reasons[0]!.message).not.toMatch(RAW_SCHEMA_WORDS);
      expect(read.setAside.reasons[0]!.message).toBe('Sự kiện không hợp lệ: cần một danh sách, đang là văn bản.');
      const write = await writeSavedRun({ schema: 'llct/page-run', version: 1, events: [], state: 'planned', learners: [] }, runs);
      expect(write.ok).toBe(false);
      expect(await runs.read('class-run')).toEqual({ ok: true, value: f.savedRun });
      await runs.remove('class-run');
      expect(await readSavedRun(runs)).toEqual({ ok: true, run: null });
    });
  }
});

describe('a saved run through editor/storage', () => {
  it('reports a storage failure classified, never the browser’s raw message', async () => {
    const quota = Object.assign(new Error('QuotaExceededError: raw browser text'), { name: 'QuotaExceededError' });
    const failing = { getItem: () => Promise.reject(quota), setItem: () => Promise.reject(quota), removeItem: () => Promise.reject(quota) };
    const runs = createKeyValueStorage('runs', failing);
    const read = await readSavedRun(runs);
    expect(read.ok ? undefined : read.error.code).toBe('quota');
    const write = await writeSavedRun({ schema: 'llct/page-run', version: 1, events: [], state: 'planned', learners: [] }, runs);
    expect(!write.ok && 'error' in write && write.error.code).toBe('quota');
    expect(!write.ok && 'error' in write && write.error.message.vi).not.toContain('raw browser text');
  });
});
