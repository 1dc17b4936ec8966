/**
 * The full run of a class of `learners` cadres from the sample cohort, as the steps a user takes in the run panel
 * ("Chạy thử một lớp"): for each, the event chosen, the date typed (DD/MM/YYYY) and the payload fields filled. The
 * plan is rehearsed here on the engine with the workspace's documents and the shipped rulesets (what the page
 * uses), so only learners whose dossiers pass are given attendance and exams, and the run must end graduated.
 */
import { createBuiltinChecker } from '../../engine/builtin.ts';
import { formatDate } from '../../engine/documents/dates.ts';
import type { ClassContext } from '../../engine/lifecycle/context.ts';
import { createCompiledEvaluator } from '../../engine/rules/compile/createCompiledEvaluator.ts';
import { classState, replayRun, runnableLifecycle, sendEvent, startRun, type RunState } from '../../editor/lifecycles/run/classRunModel.ts';
import type { Sample } from '../../editor/check/samples.ts';
import type { WorkspaceDocument } from '../../editor/workspace/workspaceDocument.ts';
import { CLASS_RECORD } from './lifecycleWorkspaces.ts';

/** One send in the run panel: the event, its date as typed, and the payload fields as the panel's inputs take them. */
export interface PlanStep {
  event: string;
  /** DD/MM/YYYY, as typed in the date field. */
  at: string;
  /** `level`/`mode` select values. */
  selects?: Record<string, string>;
  /** Index of the sample in the profile list (option 0 is "—"). */
  profileOption?: number;
  /** Text typed in the learner id, attendance or scores field. */
  texts?: Record<string, string>;
}

export interface RunPlan { steps: PlanStep[]; admitted: number; rejected: number; graduates: number; finalState: string }

export function classRunPlan(workspace: WorkspaceDocument): RunPlan {
  const checker = createBuiltinChecker({ evaluator: createCompiledEvaluator });
  const records = new Map(workspace.records.map((r) => [r.id, r]));
  const runnable = runnableLifecycle(records, CLASS_RECORD, (p, n) => checker.checkSync(p, n));
  if (!runnable.ok) throw new Error(`the class lifecycle does not run: ${runnable.diagnostics.map((d) => d.messageEn).join('; ')}`);
  const lc = runnable.lc;
  const samplesRecord = records.get('cadres:samples');
  const samples: Sample[] = samplesRecord?.type === 'cadres' ? [...samplesRecord.items] : [];
  const steps: PlanStep[] = [];
  let run: RunState = startRun(lc);
  const send = (step: PlanStep, event: Record<string, unknown>) => {
    steps.push(step);
    run = sendEvent(lc, run, { type: step.event, at: `${step.at.slice(6)}-${step.at.slice(3, 5)}-${step.at.slice(0, 2)}`, ...event });
  };
  const learners = () => (run.run.snapshot.context as ClassContext).learners;
  const inState = (s: string) => learners().filter((l) => l.state === s).map((l) => l.context.id);

  send({ event: 'APPROVE', at: '21/02/2024', selects: { level: 'intermediate', mode: 'full-time' } }, { level: 'intermediate', mode: 'full-time' });
  send({ event: 'OPEN_RECRUITMENT', at: '01/03/2024' }, {});
  samples.forEach((s, i) => send({ event: 'NOMINATE', at: '05/03/2024', profileOption: i + 1 }, { profile: s.profile, learnerId: s.profile.id }));
  send({ event: 'CLOSE_RECRUITMENT', at: '10/04/2024' }, {});
  for (const id of inState('screening')) send({ event: 'SCREEN', at: '15/04/2024', texts: { learnerId: id } }, { learnerId: id });
  const admitted = inState('admitted').length;
  const rejected = inState('rejected').length;
  send({ event: 'CONVENE', at: '06/05/2024' }, {});
  send({ event: 'OPEN', at: '16/05/2024' }, {});
  for (const id of inState('studying')) send({ event: 'RECORD_ATTENDANCE', at: '01/11/2024', texts: { learnerId: id, percent: '95' } }, { learnerId: id, percent: 95 });
  send({ event: 'START_EXAMS', at: '18/11/2024' }, {});
  for (const id of inState('exam-eligible')) send({ event: 'RECORD_EXAM', at: '20/11/2024', texts: { learnerId: id, scores: '8; 7.5; 9' } }, { learnerId: id, scores: [8, 7.5, 9] });
  send({ event: 'FINISH_EXAMS', at: '29/11/2024' }, {});
  send({ event: 'GRADUATE', at: '20/12/2024' }, {});

  const finalState = classState(run);
  if (run.rejected.length > 0) throw new Error(`the plan has refused steps: ${run.rejected.map((r) => `${r.event} ${r.reasonEn}`).slice(0, 3).join('; ')}`);
  if (finalState !== 'graduated') throw new Error(`the plan ends in ${finalState}, not graduated`);
  if (classState(replayRun(lc, run.events)) !== finalState) throw new Error('the plan does not replay to the same end');
  for (const s of steps) if (formatDate(`${s.at.slice(6)}-${s.at.slice(3, 5)}-${s.at.slice(0, 2)}`) !== s.at) throw new Error(`date ${s.at} is not DD/MM/YYYY`);
  return { steps, admitted, rejected, graduates: inState('diploma-issued').length + inState('graduated').length, finalState };
}
