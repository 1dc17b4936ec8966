/** Small hand-made rulesets, outlines and golden reports for the coverage tests. */
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { REGULATION_OUTLINE_KIND, type RegulationOutline } from '../../engine/documents/regulationOutline.ts';
import type { Rule, Ruleset } from '../../engine/documents/ruleset.ts';
import type { GoldenReport } from '../../engine/rules/runGoldenCases.ts';

/** A rule with what coverage reads; conditions and message are placeholders. */
export function rule(id: string, over: Partial<Rule> = {}): Rule {
  return {
    id, level: 'intermediate', kind: 'subject', title: { vi: id, en: id }, citation: { article: 1 }, confidence: 'confirmed',
    source: 'hand-made', conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 0 }] }, message: { vi: id, en: id },
    ...over,
  };
}

export function ruleset(rules: Rule[], levels?: Ruleset['regulation']['levels']): Ruleset {
  const group = { citation: { article: 1 }, confidence: 'confirmed' as const, title: { vi: 'nhóm', en: 'group' }, message: { vi: 'không', en: 'no' } };
  return {
    schema: 'llct/ruleset', version: 1, id: 't', title: { vi: 'T', en: 'T' },
    regulation: { code: 'T-QĐ/TW', title: 'T', signedOn: '2030-01-01', effectiveFrom: '2030-01-01', effectiveConfidence: 'confirmed', sources: [], ...(levels ? { levels } : {}) },
    subjectGroups: { elementary: group, intermediate: group, advanced: group },
    rules,
  } as unknown as Ruleset;
}

/** An outline loaded through the real loader (so a broken fixture fails loudly). */
export function outline(provisions: unknown[]): RegulationOutline {
  const r = loadDocument(REGULATION_OUTLINE_KIND, {
    schema: 'llct/regulation-outline', version: 1, regulation: 'T-QĐ/TW', ruleset: 't', title: 'T',
    sources: [{ id: 's1', title: 'Nguồn 1' }], provisions,
  });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.path}: ${d.messageEn}`).join('; '));
  return r.value;
}

export const leaf = (key: string, over: Record<string, unknown> = {}) => ({ key, label: { vi: key, en: key }, quote: `trích ${key}`, sources: ['s1'], confidence: 'confirmed', ...over });

/** A golden report whose cases checked the given rules with the given outcomes: `{ case1: { r1: true } }`. */
export function report(cases: Record<string, Record<string, boolean>>, rulesetId = 't'): GoldenReport {
  const results = Object.entries(cases).map(([id, outcomes]) => ({
    id, title: id, citation: '', passed: true, expected: {}, problems: [],
    actual: { ruleset: rulesetId, checked: Object.entries(outcomes).map(([r, passed]) => ({ rule: r, kind: 'subject', passed })) },
  }));
  return { file: 'cases.json', ruleset: rulesetId, results, passed: results.length, failed: 0 } as unknown as GoldenReport;
}
