/**
 * The one property harness of the workspace commands (fast-check, pinned seeds): a random sequence of steps, each
 * made into a command from the records as they are when it runs — so most apply and some are refused — is applied
 * to the default workspace, undone one history entry at a time back to the start (the edited records as they were
 * after each earlier entry, then every record and the saved bytes as at the start), and redone to the end (byte for
 * byte). A refused command changes nothing, not even the store's revision. Every document kind's property test is
 * this harness with its own steps.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Command } from '../../editor/workspace/createWorkspaceStore.ts';
import type { RecordId, Records, WorkspaceRecord } from '../../editor/workspace/records.ts';
import { createHarness } from './workspaceHarness.ts';

/** A step of a sequence: which command (`kind`) and whether the merge window closes before it (`tick`). */
export interface PropertyStep<K extends string> { kind: K; tick: boolean }

export interface UndoRedoProperty<K extends string, S extends PropertyStep<K>> {
  /** Every kind of command; each must be drawn at least once over a seed's runs. */
  kinds: readonly K[];
  step: fc.Arbitrary<S>;
  /** The command a step stands for, built from the records as they are when it runs. */
  commandFor(records: Records, step: S): Command;
  /** The records the commands touch, as text: compared after each entry and after each undo. */
  edited(records: Records): string;
  /**
   * A view's documents: each entry must name only these, and each sequence is undone either in this scope or
   * unscoped (drawn). Without it, undo is unscoped.
   */
  scope?: ReadonlySet<RecordId>;
  /** An invariant every state the commands reach must keep (e.g. the ruleset still rebuilds); throws when broken. */
  invariant?(records: Records): void;
  runs: number;
  maxLength?: number;
}

/**
 * A deep copy of every record, by id (what undo must give back exactly). By id, not in store order: undoing a step
 * that removed records puts them back at the end of the store's map (a restored version), which no reader sees —
 * listings sort by id and the saved bytes, compared too, are the same.
 */
const copyOf = (records: Records): WorkspaceRecord[] => structuredClone([...records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));

function runSequence<K extends string, S extends PropertyStep<K>>(p: UndoRedoProperty<K, S>, steps: readonly S[], scoped: boolean): { applied: number; refused: number } {
  const h = createHarness();
  const start = copyOf(h.store.records());
  const startBytes = h.bytes();
  // After each history entry: the edited records it leaves (merged entries overwrite their slot).
  const atEntry: string[] = [p.edited(h.store.records())];
  let applied = 0;
  let refused = 0;
  for (const step of steps) {
    if (step.tick) h.tick(2000);
    const before = h.store.records();
    const revision = h.store.revision();
    const text = p.edited(before);
    const result = h.store.apply(p.commandFor(before, step));
    if (!result.ok) {
      refused++;
      expect(h.store.records()).toBe(before);
      expect(h.store.revision()).toBe(revision);
      expect(p.edited(before)).toBe(text); // nothing written in place either
      expect(result.reason.vi.length * result.reason.en.length).toBeGreaterThan(0);
      continue;
    }
    applied++;
    p.invariant?.(h.store.records());
    const entry = h.store.history.latestUndo()!;
    const scope = p.scope;
    if (scope) expect(entry.documents.every((doc) => scope.has(doc))).toBe(true);
    expect(entry.label.vi.length).toBeGreaterThan(0);
    atEntry[h.store.history.undoLabels().length] = p.edited(h.store.records());
  }
  const end = copyOf(h.store.records());
  const endBytes = h.bytes();
  const entries = h.store.history.undoLabels().length;
  expect(atEntry.length).toBe(entries + 1);
  const scope = scoped ? p.scope : undefined;
  for (let left = entries - 1; left >= 0; left--) {
    expect(h.store.undo(scope)).toBe(true);
    expect(p.edited(h.store.records())).toBe(atEntry[left]);
  }
  expect(h.store.canUndo()).toBe(false);
  expect(copyOf(h.store.records())).toStrictEqual(start);
  expect(h.bytes()).toBe(startBytes);
  while (h.store.redo(scope)) { /* redo everything */ }
  expect(copyOf(h.store.records())).toStrictEqual(end);
  expect(h.bytes()).toBe(endBytes);
  return { applied, refused };
}

/**
 * Runs the property under `seed` and checks the generator is not vacuous: most commands apply, some are refused
 * (unless `refusals` is false: kinds whose commands cannot be refused), every kind is drawn.
 */
export function checkUndoRedoProperty<K extends string, S extends PropertyStep<K>>(p: UndoRedoProperty<K, S>, seed: number, refusals = true): void {
  const tally = { applied: 0, refused: 0, kinds: new Set<K>() };
  const steps = fc.array(p.step, { minLength: 1, maxLength: p.maxLength ?? 30, size: 'max' });
  const record = (sequence: readonly S[], scoped: boolean) => {
    const { applied, refused } = runSequence(p, sequence, scoped);
    tally.applied += applied;
    tally.refused += refused;
    for (const s of sequence) tally.kinds.add(s.kind);
  };
  if (p.scope) fc.assert(fc.property(steps, fc.boolean(), (sequence, scoped) => record(sequence, scoped)), { seed, numRuns: p.runs });
  else fc.assert(fc.property(steps, (sequence) => record(sequence, false)), { seed, numRuns: p.runs });
  expect(tally.applied).toBeGreaterThan(tally.refused);
  if (refusals) expect(tally.refused).toBeGreaterThan(0);
  expect([...tally.kinds].sort()).toEqual([...p.kinds].sort());
}

/** Picks `xs[i mod n]`. */
export const pickOf = <T,>(xs: readonly T[], i: number): T => xs[i % xs.length]!;
