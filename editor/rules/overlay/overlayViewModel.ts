/**
 * The overlay view's model: the base ruleset's rules with what an overlay does to each on a date — inherited,
 * replaced, disabled, its threshold changed (old → new) — and the rules it adds in the place they take, each change
 * with its decision, its applies-from date and whether it is in force on that date. Pure (no React): tested in Node.
 *
 * "In force" is the engine's own reading (`changesInForce`: the change has started and its decision applies); the
 * jurisdiction is not looked at here (the view shows the overlay for the province it names).
 */
import { leafAt } from '../../../engine/overlays/applyChanges.ts';
import { changesInForce } from '../../../engine/overlays/resolveOverlays.ts';
import { changeDecision, type Overlay, type OverlayChange } from '../../../engine/documents/overlay.ts';
import type { Label } from '../../../engine/documents/enums.ts';
import type { Rule, Ruleset } from '../../../engine/documents/ruleset.ts';

/** What a row is on the date: `pending` is an added rule whose change has not started yet. */
export type OverlayRowStatus = 'inherited' | 'replaced' | 'disabled' | 'threshold' | 'added' | 'pending';

export interface OverlayChangeView {
  /** Its position in `overlay.changes`. */
  index: number;
  op: OverlayChange['op'];
  /** The decision as written (`10-QĐ/TU`), its id when the overlay does not have it. */
  decision: string;
  illustrative: boolean;
  /** ISO date the change applies from. */
  appliesFrom: string;
  inForce: boolean;
  note?: string;
  /** A threshold change: the fact, the base's value now and the overlay's. */
  threshold?: { fact: string; before: unknown; after: unknown };
}

export interface OverlayRow {
  ruleId: string;
  /** The rule as the base has it (an added rule: as the overlay adds it). */
  rule: Rule;
  /** The rule's title on the date (a threshold change or a replacement may retitle it). */
  title: Label;
  status: OverlayRowStatus;
  /** Every change of the overlay on this rule, in the overlay's order. */
  changes: OverlayChangeView[];
}

export interface OverlayViewModel {
  rows: OverlayRow[];
  /** Changes in force on the date, of all. */
  inForce: number;
  total: number;
  /** Changes naming a rule the base does not have (their diagnostics say so). */
  orphans: OverlayChangeView[];
}

const targetOf = (c: OverlayChange): string => (c.op === 'add' || c.op === 'replace' ? c.rule.id : c.rule);

/** The model of `overlay` over `base` on `on` (ISO date). */
export function overlayViewModel(overlay: Overlay, base: Ruleset, on: string): OverlayViewModel {
  const inForce = new Set(changesInForce(overlay, on).map((r) => r.index));
  const views = overlay.changes.map((change, index): OverlayChangeView => {
    const d = changeDecision(overlay, change);
    const baseRule = base.rules.find((r) => r.id === targetOf(change));
    const leaf = change.op === 'threshold' && baseRule ? leafAt(baseRule.conditions, change.at) : undefined;
    return {
      index, op: change.op, decision: d?.number ?? change.decision,
      illustrative: overlay.illustrative === true || d?.illustrative === true,
      appliesFrom: change.appliesFrom, inForce: inForce.has(index),
      ...(change.note !== undefined ? { note: change.note } : {}),
      ...(change.op === 'threshold' ? { threshold: { fact: change.expects.fact, before: leaf ? leaf.value : change.expects.value, after: change.value } } : {}),
    };
  });
  const rows: OverlayRow[] = base.rules.map((rule) => ({ ruleId: rule.id, rule, title: rule.title, status: 'inherited', changes: [] }));
  const orphans: OverlayChangeView[] = [];
  overlay.changes.forEach((change, i) => {
    const view = views[i]!;
    if (change.op === 'add') {
      if (rows.some((r) => r.ruleId === change.rule.id)) { orphans.push(view); return; }
      const row: OverlayRow = { ruleId: change.rule.id, rule: change.rule, title: change.rule.title, status: view.inForce ? 'added' : 'pending', changes: [view] };
      const at = change.before === undefined ? -1 : rows.findIndex((r) => r.ruleId === change.before);
      if (at < 0) rows.push(row); else rows.splice(at, 0, row);
      return;
    }
    const row = rows.find((r) => r.ruleId === targetOf(change) && r.status !== 'pending' && r.status !== 'added');
    if (!row) { orphans.push(view); return; }
    row.changes.push(view);
  });
  for (const row of rows) {
    if (row.status === 'added' || row.status === 'pending') continue;
    // The last change in force decides what the rule is on the date (a disable wins over anything before it).
    const active = row.changes.filter((c) => c.inForce);
    const last = active[active.length - 1];
    if (!last) continue;
    row.status = active.some((c) => c.op === 'disable') ? 'disabled' : last.op === 'replace' ? 'replaced' : 'threshold';
    const change = overlay.changes[last.index]!;
    if (change.op === 'replace') row.title = change.rule.title;
    else if (change.op === 'threshold' && change.title) row.title = change.title;
  }
  return { rows, inForce: inForce.size, total: overlay.changes.length, orphans };
}
