/**
 * The cohort diff of the Hà Nội 2024 fixture (210 cadres, trung cấp part-time on 2024-03-01): 57-QĐ/TW in force
 * against 350-QĐ/TW applied to the same plan, held to what checking the cohort each way gives, to the fixture's
 * documented 57 figures (fixtures/cadres/README.md: 185 eligible; 16 too young, 4 non-members, 2 upper-secondary,
 * 1 already trained, 2 in no subject group) and to what regulation.md says 350 changes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinDocuments, createBuiltinChecker } from '../../engine/builtin.ts';
import type { Nomination } from '../../engine/documents/cadre.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import type { Checker } from '../../engine/rules/createChecker.ts';
import { createCohortDiff } from '../../engine/rules/diff/createCohortDiff.ts';
import { createDiffSide } from '../../engine/rules/diff/createDiffSide.ts';
import type { CadreDiff } from '../../engine/rules/diff/diffVerdicts.ts';
import { expectRuleCountsMatchRows } from './diffSupport.ts';

const FILE = fileURLToPath(new URL('../../fixtures/cadres/hanoi-2024-central-agencies.csv', import.meta.url));
const read = readCadresFromText(readFileSync(FILE, 'utf8'), { file: 'hanoi.csv', positions: builtinDocuments().positions });
const nomination: Nomination = { level: 'intermediate', mode: 'part-time', on: '2024-03-01' };

const a = createDiffSide({}, builtinDocuments(), nomination.on);
const b = createDiffSide({ ruleset: '350-qd-tw' }, builtinDocuments(), nomination.on);
if (!a.ok || !b.ok) throw new Error('the shipped sides must build');
const cohort = createCohortDiff({ a: a.side, b: b.side });
const diffs: CadreDiff[] = read.rows.map((r) => cohort.add(r.profile, nomination));
const summary = cohort.summary();

/** What `llct check` does each way: one checker, every row. */
function eligibleIds(checker: Checker): Set<string> {
  const ids = new Set<string>();
  for (const r of read.rows) {
    const o = checker.checkSync(r.profile, nomination);
    if (!o.ok) throw new Error(o.diagnostics[0]!.message);
    if (o.verdict.eligible) ids.add(r.profile.id);
  }
  return ids;
}
const under57 = eligibleIds(createBuiltinChecker());
const rs350 = builtinDocuments().rulesets.find((r) => r.id === '350-qd-tw')!;
const under350 = eligibleIds(createBuiltinChecker({ rulesets: [rs350], regardlessOfDate: true }));
const idsOf = (kind: CadreDiff['change']) => new Set(diffs.filter((d) => d.change === kind).map((d) => d.id));

describe('the Hà Nội 2024 cohort, 57-QĐ/TW against 350-QĐ/TW applied to 2024-03-01', () => {
  it('reads 210 cadres and finds 185 eligible under 57, as the fixture documents', () => {
    expect(read.rows).toHaveLength(210);
    expect(summary.total).toBe(210);
    expect(summary.a).toEqual({ eligible: 185, ineligible: 25, outOfScope: 0, invalid: 0 });
    expect(under57.size).toBe(185);
  });

  it('agrees with checking the cohort each way: gained and lost are the differences of the eligible sets', () => {
    expect(summary.b.eligible).toBe(under350.size);
    expect(idsOf('gained')).toEqual(new Set([...under350].filter((id) => !under57.has(id))));
    expect(idsOf('lost')).toEqual(new Set([...under57].filter((id) => !under350.has(id))));
    expect(summary.changes['still-eligible']).toBe([...under57].filter((id) => under350.has(id)).length);
    expect(Object.values(summary.changes).reduce((x, y) => x + y, 0)).toBe(210);
    expect(summary.changes.invalid).toBe(0);
  });

  it('counts the 57 failures the fixture documents, rule by rule', () => {
    const counts = Object.fromEntries(Object.entries(summary.byRule.a).map(([k, v]) => [k, v.count]));
    expect(counts).toEqual({
      'tc-part-time-age': 16, 'tc-party-member': 4, 'tc-education': 2, 'tc-not-held': 1, '57-qd-tw-intermediate-subject': 2,
    });
  });

  it('has cadres gain only by the part-time age, the one trung cấp standard 350 relaxes (33/35 → 28/30)', () => {
    expect(summary.changes.gained).toBeGreaterThan(0);
    for (const d of diffs.filter((x) => x.change === 'gained')) {
      expect(d.a.ok && d.a.failures.map((f) => f.rule)).toEqual(['tc-part-time-age']);
    }
    expect(Object.keys(summary.byRule.gained)).toEqual(['tc-part-time-age']);
  });

  it('has cadres lose only by what 350 adds or narrows: two-year ratings, THPT for minorities only, the subject groups', () => {
    const narrowed = new Set(['tc350-ratings', 'tc350-education', '350-qd-tw-intermediate-subject']);
    expect(summary.changes.lost).toBeGreaterThan(0);
    for (const d of diffs.filter((x) => x.change === 'lost')) {
      expect(d.b.ok && d.b.failures.every((f) => narrowed.has(f.rule))).toBe(true);
    }
  });

  it('keeps the school: Lê Hồng Phong trains central-agency cadres in Hà Nội under both', () => {
    expect(summary.institutionChanged).toBe(0);
    expect(diffs.every((d) => d.a.ok && d.b.ok && d.a.institution?.id === 'le-hong-phong' && d.b.institution?.id === 'le-hong-phong')).toBe(true);
  });

  it('counts, per side, the failures of each rule that the rows carry', () => {
    expectRuleCountsMatchRows(diffs, summary);
  });
});
