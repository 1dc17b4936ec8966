/**
 * The class and learner lifecycles a simulation in the page follows: the workspace's (as edited in the Quy trình lớp
 * tab), loaded as the CLI loads lifecycle files. The class lifecycle is `lifecycle:class-default`, or the first class
 * lifecycle of the workspace; its learner lifecycle is the one it names. Pure.
 */
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { Lifecycle } from '../../engine/documents/lifecycle.ts';
import { createLifecycleRegistry } from '../../engine/lifecycle/createLifecycleRegistry.ts';
import { loadLifecycle } from '../../engine/lifecycle/loadLifecycle.ts';
import { toLifecycle } from '../workspace/lifecycleRecords.ts';
import { recordsOfType, type Records } from '../workspace/records.ts';

const registry = createLifecycleRegistry();

export type SimulationLifecycles =
  | { ok: true; classLifecycle: Lifecycle; learnerLifecycle: Lifecycle }
  | { ok: false; diagnostics: Diagnostic[] };

export function workspaceLifecycles(records: Records): SimulationLifecycles {
  const all = recordsOfType(records, 'lifecycle');
  const cls = all.find((r) => r.id === 'lifecycle:class-default' && r.meta.subject === 'class') ?? all.find((r) => r.meta.subject === 'class');
  const learnerRecord = cls ? all.find((r) => r.meta.id === cls.meta.learnerLifecycle) : undefined;
  if (!cls || !learnerRecord) return { ok: false, diagnostics: [] };
  const learner = loadLifecycle(toLifecycle(records, learnerRecord.id).doc, { registry });
  if (!learner.ok) return { ok: false, diagnostics: learner.diagnostics };
  const loaded = loadLifecycle(toLifecycle(records, cls.id).doc, { registry, learnerLifecycle: learner.value });
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  return { ok: true, classLifecycle: loaded.value, learnerLifecycle: learner.value };
}
