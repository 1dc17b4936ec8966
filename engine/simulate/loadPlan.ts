/**
 * Load = parse → migrate → validate for plan documents: the schema through `loadDocument` (unknown keys with "did you
 * mean"), then `validatePlan`. `ok` is false when any diagnostic is an error; warnings come back with the plan.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/Diagnostic.ts';
import { validatePlan, type ValidatePlanOptions } from '../diagnostics/validatePlan.ts';
import { loadDocument, type LoadResult } from '../documents/loadDocument.ts';
import { PLAN_KIND, type Plan } from '../documents/plan.ts';

export function loadPlan(raw: unknown, options: ValidatePlanOptions): LoadResult<Plan> {
  const loaded = loadDocument(PLAN_KIND, raw);
  if (!loaded.ok) return loaded;
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...validatePlan(loaded.value, options)];
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ...loaded, diagnostics };
}
