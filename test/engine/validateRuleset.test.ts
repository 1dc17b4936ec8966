import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinCatalogues } from '../../engine/builtin.ts';
import { validateRuleset } from '../../engine/diagnostics/validateRuleset.ts';
import { RULESET_KIND } from '../../engine/documents/ruleset.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { hasVietnameseProse } from '../vietnameseLetters.ts';

const shipped = (id: string) => JSON.parse(readFileSync(`rulesets/${id}.json`, 'utf8')) as { rules: Array<Record<string, unknown>> } & Record<string, unknown>;
const catalogues = builtinCatalogues();
const errors = (raw: unknown) => validateRuleset(raw, { ...catalogues, file: 'test.json' }).filter((d) => d.severity === 'error');
function withFirstRule(patch: (rule: Record<string, unknown>) => void) {
  const rs = shipped('57-qd-tw');
  patch(rs.rules[0]!);
  return rs;
}

describe('ruleset diagnostics', () => {
  it('finds no error in the shipped rulesets, and flags every assumed rule as info', () => {
    for (const id of ['57-qd-tw', '350-qd-tw']) {
      const rs = shipped(id);
      const d = validateRuleset(rs, { ...catalogues, file: id });
      expect(d.filter((x) => x.severity === 'error')).toEqual([]);
      const assumed = rs.rules.filter((r) => r.confidence === 'assumed').length;
      expect(d.filter((x) => x.code === 'ruleset/assumed-rule')).toHaveLength(assumed);
    }
  });

  it('refuses fact names that are also object properties (constructor, toString, __proto__) as unknown facts', () => {
    for (const fact of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const d = errors(withFirstRule((r) => { r.conditions = { all: [{ fact, operator: 'equal', value: 'full' }] }; }));
      expect(d.map((x) => [x.code, x.path])).toEqual([['ruleset/unknown-fact', 'rules[0].conditions.all[0].fact']]);
    }
  });

  it('refuses operators whose value side json-rules-engine would call a list method on when it is not a list', () => {
    const cases: [string, unknown][] = [['in', { a: 1 }], ['swap:in', 2], ['someValue:equal', 'advanced'], ['everyValue:in', 3], ['swap:in', { fact: 'position' }]];
    for (const [operator, value] of cases) {
      const d = errors(withFirstRule((r) => { r.conditions = { all: [{ fact: 'positionRank', operator, value }] }; }));
      expect(d.map((x) => x.code)).toContain('ruleset/operator-shape');
    }
  });

  it('names an unknown fact with its path and suggests the closest one', () => {
    const d = errors(withFirstRule((r) => { r.conditions = { all: [{ fact: 'partyStatu', operator: 'equal', value: 'full' }] }; }));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'ruleset/unknown-fact', path: 'rules[0].conditions.all[0].fact', file: 'test.json' });
    expect(d[0]!.hint).toMatch(/^Có phải "partyStatus"\? Dữ kiện hợp lệ: .*\bpartyStatus\b/);
    expect(d[0]!.hintEn).toMatch(/^Did you mean "partyStatus"\? Valid facts: .*\bpartyStatus\b/);
    expect(hasVietnameseProse(d[0]!.hintEn!)).toBe(false);
  });

  it('names an unknown operator and suggests the closest one', () => {
    const d = errors(withFirstRule((r) => { r.conditions = { any: [{ fact: 'age', operator: 'greaterThanInclusiv', value: 3 }] }; }));
    expect(d[0]).toMatchObject({ code: 'ruleset/unknown-operator', path: 'rules[0].conditions.any[0].operator' });
    expect(d[0]!.hint).toContain('Có phải "greaterThanInclusive"? Toán tử hợp lệ: ');
    expect(d[0]!.hintEn).toContain('Did you mean "greaterThanInclusive"? Valid operators: ');
  });

  it('accepts decorated operators and rejects unknown decorators', () => {
    expect(errors(withFirstRule((r) => { r.conditions = { all: [{ fact: 'planning', operator: 'someFact:equal', value: 'director' }] }; }))).toEqual([]);
    expect(errors(withFirstRule((r) => { r.conditions = { all: [{ fact: 'planning', operator: 'sometimes:equal', value: 'director' }] }; }))[0]?.code).toBe('ruleset/unknown-operator');
  });

  it('rejects a value outside the fact enum, a non-number threshold and an unknown position code', () => {
    const d = errors(withFirstRule((r) => {
      r.conditions = { all: [
        { fact: 'sex', operator: 'equal', value: 'femal' },
        { fact: 'age', operator: 'greaterThanInclusive', value: '33' },
        { fact: 'position', operator: 'in', value: ['deputy-head-of-divison'] },
      ] };
    }));
    expect(d.map((x) => x.code)).toEqual(['ruleset/unknown-value', 'ruleset/value-type', 'ruleset/unknown-value']);
    expect(d[0]!.hint).toContain('"female"');
    expect(d[2]!.hint).toContain('"deputy-head-of-division"');
    expect(d.map((x) => x.hintEn)).toEqual(['Did you mean "female"?', undefined, 'Did you mean "deputy-head-of-division"?']);
  });

  it('warns that `in` with a string value matches substrings', () => {
    const d = validateRuleset(withFirstRule((r) => { r.conditions = { all: [{ fact: 'partyStatus', operator: 'in', value: 'full,probationary' }] }; }), catalogues);
    const found = d.find((x) => x.code === 'ruleset/in-string-value');
    expect(found?.severity).toBe('warning');
    expect([found?.hint, found?.hintEn]).toEqual(['Viết giá trị dưới dạng mảng, ví dụ ["a", "b"].', 'Write the value as an array, e.g. ["a", "b"].']);
  });

  it('rejects misspelt message placeholders, duplicate rule ids and tier rules with unknown institutions', () => {
    const rs = shipped('57-qd-tw');
    (rs.rules[0]!.message as { vi: string }).vi = 'Tuổi {tuoi}';
    rs.rules[1]!.id = rs.rules[0]!.id;
    const tier = rs.rules.find((r) => r.kind === 'tier')!;
    tier.institution = 'le-hong-phongg';
    const codes = errors(rs).map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['ruleset/unknown-placeholder', 'ruleset/duplicate-rule-id', 'ruleset/unknown-institution']));
  });

  it('treats names inherited from Object ({constructor}) as unknown placeholders, never as values', async () => {
    const { fillMessage } = await import('../../engine/rules/messages.ts');
    const d = errors(withFirstRule((r) => { (r.message as { vi: string }).vi = 'Giá trị {constructor}'; }));
    expect(d.map((x) => x.code)).toEqual(['ruleset/unknown-placeholder']);
    expect(fillMessage('Giá trị {constructor}', {} as never, 'vi')).toBe('Giá trị {constructor}');
  });

  it('reports schema errors with their path instead of throwing', () => {
    const rs = shipped('57-qd-tw');
    rs.rules[2]!.confidence = 'probably';
    delete rs.rules[3]!.citation;
    const d = errors(rs);
    expect(d.map((x) => x.path)).toEqual(expect.arrayContaining(['rules[2].confidence', 'rules[3].citation']));
    expect(errors('not json object')[0]?.code).toBe('document/not-an-object');
  });

  it('refuses a ruleset from a newer version rather than misreading it', () => {
    const r = loadDocument(RULESET_KIND, { ...shipped('57-qd-tw'), version: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('document/newer-version');
  });
});

describe('ruleset diagnostics against the catalogues given', () => {
  const rule = (conditions: unknown) => withFirstRule((r) => { r.conditions = conditions; });
  const withDigitalOfficer = {
    ...catalogues,
    positions: {
      ...catalogues.positions,
      positions: [
        ...catalogues.positions.positions.filter((p) => p.code !== 'regiment-commander'),
        { code: 'commune-digital-officer', name: { vi: 'Công chức chuyển đổi số cấp xã', en: 'Commune digital transformation officer' }, rank: 0 },
      ],
    },
  };

  it('accepts a position code that only the given catalogue has, and flags one the given catalogue lacks', () => {
    const newCode = rule({ all: [{ fact: 'position', operator: 'equal', value: 'commune-digital-officer' }] });
    expect(validateRuleset(newCode, catalogues).filter((d) => d.severity === 'error').map((d) => [d.code, d.path]))
      .toEqual([['ruleset/unknown-value', 'rules[0].conditions.all[0].value']]);
    expect(validateRuleset(newCode, withDigitalOfficer).filter((d) => d.severity === 'error')).toEqual([]);

    const removed = rule({ all: [{ fact: 'planning', operator: 'intersects', value: ['regiment-commander'] }] });
    expect(validateRuleset(removed, catalogues).filter((d) => d.severity === 'error')).toEqual([]);
    const d = validateRuleset(removed, withDigitalOfficer).filter((x) => x.severity === 'error');
    expect(d.map((x) => [x.code, x.path, x.segments])).toEqual([
      ['ruleset/unknown-value', 'rules[0].conditions.all[0].value', ['rules', 0, 'conditions', 'all', 0, 'value']],
    ]);
  });

  it('checks tier institutions against the given institution catalogue', () => {
    const raw = shipped('57-qd-tw');
    const tier = raw.rules.findIndex((r) => r.institution === 'co-so-dao-tao-bo-quoc-phong');
    raw.rules[tier]!.institution = 'hoc-vien-chinh-tri-khu-vuc-v';
    const unknown = validateRuleset(raw, catalogues).filter((d) => d.severity === 'error');
    expect(unknown.map((d) => [d.code, d.path])).toEqual([['ruleset/unknown-institution', `rules[${tier}].institution`]]);
    const institutions = {
      ...catalogues.institutions,
      institutions: [...catalogues.institutions.institutions, { id: 'hoc-vien-chinh-tri-khu-vuc-v', name: { vi: 'Học viện Chính trị khu vực V', en: 'Regional Academy of Politics V' }, confidence: 'assumed' as const }],
    };
    expect(validateRuleset(raw, { ...catalogues, institutions }).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
