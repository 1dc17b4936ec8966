/**
 * What the Simulation view sends to its worker and what the worker does with it, in Node: the request is built from
 * the workspace (a plan with errors is refused with a Vietnamese reason, not run), the runs report progress chunk by
 * chunk and end with the results, an aborted run posts nothing more, and two sides come back compared on the same
 * seeds with the cadres whose outcome changes.
 */
import { describe, expect, it } from 'vitest';
import { buildSimulationRequest } from '../../editor/simulation/buildSimulationRequest.ts';
import { runSimulationRequest } from '../../editor/simulation/runSimulationRequest.ts';
import type { SimulationReply } from '../../editor/simulation/simulationProtocol.ts';
import { setParameterValue } from '../../editor/workspace/commands/lifecycleCommands.ts';
import { putPlan, setClassField } from '../../editor/workspace/commands/planCommands.ts';
import { toPlan } from '../../editor/workspace/planRecords.ts';
import { planRecordId, type PlanRecord, type Records } from '../../editor/workspace/records.ts';
import { createHarness } from '../workspace/workspaceHarness.ts';

const PLAN = planRecordId('ha-noi-2024');
/** The record id of the plan's first class. */
const firstClass = (records: Records) => (records.get(PLAN) as PlanRecord).classes![0]!;
const noPause = () => Promise.resolve();

describe('the Simulation view request and worker', () => {
  it('refuses a plan with errors, naming how many, and runs once they are fixed', () => {
    const h = createHarness();
    h.store.apply(setClassField(firstClass(h.store.records()), 'maxSize', 'x'));
    const bad = buildSimulationRequest(h.store.records(), { a: { plan: PLAN, ruleset: 'by-date' }, runs: 5, seed: '1', cohort: 'sample' });
    expect(bad.ok ? '' : bad.reason.vi).toBe('Kịch bản A: kế hoạch còn 1 lỗi; sửa các ô được đánh dấu rồi chạy lại.');
    h.store.undo();
    expect(buildSimulationRequest(h.store.records(), { a: { plan: PLAN, ruleset: 'by-date' }, runs: 5, seed: '1', cohort: 'sample' }).ok).toBe(true);
  });

  it('refuses a number of runs that is not a whole number from 1 to 2000', () => {
    const h = createHarness();
    for (const runs of [0, 2001, Number.NaN, 2.5]) {
      expect(buildSimulationRequest(h.store.records(), { a: { plan: PLAN, ruleset: 'by-date' }, runs, seed: '1', cohort: 'sample' }).ok).toBe(false);
    }
  });

  it('reports progress after each chunk and ends with the results of every run', async () => {
    const h = createHarness();
    const built = buildSimulationRequest(h.store.records(), { a: { plan: PLAN, ruleset: 'ruleset:57-qd-tw' }, runs: 6, seed: '7', cohort: 'sample' });
    if (!built.ok) throw new Error(built.reason.en);
    const replies: SimulationReply[] = [];
    await runSimulationRequest(built.request, { post: (r) => replies.push(r), pause: noPause });
    const progress = replies.filter((r) => r.kind === 'progress').map((r) => (r.kind === 'progress' ? r.done : -1));
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(6);
    const done = replies[replies.length - 1];
    expect(done?.kind).toBe('done');
    if (done?.kind !== 'done') return;
    expect(done.results[0]!.runs).toBe(6);
    expect(done.results[0]!.kpis.find((k) => k.name === 'eligible')!.stats.p50).toBeGreaterThan(0);
  });

  it('posts nothing more once the run is aborted', async () => {
    const h = createHarness();
    const built = buildSimulationRequest(h.store.records(), { a: { plan: PLAN, ruleset: 'by-date' }, runs: 40, seed: '7', cohort: 'sample' });
    if (!built.ok) throw new Error(built.reason.en);
    const signal = { aborted: false };
    const replies: SimulationReply[] = [];
    await runSimulationRequest(built.request, {
      post: (r) => { replies.push(r); if (r.kind === 'progress' && r.done > 0) signal.aborted = true; }, pause: noPause, signal,
    });
    expect(replies.some((r) => r.kind === 'done')).toBe(false);
    const last = replies[replies.length - 1];
    expect(last?.kind === 'progress' && last.done < 40).toBe(true);
  });

  it('compares 57-QĐ/TW with 350-QĐ/TW on the Hà Nội sample on the same seeds, with the changed cadres by rule', async () => {
    const h = createHarness();
    const built = buildSimulationRequest(h.store.records(), {
      a: { plan: PLAN, ruleset: 'ruleset:57-qd-tw' }, b: { plan: PLAN, ruleset: 'ruleset:350-qd-tw' }, runs: 4, seed: '1', cohort: 'sample',
    });
    if (!built.ok) throw new Error(built.reason.en);
    const replies: SimulationReply[] = [];
    await runSimulationRequest(built.request, { post: (r) => replies.push(r), pause: noPause });
    const done = replies[replies.length - 1];
    if (done?.kind !== 'done') throw new Error('no result');
    expect(done.results.map((r) => r.scenario)).toEqual(['A: ha-noi-2024 · 57-QĐ/TW', 'B: ha-noi-2024 · 350-QĐ/TW']);
    // The page shows the titles in its language of the moment: the request carries both.
    expect(built.request.titles).toEqual([{ vi: 'A: ha-noi-2024 · 57-QĐ/TW', en: 'A: ha-noi-2024 · 57-QĐ/TW' }, { vi: 'B: ha-noi-2024 · 350-QĐ/TW', en: 'B: ha-noi-2024 · 350-QĐ/TW' }]);
    const byDate = buildSimulationRequest(h.store.records(), { a: { plan: PLAN, ruleset: 'by-date' }, runs: 2, seed: '1', cohort: 'plan' }, 'en');
    if (!byDate.ok) throw new Error(byDate.reason.en);
    expect(byDate.request.titles).toEqual([{ vi: 'ha-noi-2024 · theo ngày cử', en: 'ha-noi-2024 · by nomination date' }]);
    expect(byDate.request.cohortLabel).toEqual({ vi: 'tập sinh theo kế hoạch', en: 'generated by the plan' });
    expect(byDate.request.cohortSource).toBe('generated by the plan');
    expect(done.comparison?.runs).toBe(4);
    expect(done.comparison!.changes.length).toBeGreaterThan(0);
    expect(done.comparison!.byRule.length).toBeGreaterThan(0);
  });

  it('compares the plan with an edited copy of it on the same seeds: only what the edit touches moves', async () => {
    const h = createHarness();
    const COPY = planRecordId('ha-noi-2024-ban-sao');
    const doc = toPlan(h.store.records(), PLAN).plan;
    h.store.apply(putPlan(COPY, { ...doc, id: 'ha-noi-2024-ban-sao' }));
    h.store.apply(setClassField((h.store.records().get(COPY) as PlanRecord).classes![0]!, 'maxSize', '40'));
    const built = buildSimulationRequest(h.store.records(), {
      a: { plan: PLAN, ruleset: 'ruleset:57-qd-tw' }, b: { plan: COPY, ruleset: 'ruleset:57-qd-tw' }, runs: 3, seed: '5', cohort: 'sample',
    });
    if (!built.ok) throw new Error(built.reason.en);
    const replies: SimulationReply[] = [];
    await runSimulationRequest(built.request, { post: (r) => replies.push(r), pause: noPause });
    const done = replies[replies.length - 1];
    if (done?.kind !== 'done' || !done.comparison) throw new Error('no comparison');
    const kpi = (name: string) => done.comparison!.kpis.find((k) => k.name === name)!;
    expect(kpi('candidates').delta.p50).toBe(0);
    expect(kpi('eligible').delta.p50).toBe(0);
    expect(kpi('atOpening').delta.p50).toBeLessThan(0);
    expect(done.results[1]!.classes[0]!.maxSize).toBe(40);
  });

  it('follows the workspace lifecycles as edited: a longer programme moves graduation later', async () => {
    const h = createHarness();
    const graduation = async () => {
      const built = buildSimulationRequest(h.store.records(), { a: { plan: PLAN, ruleset: 'ruleset:57-qd-tw' }, runs: 2, seed: '3', cohort: 'sample' });
      if (!built.ok) throw new Error(built.reason.en);
      const replies: SimulationReply[] = [];
      await runSimulationRequest(built.request, { post: (r) => replies.push(r), pause: noPause });
      const done = replies[replies.length - 1];
      if (done?.kind !== 'done') throw new Error('no result');
      return done.results[0]!.classes[0]!.graduatedOn.p50!;
    };
    const before = await graduation();
    const months = { elementary: { 'full-time': 1, 'part-time': 1 }, intermediate: { 'full-time': 6, 'part-time': 12 }, advanced: { 'full-time': 8, 'part-time': 12 } };
    expect(h.store.apply(setParameterValue('lifecycle:class-default', 'programmeMonths', months)).ok).toBe(true);
    const after = await graduation();
    expect(after > before).toBe(true);
  });
});
