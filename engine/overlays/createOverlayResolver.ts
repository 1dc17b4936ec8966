/**
 * `resolveOverlays` for a checker: one effective ruleset object per distinct set of changes in force, so that the
 * evaluator compiled for it (cached by ruleset identity) serves every cadre that set applies to. Remembered per
 * base, date and workplace as the overlays tell workplaces apart (province key, folded agency — each part only
 * when some overlay names one); the memos are bounded (`MAX_REMEMBERED`) and owned by the resolver (no module state).
 */
import type { Overlay } from '../documents/overlay.ts';
import type { Ruleset } from '../documents/ruleset.ts';
import { foldVietnamese, provinceKey } from '../rules/provinces.ts';
import type { Workplace } from './matchesJurisdiction.ts';
import { changesInForce, overlayApplies, resolveOverlays, type OverlayResolution } from './resolveOverlays.ts';

/** Distinct keys (and folded spellings) remembered; past this a memo starts over. */
const MAX_REMEMBERED = 10_000;

export type OverlayResolver = (base: Ruleset, on: string, workplace: Workplace) => OverlayResolution;

/** `fn` remembered by its input text, at most `MAX_REMEMBERED` inputs at a time. */
function memoText(fn: (text: string) => string): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      out = fn(text);
      if (memo.size >= MAX_REMEMBERED) memo.clear();
      memo.set(text, out);
    }
    return out;
  };
}

export function createOverlayResolver(overlays: readonly Overlay[]): OverlayResolver {
  const byProvince = overlays.some((o) => o.jurisdiction.province !== undefined);
  const byAgency = overlays.some((o) => o.jurisdiction.agency !== undefined);
  const province = memoText(provinceKey);
  const agency = memoText(foldVietnamese);
  const byInput = new Map<string, OverlayResolution>();
  const byChanges = new Map<string, OverlayResolution>();
  const perBase = new WeakMap<Ruleset, { id: number; overlays: readonly Overlay[]; alone: OverlayResolution }>();
  let nextId = 0;
  return (base, on, workplace) => {
    let b = perBase.get(base);
    if (!b) {
      b = { id: nextId++, overlays: overlays.filter((o) => o.extends === base.id), alone: { ruleset: base, applied: [], diagnostics: [] } };
      perBase.set(base, b);
    }
    if (b.overlays.length === 0) return b.alone;
    const p = byProvince && workplace.province ? province(workplace.province) : '';
    const a = byAgency && workplace.agency ? agency(workplace.agency) : '';
    const input = `${b.id}|${on}|${p}|${a}`;
    const known = byInput.get(input);
    if (known) return known;
    // What the resolution depends on: which overlays apply and which of their changes are in force.
    const key = `${b.id}|${b.overlays.map((o, i) => (overlayApplies(o, base, on, workplace) ? `${i}:${changesInForce(o, on).map((c) => c.index).join(',')}` : '')).join(';')}`;
    let resolution = byChanges.get(key);
    if (!resolution) {
      resolution = resolveOverlays(base, b.overlays, on, workplace);
      if (byChanges.size >= MAX_REMEMBERED) byChanges.clear();
      byChanges.set(key, resolution);
    }
    if (byInput.size >= MAX_REMEMBERED) byInput.clear();
    byInput.set(input, resolution);
    return resolution;
  };
}
