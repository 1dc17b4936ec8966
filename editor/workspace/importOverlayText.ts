/**
 * Reading an overlay file the user imports (`llct/ruleset-overlay`, the file `llct check --overlay` takes). Pure: the
 * caller adds it only when `ok`. Refused when it does not read as an overlay (JSON, forbidden keys, the schema);
 * its diagnostics against its base (a rule the base no longer has, a base that changed) come along as warnings and
 * show in the overlay's diagnostics, since they are what the user imports it to see.
 */
import { diagnostic, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { OVERLAY_KIND } from '../../engine/documents/overlay.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { validateOverlay } from '../../engine/overlays/validateOverlay.ts';
import type { Catalogues } from './analyseRuleset.ts';
import { parseImportText, type ImportResult } from './importFiles.ts';
import { findForbiddenKey } from './workspaceDocument.ts';

/** An overlay file, as written (`value`), with its diagnostics against `bases` as `warnings`. */
export function importOverlayText(text: string, file: string, bases: readonly Ruleset[], catalogues: Catalogues): ImportResult<Record<string, unknown> & { id: string }> {
  const p = parseImportText(text, file);
  if (!p.ok) return p;
  const forbidden = findForbiddenKey(p.value);
  if (forbidden) {
    const key = String(forbidden[forbidden.length - 1]);
    return { ok: false, diagnostics: [{ ...diagnostic('import/forbidden-key', 'error', forbidden.join('.'), { vi: `Khoá bị cấm "${key}" trong tệp.`, en: `Forbidden key "${key}" in the file.` }), file }] };
  }
  const loaded = loadDocument(OVERLAY_KIND, p.value);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics.map((d): Diagnostic => ({ ...d, file })) };
  const warnings = validateOverlay(p.value, { bases, institutions: catalogues.institutions, positions: catalogues.positions, file }).filter((d) => d.severity !== 'info');
  return { ok: true, value: p.value as Record<string, unknown> & { id: string }, warnings };
}
