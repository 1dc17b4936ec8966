import { describe, expect, it } from 'vitest';
import { createBuiltinChecker } from '../../engine/builtin.ts';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { MODES, TRAINING_LEVELS } from '../../engine/documents/enums.ts';
import { generateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import type { Verdict } from '../../engine/rules/buildVerdict.ts';
import { createCompiledEvaluator } from '../../engine/rules/compile/createCompiledEvaluator.ts';
import { jsonDocumentTail, JSON_DOCUMENT_HEAD, formatCheckJson, resultJson, resultJsonText } from '../../cli/format/formatCheckJson.ts';
import type { CheckRun } from '../../cli/runCheck.ts';
import { rowDiagnostic } from '../../engine/io/rowDiagnostic.ts';

/** What `formatCheckJson` prints for one result inside `results`. */
const viaStringify = (row: number, v: Verdict, lang: 'vi' | 'en') => `    ${JSON.stringify(resultJson(row, v, lang), null, 2).replaceAll('\n', '\n    ')}`;

const base: Verdict = {
  id: 'HN-1', level: 'intermediate', mode: 'part-time', on: '2024-03-01', regulation: '57-QĐ/TW', ruleset: '57-qd-tw', eligible: false,
  failures: [{ rule: 'tc-party-member', kind: 'standard', citation: '57-QĐ/TW Điều 5 khoản 2', confidence: 'confirmed', message: 'a', messageEn: 'b' }],
  subjects: ['tc-planning'], passed: [], checked: [], assumed: ['tc-not-held'], notes: [],
  institution: { id: 'le-hong-phong', name: { vi: 'Trường Đào tạo cán bộ Lê Hồng Phong', en: 'Lê Hồng Phong School' }, rule: 'tc-tier', citation: '57-QĐ/TW Điều 8', confidence: 'confirmed' },
};

describe('the hand-written JSON writer of check results', () => {
  it('writes the bytes JSON.stringify writes for the verdicts of generated cadres at every level, mode and regulation', () => {
    const checker = createBuiltinChecker({ evaluator: createCompiledEvaluator });
    const cohort = generateBuiltinCohort({ count: 400, seed: 31 }).map((p) => CadreProfile.parse(p));
    let compared = 0;
    for (const on of ['2023-05-02', '2025-09-15']) {
      for (const level of TRAINING_LEVELS) {
        for (const mode of MODES) {
          cohort.forEach((p, i) => {
            const o = checker.checkSync(p, { level, mode, on });
            if (!o.ok) return;
            for (const lang of ['vi', 'en'] as const) expect(resultJsonText(i + 1, o.verdict, lang)).toBe(viaStringify(i + 1, o.verdict, lang));
            compared++;
          });
        }
      }
    }
    expect(compared).toBe(400 * 12);
  });

  it('escapes like JSON.stringify: quotes, backslashes, control characters, lone surrogates, and keeps pairs and U+2028', () => {
    const odd = ['"quoted" \\ back\\slash', 'tab\tnew\nline\r\u0000\u001f\u007f', 'lone \ud800 high', 'lone \udfff low', 'pair 😀 ok', 'sep \u2028\u2029', '', 'Nguyễn Thị Ánh'];
    for (const s of odd) {
      const v: Verdict = {
        ...base, id: s, notes: [s, s], subjects: [s], assumed: [],
        failures: [{ ...base.failures[0]!, message: s, messageEn: `${s}!`, citation: s }, { ...base.failures[0]!, rule: s }],
        institution: { ...base.institution!, name: { vi: s, en: s } },
      };
      expect(resultJsonText(3, v, 'vi')).toBe(viaStringify(3, v, 'vi'));
      expect(resultJsonText(3, v, 'en')).toBe(viaStringify(3, v, 'en'));
    }
  });

  it('writes what JSON.stringify writes for empty lists, no institution, and values of an unexpected type', () => {
    const cases: Verdict[] = [
      { ...base, failures: [], subjects: [], assumed: [], institution: null, eligible: true },
      { ...base, notes: ['một', 'hai'] },
      { ...base, id: undefined as unknown as string },
      { ...base, institution: { ...base.institution!, name: { vi: 'Trường', en: undefined as unknown as string } } },
      { ...base, subjects: [1 as unknown as string] },
    ];
    for (const v of cases) expect(resultJsonText(12, v, 'vi')).toBe(viaStringify(12, v, 'vi'));
    expect(resultJsonText(Number.NaN, base, 'vi')).toBe(viaStringify(Number.NaN, base, 'vi'));
  });

  it('writes the same document a result at a time as formatCheckJson writes at once, with and without results', () => {
    const v2: Verdict = { ...base, id: 'HN-3', eligible: true, failures: [] };
    const run: CheckRun = {
      file: 'a.csv', results: [{ row: 1, verdict: base }, { row: 3, verdict: v2 }],
      errors: [rowDiagnostic({ file: 'a.csv', row: 2, line: 3, id: 'HN-2' }, 'cadre/unknown-value', 'error', 'sex', { vi: 'sai', en: 'wrong' })],
      warnings: [], summary: { total: 3, eligible: 1, ineligible: 1, outOfScope: 0, invalid: 1 },
    };
    const streamed = `${JSON_DOCUMENT_HEAD}\n${resultJsonText(1, base, 'vi')},\n${resultJsonText(3, v2, 'vi')}${jsonDocumentTail(false, run, 'vi')}`;
    expect(streamed).toBe(formatCheckJson(run, 'vi'));
    const empty: CheckRun = { ...run, results: [], summary: { total: 1, eligible: 0, ineligible: 0, outOfScope: 0, invalid: 1 } };
    expect(`${JSON_DOCUMENT_HEAD}${jsonDocumentTail(true, empty, 'en')}`).toBe(formatCheckJson(empty, 'en'));
  });
});
