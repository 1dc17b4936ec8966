import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { diagnostic, hintIn, hintOf, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { validateRuleset } from '../../engine/diagnostics/validateRuleset.ts';
import { LIFECYCLE_KIND } from '../../engine/documents/lifecycle.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { RULESET_KIND } from '../../engine/documents/ruleset.ts';
import { checkBuiltinGenerateOptions } from '../../engine/generate/generateBuiltinCohort.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { rowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import { builtinLifecycles, BUILTIN_LIFECYCLE_JSON } from '../../engine/lifecycle/builtinLifecycles.ts';
import { resumeClassRun, saveClassRun } from '../../engine/lifecycle/classSnapshot.ts';
import { createLifecycleRegistry } from '../../engine/lifecycle/createLifecycleRegistry.ts';
import { loadLifecycle } from '../../engine/lifecycle/loadLifecycle.ts';
import { createDiffSide } from '../../engine/rules/diff/createDiffSide.ts';
import { selectRuleset } from '../../engine/rules/selectRuleset.ts';
import { defaultClassLifecycle } from '../lifecycle/lifecycleTestKit.ts';
import { hasVietnameseLetter, hasVietnameseProse } from '../vietnameseLetters.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const json = (path: string) => JSON.parse(read(path)) as Record<string, unknown>;
const { positions, rulesets } = builtinDocuments();

const BROKEN_CSV = [
  'id,fullName,sex,birthDate,education,party.status,workplace.tier,position',
  'C-1,Nguyễn Văn An,male,31/02/1980,university,full,central,deputy-head-of-division',
  'C-2,Trần Thị Bình,female,1980-05-05,university,full,central,chairman-of-everything',
  'C-3,Lê Văn Cường,male,1979-01-01,,full,central,head-of-division',
  'C-1,Nguyễn Văn An,male,1980-02-01,university,full,central,head-of-division',
  'C-5,"Phạm Văn Dũng,male,1978-03-03,university,full,central,director',
].join('\n');
const BROKEN_CSV_CELLS = 'id,sex,birthDate,education\nD-1,male,1980-01-01,university,surplus\n';
const BROKEN_JSON = [
  '[',
  '  {"id": "J-1" "sex": "male"},',
  '  {"id": "J-2", "sex": "male", "birthDate": "1978-06-15", "education": "university", "__proto__": {"polluted": true}}',
  ']',
].join('\n');

/** Rulesets with one planted fault each of the kinds that carry a hint. */
function brokenRulesets(): unknown[] {
  const variants: Array<(rules: Array<Record<string, unknown>>) => void> = [
    (r) => { r[0]!.conditions = { all: [{ fact: 'partyStatu', operator: 'equal', value: 'full' }] }; },
    (r) => { r[0]!.conditions = { all: [{ fact: 'zzzzzzzzzzzz', operator: 'equal', value: 'full' }] }; },
    (r) => { r[0]!.conditions = { all: [{ fact: 'age', operator: 'greaterThanInclusiv', value: 3 }] }; },
    (r) => { r[0]!.conditions = { all: [{ fact: 'sex', operator: 'equal', value: 'femal' }] }; },
    (r) => { r[0]!.conditions = { all: [{ fact: 'partyStatus', operator: 'in', value: 'full,probationary' }] }; },
    (r) => { r[1]!.id = r[0]!.id; (r[0]!.message as { vi: string }).vi = 'Tuổi {agee}'; },
    (r) => { r.find((x) => x.kind === 'tier')!.institution = 'le-hong-phongg'; },
    (r) => { delete r.find((x) => x.kind === 'tier')!.institution; },
  ];
  return [
    ...variants.map((plant) => {
      const rs = json('rulesets/57-qd-tw.json') as { rules: Array<Record<string, unknown>> };
      plant(rs.rules);
      return rs;
    }),
    { ...json('rulesets/57-qd-tw.json'), version: 99 },
  ];
}

function brokenLifecycleDiagnostics(): Diagnostic[] {
  const registry = createLifecycleRegistry();
  const { learnerLifecycle } = builtinLifecycles();
  const noFinal = structuredClone(BUILTIN_LIFECYCLE_JSON['class-default']) as { states: Record<string, { final?: boolean; on: Record<string, Array<Record<string, unknown>>> }> };
  for (const s of Object.values(noFinal.states)) delete s.final;
  noFinal.states.planned!.on.APPROVE![0]!.guard = { type: 'learnerCount', params: { states: ['admitted'] } };
  return [
    ...loadLifecycle(json('fixtures/lifecycle/broken-class.lifecycle.json'), { registry, learnerLifecycle }).diagnostics,
    ...loadLifecycle(noFinal, { registry, learnerLifecycle }).diagnostics,
  ];
}

function brokenSnapshotDiagnostics(): Diagnostic[] {
  const lc = defaultClassLifecycle();
  const saved = () => JSON.parse(JSON.stringify(saveClassRun(lc, lc.start()))) as {
    state: string; lifecycle: { id: string; revision: number; fingerprint: string };
  };
  const plants: Array<(s: ReturnType<typeof saved>) => void> = [
    (s) => { s.lifecycle.id = 'class-other'; },
    (s) => { s.lifecycle.revision += 1; },
    (s) => { s.state = 'nowhere'; },
    (s) => { s.lifecycle.fingerprint = '00000000'; },
  ];
  return plants.flatMap((plant) => {
    const s = saved();
    plant(s);
    return resumeClassRun(lc, s).diagnostics;
  });
}

/** Every diagnostic the engine gives for the broken fixtures and inputs of the test suite, and a few more. */
function allDiagnostics(): Diagnostic[] {
  const cadres = (text: string, file: string) => readCadresFromText(text, { file, positions }).errors;
  const unknownRuleset = createDiffSide({ ruleset: '57-qd-tv' }, builtinDocuments());
  const early = selectRuleset(rulesets, '2020-01-01');
  return [
    ...cadres(read('fixtures/cadres/hanoi-2024-central-agencies.csv'), 'hanoi.csv'),
    ...cadres(read('fixtures/cadres/hanoi-2024-central-agencies.json'), 'hanoi.json'),
    ...cadres(read('fixtures/cadres/sample-mixed.json'), 'sample-mixed.json'),
    ...cadres(BROKEN_CSV, 'broken.csv'),
    ...cadres(BROKEN_CSV_CELLS, 'cells.csv'),
    ...cadres('', 'empty.csv'),
    ...cadres(BROKEN_JSON, 'broken.json'),
    ...cadres('{"cadres": [', 'cut.json'),
    ...brokenRulesets().flatMap((rs) => validateRuleset(rs, { ...builtinDocuments(), file: 'broken-ruleset.json' })),
    ...brokenLifecycleDiagnostics(),
    ...brokenSnapshotDiagnostics(),
    ...(unknownRuleset.ok ? [] : [unknownRuleset.diagnostic]),
    ...(early.ok ? [] : [early.diagnostic]),
    ...checkBuiltinGenerateOptions({ count: 1, seed: 1, province: 'Atlantis' }),
  ];
}

describe('fix hints in both languages', () => {
  const found = allDiagnostics();
  const hinted = found.filter((d) => d.hint !== undefined || d.hintEn !== undefined);

  it('reach every kind of hint the engine gives, from the broken fixtures and inputs', () => {
    expect(new Set(hinted.map((d) => d.code))).toEqual(new Set([
      'cadre/impossible-date', 'cadre/unknown-position', 'cadre/missing-field', 'cadre/duplicate-id', 'cadre/forbidden-key',
      'csv/unterminated-quote', 'csv/extra-cells', 'csv/empty', 'json/syntax',
      'ruleset/unknown-fact', 'ruleset/unknown-operator', 'ruleset/unknown-value', 'ruleset/in-string-value',
      'ruleset/duplicate-rule-id', 'ruleset/unknown-placeholder', 'ruleset/unknown-institution', 'ruleset/tier-without-institution',
      'document/newer-version',
      'lifecycle/unknown-action', 'lifecycle/unknown-guard', 'lifecycle/unknown-parameter', 'lifecycle/unguarded-overlap',
      'lifecycle/final-has-transitions', 'lifecycle/unreachable-state', 'lifecycle/no-path-to-final',
      'lifecycle/parameter-out-of-range', 'lifecycle/no-final-state', 'lifecycle/bad-params',
      'lifecycle-snapshot/other-lifecycle', 'lifecycle-snapshot/newer-revision', 'lifecycle-snapshot/unknown-state',
      'lifecycle-snapshot/changed-without-revision',
      'diff/unknown-ruleset', 'nomination/no-regulation', 'generate/province',
    ]));
  });

  it('give every diagnostic with a hint an English hint as well, and neither to one without', () => {
    for (const d of found) expect(d.hint === undefined, `${d.code} ${d.path}`).toBe(d.hintEn === undefined);
  });

  it('keep the Vietnamese hint in Vietnamese and write the English one without Vietnamese words', () => {
    for (const d of hinted) {
      expect(hasVietnameseLetter(d.hint!), `${d.code}: ${d.hint}`).toBe(true);
      expect(hasVietnameseProse(d.hintEn!), `${d.code}: ${d.hintEn}`).toBe(false);
      expect(d.hintEn!.length).toBeGreaterThan(0);
    }
  });

  it('carry both hints over when a diagnostic is re-worded for a row, and pick the one of the language asked for', () => {
    const d = diagnostic('x/y', 'error', 'a.b', { vi: 'thông điệp', en: 'message' }, { vi: 'Sửa thế này.', en: 'Fix it like this.' });
    expect(d).toEqual({ code: 'x/y', severity: 'error', path: 'a.b', segments: ['a', 'b'], message: 'thông điệp', messageEn: 'message', hint: 'Sửa thế này.', hintEn: 'Fix it like this.' });
    const row = rowDiagnostic({ file: 'f.csv', row: 2 }, d.code, 'error', d.path, { vi: d.message, en: d.messageEn }, hintOf(d));
    expect([hintIn(row, 'vi'), hintIn(row, 'en')]).toEqual(['Sửa thế này.', 'Fix it like this.']);
    const plain = diagnostic('x/z', 'warning', '', { vi: 'thông điệp', en: 'message' });
    expect(Object.keys(plain)).not.toContain('hint');
    expect(Object.keys(plain)).not.toContain('hintEn');
    expect(hintOf(plain)).toBeUndefined();
  });

  it('do not typecheck a hint in one language only (npx tsc checks the expect-error lines)', () => {
    // @ts-expect-error a hint is a { vi, en } label, not a Vietnamese string
    const viOnly = diagnostic('x/y', 'error', '', { vi: 'thông điệp', en: 'message' }, 'Chỉ tiếng Việt.');
    // @ts-expect-error a diagnostic built by hand cannot have `hint` without `hintEn`
    const literal: Diagnostic = { code: 'x/y', severity: 'error', path: '', message: 'm', messageEn: 'm', hint: 'Chỉ tiếng Việt.' };
    expect([typeof viOnly, literal.hintEn]).toEqual(['object', undefined]);
  });

  it('refuse a document of a newer version with a hint in both languages', () => {
    const r = loadDocument(RULESET_KIND, { ...json('rulesets/57-qd-tw.json'), version: 2 });
    expect(r.ok ? [] : r.diagnostics.map((d) => [d.hint, d.hintEn])).toEqual([
      ['Cập nhật LLCT Studio rồi mở lại.', 'Update LLCT Studio, then open the document again.'],
    ]);
    expect(loadDocument(LIFECYCLE_KIND, { ...BUILTIN_LIFECYCLE_JSON['class-default'] as object, version: 99 }).diagnostics[0]?.hintEn)
      .toBe('Update LLCT Studio, then open the document again.');
  });
});
