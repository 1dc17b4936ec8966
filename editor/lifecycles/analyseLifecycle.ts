/**
 * Diagnostics of a workspace lifecycle as the CLI gives them (`llct lifecycle validate`): the schema, then the
 * lifecycle checks, a class lifecycle checked with the learner lifecycle it names when that one loads.
 */
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { LIFECYCLE_KIND } from '../../engine/documents/lifecycle.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { createLifecycleRegistry } from '../../engine/lifecycle/createLifecycleRegistry.ts';
import { loadLifecycle } from '../../engine/lifecycle/loadLifecycle.ts';
import { rulesetsByDate } from '../workspace/analyseRuleset.ts';
import { toLifecycle } from '../workspace/lifecycleRecords.ts';
import { recordsOfType, type RecordId, type Records } from '../workspace/records.ts';

const registry = createLifecycleRegistry();

export function lifecycleDiagnostics(records: Records, recordId: RecordId): Diagnostic[] {
  const record = records.get(recordId);
  if (record?.type !== 'lifecycle') return [];
  const learnerId = record.meta.subject === 'class' ? record.meta.learnerLifecycle : undefined;
  const learnerRecord = typeof learnerId === 'string' ? recordsOfType(records, 'lifecycle').find((r) => r.meta.id === learnerId) : undefined;
  const learner = learnerRecord ? loadDocument(LIFECYCLE_KIND, toLifecycle(records, learnerRecord.id).doc) : undefined;
  // Guards are judged against the workspace's rulesets as edited (an eligible guard for a level no rule covers…).
  return loadLifecycle(toLifecycle(records, recordId).doc, { registry, rulesets: rulesetsByDate(records), ...(learner?.ok ? { learnerLifecycle: learner.value } : {}) }).diagnostics;
}
