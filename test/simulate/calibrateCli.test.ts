/**
 * `llct simulate --calibrate` as CI runs it: the real binary on the Hà Nội 2024 plan and its shipped observations,
 * with a small budget. Exit 0 with the fitted parameters (each inside its interval and its range) and the fit of every
 * observation, Vietnamese by default and English with --lang en; a calibrated plan that loads and says what it was
 * fitted to; exit 2, naming the file and the field, for an observation file that cannot be used; exit 2 for a
 * parameter that may not be fitted and for options that go only with --calibrate.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runLlct } from '../cli/runLlct.ts';
import { loadPlan } from '../../engine/simulate/loadPlan.ts';
import { planOptions } from './simulateKit.ts';

const PLAN = 'fixtures/plans/ha-noi-2024.json';
const OBSERVED = 'fixtures/plans/ha-noi-2024.observed.json';
const SMALL = ['--generate', '400', '--particles', '8', '--simulations', '24', '--runs', '6'];
const tmp = mkdtempSync(join(tmpdir(), 'llct-calibrate-'));
const observed = () => JSON.parse(readFileSync(OBSERVED, 'utf8')) as { plan: string; observations: Array<Record<string, unknown>> };
const write = (name: string, doc: unknown) => { const f = join(tmp, name); writeFileSync(f, typeof doc === 'string' ? doc : JSON.stringify(doc)); return f; };

interface Calibration {
  schema: string;
  parameters: Array<{ name: string; value: number; interval: { p5: number; p95: number }; range: { min: number; max: number } }>;
  fit: Array<{ id: string; kind: string; value: number; inside: boolean; fitted: { p5: number; p95: number } }>;
}

describe('llct simulate --calibrate', () => {
  it('fits the assumed parameters the observed learners at opening depend on, and reports the fit of each observation (JSON)', async () => {
    const r = await runLlct(ROOT, ['simulate', '--plan', PLAN, '--calibrate', OBSERVED, ...SMALL, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as Calibration;
    expect(c.schema).toBe('llct/calibration');
    expect(c.parameters.map((p) => p.name)).toEqual(['agencyPrecheck', 'withdrawalBeforeConvening', 'noShow', 'postponementRisk', 'cancellationAfterPostponement']);
    for (const p of c.parameters) {
      expect(p.range.min).toBeLessThanOrEqual(p.interval.p5);
      expect(p.interval.p5).toBeLessThanOrEqual(p.value);
      expect(p.value).toBeLessThanOrEqual(p.interval.p95);
      expect(p.interval.p95).toBeLessThanOrEqual(p.range.max);
    }
    expect(c.fit.map((f) => [f.id, f.kind, f.value])).toEqual([
      ['tc-01-at-opening', 'observed', 70], ['tc-02-at-opening', 'observed', 70], ['tc-03-at-opening', 'observed', 70],
      ['first-three-at-opening', 'observed', 210], ['year-at-opening-planned', 'planned', 1390],
    ]);
    for (const f of c.fit) expect(f.inside).toBe(f.fitted.p5 <= f.value && f.value <= f.fitted.p95);
  }, 180_000);

  it('prints a table in Vietnamese by default and in English with --lang en, the planned figure labelled a soft target', async () => {
    const [vi, en] = await Promise.all([
      runLlct(ROOT, ['simulate', '--plan', PLAN, '--calibrate', OBSERVED, ...SMALL]),
      runLlct(ROOT, ['simulate', '--plan', PLAN, '--calibrate', OBSERVED, ...SMALL, '--lang', 'en']),
    ]);
    expect(vi.code, vi.stderr).toBe(0);
    expect(vi.stdout).toContain('Tham số đã hiệu chỉnh');
    expect(vi.stdout).toContain('kế hoạch (mục tiêu mềm)');
    expect(vi.stdout).toContain('Tỷ lệ không đến nhập học [noShow]');
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('Fitted parameters');
    expect(en.stdout).toContain('planned (soft target)');
    expect(en.stdout).toContain('No-show rate at opening [noShow]');
  }, 180_000);

  it('writes a calibrated plan that loads, with the fitted values, each saying it was fitted, to what, with its interval', async () => {
    const out = join(tmp, 'calibrated.json');
    const r = await runLlct(ROOT, ['simulate', '--plan', PLAN, '--calibrate', OBSERVED, ...SMALL, '--format', 'json', '--calibrated-plan', out]);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as Calibration;
    const loaded = loadPlan(JSON.parse(readFileSync(out, 'utf8')), planOptions());
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    for (const p of c.parameters) {
      const written = loaded.value.parameters[p.name as 'noShow']!;
      expect(written).toMatchObject({ value: p.value, confidence: 'assumed', fitted: { interval: p.interval, method: 'abc-smc', used: c.fit.map((f) => f.id) } });
      expect(written.fitted!.observations).toMatch(/ha-noi-2024\.observed\.json$/);
    }
    const original = JSON.parse(readFileSync(PLAN, 'utf8')) as Record<string, unknown>;
    const rewritten = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect({ ...rewritten, parameters: undefined }).toEqual({ ...original, parameters: undefined });
  }, 180_000);

  it('refuses an observation file it cannot use with exit 2, naming the file and the field', async () => {
    const unknownClass = observed();
    unknownClass.observations[0]!.classes = ['tc-1'];
    const noValue = observed();
    delete noValue.observations[1]!.value;
    const otherPlan = { ...observed(), plan: 'ha-noi-2025' };
    const tooMany = observed();
    tooMany.observations[0]!.value = 71;
    const cases: Array<[string, string, string]> = [
      [write('unknown-class.json', unknownClass), '[observations[0].classes[0]]', 'Did you mean "tc-01"?'],
      [write('no-value.json', noValue), '[observations[1].value]', ''],
      [write('other-plan.json', otherPlan), '[plan]', 'ha-noi-2025'],
      [write('too-many.json', tooMany), '[observations[0].value]', '70'],
      [write('not-json.json', '{ "schema": "llct/observations", '), '', ''],
    ];
    for (const [file, path, words] of cases) {
      const r = await runLlct(ROOT, ['simulate', '--plan', PLAN, '--calibrate', file, ...SMALL, '--lang', 'en']);
      expect(r.code, file).toBe(2);
      expect(r.stderr).toContain(`${file}${path ? ` ${path}` : ''}`);
      expect(r.stderr).toContain(words);
      expect(r.stdout).toBe('');
    }
    const missing = await runLlct(ROOT, ['simulate', '--plan', PLAN, '--calibrate', join(tmp, 'absent.json'), ...SMALL]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('absent.json');
  }, 300_000);

  it('refuses to fit a parameter that sets dates, or one that is not a plan parameter, with exit 2 and the reason', async () => {
    const dates = await runLlct(ROOT, ['simulate', '--plan', PLAN, '--calibrate', OBSERVED, ...SMALL, '--fit', 'recruitmentLeadDays', '--lang', 'en']);
    expect(dates.code).toBe(2);
    expect(dates.stderr).toContain('--fit recruitmentLeadDays: recruitmentLeadDays sets dates or grades');
    const unknown = await runLlct(ROOT, ['simulate', '--plan', PLAN, '--calibrate', OBSERVED, ...SMALL, '--fit', 'noShows', '--lang', 'en']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"noShows" is not a plan parameter');
  }, 180_000);

  it('refuses the calibration options without --calibrate, and --calibrate with --compare or a format it does not write', async () => {
    const runs = await Promise.all([
      runLlct(ROOT, ['simulate', '--plan', PLAN, '--fit', 'noShow']),
      runLlct(ROOT, ['simulate', '--plan', PLAN, '--calibrated-plan', join(tmp, 'x.json')]),
      runLlct(ROOT, ['simulate', '--plan', PLAN, '--calibrate', OBSERVED, '--format', 'csv']),
      runLlct(ROOT, ['simulate', '--plan', PLAN, '--calibrate', OBSERVED, '--compare', '--b-ruleset', '350-qd-tw']),
    ]);
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('llct simulate --help');
    }
  }, 120_000);
});
