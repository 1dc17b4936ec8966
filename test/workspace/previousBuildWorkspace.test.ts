/**
 * A workspace saved by the build before 350's scope and the citation numbering (fixtures/workspace/
 * workspace-v2-before-350-scope.json: its 350-QĐ/TW copy, saved by commit fc1de30) still reads whole: no part set
 * aside, its citations without `numbering` print as assumed, and without `regulation.levels` it still judges sơ cấp
 * with the rules it carries — the user's copy is theirs until they restore the shipped one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { formatCitation } from '../../engine/documents/ruleset.ts';
import { regulatesLevel } from '../../engine/rules/outOfScope.ts';
import { readWorkspace } from '../../editor/workspace/readWorkspace.ts';
import { toRuleset } from '../../editor/workspace/rulesetRecords.ts';

const stored = JSON.parse(readFileSync('fixtures/workspace/workspace-v2-before-350-scope.json', 'utf8')) as unknown;

describe('a workspace saved by the previous build', () => {
  it('reads whole, and its 350-QĐ/TW copy builds, cites as assumed and keeps the levels it had', () => {
    const read = readWorkspace(stored);
    if (!read.ok) throw new Error(read.diagnostics[0]!.message);
    expect(read.setAside).toEqual([]);
    const records = new Map(read.document.records.map((r) => [r.id, r]));
    const built = toRuleset(records, 'ruleset:350-qd-tw');
    const rs = built.ruleset;
    expect(rs.rules.length).toBe(40);
    expect(rs.rules.every((r) => r.citation.numbering === undefined)).toBe(true);
    expect(formatCitation(rs.regulation.code, rs.rules.find((r) => r.id === 'tc350-ratings')!.citation)).toBe('350-QĐ/TW Điều 5 khoản 2 (số điều giả định)');
    expect(regulatesLevel(rs, 'elementary')).toBe(true);
    // The shipped copy now says otherwise; restoring it (the ruleset inspector's button) is the user's choice.
    expect(regulatesLevel(builtinDocuments().rulesets.find((r) => r.id === '350-qd-tw')!, 'elementary')).toBe(false);
  });
});
