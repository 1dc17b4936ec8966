/**
 * A diff side works on the rulesets and catalogues it is given (the editor's edited ruleset, a draft regulation),
 * not on the shipped files. Expectation from shared/domain/regulation.md: 57-QĐ/TW part-time trung cấp needs women
 * of 33 or more; the edit below lowers it to 30.
 */
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { CadreProfile, type Nomination } from '../../engine/documents/cadre.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { createDiffSide, type DiffDocuments } from '../../engine/rules/diff/createDiffSide.ts';

const woman32 = CadreProfile.parse({
  id: 'E-01', sex: 'female', birthDate: '1991-06-01', education: 'university', party: { status: 'full' },
  workplace: { tier: 'central', province: 'Hà Nội', sector: 'state' }, position: 'civil-servant', planning: ['deputy-head-of-division'],
  ratings: [{ year: 2022, rating: 'good' }, { year: 2023, rating: 'good' }],
});
const partTime: Nomination = { level: 'intermediate', mode: 'part-time', on: '2024-03-01' };

/** 57-QĐ/TW with the women's part-time age lowered from 33 to 30, under `id`. */
function edited57(id: string): Ruleset {
  const rs = structuredClone(builtinDocuments().rulesets.find((r) => r.id === '57-qd-tw')!);
  const rule = rs.rules.find((r) => r.id === 'tc-part-time-age')!;
  const women = (rule.conditions as { any: Array<{ all: Array<{ fact: string; value: unknown }> }> }).any[0]!.all;
  const age = women.find((c) => c.fact === 'age')!;
  expect(age.value).toBe(33);
  age.value = 30;
  return { ...rs, id };
}

const sideOf = (spec: Parameters<typeof createDiffSide>[0], documents: DiffDocuments) => {
  const made = createDiffSide(spec, documents, partTime.on);
  if (!made.ok) throw new Error(made.diagnostic.message);
  return made.side;
};
const verdict = (spec: Parameters<typeof createDiffSide>[0], documents: DiffDocuments) => {
  const r = sideOf(spec, documents).checker.checkSync(woman32, partTime);
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return r.verdict;
};

describe('createDiffSide over the documents given', () => {
  const shipped = builtinDocuments();
  const edited: DiffDocuments = { ...shipped, rulesets: [edited57('57-qd-tw'), ...shipped.rulesets.filter((r) => r.id !== '57-qd-tw')] };

  it('applies the edited ruleset by id and as the regulation in force, where the shipped one refuses', () => {
    expect(verdict({ ruleset: '57-qd-tw' }, shipped)).toMatchObject({ eligible: false, failures: [{ rule: 'tc-part-time-age' }] });
    expect(verdict({ ruleset: '57-qd-tw' }, edited)).toMatchObject({ regulation: '57-QĐ/TW', eligible: true, failures: [] });
    expect(verdict({}, shipped).eligible).toBe(false);
    expect(verdict({}, edited)).toMatchObject({ regulation: '57-QĐ/TW', eligible: true });
    expect(sideOf({}, edited).label.vi).toBe('57-QĐ/TW (hiệu lực ngày 01/03/2024)');
  });

  it('knows the ids of the rulesets given, not those of the shipped files', () => {
    const draft: DiffDocuments = { ...shipped, rulesets: [...shipped.rulesets, edited57('57-qd-tw-nhap')] };
    expect(verdict({ ruleset: '57-qd-tw-nhap' }, draft).eligible).toBe(true);
    const missing = createDiffSide({ ruleset: '57-qd-tw-nhap' }, shipped, partTime.on);
    expect(missing.ok ? undefined : [missing.diagnostic.code, missing.diagnostic.hintEn]).toEqual([
      'diff/unknown-ruleset', 'Shipped rulesets: 57-qd-tw, 350-qd-tw; or give the path of a ruleset file (.json).',
    ]);
    const only350 = createDiffSide({ ruleset: '57-qd-tw' }, { ...shipped, rulesets: shipped.rulesets.filter((r) => r.id === '350-qd-tw') });
    expect(only350.ok).toBe(false);
  });
});
