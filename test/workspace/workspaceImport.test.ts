import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { createDefaultWorkspace } from '../../editor/workspace/createDefaultWorkspace.ts';
import { importRulesetText, importWorkspaceText, rulesetFileText } from '../../editor/workspace/importFiles.ts';
import { recordsOfType } from '../../editor/workspace/records.ts';
import { toRuleset } from '../../editor/workspace/rulesetRecords.ts';
import { toWorkspaceDocument } from '../../editor/workspace/workspaceDocument.ts';
import { createHarness } from './workspaceHarness.ts';

const catalogues = { positions: builtinDocuments().positions, institutions: builtinDocuments().institutions };
const V1 = readFileSync('fixtures/workspace/workspace-v1.json', 'utf8');

describe('workspace document', () => {
  it('round-trips the default workspace through its exported text', () => {
    const doc = createDefaultWorkspace();
    const text = JSON.stringify(doc);
    const back = importWorkspaceText(text, 'w.json');
    expect(back.ok).toBe(true);
    if (back.ok) expect(JSON.stringify(back.value)).toBe(text);
  });

  it('migrates a stored version-1 workspace: rules get ids, path-keyed positions follow their nodes', () => {
    const r = importWorkspaceText(V1, 'workspace-v1.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    const records = new Map(r.value.records.map((x) => [x.id, x]));
    const v1 = JSON.parse(V1) as { rulesets: unknown[] };
    expect(toRuleset(records, 'ruleset:57-qd-tw').ruleset).toEqual(v1.rulesets[0]);
    const built = toRuleset(records, 'ruleset:57-qd-tw');
    const layout = recordsOfType(records, 'layout')[0]!;
    const womenAge = built.nodeAtPath.get('rules.1.conditions.any.0.all.1')!;
    const ageNode = records.get(womenAge);
    expect(ageNode?.type === 'cond' && ageNode.node).toMatchObject({ fact: 'age', value: 33 });
    expect(layout.positions[womenAge]).toEqual({ x: 420, y: 160 });
    expect(layout.positions[built.nodeAtPath.get('rules.0')!]).toEqual({ x: 40, y: 80 });
    expect(layout.collapsed).toEqual([built.nodeAtPath.get('rules.2.conditions')]);
  });
});

describe('import never changes the current workspace when it refuses', () => {
  const corpus: Array<[string, string]> = [
    ['malformed JSON', '{"schema": "llct/workspace", "version": 2, '],
    ['not an object', '[1, 2, 3]'],
    ['wrong schema', JSON.stringify({ schema: 'llct/ruleset', version: 1 })],
    ['newer version', JSON.stringify({ schema: 'llct/workspace', version: 99, name: 'x', records: [] })],
    ['__proto__ key', '{"schema":"llct/workspace","version":2,"name":"x","records":[],"__proto__":{"polluted":true}}'],
    ['dangling child', JSON.stringify(toWorkspaceDocument('x', [
      { id: 'ruleset:a', type: 'ruleset', meta: {} as never, rules: ['rule:1'], origin: 'imported' },
      { id: 'rule:1', type: 'rule', ruleset: 'ruleset:a', data: {} as never, root: 'cond:missing' },
    ]))],
    ['10 MB of garbage', `{"schema":"llct/workspace","version":2,"name":"${'x'.repeat(10 * 1024 * 1024)}`],
  ];
  for (const [name, text] of corpus) {
    it(`refuses ${name} with a reason, and the store is untouched`, () => {
      const h = createHarness();
      const before = h.bytes();
      const r = importWorkspaceText(text, 'bad.json');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.diagnostics.length).toBeGreaterThan(0);
        expect(r.diagnostics.every((d) => d.file === 'bad.json' && d.message.length > 0 && d.messageEn.length > 0)).toBe(true);
      }
      expect(h.bytes()).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('refuses a ruleset with a misspelt fact, naming the path and the likely fact', () => {
    const rs = structuredClone(builtinDocuments().rulesets[0]!) as unknown as { rules: Array<{ conditions: { all?: Array<{ fact: string }> } }> };
    const rule = rs.rules.find((r) => r.conditions.all?.[0]?.fact === 'partyStatus')!;
    rule.conditions.all![0]!.fact = 'partyStatsu';
    const r = importRulesetText(JSON.stringify(rs), 'edited.json', catalogues);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics[0]).toMatchObject({ code: 'ruleset/unknown-fact', file: 'edited.json' });
      expect(r.diagnostics[0]!.hint).toContain('partyStatus');
    }
  });

  it('accepts an exported ruleset as it was exported', () => {
    const rs = builtinDocuments().rulesets[1]!;
    const r = importRulesetText(rulesetFileText(rs), '350.json', catalogues);
    expect(r.ok && r.value).toEqual(rs);
  });

  it('never throws on random bytes or random JSON', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json().map(String), fc.jsonValue().map((v) => JSON.stringify({ schema: 'llct/workspace', version: 2, name: 'n', records: [v] }))), (text) => {
      const r = importWorkspaceText(text, 'f.json');
      expect(typeof r.ok).toBe('boolean');
      const s = importRulesetText(text, 'f.json', catalogues);
      expect(typeof s.ok).toBe('boolean');
    }), { numRuns: 300, seed: 7 });
  });
});

describe('an old workspace whose ruleset does not load', () => {
  it('is refused with the ruleset’s own problem, at its path in the file', () => {
    const v1 = JSON.parse(V1) as { rulesets: Array<{ rules: Array<Record<string, unknown>> }> };
    v1.rulesets[0]!.rules[1]!.notee = 'x';
    const r = importWorkspaceText(JSON.stringify(v1), 'old.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ path: 'rulesets[0].rules[1].notee', file: 'old.json' });
  });
});
