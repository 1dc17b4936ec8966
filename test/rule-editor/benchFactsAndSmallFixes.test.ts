/**
 * The pure parts behind the bench form's fields (which facts the rules of a level read, and that every fact of the
 * catalogue has a way in), the condition the "add condition" action selects, the canvas edges' names, and where the
 * undo button says a document is.
 */
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { FACT_NAMES } from '../../engine/rules/facts.ts';
import { factsInPlay } from '../../editor/check/factsInPlay.ts';
import { MORE_FIELD_FACTS } from '../../editor/check/MoreCadreFields.tsx';
import { toFlow } from '../../editor/rules/canvas/toFlow.ts';
import { createdCondition, selectionActions } from '../../editor/rules/selectionActions.ts';
import { builtinRulesetId } from '../../editor/workspace/createDefaultWorkspace.ts';
import { planRecordId, recordsOfType } from '../../editor/workspace/records.ts';
import { documentPlace } from '../../editor/shared/documentPlace.ts';
import { createHarness } from '../workspace/workspaceHarness.ts';

const rs350 = builtinDocuments().rulesets.find((r) => r.id === '350-qd-tw')!;

describe('facts in play for the bench form', () => {
  it('lists the facts the rules of a level read: years teaching and the grade at cao cấp, not at sơ cấp', () => {
    const advanced = factsInPlay(rs350.rules, 'advanced');
    for (const f of ['yearsTeaching', 'civilServiceGrade', 'yearsInGrade', 'candidatePool']) expect(advanced.has(f), f).toBe(true);
    expect(factsInPlay(rs350.rules, 'elementary').has('yearsTeaching')).toBe(false);
    expect(factsInPlay(rs350.rules, 'elementary').has('onRequest')).toBe(true);
  });

  it('gives every fact of the catalogue a field (the main form, the further fields, or the nomination)', () => {
    // Facts the main form and the nomination form set (directly or through a value they derive from).
    const main = new Set(['level', 'levelRank', 'onOrdinal', 'mode', 'onRequest', 'sex', 'age', 'ethnicMinority', 'difficultArea', 'partyStatus',
      'education', 'educationRank', 'theoryLevel', 'theoryRank', 'workplaceTier', 'province', 'position', 'positionSector', 'positionRank',
      'planning', 'planningRank', 'ratingLastYear', 'ratingYearBefore', 'ratingRankLastYear', 'ratingRankYearBefore']);
    const further = new Set<string>(Object.values(MORE_FIELD_FACTS).flat());
    expect(FACT_NAMES.filter((f) => !main.has(f) && !further.has(f))).toEqual([]);
  });
});

describe('add condition', () => {
  it('selects the condition it added (its leaf, for a new group)', () => {
    const h = createHarness();
    const rule = recordsOfType(h.store.records(), 'rule').find((r) => r.ruleset === builtinRulesetId('57-qd-tw') && r.data.id === 'tc-lecturer')!;
    const add = selectionActions(h.store.records(), rule.id).find((a) => a.id === 'add-condition')!;
    expect(add.selectsCreated).toBe(true);
    const r = h.store.apply(add.command);
    if (!r.ok) throw new Error('refused');
    const id = createdCondition(r.diff)!;
    const created = h.store.records().get(id);
    expect(created?.type === 'cond' && created.node.op === 'leaf' && created.rule === rule.id).toBe(true);
    const group = selectionActions(h.store.records(), rule.root).find((a) => a.id === 'add-group')!;
    const g = h.store.apply(group.command);
    if (!g.ok) throw new Error('refused');
    const leaf = h.store.records().get(createdCondition(g.diff)!);
    expect(leaf?.type === 'cond' && leaf.node.op === 'leaf' && h.store.records().get(leaf.parent)?.type === 'cond').toBe(true);
  });
});

describe('canvas edges', () => {
  it('are named in the page language from node to node, never by record ids', () => {
    const h = createHarness();
    for (const lang of ['vi', 'en'] as const) {
      const graph = toFlow(h.store.records(), builtinRulesetId('57-qd-tw'), { lang, collapsed: new Set(), positions: {}, diagnosticsByNode: new Map() });
      expect(graph.edges.length).toBeGreaterThan(10);
      for (const e of graph.edges) {
        expect(e.ariaLabel).toMatch(lang === 'vi' ? /^Cạnh từ .+ đến .+$/ : /^Edge from .+ to .+$/);
        expect(e.ariaLabel).not.toContain('ruleset:');
        expect(e.ariaLabel).not.toMatch(/cond:|rule:57/);
      }
    }
  });
});

describe('where the undo button says a document is', () => {
  it('names the document and its tab', () => {
    const records = createHarness().store.records();
    expect(documentPlace(builtinRulesetId('350-qd-tw'), records, 'vi')).toEqual({ document: 'bộ quy tắc 350-QĐ/TW', view: 'Soạn quy tắc' });
    expect(documentPlace(planRecordId('ha-noi-2024'), records, 'en').view).toBe('Simulation');
    expect(documentPlace('lifecycle:class-default', records, 'vi').view).toBe('Quy trình lớp');
    expect(documentPlace('cadres:samples', records, 'vi').document).toBe('danh sách hồ sơ mẫu');
  });
});
