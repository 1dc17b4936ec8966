/**
 * The Simulation view's calibration panel without a browser: an observation file read against the plan (the shipped
 * Hà Nội 2024 one; text that is not JSON; problems named by their field, in Vietnamese and English), the fit's
 * settings as typed, the run's state machine (a reply after a cancel or a second start changes nothing; a finished
 * calibration stays through a later cancelled run), what each parameter is to a calibration (one the plan gives as
 * confirmed is never fitted), and the worker's request run in Node: the same request gives the same calibration,
 * which is what `llct simulate --calibrate` prints for the same plan, observations, seed and budget; applying it is one
 * undo step that brings back the plan's parameters byte for byte.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../engine/documents/plan.ts';
import type { Calibration } from '../../engine/simulate/calibrate/calibratePlan.ts';
import { buildSimulationRequest } from '../../editor/simulation/buildSimulationRequest.ts';
import type { CalibrationReply, CalibrationRequest } from '../../editor/simulation/calibrationProtocol.ts';
import {
  describeProblems, INITIAL_CALIBRATION_STATE, isCalibrationApplied, parameterRoles, planFingerprint, readObservationsText, readSettings,
  reduceCalibration, type CalibrationEvent, type CalibrationPanelState,
} from '../../editor/simulation/calibrationPanelModel.ts';
import { checkPlanDocument } from '../../editor/simulation/checkPlanDocument.ts';
import { runCalibrationRequest } from '../../editor/simulation/runCalibrationRequest.ts';
import { decodeDataUrl, fetchShippedObservations } from '../../editor/shipped/shippedObservations.ts';
import { applyPlanCalibration } from '../../editor/workspace/commands/calibrationCommands.ts';
import { toPlan } from '../../editor/workspace/planRecords.ts';
import { planRecordId, type Records } from '../../editor/workspace/records.ts';
import { ROOT, runLlct } from '../cli/runLlct.ts';
import { createHarness } from '../workspace/workspaceHarness.ts';

const PLAN = planRecordId('ha-noi-2024');
const OBSERVED_FILE = 'fixtures/plans/ha-noi-2024.observed.json';
const OBSERVED = readFileSync(`${ROOT}/${OBSERVED_FILE}`, 'utf8');
const SMALL = { seed: 7, particles: 8, simulations: 24, checkRuns: 6 };
const noPause = () => Promise.resolve();

function planOf(records: Records): Plan {
  const plan = checkPlanDocument(toPlan(records, PLAN).plan, ['57-qd-tw', '350-qd-tw']).plan;
  if (!plan) throw new Error('the shipped plan does not load');
  return plan;
}

function requestOf(records: Records, settings = SMALL, observations: unknown = JSON.parse(OBSERVED)): CalibrationRequest {
  const built = buildSimulationRequest(records, { a: { plan: PLAN, ruleset: 'by-date' }, runs: 1, seed: String(settings.seed), cohort: 'plan' });
  if (!built.ok) throw new Error(built.reason.en);
  return { spec: built.request.sides[0]!, observations, settings };
}

async function run(req: CalibrationRequest, signal?: { aborted: boolean }): Promise<CalibrationReply[]> {
  const replies: CalibrationReply[] = [];
  await runCalibrationRequest(req, { post: (r) => replies.push(r), pause: noPause, ...(signal ? { signal } : {}) });
  return replies;
}

function calibrationIn(replies: readonly CalibrationReply[]): Calibration {
  const last = replies[replies.length - 1];
  if (last?.kind !== 'done') throw new Error(`no calibration: ${JSON.stringify(last)}`);
  return last.calibration;
}

const playAll = (events: readonly CalibrationEvent[], from: CalibrationPanelState = INITIAL_CALIBRATION_STATE) => events.reduce(reduceCalibration, from);

describe('reading an observation file in the calibration panel', () => {
  const plan = planOf(createHarness().store.records());

  it('reads the shipped Hà Nội 2024 observations: four observed figures and the planned year as a soft target', () => {
    const r = readObservationsText(OBSERVED, 'ha-noi-2024.observed.json', plan);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.doc.observations.map((o) => [o.id, o.kind, o.value])).toEqual([
      ['tc-01-at-opening', 'observed', 70], ['tc-02-at-opening', 'observed', 70], ['tc-03-at-opening', 'observed', 70],
      ['first-three-at-opening', 'observed', 210], ['year-at-opening-planned', 'planned', 1390],
    ]);
  });

  it('says a file is not JSON', () => {
    const r = readObservationsText('{ "schema": ', 'x.json', plan);
    expect(r.ok ? '' : r.kind).toBe('not-json');
  });

  it('names the field of each problem, in the page’s language, with the engine’s hint for a class the plan lacks', () => {
    const doc = JSON.parse(OBSERVED) as { observations: Array<Record<string, unknown>> };
    doc.observations[1]!.classes = ['tc-2'];
    doc.observations[2]!.valeu = 3;
    const unknownKey = readObservationsText(JSON.stringify(doc), 'bad.json', plan);
    if (unknownKey.ok || unknownKey.kind !== 'invalid') throw new Error('accepted');
    expect(describeProblems(unknownKey.diagnostics, 'vi').join('\n')).toMatch(/^trường observations\[2\]/m);
    expect(describeProblems(unknownKey.diagnostics, 'en').join('\n')).toMatch(/^field observations\[2\]/m);
    delete doc.observations[2]!.valeu;
    const badClass = readObservationsText(JSON.stringify(doc), 'bad.json', plan);
    if (badClass.ok || badClass.kind !== 'invalid') throw new Error('accepted');
    expect(describeProblems(badClass.diagnostics, 'vi')).toEqual(['trường observations[1].classes[0]: Kế hoạch ha-noi-2024 không có lớp "tc-2".']);
    expect(describeProblems(badClass.diagnostics, 'en')).toEqual(['field observations[1].classes[0]: Plan ha-noi-2024 has no class "tc-2".']);
  });

  it('refuses observations of another plan, naming the plan field', () => {
    const r = readObservationsText(OBSERVED.replace('"plan": "ha-noi-2024"', '"plan": "da-nang-2024"'), 'other.json', plan);
    if (r.ok || r.kind !== 'invalid') throw new Error('accepted');
    expect(r.diagnostics.map((d) => d.path)).toEqual(['plan']);
  });
});

describe('the fit settings as typed', () => {
  it('reads the CLI’s defaults, thousands written the Vietnamese or English way, and a text seed', () => {
    expect(readSettings({ seed: '2024', particles: '100', simulations: '4.000', checkRuns: '200' })).toEqual({ ok: true, settings: { seed: 2024, particles: 100, simulations: 4000, checkRuns: 200 } });
    expect(readSettings({ seed: 'hn', particles: '8', simulations: '4,000', checkRuns: '6' })).toEqual({ ok: true, settings: { seed: 'hn', particles: 8, simulations: 4000, checkRuns: 6 } });
  });

  it('refuses a value outside the CLI’s bounds or not whole, naming the setting and its bounds', () => {
    expect(readSettings({ seed: '1', particles: '3', simulations: '24', checkRuns: '6' })).toEqual({ ok: false, field: 'particles', min: 4, max: 10_000 });
    expect(readSettings({ seed: '1', particles: '8', simulations: '2,5', checkRuns: '6' })).toMatchObject({ ok: false, field: 'simulations' });
    expect(readSettings({ seed: '1', particles: '8', simulations: '24', checkRuns: '0' })).toMatchObject({ ok: false, field: 'checkRuns', min: 1 });
  });
});

describe('the calibration run’s state machine', () => {
  const basis = { observations: 'a.json', fingerprint: 'p' };
  const fake = { plan: 'ha-noi-2024', seed: 1 } as unknown as Calibration;

  it('goes from running with progress to done, keeping what the calibration was run on', () => {
    const s = playAll([{ kind: 'start', basis }, { kind: 'progress', done: 3, total: 10 }, { kind: 'done', calibration: fake }]);
    expect(s).toMatchObject({ status: 'done', done: 10, total: 10, calibration: fake, basis });
  });

  it('ignores a second start while running and any reply once cancelled; the last calibration stays through a cancelled run', () => {
    const done = playAll([{ kind: 'start', basis }, { kind: 'done', calibration: fake }]);
    const other = { observations: 'b.json', fingerprint: 'q' };
    const s = playAll([{ kind: 'start', basis: other }, { kind: 'start', basis }, { kind: 'progress', done: 1, total: 4 }, { kind: 'cancel' },
      { kind: 'progress', done: 2, total: 4 }, { kind: 'done', calibration: { ...fake, seed: 2 } as Calibration }], done);
    expect(s).toMatchObject({ status: 'cancelled', done: 1, total: 4, calibration: fake, basis, pending: other });
  });

  it('keeps a refusal’s reason, an invalid file’s diagnostics and an error, and clears them on the next start', () => {
    const refused = playAll([{ kind: 'start', basis }, { kind: 'refused', reason: { vi: 'không', en: 'no' } }]);
    expect(refused).toMatchObject({ status: 'refused', reason: { en: 'no' } });
    const again = reduceCalibration(refused, { kind: 'start', basis });
    expect(again.status).toBe('running');
    expect(again.reason).toBeUndefined();
    expect(playAll([{ kind: 'error', message: 'x' }]).status).toBe('idle');
    expect(playAll([{ kind: 'start', basis }, { kind: 'error', message: 'boom' }])).toMatchObject({ status: 'error', error: 'boom' });
  });
});

describe('what each parameter is to a calibration', () => {
  const plan = planOf(createHarness().store.records());
  const read = readObservationsText(OBSERVED, 'o.json', plan);
  const doc = read.ok ? read.doc : undefined;

  it('fits the assumed rates learners at opening depend on; timings are never fitted; the others are not what the figures depend on', () => {
    const roles = Object.fromEntries(parameterRoles(plan, doc).map((r) => [r.name, r.role]));
    expect(Object.keys(roles).filter((n) => roles[n] === 'fitted')).toEqual(['agencyPrecheck', 'withdrawalBeforeConvening', 'noShow', 'postponementRisk', 'cancellationAfterPostponement']);
    expect(roles.recruitmentLeadDays).toBe('timing');
    expect(roles.veryGoodShare).toBe('timing');
    expect(roles.dropOut).toBe('unrelated');
  });

  it('never fits a parameter the plan gives as confirmed or reported', () => {
    const fixed: Plan = { ...plan, parameters: { ...plan.parameters, noShow: { value: 3, confidence: 'confirmed', source: 'Quy định' }, dropOut: { value: 1, confidence: 'reported', source: 'Báo cáo' } } };
    const roles = Object.fromEntries(parameterRoles(fixed, doc).map((r) => [r.name, r.role]));
    expect(roles.noShow).toBe('fixed');
    expect(roles.dropOut).toBe('fixed');
    expect(roles.agencyPrecheck).toBe('fitted');
  });
});

describe('the calibration worker’s request, run in Node', () => {
  it('gives the same calibration for the same seed, the one llct simulate --calibrate prints; applying it is one undo step', async () => {
    const h = createHarness();
    const req = requestOf(h.store.records());
    const [first, second, cli] = await Promise.all([
      run(req), run(req),
      runLlct(ROOT, ['simulate', '--plan', 'fixtures/plans/ha-noi-2024.json', '--calibrate', OBSERVED_FILE, '--seed', '7', '--particles', '8', '--simulations', '24', '--runs', '6', '--format', 'json']),
    ]);
    const c = calibrationIn(first);
    expect(calibrationIn(second)).toEqual(c);
    expect(cli.code, cli.stderr).toBe(0);
    expect(c).toEqual(JSON.parse(cli.stdout));
    const progress = first.filter((r) => r.kind === 'progress');
    expect(progress.length).toBeGreaterThan(3);
    expect(progress[progress.length - 1]).toEqual({ kind: 'progress', done: c.method.simulations, total: c.method.simulations });

    const before = JSON.stringify(toPlan(h.store.records(), PLAN).plan.parameters);
    const fingerprint = planFingerprint(toPlan(h.store.records(), PLAN).plan);
    expect(h.store.apply(applyPlanCalibration(PLAN, c, 'ha-noi-2024.observed.json')).ok).toBe(true);
    const after = toPlan(h.store.records(), PLAN).plan;
    expect(isCalibrationApplied(after.parameters as Record<string, unknown>, c)).toBe(true);
    expect(planFingerprint(after)).toBe(fingerprint);
    for (const p of c.parameters) expect((after.parameters as Record<string, { value: number }>)[p.name]!.value).toBe(p.value);
    h.store.undo();
    expect(JSON.stringify(toPlan(h.store.records(), PLAN).plan.parameters)).toBe(before);
    expect(isCalibrationApplied(toPlan(h.store.records(), PLAN).plan.parameters as Record<string, unknown>, c)).toBe(false);
  }, 240_000);

  it('posts nothing more once cancelled, and reports observations of another plan as invalid', async () => {
    const h = createHarness();
    const signal = { aborted: false };
    const replies: CalibrationReply[] = [];
    await runCalibrationRequest(requestOf(h.store.records()), {
      post: (r) => { replies.push(r); if (r.kind === 'progress' && r.done >= 10) signal.aborted = true; }, pause: noPause, signal,
    });
    expect(replies.every((r) => r.kind === 'progress')).toBe(true);
    expect(replies[replies.length - 1]).toMatchObject({ kind: 'progress', done: 10 });

    const other = JSON.parse(OBSERVED.replace('"plan": "ha-noi-2024"', '"plan": "da-nang-2024"')) as unknown;
    const invalid = await run(requestOf(h.store.records(), SMALL, other));
    const last = invalid[invalid.length - 1];
    expect(last?.kind === 'invalid' ? last.diagnostics.map((d) => d.code) : last).toEqual(['observations/other-plan']);
  }, 120_000);
});

describe('the shipped observations the panel reads', () => {
  it('are read from a data: URL (a small file the build inlines) as the same UTF-8 text, without a fetch', async () => {
    const b64 = `data:application/json;base64,${Buffer.from(OBSERVED, 'utf8').toString('base64')}`;
    const noFetch = (() => Promise.reject(new Error('fetched'))) as unknown as typeof fetch;
    expect(await fetchShippedObservations({ url: new URL(b64), name: 'o.json' }, noFetch)).toBe(OBSERVED);
    expect(decodeDataUrl(`data:application/json,${encodeURIComponent('{"tên":"Hà Nội"}')}`)).toBe('{"tên":"Hà Nội"}');
  });
});
