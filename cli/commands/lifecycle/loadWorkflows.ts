/**
 * Reads the lifecycle documents a `llct lifecycle` sub-command works on: `--workflow F` (a class or a learner
 * lifecycle) and `--learner-workflow F`, the shipped defaults otherwise. Every document is loaded through
 * parse → migrate → validate; diagnostics carry the file name.
 */
import { hasErrors, type Diagnostic } from '../../../engine/diagnostics/Diagnostic.ts';
import { LIFECYCLE_KIND, type Lifecycle } from '../../../engine/documents/lifecycle.ts';
import type { Ruleset } from '../../../engine/documents/ruleset.ts';
import { loadDocument } from '../../../engine/documents/loadDocument.ts';
import { BUILTIN_LIFECYCLE_JSON } from '../../../engine/lifecycle/builtinLifecycles.ts';
import { builtinDocuments } from '../../../engine/builtin.ts';
import { createLifecycleRegistry } from '../../../engine/lifecycle/createLifecycleRegistry.ts';
import { validateLifecycle } from '../../../engine/lifecycle/validateLifecycle.ts';
import { readJson } from '../../readFiles.ts';

export interface WorkflowReport { file: string; diagnostics: Diagnostic[]; doc?: Lifecycle }

export interface Workflows {
  /** One report per document read, in order: the class lifecycle (when any), then the learner lifecycle. */
  reports: WorkflowReport[];
  classLifecycle?: Lifecycle;
  learnerLifecycle?: Lifecycle;
  ok: boolean;
}

async function read(cwd: string, file: string | undefined, builtin: string): Promise<WorkflowReport> {
  const name = file ?? `rulesets/lifecycles/${builtin}.json`;
  let raw: unknown = BUILTIN_LIFECYCLE_JSON[builtin];
  if (file !== undefined) {
    const j = await readJson(cwd, file);
    if (!j.ok) return { file: name, diagnostics: [j.diagnostic] };
    raw = j.value;
  }
  const loaded = loadDocument(LIFECYCLE_KIND, raw);
  return loaded.ok
    ? { file: name, diagnostics: loaded.diagnostics.map((d) => ({ ...d, file: name })), doc: loaded.value }
    : { file: name, diagnostics: loaded.diagnostics.map((d) => ({ ...d, file: name })) };
}

/**
 * `rulesets`: what guards are judged against (an eligible guard for a level no rule covers…) — the files of
 * `--ruleset` when given, the shipped rulesets otherwise.
 */
export async function loadWorkflows(cwd: string, workflow: string | undefined, learnerWorkflow: string | undefined, rulesets: readonly Ruleset[] = builtinDocuments().rulesets): Promise<Workflows> {
  const registry = createLifecycleRegistry();
  const options = { registry, rulesets };
  const first = await read(cwd, workflow, 'class-default');
  const reports: WorkflowReport[] = [first];
  let classReport: WorkflowReport | undefined = first;
  let learnerReport: WorkflowReport | undefined;
  if (first.doc?.subject === 'learner') {
    classReport = undefined;
    learnerReport = first;
    if (learnerWorkflow !== undefined) {
      const extra = await read(cwd, learnerWorkflow, 'learner-default');
      if (extra.doc) extra.diagnostics.push(...validateLifecycle(extra.doc, options).map((d) => ({ ...d, file: extra.file })));
      reports.push(extra);
    }
  } else {
    learnerReport = await read(cwd, learnerWorkflow, 'learner-default');
    reports.push(learnerReport);
  }
  if (learnerReport?.doc) {
    learnerReport.diagnostics.push(...validateLifecycle(learnerReport.doc, options).map((d) => ({ ...d, file: learnerReport.file })));
  }
  if (classReport?.doc) {
    const learnerLifecycle = learnerReport?.doc?.subject === 'learner' ? learnerReport.doc : undefined;
    classReport.diagnostics.push(...validateLifecycle(classReport.doc, { ...options, ...(learnerLifecycle ? { learnerLifecycle } : {}) })
      .map((d) => ({ ...d, file: classReport.file })));
  }
  const ok = reports.every((r) => r.doc !== undefined && !hasErrors(r.diagnostics));
  return {
    reports, ok,
    ...(classReport?.doc ? { classLifecycle: classReport.doc } : {}),
    ...(learnerReport?.doc ? { learnerLifecycle: learnerReport.doc } : {}),
  };
}
