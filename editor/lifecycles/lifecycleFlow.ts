/**
 * A lifecycle document as a graph for the canvas, pure: one node per state (initial and final marked), one edge per
 * pair of states a transition joins (its label lists the events, with a mark when guarded), and transitions that stay
 * in their state listed on the state's node. Positions come from the workspace layout; states without one are laid
 * out by the canvases' `layoutGraph` (left to right), so a new state appears next to its neighbours without moving
 * the placed ones.
 * Diagnostics (paths as segments) are given to the state or transition they concern.
 */
import { layoutGraph } from '../canvas/layoutGraph.ts';
import type { Placer } from '../canvas/planDrag.ts';
import { worstSeverity as worst } from '../canvas/severity.ts';
import type { Diagnostic, Severity } from '../../engine/diagnostics/Diagnostic.ts';
import type { Label } from '../../engine/documents/enums.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { lifecycleNodeForPath, refName, statesOf, toLifecycle, transitionsOf } from '../workspace/lifecycleRecords.ts';
import type { Point, RecordId, Records } from '../workspace/records.ts';

export const STATE_SIZE = { width: 190, height: 60 } as const;

type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface TransitionView {
  /** The transition record. */
  id: RecordId;
  /** The state record it leaves. */
  from: RecordId;
  event: string;
  /** The state record it goes to. Absent: the state stays the same (only the actions run), or it names a missing state. */
  target: RecordId | undefined;
  /** The target as the document names it (a missing state's name too); absent when the state stays. */
  targetName: string | undefined;
  eventLabel: string;
  guarded: boolean;
  severity: Severity | undefined;
}

export interface StateView {
  /** The state record (the canvas node's id and the layout's key). */
  id: RecordId;
  /** The state's id in the document (`in-session`). */
  name: string;
  label: string;
  initial: boolean;
  final: boolean;
  /** Transitions that keep the state (no target, or the state itself). */
  internal: TransitionView[];
  diagnostics: Diagnostic[];
  severity: Severity | undefined;
}

export interface PairView {
  /** `pair:<from>-><to>`, state record ids. */
  id: string;
  from: RecordId;
  to: RecordId;
  fromName: string;
  toName: string;
  transitions: TransitionView[];
  severity: Severity | undefined;
}

export interface LifecycleGraph {
  states: StateView[];
  pairs: PairView[];
  /** Where every state is shown: its stored position, or placed by `placeStates`. */
  positions: Map<string, Point>;
  /** The stored positions the graph was placed from (the layout record's). */
  stored: Readonly<Record<string, Point>>;
  /** Diagnostics about the document as a whole (parameters, events, initial…), by path. */
  general: Diagnostic[];
  /** Every diagnostic of a transition, by its record id. */
  byTransition: Map<RecordId, Diagnostic[]>;
}

export const pairId = (from: string, to: string) => `pair:${from}->${to}`;

/** A document label in the page language, or `fallback` when the document has none. */
export const labelOf = (v: unknown, lang: Lang, fallback: string): string => (isObject(v) && typeof v[lang] === 'string' && v[lang] ? v[lang] as string : fallback);

/** The graph of the lifecycle `lifecycleId` of the workspace records (its states and transitions by record id). */
export function lifecycleGraph(records: Records, lifecycleId: RecordId, options: { lang: Lang; positions: Readonly<Record<string, Point>>; diagnostics: readonly Diagnostic[] }): LifecycleGraph {
  const { lang } = options;
  const head = records.get(lifecycleId);
  if (head?.type !== 'lifecycle') throw new Error(`no lifecycle record ${lifecycleId}`);
  const built = toLifecycle(records, lifecycleId);
  const events = isObject(built.doc.events) ? built.doc.events : {};
  const byState = new Map<RecordId, Diagnostic[]>();
  const byTransition = new Map<RecordId, Diagnostic[]>();
  const general: Diagnostic[] = [];
  for (const d of options.diagnostics) {
    const id = lifecycleNodeForPath(built, d.segments);
    const kind = id === undefined ? undefined : records.get(id)?.type;
    const into = kind === 'transition' ? byTransition : kind === 'state' ? byState : undefined;
    if (into && id !== undefined) into.set(id, [...(into.get(id) ?? []), d]);
    else general.push(d);
  }

  const views: StateView[] = [];
  const pairs = new Map<string, PairView>();
  const states = statesOf(records, head);
  const nameOf = new Map(states.map((s) => [s.id, s.name]));
  for (const s of states) {
    const id = s.id;
    const internal: TransitionView[] = [];
    for (const tr of transitionsOf(records, s)) {
      const event = tr.event;
      const target = tr.target && 'state' in tr.target && nameOf.has(tr.target.state) ? tr.target.state : undefined;
      const written = tr.target ? refName(records, tr.target) : undefined;
      const ds = byTransition.get(tr.id) ?? [];
      const view: TransitionView = {
        id: tr.id, from: id, event, target, targetName: written === undefined ? undefined : String(written),
        eventLabel: labelOf(isObject(events[event]) ? (events[event] as Json).label : undefined, lang, event), guarded: tr.data.guard !== undefined, severity: worst(ds),
      };
      if (target === undefined || target === id) {
        internal.push(view);
        continue;
      }
      const pid = pairId(id, target);
      const pair = pairs.get(pid) ?? { id: pid, from: id, to: target, fromName: s.name, toName: nameOf.get(target)!, transitions: [], severity: undefined };
      pair.transitions.push(view);
      pair.severity = worst([...pair.transitions.flatMap((x) => byTransition.get(x.id) ?? [])]);
      pairs.set(pid, pair);
    }
    const ds = byState.get(id) ?? [];
    views.push({
      id, name: s.name, label: labelOf(s.data.label, lang, s.name), initial: head.initial !== undefined && 'state' in head.initial && head.initial.state === id, final: s.data.final === true, internal,
      diagnostics: ds, severity: worst([...ds, ...internal.flatMap((x) => byTransition.get(x.id) ?? [])]),
    });
  }
  return { states: views, pairs: [...pairs.values()], positions: placeStates(views, [...pairs.values()], options.positions), stored: options.positions, general, byTransition };
}

/**
 * Stored positions as given; the rest placed around them by the auto-layout: all of it when nothing is stored; else a
 * state keeps the offset the auto-layout gives it from a stored neighbour (one it shares an arrow with, the first in
 * the arrows' order), or, with none, goes below everything at its auto-layout column.
 */
export function placeStates(states: readonly StateView[], pairs: readonly PairView[], stored: Readonly<Record<string, Point>>): Map<string, Point> {
  const out = new Map<string, Point>();
  const missing = new Set<string>();
  for (const s of states) {
    if (Object.hasOwn(stored, s.id)) out.set(s.id, stored[s.id]!);
    else missing.add(s.id);
  }
  if (missing.size === 0) return out;
  const auto = autoLayoutStates(states, pairs);
  if (missing.size === states.length) return auto;
  const anchorOf = new Map<string, string>();
  for (const p of pairs) {
    if (missing.has(p.to) && !missing.has(p.from) && !anchorOf.has(p.to)) anchorOf.set(p.to, p.from);
    if (missing.has(p.from) && !missing.has(p.to) && !anchorOf.has(p.from)) anchorOf.set(p.from, p.to);
  }
  // The lowest bottom edge so far (stored states, then each state as it is placed, in the states' order).
  let lowest = Math.max(0, ...[...out.values()].map((p) => p.y + STATE_SIZE.height));
  for (const id of missing) {
    const anchor = anchorOf.get(id);
    const a = auto.get(id)!;
    let at: Point;
    if (anchor !== undefined) {
      const from = out.get(anchor)!, ref = auto.get(anchor)!;
      at = { x: from.x + a.x - ref.x, y: from.y + a.y - ref.y };
    } else {
      at = { x: a.x, y: lowest + 40 };
    }
    out.set(id, at);
    lowest = Math.max(lowest, at.y + STATE_SIZE.height);
  }
  return out;
}

/** The lifecycle's placement as the drag planner takes it: `placeStates` over any stored positions. */
export const statePlacer = (states: readonly StateView[], pairs: readonly PairView[]): Placer => (stored) => placeStates(states, pairs, stored);

/**
 * Every state placed left to right by `layoutGraph` (dagre for lifecycles of real size, the layered layout for large
 * ones), the initial state first: the "Tự động sắp xếp" button and a lifecycle shown for the first time. The last
 * answer is kept for the same states and arrows, so edits that change neither (a label, a guard, a parameter) do not
 * lay out again.
 */
export function autoLayoutStates(states: readonly StateView[], pairs: readonly PairView[]): Map<string, Point> {
  const key = `${states.map((s) => `${s.id}${s.initial ? '*' : ''}`).join('\n')}\u0000${pairs.map((p) => p.id).join('\n')}`;
  if (lastLayout?.key === key) return new Map(lastLayout.positions);
  const positions = layoutGraph(states.map((s) => ({ id: s.id, ...STATE_SIZE })), pairs, { nodesep: 40, ranksep: 150, first: states.find((s) => s.initial)?.id });
  lastLayout = { key, positions };
  return new Map(positions);
}

/** The last layout computed, by the states and arrows it was for (module state: a cache, never read for meaning). */
let lastLayout: { key: string; positions: ReadonlyMap<string, Point> } | undefined;

/** The text of a pair's edge: its events, guarded ones marked. */
export function pairText(pair: PairView): string {
  return pair.transitions.map((t) => `${t.event}${t.guarded ? ' [?]' : ''}`).join('\n');
}

export function stateAria(s: StateView, lang: Lang, text: Readonly<Record<'state' | 'initial' | 'final' | 'problems', Label>>): string {
  const parts = [`${text.state[lang]} ${s.label} (${s.name})`];
  if (s.initial) parts.push(text.initial[lang]);
  if (s.final) parts.push(text.final[lang]);
  if (s.severity) parts.push(`${s.diagnostics.length} ${text.problems[lang]}`);
  return parts.join(', ');
}
