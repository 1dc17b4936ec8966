import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../../editor/workspace/samples.ts';
import { deleteSample, saveSample, workspaceSamples } from '../../editor/workspace/commands/sampleCommands.ts';
import { SAMPLES_RECORD_ID } from '../../editor/workspace/records.ts';
import { importWorkspaceText } from '../../editor/workspace/importFiles.ts';
import { createHarness } from './workspaceHarness.ts';

describe('sample cadres in the workspace', () => {
  it('start as the shipped samples, take a saved bench cadre (same id replaces), and undo gives back the start', () => {
    const h = createHarness();
    const start = h.bytes();
    expect(workspaceSamples(h.store.records()).map((s) => s.id)).toEqual(SAMPLES.map((s) => s.id));
    const mine = { ...SAMPLES[0]!, id: 'MINE', title: { vi: 'Của tôi', en: 'Mine' } };
    expect(h.store.apply(saveSample(mine)).ok).toBe(true);
    expect(h.store.apply(saveSample({ ...mine, title: { vi: 'Đổi tên', en: 'Renamed' } })).ok).toBe(true);
    const after = workspaceSamples(h.store.records());
    expect(after).toHaveLength(SAMPLES.length + 1);
    expect(after.at(-1)!.title.vi).toBe('Đổi tên');
    h.store.undo(); h.store.undo();
    expect(h.bytes()).toBe(start);
  });

  it('refuse to delete the last sample', () => {
    const h = createHarness();
    for (const s of SAMPLES.slice(1)) expect(h.store.apply(deleteSample(s.id)).ok).toBe(true);
    expect(h.store.apply(deleteSample(SAMPLES[0]!.id)).ok).toBe(false);
  });

  it('fall back to the shipped samples for a stored workspace that has none, and refuse a sample with a bad nomination', () => {
    const h = createHarness();
    const doc = JSON.parse(h.bytes()) as { records: Array<{ id: string; items?: Array<{ nomination: { level: string } }> }> };
    const without = { ...doc, records: doc.records.filter((r) => r.id !== SAMPLES_RECORD_ID) };
    const read = importWorkspaceText(JSON.stringify(without), 'w.json');
    expect(read.ok).toBe(true);
    if (read.ok) expect(workspaceSamples(new Map(read.value.records.map((r) => [r.id, r]))).length).toBe(SAMPLES.length);
    const bad = structuredClone(doc);
    bad.records.find((r) => r.id === SAMPLES_RECORD_ID)!.items![0]!.nomination.level = 'doctorate';
    expect(importWorkspaceText(JSON.stringify(bad), 'w.json').ok).toBe(false);
  });
});
