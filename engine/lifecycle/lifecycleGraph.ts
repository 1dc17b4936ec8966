/**
 * The lifecycle as a plain graph (ignoring guards): edges, reachability from the initial state, and which states
 * can still reach a final state. Used by the validator and the Mermaid/DOT exports.
 */
import { isNamedGuard, type GuardExpr, type Lifecycle } from '../documents/lifecycle.ts';
import { own } from '../documents/own.ts';

export interface LifecycleEdge {
  from: string;
  /** Equal to `from` for a transition without target. */
  to: string;
  event: string;
  /** Position among the event's transitions in `from`. */
  index: number;
  /** Guard as short text: `learnerCount`, `and(learnerCount, learnerCount)`. */
  guard?: string;
  targetless: boolean;
}

export function guardText(g: GuardExpr): string {
  if (isNamedGuard(g)) return g.type;
  if ('and' in g) return `and(${g.and.map(guardText).join(', ')})`;
  if ('or' in g) return `or(${g.or.map(guardText).join(', ')})`;
  return `not(${guardText(g.not)})`;
}

export function lifecycleEdges(doc: Lifecycle): LifecycleEdge[] {
  return Object.entries(doc.states).flatMap(([from, s]) => Object.entries(s.on).flatMap(([event, ts]) => ts.map((t, index) => ({
    from, to: t.target ?? from, event, index, targetless: t.target === undefined,
    ...(t.guard ? { guard: guardText(t.guard) } : {}),
  }))));
}

function closure(start: Iterable<string>, next: (s: string) => string[]): Set<string> {
  const seen = new Set(start);
  const queue = [...seen];
  while (queue.length > 0) {
    for (const n of next(queue.shift()!)) if (!seen.has(n)) { seen.add(n); queue.push(n); }
  }
  return seen;
}

/** States reachable from the initial state when every guard may hold. */
export function reachableStates(doc: Lifecycle): Set<string> {
  const edges = lifecycleEdges(doc);
  return own(doc.states, doc.initial) ? closure([doc.initial], (s) => edges.filter((e) => e.from === s && own(doc.states, e.to)).map((e) => e.to)) : new Set();
}

/** States from which some final state can be reached when every guard may hold. */
export function statesReachingFinal(doc: Lifecycle): Set<string> {
  const edges = lifecycleEdges(doc);
  const finals = Object.entries(doc.states).filter(([, s]) => s.final).map(([id]) => id);
  return closure(finals, (s) => edges.filter((e) => e.to === s).map((e) => e.from));
}
