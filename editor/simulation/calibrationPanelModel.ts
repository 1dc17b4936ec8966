/**
 * The calibration panel without React: reading an observation file against the plan (JSON, then the engine's
 * `loadObservations`, every problem naming its field), the fit's settings as typed, the run's state machine
 * (idle → running → done | cancelled | refused | invalid | error; a result stays shown until the next one arrives),
 * what each plan parameter is to a calibration (fitted, fixed by the regulation or a source, a timing, or not what the
 * figures depend on) and whether a calibration is what the plan now holds. Pure; runs in Node tests.
 */
import { messageIn, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { Label } from '../../engine/documents/enums.ts';
import type { Observations } from '../../engine/documents/observations.ts';
import type { Plan } from '../../engine/documents/plan.ts';
import { PLAN_PARAMETER_FIT_RANGES, PLAN_PARAMETER_NAMES, type PlanParameterName } from '../../engine/documents/planParameters.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import type { Calibration } from '../../engine/simulate/calibrate/calibratePlan.ts';
import { PARAMETERS_BY_FIGURE } from '../../engine/simulate/calibrate/calibrationTargets.ts';
import { loadObservations } from '../../engine/simulate/calibrate/loadObservations.ts';
import { text } from '../i18n/text.ts';
import '../i18n/simulationStrings.ts';
import type { CalibrationReply, CalibrationSettings } from './calibrationProtocol.ts';

/** Observations read and checked against the plan; `raw` is what the worker is sent (it checks them again). */
export interface ChosenObservations { ok: true; name: string; doc: Observations; raw: unknown }
export type ObservationsProblem =
  | { ok: false; name: string; kind: 'not-json'; message: string }
  | { ok: false; name: string; kind: 'invalid'; diagnostics: Diagnostic[] };

/** An observation file's text (`name` as the user knows it) read against `plan`. */
export function readObservationsText(source: string, name: string, plan: Plan): ChosenObservations | ObservationsProblem {
  let raw: unknown;
  try {
    raw = JSON.parse(source) as unknown;
  } catch (e) {
    return { ok: false, name, kind: 'not-json', message: e instanceof Error ? e.message : String(e) };
  }
  const loaded = loadObservations(raw, plan);
  if (!loaded.ok) return { ok: false, name, kind: 'invalid', diagnostics: loaded.diagnostics.filter((d) => d.severity === 'error') };
  return { ok: true, name, doc: loaded.value, raw };
}

/** Each problem of a file as one line in `lang`, naming the field (`observations[2].classes[0]`). */
export function describeProblems(diagnostics: readonly Diagnostic[], lang: Lang): string[] {
  return diagnostics.map((d) => (d.path === '' ? messageIn(d, lang) : text(lang, 'simulation.calibProblemAt', { path: d.path, message: messageIn(d, lang) })));
}

/** The settings form as typed. */
export interface SettingsForm { seed: string; particles: string; simulations: string; checkRuns: string }

/** The bounds of each setting: the CLI's (`--particles`, `--simulations`), the page's run form's for check runs. */
export const SETTING_BOUNDS = {
  particles: { min: 4, max: 10_000 },
  simulations: { min: 4, max: 1_000_000 },
  checkRuns: { min: 1, max: 2000 },
} as const;

export const DEFAULT_SETTINGS: SettingsForm = { seed: '2024', particles: '100', simulations: '4000', checkRuns: '200' };

/** The seed as the run form and the CLI read it: digits are a number, other text is a text seed. */
export const seedOf = (typed: string): number | string => (/^\d{1,9}$/.test(typed.trim()) ? Number(typed.trim()) : typed.trim() || '1');

export function readSettings(form: SettingsForm): { ok: true; settings: CalibrationSettings } | { ok: false; field: keyof typeof SETTING_BOUNDS; min: number; max: number } {
  const out: Partial<Record<keyof typeof SETTING_BOUNDS, number>> = {};
  for (const field of Object.keys(SETTING_BOUNDS) as (keyof typeof SETTING_BOUNDS)[]) {
    const { min, max } = SETTING_BOUNDS[field];
    const typed = form[field].trim().replace(/[.,\s](?=\d{3}\b)/g, '');
    const n = /^\d+$/.test(typed) ? Number(typed) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) return { ok: false, field, min, max };
    out[field] = n;
  }
  return { ok: true, settings: { seed: seedOf(form.seed), particles: out.particles!, simulations: out.simulations!, checkRuns: out.checkRuns! } };
}

export type CalibrationStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'refused' | 'invalid' | 'error';

/** What a calibration shown was run on: the observations' name (cited in the plan) and the plan as it was then. */
export interface RunBasis { observations: string; fingerprint: string }

export interface CalibrationPanelState {
  status: CalibrationStatus;
  done: number;
  total: number;
  /** The last calibration that finished, and what it was run on; kept through a later run cancelled or refused. */
  calibration?: Calibration;
  basis?: RunBasis;
  /** What the run under way (or the last one) was started on. */
  pending?: RunBasis;
  reason?: Label;
  diagnostics?: Diagnostic[];
  error?: string;
}

export type CalibrationEvent = { kind: 'start'; basis: RunBasis } | { kind: 'cancel' } | CalibrationReply;

export const INITIAL_CALIBRATION_STATE: CalibrationPanelState = { status: 'idle', done: 0, total: 0 };

/** The next state; an event that makes no sense in the state (a reply after a cancel, a second start) changes nothing. */
export function reduceCalibration(state: CalibrationPanelState, event: CalibrationEvent): CalibrationPanelState {
  if (event.kind === 'start') {
    if (state.status === 'running') return state;
    const { reason: _r, diagnostics: _d, error: _e, ...kept } = state;
    return { ...kept, status: 'running', done: 0, total: 0, pending: event.basis };
  }
  if (state.status !== 'running') return state;
  switch (event.kind) {
    case 'cancel': return { ...state, status: 'cancelled' };
    case 'progress': return { ...state, done: event.done, total: event.total };
    case 'done': return { ...state, status: 'done', done: state.total, calibration: event.calibration, ...(state.pending ? { basis: state.pending } : {}) };
    case 'refused': return { ...state, status: 'refused', reason: event.reason };
    case 'invalid': return { ...state, status: 'invalid', diagnostics: event.diagnostics };
    case 'error': return { ...state, status: 'error', error: event.message };
  }
}

/**
 * The plan as a calibration sees it, apart from its parameters (which applying a calibration changes): a calibration
 * whose fingerprint is not the plan's now was run on another plan (a class or quota edited since).
 */
export function planFingerprint(plan: Record<string, unknown>): string {
  const { parameters: _p, ...rest } = plan;
  return JSON.stringify(rest);
}

/** Whether the plan's parameters hold every fitted value of `calibration` as applying it writes them. */
export function isCalibrationApplied(parameters: Record<string, unknown>, calibration: Calibration): boolean {
  return calibration.parameters.every((p) => {
    const own = parameters[p.name] as { value?: unknown; confidence?: unknown; fitted?: { seed?: unknown; interval?: { p5?: unknown; p95?: unknown } } } | undefined;
    return own?.value === p.value && own.confidence === 'assumed' && own.fitted?.seed === calibration.seed
      && own.fitted.interval?.p5 === p.interval.p5 && own.fitted.interval.p95 === p.interval.p95;
  });
}

export type ParameterRole = 'fitted' | 'fixed' | 'timing' | 'unrelated';

/**
 * What each plan parameter is to a calibration on `observations`: `fitted` (by `calibration` when there is one, else
 * those the engine would fit: assumed, with a fit range, and one the observed figures depend on), `fixed` (the plan
 * gives it as confirmed or reported: the regulation or a source fixes it, never fitted), `timing` (sets dates or
 * grades: no count can fit it) or `unrelated` (the figures do not depend on it).
 */
export function parameterRoles(plan: Plan, observations: Observations | undefined, calibration?: Calibration): Array<{ name: PlanParameterName; role: ParameterRole }> {
  const wanted = new Set((observations?.observations ?? []).flatMap((o) => PARAMETERS_BY_FIGURE[o.figure]));
  const fitted = calibration ? new Set<string>(calibration.parameters.map((p) => p.name)) : undefined;
  return PLAN_PARAMETER_NAMES.map((name) => {
    const given = plan.parameters[name];
    if (given !== undefined && given.confidence !== 'assumed') return { name, role: 'fixed' };
    if (PLAN_PARAMETER_FIT_RANGES[name] === undefined) return { name, role: 'timing' };
    const isFitted = fitted ? fitted.has(name) : wanted.has(name);
    return { name, role: isFitted ? 'fitted' : 'unrelated' };
  });
}
