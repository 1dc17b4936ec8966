import { describe, expect, it } from 'vitest';
import { buildCoverage, coverageFails, PROVISION_STATUSES, provisionsOfRule } from '../../engine/coverage/buildCoverage.ts';
import { leaf, outline, report, rule, ruleset } from './coverageFixtures.ts';

const statusOf = (c: ReturnType<typeof buildCoverage>, key: string) => c.provisions.find((p) => p.provision.key === key)?.status;

describe('buildCoverage', () => {
  const o = outline([
    { key: 'ch', label: { vi: 'chương', en: 'chapter' }, sources: ['s1'], confidence: 'confirmed', children: [leaf('a'), leaf('b'), leaf('c'), leaf('d', { confidence: 'assumed', sources: [] })] },
    leaf('scope', { scopeOnly: 'regulation.levels' }),
  ]);

  it('marks a provision tested only when every rule encoding it has a golden case passing and one failing', () => {
    const rs = ruleset([rule('r1', { provisions: ['a'] }), rule('r2', { provisions: ['b'] }), rule('r3', { provisions: ['b'] })]);
    const c = buildCoverage({ ruleset: rs, outline: o, golden: [report({ k1: { r1: true, r2: true, r3: false }, k2: { r1: false, r2: false } })] });
    expect(statusOf(c, 'a')).toBe('tested');
    // r3 never passed in any case: b is encoded, not tested
    expect(statusOf(c, 'b')).toBe('encoded');
    expect(c.untestedRules).toEqual([{ rule: 'r3', missing: ['passing'] }]);
    expect(c.provisions.find((p) => p.provision.key === 'b')?.rules).toEqual(['r2', 'r3']);
  });

  it('lists the provisions no rule encodes, and does not count a heading whose children carry the rules', () => {
    const c = buildCoverage({ ruleset: ruleset([rule('r1', { provisions: ['a'] })]), outline: o, golden: [] });
    expect(c.notEncoded).toEqual(['b', 'c', 'd']);
    expect(statusOf(c, 'ch')).toBe('group');
    // 'd' is assumed in the outline and no rule encodes it: not encoded wins over assumed
    expect(statusOf(c, 'd')).toBe('not-encoded');
    const counted = c.provisions.filter((p) => p.status !== 'group').length;
    expect(PROVISION_STATUSES.reduce((n, s) => n + c.counts[s], 0)).toBe(counted);
  });

  it('marks a provision assumed when the outline assumes it or one rule encoding it is assumed, even when tested', () => {
    const rs = ruleset([rule('r1', { provisions: ['a'] }), rule('r2', { provisions: ['a'], confidence: 'assumed' }), rule('r3', { provisions: ['d'] })]);
    const golden = [report({ k1: { r1: true, r2: true, r3: true }, k2: { r1: false, r2: false, r3: false } })];
    const c = buildCoverage({ ruleset: rs, outline: o, golden });
    expect(statusOf(c, 'a')).toBe('assumed');
    expect(c.provisions.find((p) => p.provision.key === 'a')?.tested).toBe(true);
    expect(statusOf(c, 'd')).toBe('assumed');
    expect(coverageFails(c, 'assumed')).toBe(true);
  });

  it('counts a provision encoded by ruleset data (scopeOnly) as encoded without a rule', () => {
    const c = buildCoverage({ ruleset: ruleset([]), outline: o, golden: [] });
    expect(statusOf(c, 'scope')).toBe('encoded');
    expect(c.provisions.find((p) => p.provision.key === 'scope')?.rules).toEqual([]);
  });

  it('lists rules citing no provision and citations of keys the outline lacks', () => {
    const rs = ruleset([rule('r1'), rule('r2', { provisions: ['a', 'nowhere'] })]);
    const c = buildCoverage({ ruleset: rs, outline: o, golden: [] });
    expect(c.uncitedRules).toEqual(['r1']);
    expect(c.unknownCitations).toEqual([{ rule: 'r2', key: 'nowhere' }]);
    expect(provisionsOfRule(c, 'r2').map((p) => p.provision.key)).toEqual(['a']);
    expect(coverageFails(c, 'uncovered')).toBe(true);
  });

  it('leaves rules of a level the regulation does not regulate out of every list and count', () => {
    const rs = ruleset([rule('sc', { level: 'elementary' }), rule('tc', { provisions: ['a', 'b', 'c'] })], ['intermediate']);
    const golden = [report({ k1: { tc: true, sc: true }, k2: { tc: false } })];
    const c = buildCoverage({ ruleset: rs, outline: outline([leaf('a'), leaf('b'), leaf('c')]), golden });
    expect(c.outOfScopeRules).toEqual(['sc']);
    expect(c.uncitedRules).toEqual([]);
    expect(c.untestedRules).toEqual([]);
    expect(c.counts).toEqual({ tested: 3, encoded: 0, assumed: 0, 'not-encoded': 0 });
    for (const on of ['uncovered', 'untested', 'assumed'] as const) expect(coverageFails(c, on)).toBe(false);
  });

  it('follows an edit: the same rule citing another provision moves its coverage there', () => {
    const golden = [report({ k1: { r1: true }, k2: { r1: false } })];
    const before = buildCoverage({ ruleset: ruleset([rule('r1', { provisions: ['a'] })]), outline: o, golden });
    const after = buildCoverage({ ruleset: ruleset([rule('r1', { provisions: ['c'] })]), outline: o, golden });
    expect([statusOf(before, 'a'), statusOf(before, 'c')]).toEqual(['tested', 'not-encoded']);
    expect([statusOf(after, 'a'), statusOf(after, 'c')]).toEqual(['not-encoded', 'tested']);
  });

  it('counts only the golden cases that produced a verdict of this ruleset', () => {
    const golden = [report({ k1: { r1: true } }), report({ k9: { x: true } }, 'other')];
    expect(buildCoverage({ ruleset: ruleset([rule('r1', { provisions: ['a'] })]), outline: o, golden }).cases).toBe(1);
  });
});
