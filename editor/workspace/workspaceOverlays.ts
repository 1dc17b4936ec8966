/**
 * The workspace's overlays as the engine reads them: each record's document loaded as `llct/ruleset-overlay`, with
 * its diagnostics against the workspace's rulesets (`validateOverlay`: unknown rules, a base that changed since the
 * overlay was written, dates…). Pure; results are remembered per record and base list (records are immutable).
 */
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { OVERLAY_KIND, type Overlay } from '../../engine/documents/overlay.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { loadOverlay } from '../../engine/overlays/validateOverlay.ts';
import type { Catalogues } from './analyseRuleset.ts';
import { recordsOfType, type OverlayRecord, type RecordId, type Records } from './records.ts';

export interface WorkspaceOverlay {
  id: RecordId;
  /** The overlay when its document passes the schema (it may still have diagnostics against its base). */
  overlay?: Overlay;
  diagnostics: Diagnostic[];
  /** Whether the engine may apply it: it passes the schema and has no error against its base. */
  usable: boolean;
}

const memo = new WeakMap<OverlayRecord, { bases: readonly Ruleset[]; out: WorkspaceOverlay }>();

/** One overlay record read against `bases` (the rulesets it may extend). */
export function readOverlayRecord(record: OverlayRecord, bases: readonly Ruleset[], catalogues: Catalogues): WorkspaceOverlay {
  const hit = memo.get(record);
  if (hit && hit.bases.length === bases.length && hit.bases.every((b, i) => b === bases[i])) return hit.out;
  const file = `${String(record.doc.id ?? record.id)}.json`;
  const shaped = loadDocument(OVERLAY_KIND, record.doc);
  const checked = loadOverlay(record.doc, { bases, institutions: catalogues.institutions, positions: catalogues.positions, file });
  const out: WorkspaceOverlay = {
    id: record.id,
    ...(shaped.ok ? { overlay: shaped.value } : {}),
    diagnostics: checked.diagnostics,
    usable: checked.ok,
  };
  memo.set(record, { bases, out });
  return out;
}

/** Every overlay of the workspace, in record-id order. */
export function workspaceOverlays(records: Records, bases: readonly Ruleset[], catalogues: Catalogues): WorkspaceOverlay[] {
  return recordsOfType(records, 'overlay').map((r) => readOverlayRecord(r, bases, catalogues));
}
