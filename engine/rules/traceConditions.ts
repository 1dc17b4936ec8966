/**
 * Which conditions of a rule pass for one cadre: every node of the condition tree with its result and, for a
 * leaf, the cadre's value of the fact it reads — what the editor's test bench lights on the canvas. Leaves are
 * evaluated with the compiled evaluator's operators (the json-rules-engine semantics, differential-tested); the
 * rule's own outcome still comes from the checker, this only explains it.
 */
import type { Condition } from '../documents/ruleset.ts';
import { compileLeaf, factReader, type FactBag } from './compile/compileLeaf.ts';
import { createOperatorTable } from './compile/operatorTable.ts';

export type PathSegment = string | number;

export interface TracedNode {
  /** Document path of the node below the rule's `conditions` (`['all', 0]`); the root is `[]`. */
  at: readonly PathSegment[];
  passed: boolean;
  /** The fact's value for the cadre (leaves only); `undefined` when the fact is unknown. */
  actual?: unknown;
  /** Set when the leaf could not be evaluated (unknown fact or operator). */
  error?: string;
}

let ops: ReturnType<typeof createOperatorTable> | undefined;

/** Traces a rule's conditions over a facts object. Pure: the same facts give the same trace. */
export function traceConditions(conditions: Condition, facts: FactBag): TracedNode[] {
  ops ??= createOperatorTable();
  const out: TracedNode[] = [];
  visit(conditions, [], facts, out, ops);
  return out;
}

function visit(c: Condition, at: PathSegment[], facts: FactBag, out: TracedNode[], table: ReturnType<typeof createOperatorTable>): boolean {
  if ('all' in c) return group(out, at, c.all.map((x, i) => visit(x, [...at, 'all', i], facts, out, table)).every(Boolean));
  if ('any' in c) return group(out, at, c.any.length === 0 || c.any.map((x, i) => visit(x, [...at, 'any', i], facts, out, table)).some(Boolean));
  if ('not' in c) return group(out, at, !visit(c.not, [...at, 'not'], facts, out, table));
  let actual: unknown;
  try {
    actual = factReader(c.fact)(facts);
  } catch {
    actual = undefined;
  }
  try {
    const passed = compileLeaf(c, table)(facts) === true;
    out.push({ at, passed, actual });
    return passed;
  } catch (e) {
    out.push({ at, passed: false, actual, error: e instanceof Error ? e.message : String(e) });
    return false;
  }
}

function group(out: TracedNode[], at: PathSegment[], passed: boolean): boolean {
  out.push({ at, passed });
  return passed;
}
