/**
 * `resolveOverlays` for a checker: one effective ruleset object per distinct set of changes in force, so that the
 * evaluator compiled for it (cached by ruleset identity) serves every cadre that set applies to. Remembered per
 * date and workplace; the memo is bounded (see `MAX_REMEMBERED`) and owned by the resolver (no module state).
 */
import type { Overlay } from '../documents/overlay.ts';
import type { Ruleset } from '../documents/ruleset.ts';
import { foldVietnamese, provinceKey } from '../rules/provinces.ts';
import type { Workplace } from './matchesJurisdiction.ts';
import { changesInForce, overlayApplies, resolveOverlays, type OverlayResolution } from './resolveOverlays.ts';

/** Distinct (base, date, workplace) keys remembered; past this the memo starts over. */
const MAX_REMEMBERED = 10_000;

export type OverlayResolver = (base: Ruleset, on: string, workplace: Workplace) => OverlayResolution;

export function createOverlayResolver(overlays: readonly Overlay[]): OverlayResolver {
  const byInput = new Map<string, OverlayResolution>();
  const byChanges = new Map<string, OverlayResolution>();
  const ids = new WeakMap<Ruleset, number>();
  let nextId = 0;
  const idOf = (r: Ruleset) => { let n = ids.get(r); if (n === undefined) { n = nextId++; ids.set(r, n); } return n; };
  return (base, on, workplace) => {
    const input = `${idOf(base)}|${on}|${workplace.province ? provinceKey(workplace.province) : ''}|${workplace.agency ? foldVietnamese(workplace.agency) : ''}`;
    const known = byInput.get(input);
    if (known) return known;
    // What the resolution depends on: which overlays apply and which of their changes are in force.
    const key = `${idOf(base)}|${overlays.map((o, i) => (overlayApplies(o, base, on, workplace) ? `${i}:${changesInForce(o, on).map((c) => c.index).join(',')}` : '')).join(';')}`;
    let resolution = byChanges.get(key);
    if (!resolution) {
      resolution = resolveOverlays(base, overlays, on, workplace);
      if (byChanges.size >= MAX_REMEMBERED) byChanges.clear();
      byChanges.set(key, resolution);
    }
    if (byInput.size >= MAX_REMEMBERED) byInput.clear();
    byInput.set(input, resolution);
    return resolution;
  };
}
