/**
 * An imported file nested deeper than documents may be is refused for its depth (`document/too-deep`, with the
 * limit), not reported as holding a forbidden key it does not have — a workspace and a single ruleset alike.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { createDefaultWorkspace } from '../../editor/workspace/createDefaultWorkspace.ts';
import { importRulesetText, importWorkspaceText } from '../../editor/workspace/importFiles.ts';

const catalogues = { positions: builtinDocuments().positions, institutions: builtinDocuments().institutions };

/** `{ "not": { "not": … } }`, `levels` deep, as a JSON text. */
const nested = (levels: number) => `${'{"not":'.repeat(levels)}{}${'}'.repeat(levels)}`;

describe('importing a deeply nested file', () => {
  it('refuses a workspace nested 5,000 levels deep for its depth, naming the limit', () => {
    const doc = JSON.stringify(createDefaultWorkspace());
    const text = doc.replace(/\}$/, `,"extra":${nested(5000)}}`);
    const r = importWorkspaceText(text, 'deep.workspace.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => d.code)).toEqual(['document/too-deep']);
    expect(r.diagnostics[0]!.messageEn).toMatch(/^Nested more than 100 levels deep at extra\.not\.not/);
  });

  it('refuses a ruleset whose condition nests 5,000 levels for its depth, not for a forbidden key', () => {
    const r = importRulesetText(readFileSync('fixtures/bad-input/deep-condition.ruleset.json', 'utf8'), 'deep-condition.ruleset.json', catalogues);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => d.code)).toEqual(['document/too-deep']);
    expect(r.diagnostics.some((d) => /forbidden/i.test(d.messageEn))).toBe(false);
  });

  it('still refuses a forbidden key placed within the depth limit', () => {
    const doc = JSON.stringify(createDefaultWorkspace());
    const r = importWorkspaceText(doc.replace(/\}$/, ',"extra":{"a":{"__proto__":{}}}}'), 'proto.workspace.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => d.code)).toEqual(['workspace/forbidden-key']);
  });
});
