/**
 * Property tests (fast-check, pinned seeds) of the commands on the workspace's other documents and their inverses:
 * golden cases (add, delete), sample cadres (save, delete), named versions of a ruleset (save, delete, restore) and
 * canvas layouts of rulesets and lifecycles (move, auto-layout, collapse). Arguments are drawn from the records as
 * they are when each command runs — cases and samples copied under new or taken ids, blank names, versions and
 * golden files that do not exist — so most apply and some are refused; the sequence is undone entry by entry back to
 * the start, byte for byte, then redone to the end (the harness: undoRedoProperty.ts). Rules and conditions have
 * theirs in workspaceCommands.test.ts, lifecycles and plans in their own files.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { addGoldenCase, deleteGoldenCase } from '../../editor/workspace/commands/goldenCommands.ts';
import { moveNodes, setCollapsed, setLayout } from '../../editor/workspace/commands/layoutCommands.ts';
import { deleteSample, saveSample, workspaceSamples } from '../../editor/workspace/commands/sampleCommands.ts';
import { deleteVersion, restoreVersion, saveVersion } from '../../editor/workspace/commands/versionCommands.ts';
import type { Command } from '../../editor/workspace/createWorkspaceStore.ts';
import { recordsOfType, type Records } from '../../editor/workspace/records.ts';
import { checkUndoRedoProperty, pickOf } from './undoRedoProperty.ts';

/** Seeds of the runs below, one test each; picked once and kept. A failing seed is pinned here with its sequence. */
const SEEDS = [20261207, 4242, 7] as const;
const RUNS_PER_SEED = 12;

const COMMAND_KINDS = [
  'addGoldenCase', 'deleteGoldenCase', 'saveSample', 'deleteSample', 'saveVersion', 'deleteVersion', 'restoreVersion',
  'moveNodes', 'setLayout', 'setCollapsed',
] as const;
type Kind = typeof COMMAND_KINDS[number];

interface Step { kind: Kind; pick: [number, number, number, number]; tick: boolean }
const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(...COMMAND_KINDS),
  pick: fc.tuple(fc.nat(999), fc.nat(999), fc.nat(999), fc.nat(999)),
  tick: fc.boolean(),
});

const GOLDEN = ['golden:57-qd-tw', 'golden:350-qd-tw', 'golden:no-such-file'] as const;
const RULESETS = ['ruleset:57-qd-tw', 'ruleset:350-qd-tw', 'ruleset:no-such-ruleset'] as const;
/** Canvases that have a layout: both rulesets' and both lifecycles'. */
const CANVASES = ['ruleset:57-qd-tw', 'ruleset:350-qd-tw', 'lifecycle:class-default', 'lifecycle:learner-default'] as const;
/** New ids and names: a small pool, so saves collide with earlier ones now and then (a taken id, a blank name). */
const NEW_IDS = ['moi-1', 'moi-2', '', '57-01', 'young-woman-part-time'];
const NAMES = ['Bản chốt', 'v2', '   ', 'Trước khi sửa'];

/** The command a step stands for, built from the records as they are now. */
function commandFor(records: Records, step: Step): Command {
  const [a, b, c, d] = step.pick;
  const goldenId = pickOf(GOLDEN, a);
  const golden = recordsOfType(records, 'golden');
  const cases = golden.find((g) => g.id === goldenId)?.doc.cases ?? golden[0]!.doc.cases;
  const samples = workspaceSamples(records);
  const versions = recordsOfType(records, 'version').map((v) => v.id);
  const version = versions.length === 0 || b % (versions.length + 1) === versions.length ? 'version:no-such-version' : pickOf(versions, b);
  const canvas = pickOf(CANVASES, a);
  const node = `node-${c % 5}`;
  switch (step.kind) {
    case 'addGoldenCase': return addGoldenCase(goldenId, { ...structuredClone(pickOf(cases, b)), id: pickOf(NEW_IDS, c) || `case-${d}` });
    case 'deleteGoldenCase': return deleteGoldenCase(goldenId, pickOf(cases, b).id);
    case 'saveSample': {
      const s = pickOf(samples, b);
      return saveSample({ ...structuredClone(s), id: pickOf(NEW_IDS, c), title: { vi: pickOf(NAMES, d).trim() ? pickOf(NAMES, d) : '', en: 'Sample' } });
    }
    case 'deleteSample': return deleteSample(pickOf(samples, b).id);
    case 'saveVersion': return saveVersion(pickOf(RULESETS, a), pickOf(NAMES, c));
    case 'deleteVersion': return deleteVersion(version);
    case 'restoreVersion': return restoreVersion(version);
    case 'moveNodes': return moveNodes(canvas, { [node]: { x: c, y: d }, ...(b % 2 ? { [`node-${d % 5}`]: { x: d, y: c } } : {}) });
    case 'setLayout': return setLayout(canvas, b % 3 === 0 ? {} : { [node]: { x: d, y: b } });
    case 'setCollapsed': return setCollapsed(canvas, node, d % 2 === 0);
  }
}

/**
 * The records these commands touch, by id, as text (a restored version's rules show in its ruleset's list of rule
 * ids). By id: an undone delete puts the record back at the end of the store's map (see undoRedoProperty.ts).
 */
const editedOf = (records: Records): string => JSON.stringify(
  [...records.values()].filter((r) => r.type !== 'rule' && r.type !== 'cond' && r.type !== 'lifecycle' && r.type !== 'plan' && r.type !== 'plan-class').sort((a, b) => (a.id < b.id ? -1 : 1)),
);

describe('golden, sample, version and layout commands and their inverses (property)', () => {
  it.each(SEEDS)('any sequence of these commands, undone entry by entry, gives back each earlier state and the start; redone, the end (seed %i)', (seed) => {
    checkUndoRedoProperty({ kinds: COMMAND_KINDS, step: stepArb, commandFor, edited: editedOf, runs: RUNS_PER_SEED }, seed);
  });
});
