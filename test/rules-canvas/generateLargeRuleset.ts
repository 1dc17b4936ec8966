/**
 * A large, valid ruleset for canvas and layout benchmarks: the rules of a base ruleset (57-QĐ/TW by default) cloned
 * round-robin until there are `count` of them, each copy with a unique id (`sc-party-member-v3`), a numbered title
 * and its numeric thresholds nudged, so that no two copies are byte-identical. Pure and deterministic.
 */
import rs57 from '../../rulesets/57-qd-tw.json' with { type: 'json' };
import type { Condition, Rule, Ruleset } from '../../engine/documents/ruleset.ts';

/** Numeric leaf values shifted by `delta` (ages, years, ranks stay integers); everything else copied. */
function vary(c: Condition, delta: number): Condition {
  if ('all' in c) return { all: c.all.map((x) => vary(x, delta)) };
  if ('any' in c) return { any: c.any.map((x) => vary(x, delta)) };
  if ('not' in c) return { not: vary(c.not, delta) };
  const leaf = structuredClone(c);
  // Ranks and dates name things (a level, a day); only plain quantities are nudged.
  if (typeof leaf.value === 'number' && !/Rank|Ordinal/.test(leaf.fact)) leaf.value = leaf.value + delta;
  return leaf;
}

/**
 * `count` rules (500 by default) cloned from `base`, ids unique. Copy 0 of each rule keeps its original id and
 * values; copy n gets `-v<n>`, "(bản n)"/"(copy n)" in its title and thresholds shifted by n mod 3.
 */
export function generateLargeRuleset(count = 500, base: Ruleset = rs57 as unknown as Ruleset): Ruleset {
  const rules: Rule[] = [];
  for (let i = 0; i < count; i++) {
    const src = base.rules[i % base.rules.length]!;
    const copy = Math.floor(i / base.rules.length);
    if (copy === 0) {
      rules.push(structuredClone(src));
      continue;
    }
    rules.push({
      ...structuredClone(src),
      id: `${src.id}-v${copy}`,
      title: { vi: `${src.title.vi} (bản ${copy})`, en: `${src.title.en} (copy ${copy})` },
      conditions: vary(src.conditions, copy % 3) as Rule['conditions'],
    });
  }
  return { ...structuredClone(base), id: `${base.id}-large`, rules };
}
