/**
 * Overlays are resolved before evaluation into a plain ruleset, so (1) an overlay with no change leaves every verdict
 * exactly as the base gives it, apart from the layer marks, and (2) the compiled evaluator and json-rules-engine give
 * the same verdicts on overlaid rulesets as on the shipped ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDocuments, createBuiltinChecker } from '../../engine/builtin.ts';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { OVERLAY_KIND, type Overlay } from '../../engine/documents/overlay.ts';
import type { Rule } from '../../engine/documents/ruleset.ts';
import type { CheckOutcome } from '../../engine/rules/createChecker.ts';
import { createCompiledEvaluator } from '../../engine/rules/compile/createCompiledEvaluator.ts';
import { createReferenceEvaluator } from '../../engine/rules/createReferenceEvaluator.ts';
import { ruleFingerprint } from '../../engine/overlays/ruleFingerprint.ts';
import { ROOT } from '../cli/runLlct.ts';
import { cadreCaseArb, cadreInputArb, LEVEL_MODES } from './differentialCadres.ts';

function load(raw: unknown): Overlay {
  const r = loadDocument(OVERLAY_KIND, raw);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.path}: ${d.message}`).join('; '));
  return r.value;
}

const DECISION = { id: 'd', kind: 'quyet-dinh', number: '1-QĐ/TU', issuedBy: 'Tỉnh ủy', title: 'Thử', signedOn: '2022-01-01', appliesFrom: '2022-01-01', summary: 'Thử.', source: 'test' };
const empty = (extendsId: string, province: string) => load({
  schema: 'llct/ruleset-overlay', version: 1, id: `empty-${extendsId}`, title: { vi: 'Rỗng', en: 'Empty' }, extends: extendsId,
  jurisdiction: { province }, decisions: [DECISION], changes: [],
});

/** The verdict with the marks an overlay adds (`basis`, each failure's `layer`) taken off. */
function withoutLayers(o: CheckOutcome): unknown {
  return JSON.parse(JSON.stringify(o, (k, v: unknown) => (k === 'layer' || k === 'basis' ? undefined : v)));
}

describe('an empty overlay', () => {
  const overlays = [empty('57-qd-tw', 'Lào Cai'), empty('350-qd-tw', 'Lào Cai')];
  const plain = createBuiltinChecker();
  const layered = createBuiltinChecker({ overlays });

  it('gives the base verdicts exactly, under both regulations, for random cadres of its province', () => {
    let applied = 0;
    fc.assert(fc.property(cadreInputArb, cadreCaseArb, (input, { dates, onRequest }) => {
      const profile = CadreProfile.parse({ ...input, workplace: { ...input.workplace, province: 'Lào Cai' } });
      for (const on of dates) {
        for (const [level, mode] of LEVEL_MODES) {
          const nomination = { level, mode, on, onRequest };
          const expected = plain.checkSync(profile, nomination);
          const actual = layered.checkSync(profile, nomination);
          if (actual.ok && actual.verdict.basis) applied++;
          const a = withoutLayers(actual);
          const e = withoutLayers(expected);
          if (!isDeepStrictEqual(a, e)) expect(a).toEqual(e);
        }
      }
    }), { seed: 20_251_128, numRuns: 400 });
    // The overlay was layered (its verdicts carry the basis), not skipped.
    expect(applied).toBeGreaterThan(400 * LEVEL_MODES.length);
  });
});

describe('verdicts on overlaid rulesets', () => {
  const laoCai = load(JSON.parse(readFileSync(join(ROOT, 'fixtures/overlays/lao-cai-10-qd-tu.illustrative.overlay.json'), 'utf8')));
  const base350 = builtinDocuments().rulesets.find((r) => r.id === '350-qd-tw')!;
  const find = (id: string): Rule => base350.rules.find((r) => r.id === id)!;
  // Every kind of change, in the province the random cadres most often name after Lào Cai.
  const hanoi = load({
    schema: 'llct/ruleset-overlay', version: 1, id: 'ha-noi-test', title: { vi: 'Thử', en: 'Test' }, extends: '350-qd-tw',
    jurisdiction: { province: 'Hà Nội' }, decisions: [{ ...DECISION, signedOn: '2025-09-01', appliesFrom: '2025-09-01' }],
    changes: [
      { op: 'disable', decision: 'd', appliesFrom: '2025-09-01', rule: 'tc350-ratings', expects: { fingerprint: ruleFingerprint(find('tc350-ratings')) } },
      { op: 'replace', decision: 'd', appliesFrom: '2025-09-01', rule: { ...find('cc350-education'), conditions: { all: [{ fact: 'educationRank', operator: 'greaterThanInclusive', value: 4 }] } }, expects: { fingerprint: ruleFingerprint(find('cc350-education')) } },
      { op: 'add', decision: 'd', appliesFrom: '2026-01-01', before: 'tc350-tier-province', rule: { ...find('tc350-tier-army'), id: 'hn-tier-police-academy', conditions: { all: [{ fact: 'positionSector', operator: 'equal', value: 'police' }] } } },
      { op: 'threshold', decision: 'd', appliesFrom: '2026-06-01', rule: 'cc350-part-time-age', at: 'any[1].all[1]', value: '36', expects: { fact: 'age', value: 35 } },
    ],
  });
  const reference = createBuiltinChecker({ evaluator: createReferenceEvaluator, overlays: [laoCai, hanoi] });
  const compiled = createBuiltinChecker({ evaluator: createCompiledEvaluator, overlays: [laoCai, hanoi] });

  it('are identical with either evaluator for random cadres in the overlays\' provinces and elsewhere', async () => {
    const layers = new Set<string>();
    await fc.assert(fc.asyncProperty(cadreCaseArb, fc.constantFrom('Lào Cai', 'Yên Bái', 'Hà Nội', undefined), async ({ profile: p, dates, onRequest }, province) => {
      const profile = province === undefined ? p : { ...p, workplace: { ...p.workplace, province } };
      for (const on of dates) {
        for (const [level, mode] of LEVEL_MODES) {
          const nomination = { level, mode, on, onRequest };
          const expected = await reference.check(profile, nomination);
          const actual = compiled.checkSync(profile, nomination);
          if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
          if (expected.ok) for (const f of expected.verdict.failures) if (f.layer?.kind === 'overlay') layers.add(`${f.layer.id}:${f.layer.change}`);
        }
      }
    }), { seed: 10_112_025, numRuns: 600 });
    // Failures came from the overlays' own rules, not only from the base.
    expect(layers).toContain(`${laoCai.id}:threshold`);
    expect(layers).toContain('ha-noi-test:replace');
  });
});
