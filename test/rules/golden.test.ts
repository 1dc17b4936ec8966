/**
 * Golden regulation cases (fixtures/golden/<ruleset>.cases.json): every case is a cadre and a nomination with the
 * answer the regulation gives, written from shared/domain/regulation.md, and the article it illustrates.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinDocuments, createBuiltinChecker } from '../../engine/builtin.ts';
import type { Condition, Rule, Ruleset } from '../../engine/documents/ruleset.ts';
import { createCompiledEvaluator } from '../../engine/rules/compile/createCompiledEvaluator.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';
import { goldenCoverage, runGoldenCases, type GoldenLoad, type GoldenReport } from '../../engine/rules/runGoldenCases.ts';
import { regulatesLevel } from '../../engine/rules/outOfScope.ts';

const RULESET_IDS = ['57-qd-tw', '350-qd-tw'] as const;
const MIN_CASES = 80;

/** The regulation's answers must come out of the reference semantics and out of the compiled fast path alike. */
const checker = createBuiltinChecker({ evaluator: createReferenceEvaluator });
const compiledChecker = createBuiltinChecker({ evaluator: createCompiledEvaluator });
const { rulesets } = builtinDocuments();

function rulesetById(id: string): Ruleset {
  const found = rulesets.find((r) => r.id === id);
  if (!found) throw new Error(`built-in ruleset ${id} is missing`);
  return found;
}

const loads: Array<{ id: string; file: string; load: GoldenLoad; compiled: GoldenLoad }> = await Promise.all(RULESET_IDS.map(async (id) => {
  const file = `fixtures/golden/${id}.cases.json`;
  const raw: unknown = JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
  return { id, file, load: await runGoldenCases(checker, raw, file), compiled: await runGoldenCases(compiledChecker, raw, file) };
}));
const reports: GoldenReport[] = loads.flatMap((l) => (l.load.ok ? [l.load.report] : []));

/**
 * A rule that cannot fail where it applies: its only condition is `level equal <the rule's own level>` (the cao cấp
 * tier rule naming the Academy). No case can make it fail, so it is held only to a passing case.
 */
function cannotFail(rule: Rule): boolean {
  const top = rule.conditions;
  const list: Condition[] | undefined = 'all' in top ? top.all : 'any' in top ? top.any : undefined;
  if (!list || list.length !== 1) return false;
  const only = list[0]!;
  return 'fact' in only && only.fact === 'level' && only.operator === 'equal' && only.value === rule.level;
}

for (const { id, file, load, compiled } of loads) {
  describe(`golden cases of ${id} (${file})`, () => {
    it('load as a golden-case file about that ruleset', () => {
      const diagnostics = load.ok ? [] : load.diagnostics.map((d) => `${d.path}: ${d.message}`);
      expect(diagnostics, diagnostics.join('\n')).toEqual([]);
      expect(load.ok && load.report.ruleset).toBe(id);
    });
    if (!load.ok) return;
    const code = rulesetById(id).regulation.code;

    for (const r of load.report.results) {
      it(`${r.title} [${r.id}]`, () => {
        expect(r.problems, `${r.id} (${r.citation}):\n${r.problems.join('\n')}`).toEqual([]);
      });
    }

    it('give the same answers through the compiled evaluator', () => {
      const problems = compiled.ok ? compiled.report.results.flatMap((r) => r.problems.map((p) => `${r.id}: ${p}`)) : ['did not load'];
      expect(problems, problems.join('\n')).toEqual([]);
      expect(compiled.ok && compiled.report.results.length).toBe(load.report.results.length);
    });

    it(`cite an article of ${code} in every case`, () => {
      const wrong = load.report.results.filter((r) => !r.citation.startsWith(code)).map((r) => `${r.id}: ${r.citation}`);
      expect(wrong, `citations not starting with ${code}:\n${wrong.join('\n')}`).toEqual([]);
    });

    it(`are decided by ${code} whenever they expect a verdict`, () => {
      const other = load.report.results
        .filter((r) => 'ruleset' in r.actual && r.actual.ruleset !== id)
        .map((r) => `${r.id}: decided by ${'ruleset' in r.actual ? r.actual.ruleset : '?'}`);
      expect(other, other.join('\n')).toEqual([]);
    });
  });
}

describe('the golden cases of all rulesets together', () => {
  it(`number at least ${MIN_CASES}`, () => {
    const total = reports.reduce((n, r) => n + r.results.length, 0);
    expect(total).toBeGreaterThanOrEqual(MIN_CASES);
  });

  it('give every rule of every ruleset a case where it passes and a case where it fails', () => {
    const coverage = goldenCoverage(reports);
    const uncovered: string[] = [];
    for (const id of RULESET_IDS) {
      const ruleset = rulesetById(id);
      // Rules of a level the regulation does not regulate are never applied (see the next test).
      for (const rule of ruleset.rules.filter((r) => regulatesLevel(ruleset, r.level))) {
        const c = coverage.get(rule.id) ?? { passedIn: [], failedIn: [] };
        if (c.passedIn.length === 0) uncovered.push(`${id}/${rule.id}: no passing case`);
        if (c.failedIn.length === 0 && !cannotFail(rule)) uncovered.push(`${id}/${rule.id}: no failing case`);
      }
    }
    expect(uncovered, `rules without golden coverage:\n${uncovered.join('\n')}`).toEqual([]);
  });

  it('never apply a rule of a level its regulation does not regulate (350-QĐ/TW keeps its sơ cấp rules unused)', () => {
    const coverage = goldenCoverage(reports);
    const dormant = RULESET_IDS.flatMap((id) => rulesetById(id).rules.filter((r) => !regulatesLevel(rulesetById(id), r.level)).map((r) => r.id));
    expect(dormant.length, 'the 350 sơ cấp rules stay in the document').toBeGreaterThan(0);
    expect(dormant.filter((r) => coverage.has(r))).toEqual([]);
  });

  it('excuse from a failing case at most one rule per ruleset, and only a tier rule', () => {
    for (const id of RULESET_IDS) {
      const excused = rulesetById(id).rules.filter(cannotFail);
      expect(excused.filter((r) => r.kind !== 'tier').map((r) => r.id), `${id}: non-tier rules that cannot fail`).toEqual([]);
      expect(excused.length, `${id}: ${excused.map((r) => r.id).join(', ')}`).toBeLessThanOrEqual(1);
    }
  });
});
