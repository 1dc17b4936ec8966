/**
 * Ruleset documents are strict, as lifecycle documents are: a misspelt key would otherwise be dropped and the rule
 * would silently lose what it meant to say. Each unknown key is its own diagnostic, at the key, with a "did you mean".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinCatalogues } from '../../engine/builtin.ts';
import { validateRuleset } from '../../engine/diagnostics/validateRuleset.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { RULESET_KIND } from '../../engine/documents/ruleset.ts';

type Raw = Record<string, unknown> & { rules: Array<Record<string, unknown>>; regulation: Record<string, unknown>; subjectGroups: Record<string, Record<string, unknown>> };
const shipped = (id: string) => JSON.parse(readFileSync(`rulesets/${id}.json`, 'utf8')) as Raw;
const unknownKeys = (raw: unknown) => validateRuleset(raw, builtinCatalogues()).filter((d) => d.code === 'ruleset/unknown-key');

describe('unknown keys in a ruleset', () => {
  it('are errors at the key itself with "did you mean" in both languages: notee → note', () => {
    const raw = shipped('57-qd-tw');
    raw.rules[4]!.notee = 'Ghi chú gõ nhầm tên khóa';
    const d = unknownKeys(raw);
    expect(d).toEqual([{
      code: 'ruleset/unknown-key', severity: 'error', path: 'rules[4].notee', segments: ['rules', 4, 'notee'],
      message: 'Khóa "notee" không có trong lược đồ llct/ruleset.', messageEn: 'Unknown key "notee" in a llct/ruleset document.',
      hint: 'Có phải "note"?', hintEn: 'Did you mean "note"?',
    }]);
    const loaded = loadDocument(RULESET_KIND, raw);
    expect(loaded.ok).toBe(false);
  });

  it('are found in the ruleset, a rule\'s citation, the regulation and a subject group, each against its own keys', () => {
    const raw = shipped('350-qd-tw');
    raw.rules[1]!.citation = { ...(raw.rules[1]!.citation as object), clase: 2 };
    raw.regulation.effectivFrom = '2025-01-01';
    raw.subjectGroups.intermediate!.confidenc = 'assumed';
    raw.rule = [];
    const d = unknownKeys(raw);
    expect(d.map((x) => [x.path, x.hintEn])).toEqual(expect.arrayContaining([
      ['rules[1].citation.clase', 'Did you mean "clause"?'],
      ['regulation.effectivFrom', 'Did you mean "effectiveFrom"?'],
      ['subjectGroups.intermediate.confidenc', 'Did you mean "confidence"?'],
      ['rule', 'Did you mean "rules"?'],
    ]));
    expect(d).toHaveLength(4);
    expect(d.find((x) => x.path === 'rules[1].citation.clase')?.segments).toEqual(['rules', 1, 'citation', 'clase']);
    expect(d.find((x) => x.path === 'regulation.effectivFrom')?.hint).toBe('Có phải "effectiveFrom"?');
  });

  it('list the valid keys when none is close', () => {
    const raw = shipped('57-qd-tw');
    raw.rules[0]!.xyzzy = true;
    const [d] = unknownKeys(raw);
    expect(d?.path).toBe('rules[0].xyzzy');
    expect(d?.hintEn).toMatch(/^Valid keys: id, level, kind, title, citation, confidence, source, note, modes, conditions, message, institution, waivable, provisions, carriedOverFrom\.$/);
    expect(d?.hint).toMatch(/^Các khóa hợp lệ: id, level, /);
  });

  it('are absent from the shipped rulesets, which load with no error or warning', () => {
    for (const id of ['57-qd-tw', '350-qd-tw']) {
      const d = validateRuleset(shipped(id), builtinCatalogues());
      expect(d.filter((x) => x.severity !== 'info')).toEqual([]);
      expect(loadDocument(RULESET_KIND, shipped(id)).ok).toBe(true);
    }
  });
});
