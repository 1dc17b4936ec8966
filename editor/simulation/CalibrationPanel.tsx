/**
 * The Simulation view's calibration panel (loaded when its section is opened): the observations (the plan's shipped
 * ones, fetched on demand, or a JSON file the user opens, checked against the plan with every problem naming its
 * field), the fit's seed and budget, the fit in a Web Worker with its progress and a Cancel button, the result
 * (CalibrationResult.tsx) and "Áp dụng vào kế hoạch", which applies the fitted values through the workspace's undoable
 * command (one undo step brings back the values before; the workspace autosaves the plan).
 */
import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { Plan } from '../../engine/documents/plan.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { formatCount } from '../diff/formatNumbers.ts';
import { fetchShippedObservations, shippedObservationsOf } from '../shipped/shippedObservations.ts';
import { applyPlanCalibration } from '../workspace/commands/calibrationCommands.ts';
import type { Command } from '../workspace/createWorkspaceStore.ts';
import type { RecordId, Records } from '../workspace/records.ts';
import { text } from '../i18n/text.ts';
import '../i18n/simulationStrings.ts';
import { buildSimulationRequest } from './buildSimulationRequest.ts';
import {
  DEFAULT_SETTINGS, describeProblems, isCalibrationApplied, planFingerprint, readObservationsText, readSettings,
  type ChosenObservations, type ObservationsProblem, type SettingsForm,
} from './calibrationPanelModel.ts';
import { CalibrationResult } from './CalibrationResult.tsx';
import { useCalibrationRun } from './useCalibrationRun.ts';
import './calibration.css';

type Json = Record<string, unknown>;

export interface CalibrationPanelProps {
  records: Records;
  planId: RecordId;
  /** The plan as written (possibly invalid) and as validated (absent while it has errors). */
  planDoc: Json;
  plan: Plan | undefined;
  lang: Lang;
  onCommand(command: Command): void;
}

export function CalibrationPanel({ records, planId, planDoc, plan, lang, onCommand }: CalibrationPanelProps) {
  const id = useId();
  const shipped = shippedObservationsOf(String(planDoc.id));
  const [chosen, setChosen] = useState<ChosenObservations | ObservationsProblem | 'loading' | undefined>();
  const [fetchError, setFetchError] = useState<string | undefined>();
  const [form, setForm] = useState<SettingsForm>(DEFAULT_SETTINGS);
  const [formError, setFormError] = useState<string | undefined>();
  const { state, start, cancel } = useCalibrationRun();
  const running = state.status === 'running';
  // The Calibrate button is disabled while the fit runs: the focus goes to Cancel (Enter or Escape stops it).
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (running) cancelButton.current?.focus(); }, [running]);

  const useShipped = useCallback(() => {
    if (!shipped || !plan) return;
    setChosen('loading');
    setFetchError(undefined);
    fetchShippedObservations(shipped).then(
      (body) => setChosen(readObservationsText(body, shipped.name, plan)),
      (e: unknown) => { setChosen(undefined); setFetchError(e instanceof Error ? e.message : String(e)); },
    );
  }, [shipped, plan]);
  // The plan's shipped observations are chosen when the panel opens (a file the user opens replaces them).
  const latest = useRef(useShipped);
  latest.current = useShipped;
  const planKey = plan === undefined ? undefined : plan.id;
  useEffect(() => { if (planKey !== undefined) latest.current(); }, [planKey]);

  const openFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || !plan) return;
    setChosen('loading');
    file.text().then((body) => setChosen(readObservationsText(body, file.name, plan)), (err: unknown) => {
      setChosen({ ok: false, name: file.name, kind: 'not-json', message: err instanceof Error ? err.message : String(err) });
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typeof chosen !== 'object' || !chosen.ok) return;
    const settings = readSettings(form);
    if (!settings.ok) {
      const field = { particles: 'calibParticles', simulations: 'calibSimulations', checkRuns: 'calibCheckRuns' } as const;
      setFormError(text(lang, 'simulation.calibBadOption', { field: text(lang, `simulation.${field[settings.field]}`), min: formatCount(settings.min, lang), max: formatCount(settings.max, lang) }));
      return;
    }
    const built = buildSimulationRequest(records, { a: { plan: planId, ruleset: 'by-date' }, runs: 1, seed: form.seed, cohort: 'plan' }, lang);
    if (!built.ok) { setFormError(built.reason[lang]); return; }
    setFormError(undefined);
    start({ spec: built.request.sides[0]!, observations: chosen.raw, settings: settings.settings }, { observations: chosen.name, fingerprint: planFingerprint(planDoc) });
  };

  const c = state.calibration;
  const parameters = (typeof planDoc.parameters === 'object' && planDoc.parameters !== null ? planDoc.parameters : {}) as Json;
  const applied = c ? isCalibrationApplied(parameters, c) : false;
  const stale = c !== undefined && state.basis !== undefined && state.basis.fingerprint !== planFingerprint(planDoc);
  const ofThisPlan = c !== undefined && c.plan === planDoc.id;
  const doc = typeof chosen === 'object' && chosen.ok ? chosen.doc : undefined;
  const field = (key: keyof SettingsForm, label: 'calibSeed' | 'calibParticles' | 'calibSimulations' | 'calibCheckRuns') => (
    <div className="field"><label htmlFor={`${id}-${key}`}>{text(lang, `simulation.${label}`)}</label>
      <input id={`${id}-${key}`} data-testid={`calib-${key}`} inputMode={key === 'seed' ? 'text' : 'numeric'} value={form[key]} disabled={running}
        onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))} /></div>
  );

  return (
    // Escape stops a fit under way, wherever the focus is in the panel.
    <div className="calib-panel" data-testid="calibration-panel" onKeyDown={(e) => { if (e.key === 'Escape' && running) { e.preventDefault(); cancel(); } }}>
      <p className="muted small">{text(lang, 'simulation.calibHint')}</p>
      {!plan && <p className="alert alert-warning" role="alert" data-testid="calib-plan-errors">{text(lang, 'simulation.calibPlanErrors')}</p>}
      <fieldset className="calib-choice">
        <legend>{text(lang, 'simulation.calibObservations')}</legend>
        <div className="calib-sources">
          {shipped && <button type="button" data-testid="calib-use-shipped" disabled={running || !plan} onClick={useShipped}>{text(lang, 'simulation.calibUseShipped')}</button>}
          <label className="calib-file-button">
            <span>{text(lang, 'simulation.calibOpenFile')}</span>
            <input type="file" accept=".json,application/json" data-testid="calib-file" disabled={running || !plan} onChange={openFile} />
          </label>
        </div>
        {!shipped && <p className="muted small">{text(lang, 'simulation.calibShippedNone')}</p>}
        {fetchError && <p className="alert alert-error" role="alert">{text(lang, 'simulation.calibShippedFailed', { message: fetchError })}</p>}
        {chosen === 'loading' && <p className="muted small" role="status">{text(lang, 'simulation.calibLoading')}</p>}
        {typeof chosen === 'object' && !chosen.ok && (
          <div className="alert alert-error" role="alert" data-testid="calib-problems">
            <p>{text(lang, 'simulation.calibFileProblems', { name: chosen.name })}</p>
            <ul>{(chosen.kind === 'not-json' ? [text(lang, 'simulation.calibNotJson', { message: chosen.message })] : describeProblems(chosen.diagnostics, lang)).map((m, k) => <li key={k}>{m}</li>)}</ul>
          </div>
        )}
        {doc && typeof chosen === 'object' && chosen.ok && (
          <div data-testid="calib-chosen" data-name={chosen.name}>
            <p className="small"><strong>{text(lang, 'simulation.calibChosen', { name: chosen.name, count: doc.observations.length })}</strong> — {doc.title[lang]}</p>
            <ul className="calib-observations small">
              {doc.observations.map((o) => (
                <li key={o.id} data-kind={o.kind}>
                  {o.label?.[lang] ?? o.id}: <strong>{formatCount(o.value, lang)}</strong>{' '}
                  <span className={`badge ${o.kind === 'observed' ? 'badge-confirmed' : 'badge-assumed'}`}>{text(lang, o.kind === 'observed' ? 'simulation.calibObserved' : 'simulation.calibPlanned')}</span>{' '}
                  <span className="muted">({o.classes ? o.classes.join(', ') : text(lang, 'simulation.calibWholePlan')})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>
      <form className="run-form" onSubmit={submit} aria-label={text(lang, 'simulation.calibOptions')}>
        {field('seed', 'calibSeed')}{field('particles', 'calibParticles')}{field('simulations', 'calibSimulations')}{field('checkRuns', 'calibCheckRuns')}
        <div className="run-actions">
          <button type="submit" className="primary" data-testid="calib-start" disabled={running || !doc}>{text(lang, 'simulation.calibStart')}</button>
          <button type="button" ref={cancelButton} data-testid="calib-cancel" disabled={!running} onClick={cancel}>{text(lang, 'simulation.calibCancel')}</button>
        </div>
      </form>
      <p className="muted small">{text(lang, 'simulation.calibOptionsHint')}</p>
      {formError && <p className="alert alert-warning" role="alert" data-testid="calib-form-error">{formError}</p>}
      <div className="run-progress" data-testid="calib-progress" data-status={state.status} data-done={state.done} data-total={state.total} aria-live="polite">
        {state.status === 'running' && (
          <>
            <progress max={Math.max(1, state.total)} value={state.done} aria-label={text(lang, 'simulation.calibProgress')} />
            <span>{state.total === 0 ? text(lang, 'simulation.preparing') : text(lang, 'simulation.calibRunsDone', { done: formatCount(state.done, lang), total: formatCount(state.total, lang) })}</span>
          </>
        )}
        {state.status === 'cancelled' && <p className="muted" data-testid="calib-cancelled">{text(lang, 'simulation.calibCancelled')}</p>}
        {state.status === 'error' && <p className="alert alert-error" role="alert">{text(lang, 'simulation.calibFailed', { message: state.error ?? '' })}</p>}
        {state.status === 'refused' && state.reason && <p className="alert alert-warning" role="alert">{text(lang, 'simulation.calibRefused', { reason: state.reason[lang] })}</p>}
        {state.status === 'invalid' && (
          <div className="alert alert-error" role="alert">
            <p>{text(lang, 'simulation.calibFileProblems', { name: state.pending?.observations ?? '' })}</p>
            <ul>{describeProblems(state.diagnostics ?? [], lang).map((m, k) => <li key={k}>{m}</li>)}</ul>
          </div>
        )}
      </div>
      {c && plan && ofThisPlan && (
        <>
          <CalibrationResult calibration={c} plan={plan} observations={doc} lang={lang} />
          {stale && <p className="alert alert-warning" data-testid="calib-stale">{text(lang, 'simulation.calibStale')}</p>}
          <div className="run-actions">
            <button type="button" className="primary" data-testid="calib-apply" data-applied={String(applied)} disabled={applied || running}
              onClick={() => onCommand(applyPlanCalibration(planId, c, state.basis?.observations ?? ''))}>{text(lang, 'simulation.calibApply')}</button>
          </div>
          {applied && <p className="small" role="status" data-testid="calib-applied">{text(lang, 'simulation.calibApplied')}</p>}
        </>
      )}
    </div>
  );
}
