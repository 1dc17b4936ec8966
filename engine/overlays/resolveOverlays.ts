/**
 * The effective ruleset for a nomination date and a workplace: the base in force (chosen by the caller, as
 * `selectRuleset` does by date) with the changes of the overlays in force layered over it. Overlays are resolved
 * BEFORE evaluation: the result is a plain ruleset (same id and regulation as the base) whose rules carry their
 * `layer`, so any evaluator — the compiled one or json-rules-engine — judges it unchanged.
 */
import type { Diagnostic } from '../diagnostics/Diagnostic.ts';
import { compareDates } from '../documents/dates.ts';
import { decisionAppliesOn, type Decision } from '../documents/decision.ts';
import { changeDecision, type Overlay } from '../documents/overlay.ts';
import type { Label } from '../documents/enums.ts';
import type { Ruleset } from '../documents/ruleset.ts';
import { applyChanges, type ChangeRef } from './applyChanges.ts';
import { matchesJurisdiction, type Workplace } from './matchesJurisdiction.ts';

/** An overlay that applies to the date and workplace, and how many of its changes are in force. */
export interface AppliedOverlay {
  id: string;
  title: Label;
  illustrative?: true;
  /** The decisions of the changes in force (each once, in the overlay's order); all applying decisions when none is. */
  decisions: Array<Pick<Decision, 'id' | 'number' | 'signedOn' | 'appliesFrom'> & { illustrative?: true }>;
  /** Changes in force on the date (0: the overlay applies but none of its changes has started yet). */
  changes: number;
}

export interface OverlayResolution {
  /** The base itself when no overlay applies; else a new ruleset whose every rule carries its `layer`. */
  ruleset: Ruleset;
  applied: AppliedOverlay[];
  /** Problems met while layering (a change naming a rule the base does not have…); warnings. */
  diagnostics: Diagnostic[];
}

/** Whether an overlay extends `base`, covers the workplace (always, when none is given) and has a decision in force. */
export function overlayApplies(overlay: Overlay, base: Pick<Ruleset, 'id'>, on: string, workplace?: Workplace): boolean {
  return overlay.extends === base.id
    && (workplace === undefined || matchesJurisdiction(overlay.jurisdiction, workplace))
    && overlay.decisions.some((d) => decisionAppliesOn(d, on));
}

/** The changes of `overlay` in force on `on`: started, under a decision in force; in applies-from order (stable). */
export function changesInForce(overlay: Overlay, on: string): ChangeRef[] {
  const refs: ChangeRef[] = [];
  overlay.changes.forEach((change, index) => {
    const d = changeDecision(overlay, change);
    if (d && decisionAppliesOn(d, on) && compareDates(change.appliesFrom, on) <= 0) refs.push({ overlay, change, index });
  });
  return refs.sort((a, b) => compareDates(a.change.appliesFrom, b.change.appliesFrom) || a.index - b.index);
}

function applied(overlay: Overlay, refs: readonly ChangeRef[], on: string): AppliedOverlay {
  const ids = new Set(refs.map((r) => r.change.decision));
  const decisions = overlay.decisions.filter((d) => (ids.size > 0 ? ids.has(d.id) : decisionAppliesOn(d, on)));
  return {
    id: overlay.id, title: overlay.title, ...(overlay.illustrative ? { illustrative: true as const } : {}),
    decisions: decisions.map((d) => ({ id: d.id, number: d.number, signedOn: d.signedOn, appliesFrom: d.appliesFrom, ...(d.illustrative ? { illustrative: true as const } : {}) })),
    changes: refs.length,
  };
}

/**
 * Resolves `overlays` over `base` for a nomination dated `on` (ISO) at `workplace` (the cadre's province as it
 * stands on that date, and agency). Without `workplace`, every overlay extending the base applies (the caller chose
 * them: a review, a what-if). Overlays are layered in the given order, each one's changes in applies-from order.
 * Pure; the base and overlays are not changed.
 */
export function resolveOverlays(base: Ruleset, overlays: readonly Overlay[], on: string, workplace?: Workplace): OverlayResolution {
  const matching = overlays.filter((o) => overlayApplies(o, base, on, workplace));
  if (matching.length === 0) return { ruleset: base, applied: [], diagnostics: [] };
  const perOverlay = matching.map((o) => changesInForce(o, on));
  const layered = applyChanges(base, perOverlay.flat());
  return {
    ruleset: { ...base, rules: layered.rules },
    applied: matching.map((o, i) => applied(o, perOverlay[i]!, on)),
    diagnostics: layered.diagnostics,
  };
}
