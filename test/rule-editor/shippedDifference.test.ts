/**
 * The rule editor says when a workspace copy of a shipped ruleset differs from the copy this build ships (a workspace
 * saved before an update keeps its own copy): never for the default workspace, and for the previous build's 350-QĐ/TW
 * copy with what restoring it would change (sơ cấp out of scope, the corrected army post).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { diffRulesets, lines } from '../../engine/rules/diffRulesets.ts';
import { createDefaultWorkspace } from '../../editor/workspace/createDefaultWorkspace.ts';
import { readWorkspace } from '../../editor/workspace/readWorkspace.ts';
import { toRuleset } from '../../editor/workspace/rulesetRecords.ts';

const shipped = (id: string) => builtinDocuments().rulesets.find((r) => r.id === id)!;

describe('a workspace copy against the shipped ruleset', () => {
  it('is identical for every ruleset of the default workspace', () => {
    const records = new Map(createDefaultWorkspace().records.map((r) => [r.id, r]));
    for (const id of ['57-qd-tw', '350-qd-tw']) {
      expect(diffRulesets(toRuleset(records, `ruleset:${id}`).ruleset, shipped(id)).summary.identical, id).toBe(true);
    }
  });

  it('lists, for the previous build\'s 350-QĐ/TW copy, what restoring would change', () => {
    const read = readWorkspace(JSON.parse(readFileSync('fixtures/workspace/workspace-v2-before-350-scope.json', 'utf8')));
    if (!read.ok) throw new Error('unreadable');
    const copy = toRuleset(new Map(read.document.records.map((r) => [r.id, r])), 'ruleset:350-qd-tw').ruleset;
    const diff = diffRulesets(copy, shipped('350-qd-tw'));
    expect(diff.summary.identical).toBe(false);
    const text = lines(diff, 'vi').join('\n');
    expect(text).toContain('Trình độ quy định điều chỉnh: cả ba trình độ → trung cấp; cao cấp');
    // A citation saved without its numbering is the same citation (absent means assumed): not listed as a change.
    expect(text).not.toMatch(/Trích dẫn: (.*) → \1/);
    expect(text).toContain('tc350-army');
    expect(text).toContain('phó chủ nhiệm chính trị');
  });
});
