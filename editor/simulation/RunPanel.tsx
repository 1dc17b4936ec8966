/**
 * The run form (runs, seed, rules, cadres, and an optional scenario B with its own plan and rules), the progress of
 * the run in the worker with a Cancel button that terminates it, and the results: one scenario's, or the comparison
 * of A and B with A's results under it.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { Label } from '../../engine/documents/enums.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { workspaceRulesets } from '../workspace/analyseRuleset.ts';
import { recordsOfType, type RecordId, type Records } from '../workspace/records.ts';
import { buildSimulationRequest, MAX_RUNS, type CohortChoice, type RulesetChoice } from './buildSimulationRequest.ts';
import { ComparisonView } from './ComparisonView.tsx';
import { formatFigure } from './formatStats.ts';
import { ResultView } from './ResultView.tsx';
import { useSimulationRun } from './useSimulationRun.ts';
import { text } from '../i18n/text.ts';
import '../i18n/simulationStrings.ts';

const planTitle = (doc: Record<string, unknown>, lang: Lang) => String((doc.title as Record<string, unknown> | undefined)?.[lang] ?? doc.id);

export function RunPanel({ records, planId, lang }: { records: Records; planId: RecordId; lang: Lang }) {
  const id = useId();
  const [runs, setRuns] = useState('200');
  const [seed, setSeed] = useState('2024');
  const [ruleset, setRuleset] = useState<RulesetChoice>('by-date');
  const [cohort, setCohort] = useState<CohortChoice>('plan');
  const [compare, setCompare] = useState(false);
  const [planB, setPlanB] = useState<RecordId>(planId);
  const [rulesetB, setRulesetB] = useState<RulesetChoice>('by-date');
  const [refusal, setRefusal] = useState<Label | undefined>();
  const { state, start, cancel } = useSimulationRun();
  const plans = recordsOfType(records, 'plan');
  const rulesets = workspaceRulesets(records);
  const planRecord = records.get(planId);
  const cohortCount = planRecord?.type === 'plan' ? Number((planRecord.meta.cohort as Record<string, unknown> | undefined)?.count ?? 2000) : 2000;
  const running = state.status === 'running';
  const rulesetOptions = [
    <option key="by-date" value="by-date">{text(lang, 'simulation.byDate')}</option>,
    ...rulesets.map((r) => <option key={r.id} value={r.id}>{r.ruleset.regulation.code} — {r.ruleset.id}</option>),
  ];

  // The results render only when they change, not with every progress report (several a second during a run).
  const { results, comparison, titles, cohortLabel, partial, runs: asked } = state;
  const shown = useMemo(() => (
    <>
      {comparison && <ComparisonView comparison={comparison} results={results ?? []} sides={titles} lang={lang} />}
      {results?.[0] && <ResultView result={results[0]} title={titles?.[0]} cohort={cohortLabel} lang={lang}
        {...(partial && asked !== undefined && results[0].runs < asked ? { partialOf: asked } : {})} />}
    </>
  ), [results, comparison, titles, cohortLabel, partial, asked, lang]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = /^\s*\d+\s*$/.test(runs) ? Number(runs) : NaN;
    const built = buildSimulationRequest(records, {
      a: { plan: planId, ruleset }, ...(compare ? { b: { plan: plans.some((p) => p.id === planB) ? planB : planId, ruleset: rulesetB } } : {}),
      runs: n, seed, cohort,
    }, lang);
    if (!built.ok) { setRefusal(built.reason); return; }
    setRefusal(undefined);
    start(built.request);
  };

  return (
    <section className="card sim-section" aria-labelledby={`${id}-h`} data-testid="run-panel">
      <h2 id={`${id}-h`}>{text(lang, 'simulation.run')}</h2>
      <form className="run-form" onSubmit={submit}>
        <div className="field"><label htmlFor={`${id}-runs`}>{text(lang, 'simulation.runs')}</label>
          <input id={`${id}-runs`} data-testid="run-count" type="number" min={1} max={MAX_RUNS} value={runs} onChange={(e) => setRuns(e.target.value)} /></div>
        <div className="field"><label htmlFor={`${id}-seed`}>{text(lang, 'simulation.seed')}</label>
          <input id={`${id}-seed`} type="text" data-testid="run-seed" value={seed} onChange={(e) => setSeed(e.target.value)} /></div>
        <div className="field"><label htmlFor={`${id}-rs`}>{text(lang, 'simulation.ruleset')}</label>
          <select id={`${id}-rs`} data-testid="run-ruleset" value={ruleset} onChange={(e) => setRuleset(e.target.value)}>{rulesetOptions}</select></div>
        <div className="field"><label htmlFor={`${id}-cohort`}>{text(lang, 'simulation.cohort')}</label>
          <select id={`${id}-cohort`} data-testid="run-cohort" value={cohort} onChange={(e) => setCohort(e.target.value as CohortChoice)}>
            <option value="plan">{text(lang, 'simulation.cohortPlan', { n: formatFigure(cohortCount, lang) })}</option>
            <option value="sample">{text(lang, 'simulation.cohortSample')}</option>
          </select></div>
        <div className="field field-inline run-compare">
          <input id={`${id}-cmp`} type="checkbox" data-testid="run-compare" checked={compare} onChange={(e) => setCompare(e.target.checked)} />
          <label htmlFor={`${id}-cmp`}>{text(lang, 'simulation.compare')}</label>
        </div>
        {compare && (
          <fieldset className="run-b">
            <legend>{text(lang, 'simulation.scenarioB')}</legend>
            <div className="field"><label htmlFor={`${id}-planb`}>{text(lang, 'simulation.planB')}</label>
              <select id={`${id}-planb`} data-testid="run-plan-b" value={planB} onChange={(e) => setPlanB(e.target.value)}>
                {plans.map((p) => <option key={p.id} value={p.id}>{planTitle(p.meta, lang)}</option>)}
              </select></div>
            <div className="field"><label htmlFor={`${id}-rsb`}>{text(lang, 'simulation.rulesetB')}</label>
              <select id={`${id}-rsb`} data-testid="run-ruleset-b" value={rulesetB} onChange={(e) => setRulesetB(e.target.value)}>{rulesetOptions}</select></div>
          </fieldset>
        )}
        <div className="run-actions">
          <button type="submit" className="primary" data-testid="run-start" disabled={running}>{compare ? text(lang, 'simulation.startCompare') : text(lang, 'simulation.start')}</button>
          <button type="button" data-testid="run-cancel" disabled={!running} onClick={cancel}>{text(lang, 'simulation.cancel')}</button>
        </div>
      </form>
      {refusal && <div className="alert alert-warning" role="alert" data-testid="run-refusal">{refusal[lang]}</div>}
      <div className="run-progress" data-testid="run-progress" data-status={state.status} data-done={state.done} data-total={state.total} aria-live="polite">
        {state.status !== 'idle' && (
          <>
            <progress max={Math.max(1, state.total)} value={state.done} aria-label={text(lang, 'simulation.progress')} />
            <span>{state.status === 'running' && state.done === 0 ? text(lang, 'simulation.preparing') : text(lang, 'simulation.runsDone', { done: state.done, total: state.total })}</span>
          </>
        )}
        {state.status === 'cancelled' && <p className="muted" data-testid="run-cancelled">{text(lang, 'simulation.cancelled')}</p>}
        {state.status === 'error' && <p className="alert alert-error" role="alert">{text(lang, 'simulation.failed', { message: state.error ?? '' })}</p>}
      </div>
      {shown}
    </section>
  );
}
