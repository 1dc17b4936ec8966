/**
 * Target 4, headless in Node: 1,000 distinct commands on the default workspace's store, then undo to the start.
 * The injected merge clock advances 2 s between commands (the merge window is 1.5 s), so every command is its own
 * history entry; the end state must serialise byte-for-byte like the start.
 */
import { updateLeaf } from '../../editor/workspace/commands/conditionCommands.ts';
import { moveNodes } from '../../editor/workspace/commands/layoutCommands.ts';
import { updateRule } from '../../editor/workspace/commands/ruleCommands.ts';
import { builtinRulesetId, createDefaultWorkspace } from '../../editor/workspace/createDefaultWorkspace.ts';
import { createWorkspaceStore, type Command } from '../../editor/workspace/createWorkspaceStore.ts';
import { recordsOfType } from '../../editor/workspace/records.ts';
import { counterIds } from '../../editor/workspace/rulesetRecords.ts';
import { toWorkspaceDocument } from '../../editor/workspace/workspaceDocument.ts';
import { collectGarbage, log, round } from '../measure.ts';
import { median } from './stats.ts';
import { installShippedJsonFromFiles } from '../../test/shippedJsonFromFiles.ts';

const COMMANDS = 1_000;
const RUNS = 5;

interface UndoRun { applyMs: number; undoMs: number; entries: number; undone: number; byteEqual: boolean }

function oneRun(): UndoRun {
  let ms = 0;
  const store = createWorkspaceStore(createDefaultWorkspace(installShippedJsonFromFiles()).records, {
    ids: counterIds('bench'), now: () => '2026-12-03T08:00:00.000Z', clockMs: () => ms,
  });
  const bytes = () => JSON.stringify(toWorkspaceDocument('bench', store.records().values()));
  const start = bytes();
  const rulesetId = builtinRulesetId('57-qd-tw');
  const rules = recordsOfType(store.records(), 'rule').filter((r) => r.ruleset === rulesetId);
  const numericLeaves = recordsOfType(store.records(), 'cond')
    .filter((c) => c.node.op === 'leaf' && typeof c.node.value === 'number' && rules.some((r) => r.id === c.rule));
  // Three kinds in rotation: a rule note, a numeric leaf value, a node position. Each value is new (i is unique).
  const command = (i: number): Command => {
    if (i % 3 === 0) { const r = rules[i % rules.length]!; return updateRule(r.id, { note: `bench note ${i}` }, 'note'); }
    if (i % 3 === 1) { const c = numericLeaves[i % numericLeaves.length]!; return updateLeaf(c.id, { value: 1000 + i }, 'value'); }
    const r = rules[i % rules.length]!;
    return moveNodes(rulesetId, { [r.id]: { x: i, y: -i } });
  };

  const t0 = performance.now();
  for (let i = 0; i < COMMANDS; i++) {
    ms += 2_000;
    const result = store.apply(command(i));
    if (!result.ok || result.diff.size === 0) throw new Error(`bench command ${i} did not change the workspace`);
  }
  const applyMs = performance.now() - t0;
  const entries = store.history.undoLabels().length;
  collectGarbage();
  const t1 = performance.now();
  let undone = 0;
  while (store.undo()) undone++;
  const undoMs = performance.now() - t1;
  return { applyMs, undoMs, entries, undone, byteEqual: bytes() === start };
}

export function benchUndoHistory() {
  log(`undo: ${RUNS} runs of ${COMMANDS} commands, then undo to the start`);
  const runs: UndoRun[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(oneRun());
  const undoMedian = median(runs.map((r) => r.undoMs));
  const allEqual = runs.every((r) => r.byteEqual && r.entries === COMMANDS && r.undone === COMMANDS);
  return {
    target: 'undo of a 1,000-entry history to the start < 1 s',
    where: 'Node, headless workspace store (default workspace, 2 rulesets + lifecycles + golden cases), no React',
    commands: COMMANDS,
    commandMix: 'rotation of updateRule note, updateLeaf value (57-QĐ/TW numeric leaves), moveNodes; merge clock +2 s per command',
    runs: runs.map((r) => ({ applyMs: round(r.applyMs), undoMs: round(r.undoMs, 2), entries: r.entries, undone: r.undone, byteEqual: r.byteEqual })),
    valueMs: round(undoMedian, 2),
    statistic: `median of ${RUNS}`,
    perUndoMicroseconds: round((undoMedian * 1000) / COMMANDS, 1),
    finalStateByteEqualToStart: allEqual,
    targetMs: 1000,
    met: allEqual && undoMedian < 1000,
  };
}
