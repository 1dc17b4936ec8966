/**
 * Publishing a lifecycle and a plan under a decision (the same command as a ruleset: the decision added when new, a
 * `published` entry, the revision written out; no version record), its refusals, and the first edit after a
 * publication opening the next revision in the same undoable step — for rulesets, lifecycles and plans: the exported
 * document is a draft of revision n + 1 with the published list intact, and undo gives back the published workspace
 * byte for byte (property over random edit sequences).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../engine/documents/decision.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { LIFECYCLE_KIND } from '../../engine/documents/lifecycle.ts';
import { PLAN_KIND } from '../../engine/documents/plan.ts';
import { RULESET_KIND } from '../../engine/documents/ruleset.ts';
import { documentStanding } from '../../editor/publish/publicationState.ts';
import { builtinRulesetId } from '../../editor/workspace/createDefaultWorkspace.ts';
import { moveNodes } from '../../editor/workspace/commands/layoutCommands.ts';
import { addEvent } from '../../editor/workspace/commands/lifecycleCommands.ts';
import { renameState, updateState } from '../../editor/workspace/commands/lifecycleStateCommands.ts';
import { setClassField, setPlanParameter } from '../../editor/workspace/commands/planCommands.ts';
import { publishDocument, type PublishInput } from '../../editor/workspace/commands/publishCommands.ts';
import { updateRule } from '../../editor/workspace/commands/ruleCommands.ts';
import { saveVersion } from '../../editor/workspace/commands/versionCommands.ts';
import type { Command } from '../../editor/workspace/createWorkspaceStore.ts';
import { toLifecycle } from '../../editor/workspace/lifecycleRecords.ts';
import { planClasses, toPlan } from '../../editor/workspace/planRecords.ts';
import { layoutIdOf, planRecordId, recordOf, recordsOfType, type RecordId, type Records } from '../../editor/workspace/records.ts';
import { readWorkspace } from '../../editor/workspace/readWorkspace.ts';
import { toRuleset } from '../../editor/workspace/rulesetRecords.ts';
import { createHarness } from '../workspace/workspaceHarness.ts';

const RS350 = builtinRulesetId('350-qd-tw');
const CLASS_LC = 'lifecycle:class-default';
const PLAN = planRecordId('ha-noi-2024');

/** Lào Cai's implementing rule as the issue names it (10-QĐ/TU of 28/11/2025), marked illustrative: its content is not known. */
const LAO_CAI: Decision = {
  id: '10-qd-tu', kind: 'quyet-dinh', number: '10-QĐ/TU', issuedBy: 'Tỉnh ủy Lào Cai', title: 'Quy định thực hiện (minh họa)',
  signedOn: '2025-11-28', appliesFrom: '2025-12-01', summary: 'Minh họa: ban hành theo văn bản của tỉnh.', source: 'issue 22', illustrative: true,
};
const input = (over: Partial<PublishInput> = {}): PublishInput => ({ under: { decision: LAO_CAI }, on: '2025-12-02', name: 'Bản 1', ...over });

/** The plain document a head rebuilds to (what an export writes). */
function docOf(records: Records, head: RecordId): Record<string, unknown> {
  const r = records.get(head);
  if (r?.type === 'ruleset') return toRuleset(records, head).ruleset as unknown as Record<string, unknown>;
  if (r?.type === 'lifecycle') return toLifecycle(records, head).doc as Record<string, unknown>;
  return toPlan(records, head).plan as Record<string, unknown>;
}
function valid(records: Records, head: RecordId): boolean {
  const type = records.get(head)?.type;
  const doc = docOf(records, head);
  if (type === 'ruleset') return loadDocument(RULESET_KIND, doc).ok;
  if (type === 'lifecycle') return loadDocument(LIFECYCLE_KIND, doc).ok;
  return loadDocument(PLAN_KIND, doc).ok;
}

describe('publishing a lifecycle and a plan', () => {
  for (const head of [CLASS_LC, PLAN]) {
    it(`${head}: adds the decision and a published entry, writes the revision, makes no version; one undo step`, () => {
      const h = createHarness();
      const start = h.bytes();
      expect(documentStanding(h.store.records(), head)).toEqual({ status: 'draft', revision: 1 });
      // No version is saved for a lifecycle or a plan: a blank version name is no refusal.
      expect(h.store.apply(publishDocument(head, input({ name: '' }))).ok).toBe(true);
      const doc = docOf(h.store.records(), head);
      expect(doc.revision).toBe(1);
      expect((doc.decisions as Decision[]).map((d) => d.number)).toEqual(['10-QĐ/TU']);
      expect(doc.published).toEqual([{ revision: 1, on: '2025-12-02', decision: '10-qd-tu' }]);
      expect(valid(h.store.records(), head)).toBe(true);
      expect(recordsOfType(h.store.records(), 'version')).toEqual([]);
      expect(documentStanding(h.store.records(), head)).toMatchObject({ status: 'published', publication: { revision: 1, decision: { id: '10-qd-tu' } } });
      expect(h.store.history.undoLabels()).toHaveLength(1);
      expect(h.store.undo()).toBe(true);
      expect(h.bytes()).toBe(start);
    });
  }

  it('is stored and read back whole: a published lifecycle and plan, and the revision an edit opened', () => {
    const h = createHarness();
    h.store.apply(publishDocument(CLASS_LC, input()));
    h.store.apply(publishDocument(PLAN, input()));
    const lc = recordOf(h.store.records(), CLASS_LC, 'lifecycle')!;
    h.store.apply(updateState(lc.states[0]!, { label: { vi: 'Nhãn mới', en: 'New label' } }));
    const read = readWorkspace(JSON.parse(h.bytes()));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.setAside).toEqual([]);
    expect(JSON.stringify(read.document.records)).toBe(JSON.stringify(JSON.parse(h.bytes()).records));
  });

  it('publishes the next revision under a carried decision, and refuses what it cannot publish, writing nothing', () => {
    const h = createHarness();
    h.store.apply(publishDocument(PLAN, input()));
    h.store.apply(setPlanParameter(PLAN, 'agencyPrecheck', '40'));
    expect(docOf(h.store.records(), PLAN).revision).toBe(2);
    const again = h.store.apply(publishDocument(PLAN, input({ under: { decisionId: '10-qd-tu' }, on: '2025-12-10', name: 'Bản 2' })));
    expect(again.ok).toBe(true);
    expect(docOf(h.store.records(), PLAN).published).toEqual([
      { revision: 1, on: '2025-12-02', decision: '10-qd-tu' }, { revision: 2, on: '2025-12-10', decision: '10-qd-tu' },
    ]);
    const bytes = h.bytes();
    const refusals: Array<[Command, string]> = [
      [publishDocument(PLAN, input()), 'The act 10-QĐ/TU is already in the document'],
      [publishDocument(PLAN, input({ under: { decisionId: 'khong-co' } })), 'The document has no act "khong-co"'],
      [publishDocument(CLASS_LC, input({ on: '2025-02-30' })), 'not a real date'],
      [publishDocument(CLASS_LC, input({ on: '2025-11-01' })), 'before 10-QĐ/TU was signed'],
      [publishDocument(RS350, input({ name: '  ' })), 'Give the version a name'],
      [publishDocument(CLASS_LC, input({ under: { decision: { ...LAO_CAI, number: '10 QĐ TU' } } })), 'number-SYMBOL/ISSUER'],
      [publishDocument('cadres:samples', input()), 'No such ruleset, lifecycle or plan'],
      [publishDocument('plan:khong-co', input()), 'No such ruleset, lifecycle or plan'],
    ];
    for (const [command, reason] of refusals) {
      const r = h.store.apply(command);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.en).toContain(reason);
      expect(r.ok || r.reason.vi.length > 0).toBe(true);
    }
    expect(h.bytes()).toBe(bytes);
  });
});

describe('the first edit after publishing opens the next revision', () => {
  it('ruleset: the edit raises the revision in the same step; later edits stay in it; undo gives back the published bytes', () => {
    const h = createHarness();
    h.store.apply(publishDocument(RS350, input()));
    const published = h.bytes();
    const rules = recordsOfType(h.store.records(), 'rule').filter((r) => r.ruleset === RS350);
    h.store.apply(updateRule(rules[0]!.id, { source: 'sửa lần 1' }));
    h.tick(5000);
    h.store.apply(updateRule(rules[1]!.id, { source: 'sửa lần 2' }));
    const doc = docOf(h.store.records(), RS350);
    expect(doc.revision).toBe(2);
    expect(doc.published).toEqual([{ revision: 1, on: '2025-12-02', decision: '10-qd-tu' }]);
    expect(valid(h.store.records(), RS350)).toBe(true);
    expect(documentStanding(h.store.records(), RS350)).toMatchObject({ status: 'draft', revision: 2, last: { revision: 1, decision: { number: '10-QĐ/TU' } } });
    expect(h.store.history.undoLabels()).toHaveLength(3);
    h.store.undo();
    expect(docOf(h.store.records(), RS350).revision).toBe(2);
    h.store.undo();
    expect(h.bytes()).toBe(published);
    h.store.redo();
    expect(docOf(h.store.records(), RS350).revision).toBe(2);
  });

  it('moving nodes, saving a version or a draft edit leaves the revision as it is', () => {
    const h = createHarness();
    const rule = recordsOfType(h.store.records(), 'rule').find((r) => r.ruleset === RS350)!;
    h.store.apply(updateRule(rule.id, { source: 'nháp' }));
    expect(docOf(h.store.records(), RS350).revision).toBeUndefined();
    h.store.apply(publishDocument(RS350, input()));
    h.store.apply(moveNodes(RS350, { [rule.id]: { x: 10, y: 20 } }));
    h.store.apply(saveVersion(RS350, 'chụp'));
    expect(h.store.records().get(layoutIdOf(RS350))).toBeDefined();
    expect(docOf(h.store.records(), RS350).revision).toBe(1);
    expect(documentStanding(h.store.records(), RS350)?.status).toBe('published');
  });

  it('lifecycle: an edit opens revision n + 1 as its open revision; a rename after it is recorded there, not in n + 2', () => {
    const h = createHarness();
    h.store.apply(publishDocument(CLASS_LC, input()));
    const lc = recordOf(h.store.records(), CLASS_LC, 'lifecycle')!;
    const [first, second] = lc.states;
    h.store.apply(updateState(first!, { label: { vi: 'Nhãn mới', en: 'New label' } }));
    expect(recordOf(h.store.records(), CLASS_LC, 'lifecycle')).toMatchObject({ openRevision: 2, meta: { revision: 2 } });
    const oldName = recordOf(h.store.records(), second!, 'state')!.name;
    expect(h.store.apply(renameState(second!, 'doi-ten')).ok).toBe(true);
    const doc = docOf(h.store.records(), CLASS_LC);
    expect(doc.revision).toBe(2);
    expect(doc.revisions).toEqual([{ revision: 2, note: expect.any(String), renamedStates: { [oldName]: 'doi-ten' } }]);
    expect(valid(h.store.records(), CLASS_LC)).toBe(true);
    // Publishing closes the open revision: the next rename opens revision 3.
    expect(h.store.apply(publishDocument(CLASS_LC, input({ under: { decisionId: '10-qd-tu' } }))).ok).toBe(true);
    expect(recordOf(h.store.records(), CLASS_LC, 'lifecycle')!.openRevision).toBeUndefined();
    h.store.apply(renameState(second!, 'doi-ten-lan-2'));
    expect(docOf(h.store.records(), CLASS_LC)).toMatchObject({ revision: 3, published: [{ revision: 1 }, { revision: 2 }] });
    expect((docOf(h.store.records(), CLASS_LC).revisions as unknown[]).length).toBe(2);
    expect(valid(h.store.records(), CLASS_LC)).toBe(true);
  });
});

describe('edits after a publication, undone (property)', () => {
  const KINDS = ['rule', 'state', 'event', 'rename', 'classField', 'parameter', 'move'] as const;
  type Kind = typeof KINDS[number];
  const HEADS = [RS350, CLASS_LC, PLAN];

  function commandFor(records: Records, kind: Kind, n: number): Command {
    if (kind === 'rule') {
      const rules = recordsOfType(records, 'rule').filter((r) => r.ruleset === RS350);
      return updateRule(rules[n % rules.length]!.id, { source: `s${n}` });
    }
    const lc = recordOf(records, CLASS_LC, 'lifecycle')!;
    if (kind === 'state') return updateState(lc.states[n % lc.states.length]!, { label: { vi: `Nhãn ${n}`, en: `Label ${n}` } });
    if (kind === 'event') return addEvent(CLASS_LC, `EVENT_${n}`, { vi: `Sự kiện ${n}`, en: `Event ${n}` });
    if (kind === 'rename') return renameState(lc.states[n % lc.states.length]!, `trang-thai-${n}`);
    if (kind === 'move') return moveNodes(CLASS_LC, { [lc.states[0]!]: { x: n, y: n } });
    const plan = recordOf(records, PLAN, 'plan')!;
    if (kind === 'classField') {
      const classes = planClasses(records, plan);
      return setClassField(classes[n % classes.length]!.id, 'maxSize', String(40 + n));
    }
    return setPlanParameter(PLAN, 'agencyPrecheck', String(n));
  }

  it('each document is a draft of the next revision after its first edit, its published list intact; undone, the published bytes', () => {
    let edited = 0;
    fc.assert(fc.property(
      fc.array(fc.record({ kind: fc.constantFrom(...KINDS), n: fc.nat(40), tick: fc.boolean() }), { minLength: 1, maxLength: 15 }),
      (steps) => {
        const h = createHarness();
        for (const head of HEADS) expect(h.store.apply(publishDocument(head, input())).ok).toBe(true);
        const published = h.bytes();
        const publishedDocs = new Map(HEADS.map((head) => [head, JSON.stringify(docOf(h.store.records(), head))]));
        const entries = h.store.history.undoLabels().length;
        for (const { kind, n, tick } of steps) {
          if (tick) h.tick(5000);
          h.store.apply(commandFor(h.store.records(), kind, n));
          for (const head of HEADS) {
            const doc = docOf(h.store.records(), head);
            expect(doc.published).toEqual([{ revision: 1, on: '2025-12-02', decision: '10-qd-tu' }]);
            if (JSON.stringify(doc) === publishedDocs.get(head)) continue;
            edited++;
            expect(doc.revision).toBe(2);
            expect(documentStanding(h.store.records(), head)?.status).toBe('draft');
          }
        }
        while (h.store.history.undoLabels().length > entries) h.store.undo();
        expect(h.bytes()).toBe(published);
      },
    ), { seed: 20261207, numRuns: 40 });
    expect(edited).toBeGreaterThan(40);
  }, 120_000);
});
