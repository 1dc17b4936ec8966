/**
 * Loading overlay files (`--overlay FILE`, a golden case file's `overlays`): read, parse, check against the rulesets
 * they may extend (the shipped ones unless the command was given others), and refuse any with an error.
 */
import { builtinCatalogues, builtinDocuments } from '../engine/builtin.ts';
import { hasErrors, type Diagnostic } from '../engine/diagnostics/Diagnostic.ts';
import type { Overlay } from '../engine/documents/overlay.ts';
import type { Ruleset } from '../engine/documents/ruleset.ts';
import { loadOverlay } from '../engine/overlays/validateOverlay.ts';
import { readJson } from './readFiles.ts';

export type OverlayFilesLoad = { ok: true; overlays: Overlay[]; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Loads `files` in order; `bases`: the rulesets they may extend (default: the shipped ones). Any error fails the load. */
export async function loadOverlayFiles(cwd: string, files: readonly string[], bases: readonly Ruleset[] = builtinDocuments().rulesets): Promise<OverlayFilesLoad> {
  const overlays: Overlay[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const j = await readJson(cwd, file);
    if (!j.ok) { diagnostics.push(j.diagnostic); continue; }
    const loaded = loadOverlay(j.value, { ...builtinCatalogues(), bases, file });
    diagnostics.push(...loaded.diagnostics);
    if (loaded.ok) overlays.push(loaded.overlay);
  }
  return hasErrors(diagnostics) ? { ok: false, diagnostics } : { ok: true, overlays, diagnostics };
}
