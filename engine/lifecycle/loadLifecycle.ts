/**
 * Load = parse → migrate → validate for lifecycle documents: the schema (through `loadDocument`), then the
 * lifecycle checks of `validateLifecycle`. `ok` is false when any diagnostic is an error; warnings (assumed
 * parameters, unreachable states) come back with the document.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/Diagnostic.ts';
import { LIFECYCLE_KIND, type Lifecycle } from '../documents/lifecycle.ts';
import { loadDocument, type LoadResult } from '../documents/loadDocument.ts';
import { validateLifecycle, type ValidateOptions } from './validateLifecycle.ts';

export function loadLifecycle(raw: unknown, options: ValidateOptions): LoadResult<Lifecycle> {
  const loaded = loadDocument(LIFECYCLE_KIND, raw);
  if (!loaded.ok) return loaded;
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...validateLifecycle(loaded.value, options)];
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ...loaded, diagnostics };
}
