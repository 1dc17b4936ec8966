import { describe, expect, it } from 'vitest';
import { diagnostic, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { RULESET_KIND } from '../../engine/documents/ruleset.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { NODE_SIZES, sectionId } from '../../editor/rules/canvas/canvasTree.ts';
import { autoLayout } from '../../editor/rules/canvas/layoutTree.ts';
import { toFlow, type CanvasNode, type ToFlowOptions } from '../../editor/rules/canvas/toFlow.ts';
import { addCondition } from '../../editor/workspace/commands/conditionCommands.ts';
import { setLayout } from '../../editor/workspace/commands/layoutCommands.ts';
import { builtinRulesetId, createDefaultWorkspace } from '../../editor/workspace/createDefaultWorkspace.ts';
import { createWorkspaceStore } from '../../editor/workspace/createWorkspaceStore.ts';
import { layoutIdOf, recordsOfType, type Point, type Records, type RuleRecord } from '../../editor/workspace/records.ts';
import { counterIds, recordsFromRuleset, subtreeIds } from '../../editor/workspace/rulesetRecords.ts';
import { generateLargeRuleset } from './generateLargeRuleset.ts';

const RS57 = builtinRulesetId('57-qd-tw');

function defaultRecords(): Records {
  return new Map(createDefaultWorkspace().records.map((r) => [r.id, r]));
}

const base: ToFlowOptions = { lang: 'vi', collapsed: new Set(), positions: {}, diagnosticsByNode: new Map() };

function ruleOf(records: Records, id: string): RuleRecord {
  const r = recordsOfType(records, 'rule').find((x) => x.ruleset === RS57 && x.data.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

function byId(nodes: readonly CanvasNode[]): Map<string, CanvasNode> {
  return new Map(nodes.map((n) => [n.id, n]));
}

function overlaps(a: Point, b: Point, w: number, h: number): boolean {
  return a.x < b.x + w && b.x < a.x + w && a.y < b.y + h && b.y < a.y + h;
}

describe('toFlow on the default 57-QĐ/TW ruleset', () => {
  const records = defaultRecords();
  const graph = toFlow(records, RS57, base);
  const rules = recordsOfType(records, 'rule').filter((r) => r.ruleset === RS57);
  const conds = recordsOfType(records, 'cond').filter((c) => rules.some((r) => r.id === c.rule));

  it('gives one node per rule and per condition, with the record ids as node ids', () => {
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(rules).toHaveLength(36);
    for (const r of [...rules, ...conds]) expect(ids.has(r.id), r.id).toBe(true);
    expect(graph.nodes.filter((n) => n.type === 'rule')).toHaveLength(rules.length);
    expect(graph.nodes.filter((n) => n.type === 'leaf' || n.type === 'conditionGroup')).toHaveLength(conds.length);
    // 1 ruleset + 3 levels × 3 sections.
    expect(graph.nodes).toHaveLength(rules.length + conds.length + 10);
    expect(ids.has(sectionId(RS57, 'intermediate', 'standard'))).toBe(true);
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
  });

  it('hangs each rule under its level and kind section and each condition under its parent', () => {
    const edges = new Map(graph.edges.map((e) => [e.target, e.source]));
    const rule = ruleOf(records, 'tc-part-time-age');
    expect(edges.get(rule.id)).toBe(sectionId(RS57, 'intermediate', 'standard'));
    expect(edges.get(rule.root)).toBe(rule.id);
    for (const c of conds) expect(edges.get(c.id)).toBe(c.parent);
  });

  it('labels nodes in Vietnamese with diacritics, with citation, confidence badge and accessible names', () => {
    const nodes = byId(graph.nodes);
    const rule = nodes.get(ruleOf(records, 'tc-part-time-age').id)!;
    expect(rule.data.citation).toBe('Điều 5 khoản 2 (số điều giả định)');
    expect(rule.data.ariaLabel).toBe('Quy tắc tc-part-time-age: Tuổi học hệ không tập trung: nữ từ 33, nam từ 35, Điều 5 khoản 2 (số điều giả định)');
    expect(nodes.get(sectionId(RS57, 'elementary', 'tier'))!.data.label).toBe('Phân cấp · sơ cấp');
    expect(nodes.get(RS57)!.data.label).toBe('57-QĐ/TW');
    const leaves = graph.nodes.filter((n) => n.type === 'leaf');
    expect(leaves.map((n) => n.data.ariaLabel)).toContain('Điều kiện: Tuổi (tròn năm tại ngày cử đi học) từ 33 trở lên');
    const assumed = graph.nodes.find((n) => n.data.confidence === 'assumed');
    const reported = graph.nodes.find((n) => n.data.confidence === 'reported');
    for (const [n, word] of [[assumed, 'giả định'], [reported, 'theo một nguồn']] as const) {
      if (!n) continue;
      expect(n.data.confidenceLabel).toBe(word);
      expect(n.data.ariaLabel.endsWith(`, ${word}`)).toBe(true);
    }
    expect(assumed ?? reported).toBeDefined();
    expect(graph.nodes.every((n) => n.ariaLabel === n.data.ariaLabel && n.data.ariaLabel.length > 0)).toBe(true);
  });

  it('speaks English when asked', () => {
    const en = byId(toFlow(records, RS57, { ...base, lang: 'en' }).nodes);
    const rule = en.get(ruleOf(records, 'tc-part-time-age').id)!;
    expect(rule.data.label).toBe('Part-time study age: women 33+, men 35+');
    expect(rule.data.citation).toBe('Art. 5(2) (article number assumed)');
    expect(rule.data.ariaLabel.startsWith('Rule tc-part-time-age:')).toBe(true);
    expect(en.get(sectionId(RS57, 'advanced', 'subject'))!.data.label).toBe('Subject · advanced');
  });
});

describe('collapsing', () => {
  const records = defaultRecords();
  const rule = ruleOf(records, 'tc-part-time-age');

  it('hides exactly the subtree of a collapsed rule and reports its child count', () => {
    const open = toFlow(records, RS57, base);
    const closed = toFlow(records, RS57, { ...base, collapsed: new Set([rule.id]) });
    const hidden = new Set(subtreeIds(records, rule.root));
    expect(open.nodes.map((n) => n.id).filter((id) => !closed.nodes.some((n) => n.id === id))).toEqual([...hidden].sort((a, b) => open.nodes.findIndex((n) => n.id === a) - open.nodes.findIndex((n) => n.id === b)));
    expect(closed.nodes).toHaveLength(open.nodes.length - hidden.size);
    const node = byId(closed.nodes).get(rule.id)!;
    expect([node.data.collapsed, node.data.hiddenCount, node.data.collapsible]).toEqual([true, 1, true]);
    expect(closed.edges.some((e) => hidden.has(e.target) || hidden.has(e.source))).toBe(false);
  });

  it('hides a section’s rules and everything under them', () => {
    const sid = sectionId(RS57, 'intermediate', 'standard');
    const closed = toFlow(records, RS57, { ...base, collapsed: new Set([sid]) });
    const underSection = rules57(records).filter((r) => r.data.level === 'intermediate' && r.data.kind === 'standard');
    const hidden = underSection.flatMap((r) => [r.id, ...subtreeIds(records, r.root)]);
    const ids = new Set(closed.nodes.map((n) => n.id));
    expect(hidden.some((id) => ids.has(id))).toBe(false);
    expect(closed.nodes).toHaveLength(toFlow(records, RS57, base).nodes.length - hidden.length);
    expect(byId(closed.nodes).get(sid)!.data.hiddenCount).toBe(underSection.length);
  });
});

function rules57(records: Records): RuleRecord[] {
  return recordsOfType(records, 'rule').filter((r) => r.ruleset === RS57);
}

describe('positions', () => {
  it('uses stored positions as given and places only the nodes without one', () => {
    const records = defaultRecords();
    const rule = ruleOf(records, 'tc-part-time-age');
    const stored = { [rule.id]: { x: 1234.5, y: -77 }, [rule.root]: { x: 3, y: 4 } };
    const graph = toFlow(records, RS57, { ...base, positions: stored });
    const nodes = byId(graph.nodes);
    expect(nodes.get(rule.id)!.position).toEqual({ x: 1234.5, y: -77 });
    expect(nodes.get(rule.root)!.position).toEqual({ x: 3, y: 4 });
    expect(graph.autoPlaced.has(rule.id)).toBe(false);
    expect(nodes.get(rule.id)!.data.autoPlaced).toBe(false);
    expect(graph.autoPlaced.size).toBe(graph.nodes.length - 2);
    // The unplaced children of the stored root keep their auto-layout shape, moved to where the root is.
    const auto = autoLayout(records, RS57, new Set());
    const child = (records.get(rule.root) as { node: { children: string[] } }).node.children[0]!;
    expect(nodes.get(child)!.position).toEqual({ x: 3 + auto[child]!.x - auto[rule.root]!.x, y: 4 + auto[child]!.y - auto[rule.root]!.y });
  });

  it('never replaces a stored position, even for nodes collapsed and expanded again', () => {
    const records = defaultRecords();
    const stored = autoLayout(records, RS57, new Set());
    for (const id of Object.keys(stored)) stored[id] = { x: stored[id]!.x + 7, y: stored[id]!.y - 3 };
    const rule = ruleOf(records, 'tc-part-time-age');
    const graph = toFlow(records, RS57, { ...base, positions: stored, collapsed: new Set([rule.id]) });
    expect(graph.autoPlaced.size).toBe(0);
    for (const n of graph.nodes) expect(n.position).toEqual(stored[n.id]);
  });

  it('keeps every other node’s id and position when a condition is inserted', () => {
    const store = createWorkspaceStore(createDefaultWorkspace().records, { ids: counterIds('t') });
    const before = store.records();
    store.apply(setLayout(RS57, autoLayout(before, RS57, new Set())));
    const laidOut = store.records();
    const layout = laidOut.get(layoutIdOf(RS57)) as { positions: Record<string, Point> };
    const old = toFlow(laidOut, RS57, { ...base, positions: layout.positions });
    const rule = ruleOf(laidOut, 'tc-part-time-age');
    const group = (laidOut.get(rule.root) as { node: { children: string[] } }).node.children[0]!;
    expect(store.apply(addCondition(group, { fact: 'ethnicMinority', operator: 'equal', value: true }, 0)).ok).toBe(true);
    const after = store.records();
    const next = toFlow(after, RS57, { ...base, positions: (after.get(layoutIdOf(RS57)) as { positions: Record<string, Point> }).positions });
    const nextById = byId(next.nodes);
    for (const n of old.nodes) expect(nextById.get(n.id)?.position, n.id).toEqual(n.position);
    const added = next.nodes.filter((n) => !old.nodes.some((o) => o.id === n.id));
    expect(added).toHaveLength(1);
    expect([...next.autoPlaced]).toEqual([added[0]!.id]);
    // Placed beside its siblings, below the lowest of them.
    const siblings = (after.get(group) as { node: { children: string[] } }).node.children.filter((c) => c !== added[0]!.id);
    const lowest = Math.max(...siblings.map((s) => nextById.get(s)!.position.y));
    expect(added[0]!.position.y).toBeGreaterThan(lowest);
    expect(added[0]!.position.x).toBe(nextById.get(siblings[0]!)!.position.x);
  });

  it('keeps unchanged nodes as the same objects when given the previous projection', () => {
    const records = defaultRecords();
    const first = toFlow(records, RS57, base);
    const again = toFlow(records, RS57, base, first);
    expect(again.nodes.every((n, i) => n === first.nodes[i])).toBe(true);
    expect(again.edges).toBe(first.edges);
    const rule = ruleOf(records, 'tc-part-time-age');
    const selected = toFlow(records, RS57, { ...base, selectedId: rule.id }, first);
    expect(selected.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id)).toEqual([rule.id]);
  });
});

describe('search', () => {
  const records = defaultRecords();
  const matched = (search: string) => toFlow(records, RS57, { ...base, search }).nodes.filter((n) => n.data.match);

  it('finds rules by article, "Điều 5", and not "Điều 50"-like neighbours', () => {
    const hits = matched('Điều 5');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((n) => n.type === 'rule' && /^Điều 5( |$)/.test(n.data.citation!))).toBe(true);
    const article5 = rules57(records).filter((r) => r.data.citation.article === 5).map((r) => r.id).sort();
    expect(hits.map((n) => n.id).sort()).toEqual(article5);
    expect(matched('dieu 5').map((n) => n.id).sort()).toEqual(article5);
  });

  it('finds leaves and titles without diacritics ("tuoi") and dims the rest', () => {
    const graph = toFlow(records, RS57, { ...base, search: 'tuoi' });
    const hits = graph.nodes.filter((n) => n.data.match);
    expect(hits.some((n) => n.type === 'leaf' && n.data.label.startsWith('Tuổi'))).toBe(true);
    expect(hits.some((n) => n.id === ruleOf(records, 'tc-part-time-age').id)).toBe(true);
    expect(graph.nodes.filter((n) => !n.data.match).every((n) => n.data.dimmed)).toBe(true);
    expect(toFlow(records, RS57, base).nodes.some((n) => n.data.dimmed || n.data.match)).toBe(false);
  });

  it('finds a rule by its id and a leaf by its fact name', () => {
    expect(matched('tc-part-time-age').map((n) => n.id)).toEqual([ruleOf(records, 'tc-part-time-age').id]);
    expect(matched('TC-PART-TIME-AGE')).toHaveLength(1);
    expect(matched('partyStatus').every((n) => n.type === 'leaf')).toBe(true);
    expect(matched('partyStatus').length).toBeGreaterThan(0);
  });
});

describe('diagnostics and test-bench trace', () => {
  const records = defaultRecords();
  const rule = ruleOf(records, 'tc-part-time-age');
  const group = (records.get(rule.root) as { node: { children: string[] } }).node.children[0]!;
  const ageLeaf = (records.get(group) as { node: { children: string[] } }).node.children[1]!;

  it('puts the count and the worst severity on the node the diagnostics address', () => {
    const diags = new Map<string, Diagnostic[]>([
      [ageLeaf, [diagnostic('ruleset/x', 'warning', 'rules[0]', { vi: 'Cảnh báo', en: 'Warning' }), diagnostic('ruleset/y', 'error', 'rules[0]', { vi: 'Lỗi ở đây', en: 'Error here' })]],
      [rule.id, [diagnostic('ruleset/z', 'warning', 'rules[0]', { vi: 'Chỉ cảnh báo', en: 'Only a warning' })]],
    ]);
    const nodes = byId(toFlow(records, RS57, { ...base, diagnosticsByNode: diags }).nodes);
    expect(nodes.get(ageLeaf)!.data).toMatchObject({ diagnostics: 2, severity: 'error', diagnosticsLabel: '2 lỗi', diagnosticsText: 'Cảnh báo\nLỗi ở đây' });
    expect(nodes.get(rule.id)!.data).toMatchObject({ diagnostics: 1, severity: 'warning', diagnosticsLabel: '1 cảnh báo' });
    expect(nodes.get(rule.id)!.data.ariaLabel.endsWith(', 1 cảnh báo')).toBe(true);
    expect(nodes.get(group)!.data.diagnostics).toBe(0);
    expect(nodes.get(group)!.data.severity).toBeUndefined();
  });

  it('marks passed and failed nodes and shows the cadre’s value beside a leaf', () => {
    const trace = new Map([[rule.id, { passed: false }], [group, { passed: false }], [ageLeaf, { passed: false, actual: 31 }]]);
    const nodes = byId(toFlow(records, RS57, { ...base, trace }).nodes);
    expect(nodes.get(ageLeaf)!.data).toMatchObject({ trace: 'failed', traceValue: 'Giá trị: 31' });
    expect(nodes.get(rule.id)!.data.trace).toBe('failed');
    expect(nodes.get(rule.id)!.data.traceValue).toBeUndefined();
    const sexLeaf = (records.get(group) as { node: { children: string[] } }).node.children[0]!;
    const passed = byId(toFlow(records, RS57, { ...base, lang: 'en', trace: new Map([[sexLeaf, { passed: true, actual: 'female' }]]) }).nodes);
    expect(passed.get(sexLeaf)!.data).toMatchObject({ trace: 'passed', traceValue: 'Value: female' });
    expect(passed.get(ageLeaf)!.data.trace).toBeUndefined();
  });
});

describe('autoLayout', () => {
  it('gives every visible node a position and no two rule nodes overlap', () => {
    const records = defaultRecords();
    const rule = ruleOf(records, 'tc-part-time-age');
    for (const collapsed of [new Set<string>(), new Set([rule.id])]) {
      const positions = autoLayout(records, RS57, collapsed);
      const graph = toFlow(records, RS57, { ...base, collapsed });
      expect(Object.keys(positions).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
      const rulePositions = graph.nodes.filter((n) => n.type === 'rule').map((n) => positions[n.id]!);
      const { width, height } = NODE_SIZES.rule;
      for (let i = 0; i < rulePositions.length; i++) {
        for (let j = i + 1; j < rulePositions.length; j++) expect(overlaps(rulePositions[i]!, rulePositions[j]!, width, height)).toBe(false);
      }
    }
  });

  it('places no two nodes of any kind on top of each other', () => {
    const records = defaultRecords();
    const graph = toFlow(records, RS57, base);
    const boxes = graph.nodes.map((n) => ({ ...n.position, ...NODE_SIZES[n.data.kind] }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height, `${graph.nodes[i]!.id} × ${graph.nodes[j]!.id}`).toBe(false);
      }
    }
  });
});

describe('generateLargeRuleset', () => {
  it('builds a 500-rule ruleset with unique ids that loadDocument accepts', () => {
    const big = generateLargeRuleset(500);
    const loaded = loadDocument(RULESET_KIND, JSON.parse(JSON.stringify(big)));
    expect(loaded.ok ? [] : loaded.diagnostics.map((d) => `${d.path}: ${d.message}`)).toEqual([]);
    expect(big.rules).toHaveLength(500);
    expect(new Set(big.rules.map((r) => r.id)).size).toBe(500);
  });

  it('projects to a canvas with one node per rule', () => {
    const big = generateLargeRuleset(500);
    const records = new Map(recordsFromRuleset(big, 'ruleset:big', 'created', counterIds('b')).map((r) => [r.id, r]));
    const graph = toFlow(records, 'ruleset:big', base);
    expect(graph.nodes.filter((n) => n.type === 'rule')).toHaveLength(500);
    expect(graph.autoPlaced.size).toBe(graph.nodes.length);
  });
});
