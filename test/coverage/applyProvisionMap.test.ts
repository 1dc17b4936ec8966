import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_OUTLINE_JSON, BUILTIN_RULESET_JSON } from '../../engine/builtin.ts';
import { applyProvisionMap } from '../../engine/coverage/applyProvisionMap.ts';
import { ROOT } from '../cli/runLlct.ts';

const doc = () => ({
  id: 't',
  rules: [
    { id: 'r1', level: 'intermediate', citation: { article: 5 }, confidence: 'confirmed' },
    { id: 'r2', citation: { article: 6 }, provisions: ['old'], confidence: 'assumed' },
    { id: 'r3', confidence: 'assumed' },
  ],
});

describe('applyProvisionMap (scripts/applyProvisions.ts)', () => {
  it('puts provisions right after the citation, replaces a list in place, and reports what it did', () => {
    const { ruleset, report } = applyProvisionMap(doc(), { r1: ['a'], r2: ['b', 'c'], gone: ['x'] });
    const rules = ruleset.rules as Array<Record<string, unknown>>;
    expect(Object.keys(rules[0]!)).toEqual(['id', 'level', 'citation', 'provisions', 'confidence']);
    expect(Object.keys(rules[1]!)).toEqual(['id', 'citation', 'provisions', 'confidence']);
    expect(rules[1]!.provisions).toEqual(['b', 'c']);
    expect(rules[2]).toEqual({ id: 'r3', confidence: 'assumed' });
    expect(report).toEqual({ changed: ['r1', 'r2'], unmapped: ['r3'], missing: ['gone'] });
  });

  it('changes nothing on a second run, and never modifies its input', () => {
    const input = doc();
    const once = applyProvisionMap(input, { r1: ['a'] });
    expect(input.rules[0]).not.toHaveProperty('provisions');
    const twice = applyProvisionMap(once.ruleset, { r1: ['a'] });
    expect(twice.report.changed).toEqual([]);
    expect(JSON.stringify(twice.ruleset)).toBe(JSON.stringify(once.ruleset));
  });

  it('finds the shipped rulesets in step with their outlines\' maps, byte for byte (re-run the script when this fails)', () => {
    for (const [id, raw] of Object.entries(BUILTIN_OUTLINE_JSON)) {
      const map = (raw as { rules: Record<string, string[]> }).rules;
      const { ruleset, report } = applyProvisionMap(BUILTIN_RULESET_JSON[id] as Record<string, unknown>, map);
      expect(report.changed, `${id}: run node --import tsx scripts/applyProvisions.ts`).toEqual([]);
      expect(report.missing, id).toEqual([]);
      expect(`${JSON.stringify(ruleset, null, 2)}\n`).toBe(readFileSync(join(ROOT, 'rulesets', `${id}.json`), 'utf8'));
    }
  });
});
