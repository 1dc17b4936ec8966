/**
 * The structural ruleset diff on the shipped rulesets and edited clones of 57-QĐ/TW. Expected texts follow the
 * regulation's wording: trung cấp part-time needs women ≥ 33 (57-QĐ/TW Điều 5 khoản 2 (số điều giả định)).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import type { Condition, LeafCondition, Rule, Ruleset } from '../../engine/documents/ruleset.ts';
import {
  describeCondition, describeConditionTree, describeGroup, isDescribable, isLeaf,
} from '../../engine/rules/describeCondition.ts';
import { diffRulesets, lines, type Path, type RulesetDiff } from '../../engine/rules/diffRulesets.ts';
import { hasVietnameseLetter, hasVietnameseProse } from '../vietnameseLetters.ts';

const docs = builtinDocuments();
const rs57 = docs.rulesets.find((r) => r.id === '57-qd-tw')!;
const rs350 = docs.rulesets.find((r) => r.id === '350-qd-tw')!;
const names = new Map(docs.positions.positions.map((p) => [p.code, p.name]));
const positionName = (code: string) => names.get(code);

const clone = (): Ruleset => structuredClone(rs57);
const indexOf = (rs: Ruleset, id: string) => rs.rules.findIndex((r) => r.id === id);
const ruleOf = (rs: Ruleset, id: string): Rule => rs.rules[indexOf(rs, id)]!;

/** The value at `path` in a document, or `undefined`. */
function at(doc: unknown, path: Path): unknown {
  let v: unknown = doc;
  for (const seg of path) v = typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

/** Fields whose values are free Vietnamese text, quoted as data in English sentences. */
const FREE_TEXT = new Set(['title', 'note', 'sources', 'source', 'title.vi', 'message.vi']);

/** The diff's texts, less the field changes that quote free Vietnamese text. */
function texts(d: RulesetDiff): Array<{ vi: string; en: string }> {
  return [
    ...d.regulation.filter((c) => !FREE_TEXT.has(c.field)).map((c) => c.text),
    ...d.subjectGroups.flatMap((g) => [g.text, ...g.fields.filter((f) => !FREE_TEXT.has(f.field)).map((f) => f.text)]),
    ...d.changed.flatMap((c) => [...c.fields, ...c.conditions].map((x) => x.text)), ...d.tierMoves.map((m) => m.text),
  ];
}

function leaves(c: Condition): LeafCondition[] {
  if (isLeaf(c)) return [c];
  if ('not' in c) return leaves(c.not);
  return ('all' in c ? c.all : c.any).flatMap(leaves);
}

describe('describeCondition', () => {
  it('says a threshold, an enum value and a list in words, in both languages', () => {
    const age = { fact: 'age', operator: 'greaterThanInclusive', value: 33 };
    expect(describeCondition(age, 'vi')).toBe('Tuổi (tròn năm tại ngày cử đi học) từ 33 trở lên');
    expect(describeCondition(age, 'en')).toBe('Age (whole years on the nomination date) at least 33');
    expect(describeCondition({ fact: 'sex', operator: 'equal', value: 'female' }, 'vi')).toBe('Giới tính là nữ');
    expect(describeCondition({ fact: 'partyStatus', operator: 'in', value: ['probationary', 'full'] }, 'vi'))
      .toBe('Đảng viên là một trong: đảng viên dự bị, đảng viên chính thức');
    expect(describeCondition({ fact: 'workplaceTier', operator: 'notIn', value: ['district', 'commune'] }, 'en'))
      .toBe('Workplace tier is none of: district, commune');
    expect(describeCondition({ fact: 'ethnicMinority', operator: 'equal', value: true }, 'vi')).toBe('Người dân tộc thiểu số: có');
    expect(describeCondition({ fact: 'onOrdinal', operator: 'lessThan', value: 20250701 }, 'vi')).toBe('Ngày cử đi học trước 01/07/2025');
    expect(describeCondition({ fact: 'onOrdinal', operator: 'lessThan', value: 20250701 }, 'en')).toContain('01/07/2025');
    expect(describeCondition({ fact: 'theoryRank', operator: 'lessThan', value: 2 }, 'vi')).toBe('Bậc LLCT đã có (0 chưa có – 3 cao cấp) dưới 2 (trung cấp)');
    expect(describeCondition({ fact: 'province', operator: 'notEqual', value: null }, 'en')).toBe('Workplace province (on the nomination date) is known');
  });

  it('names position codes through positionName, and quotes a code it cannot name', () => {
    expect(describeCondition({ fact: 'position', operator: 'equal', value: 'lecturer' }, 'vi', { positionName }))
      .toBe(`Chức vụ hiện tại là ${names.get('lecturer')!.vi}`);
    expect(describeCondition({ fact: 'planning', operator: 'contains', value: 'no-such-post' }, 'vi'))
      .toBe('Chức danh được quy hoạch gồm "no-such-post"');
  });

  it('falls back to the raw fact, operator and value for an unknown fact or operator', () => {
    expect(describeCondition({ fact: 'shoeSize', operator: 'equal', value: 42 }, 'vi')).toBe('shoeSize equal 42');
    expect(describeCondition({ fact: 'age', operator: 'someFact:in', value: [1] }, 'en')).toBe('age someFact:in [1]');
    expect(isDescribable({ fact: 'age', operator: 'greaterThan', value: 'old' })).toBe(false);
  });

  it('says groups: all, any and not', () => {
    expect([describeGroup('all', 'vi'), describeGroup('any', 'vi'), describeGroup('not', 'vi')])
      .toEqual(['tất cả các điều kiện sau', 'ít nhất một trong', 'không phải']);
    expect(describeConditionTree({ not: { any: [{ fact: 'sex', operator: 'equal', value: 'male' }] } }, 'vi'))
      .toBe('không phải (ít nhất một trong: (Giới tính là nam))');
  });

  it('says every leaf of both shipped rulesets in words: Vietnamese with diacritics, English without Vietnamese prose', () => {
    for (const rs of [rs57, rs350]) {
      for (const rule of rs.rules) {
        for (const leaf of leaves(rule.conditions)) {
          expect(isDescribable(leaf, { positionName }), `${rule.id}: ${JSON.stringify(leaf)}`).toBe(true);
          const vi = describeCondition(leaf, 'vi', { positionName });
          const en = describeCondition(leaf, 'en', { positionName });
          expect(hasVietnameseLetter(vi), vi).toBe(true);
          expect(vi).not.toMatch(/\bTuoi\b|\bGioi tinh\b/);
          expect(hasVietnameseProse(en), en).toBe(false);
        }
      }
    }
  });
});

describe('diffRulesets', () => {
  it('reports nothing for identical rulesets', () => {
    for (const rs of [rs57, rs350]) {
      const d = diffRulesets(rs, structuredClone(rs));
      expect(d.summary.identical).toBe(true);
      expect([d.regulation, d.subjectGroups, d.added, d.removed, d.changed, d.tierMoves]).toEqual([[], [], [], [], [], []]);
      expect(lines(d, 'vi')).toEqual([]);
    }
  });

  it('reports the women\'s part-time age lowered from 33 to 30 as one threshold change', () => {
    const after = clone();
    const i = indexOf(after, 'tc-part-time-age');
    const rule = after.rules[i]!;
    ((rule.conditions as { any: Array<{ all: LeafCondition[] }> }).any[0]!.all[1]!).value = 30;
    const d = diffRulesets(rs57, after);
    expect(d.changed).toHaveLength(1);
    const [changed] = d.changed;
    expect(changed!.id).toBe('tc-part-time-age');
    expect(changed!.fields).toEqual([]);
    expect(changed!.conditions).toHaveLength(1);
    const change = changed!.conditions[0]!;
    expect(change).toMatchObject({ kind: 'threshold', fact: 'age', operator: 'greaterThanInclusive', before: 33, after: 30, side: 'after' });
    expect(change.path).toEqual(['rules', i, 'conditions', 'any', 0, 'all', 1]);
    expect(at(after, change.path)).toEqual({ fact: 'age', operator: 'greaterThanInclusive', value: 30 });
    expect(change.text.vi).toContain('33');
    expect(change.text.vi).toContain('30');
    expect(change.text.vi).toContain('Tuổi');
    expect(lines(d, 'vi')).toEqual(['Quy tắc "tc-part-time-age" (57-QĐ/TW Điều 5 khoản 2 (số điều giả định)) — Tuổi (tròn năm tại ngày cử đi học) từ 33 trở lên → từ 30 trở lên']);
    expect(lines(d, 'en')).toEqual(['Rule "tc-part-time-age" (Regulation 57-QĐ/TW, Art. 5(2) (article number assumed)) — Age (whole years on the nomination date) at least 33 → at least 30']);
    expect(d.summary).toMatchObject({ rulesChanged: 1, ruleChanges: 1, rulesAdded: 0, rulesRemoved: 0, identical: false });
  });

  it('reports an added rule with its title and citation, and a removed rule at its place in the older version', () => {
    const after = clone();
    const removedAt = indexOf(after, 'tc-lecturer');
    after.rules.splice(removedAt, 1);
    after.rules.push({ ...structuredClone(ruleOf(rs57, 'tc-education')), id: 'tc-education-veterans', title: { vi: 'Cựu chiến binh', en: 'Veterans' } });
    const d = diffRulesets(rs57, after);
    expect(d.added).toEqual([expect.objectContaining({ id: 'tc-education-veterans', title: { vi: 'Cựu chiến binh', en: 'Veterans' }, citation: '57-QĐ/TW Điều 5 khoản 2 (số điều giả định)', path: ['rules', after.rules.length - 1], side: 'after' })]);
    expect(d.removed).toEqual([expect.objectContaining({ id: 'tc-lecturer', path: ['rules', removedAt], side: 'before' })]);
    expect(d.changed).toEqual([]);
    expect(lines(d, 'vi')).toContain('Thêm quy tắc "tc-education-veterans" (57-QĐ/TW Điều 5 khoản 2 (số điều giả định)) — Cựu chiến binh');
  });

  it('reports a citation and a confidence change as field changes in words', () => {
    const after = clone();
    const rule = ruleOf(after, 'tc-not-held');
    rule.citation = { article: 5, clause: 3 };
    rule.confidence = 'reported';
    const [changed] = diffRulesets(rs57, after).changed;
    expect(changed!.conditions).toEqual([]);
    expect(changed!.fields.map((f) => [f.field, f.before, f.after])).toEqual([
      ['citation', { article: 3, numbering: 'assumed' }, { article: 5, clause: 3, numbering: 'assumed' }],
      ['confidence', 'assumed', 'reported'],
    ]);
    expect(changed!.fields.map((f) => f.text.vi)).toEqual([
      'Trích dẫn: 57-QĐ/TW Điều 3 (số điều giả định) → 57-QĐ/TW Điều 5 khoản 3 (số điều giả định)',
      'Mức tin cậy: giả định → theo một nguồn',
    ]);
  });

  it('reports an all turned into any as one group change and no leaf changes', () => {
    const after = clone();
    const i = indexOf(after, 'tc-specialist-six-years');
    const rule = after.rules[i]!;
    rule.conditions = { any: (rule.conditions as { all: Condition[] }).all };
    const conditions = diffRulesets(rs57, after).changed[0]!.conditions;
    expect(conditions).toEqual([expect.objectContaining({ kind: 'group', before: 'all', after: 'any', path: ['rules', i, 'conditions'] })]);
    expect(conditions[0]!.text.vi).toBe('Nhóm điều kiện đổi từ "tất cả các điều kiện sau" thành "ít nhất một trong"');
  });

  it('reports a leaf wrapped in not as a negation added, and unwrapping it as a negation removed', () => {
    const after = clone();
    const i = indexOf(after, 'tc-specialist-six-years');
    const all = (after.rules[i]!.conditions as { all: Condition[] }).all;
    all[1] = { not: all[1]! };
    const wrapped = diffRulesets(rs57, after).changed[0]!.conditions;
    expect(wrapped).toEqual([expect.objectContaining({ kind: 'negation-added', path: ['rules', i, 'conditions', 'all', 1], side: 'after', condition: { fact: 'yearsInGrade', operator: 'greaterThanInclusive', value: 6 } })]);
    expect(wrapped[0]!.text.vi).toContain('Số năm giữ ngạch từ 6 trở lên');
    const unwrapped = diffRulesets(after, rs57).changed[0]!.conditions;
    expect(unwrapped.map((c) => [c.kind, c.side, c.path])).toEqual([['negation-removed', 'before', ['rules', i, 'conditions', 'all', 1]]]);
  });

  it('reports a leaf inserted at the start of a group as the only change', () => {
    const after = clone();
    const i = indexOf(after, 'cc-principal-specialist');
    (after.rules[i]!.conditions as { all: Condition[] }).all.unshift({ fact: 'sex', operator: 'equal', value: 'female' });
    const conditions = diffRulesets(rs57, after).changed[0]!.conditions;
    expect(conditions).toEqual([expect.objectContaining({ kind: 'added', path: ['rules', i, 'conditions', 'all', 0], side: 'after' })]);
    expect(conditions[0]!.text.vi).toBe('Thêm điều kiện: Giới tính là nữ');
  });

  it('reports an operator change and the items added to a list', () => {
    const after = clone();
    const i = indexOf(after, 'tc-division-leadership');
    const all = (after.rules[i]!.conditions as { all: LeafCondition[] }).all;
    all[0]!.operator = 'greaterThan';
    all[1]!.value = ['district', 'province', 'commune'];
    const conditions = diffRulesets(rs57, after).changed[0]!.conditions;
    expect(conditions.map((c) => c.kind)).toEqual(['operator', 'value']);
    expect(conditions[0]!.text.vi).toContain('từ 1 trở lên → trên 1');
    expect(conditions[1]).toMatchObject({ added: ['commune'], removed: [] });
    expect(conditions[1]!.text.vi).toBe('Cấp nơi công tác là một trong: thêm cấp xã');
  });

  it('reports tier rules tried in a new order, which changes the institution named first', () => {
    const after = clone();
    const army = indexOf(after, 'tc-tier-army');
    const [moved] = after.rules.splice(army, 1);
    after.rules.splice(indexOf(after, 'tc-tier-province') + 1, 0, moved!);
    const d = diffRulesets(rs57, after);
    expect(d.changed).toEqual([]);
    expect(d.tierMoves).toEqual([expect.objectContaining({ id: 'tc-tier-army', beforePosition: 1, afterPosition: 3 })]);
    expect(d.summary.tierMoves).toBe(1);
    const reordered = clone();
    reordered.rules.reverse();
    expect(diffRulesets(rs57, reordered).tierMoves.map((m) => m.level).sort())
      .toEqual(['elementary', 'elementary', 'elementary', 'intermediate', 'intermediate']);
  });

  it('diffs 57-QĐ/TW against 350-QĐ/TW: rules whose ids differ are added and removed', () => {
    const d = diffRulesets(rs57, rs350, { positionName });
    const ids57 = new Set(rs57.rules.map((r) => r.id));
    const ids350 = new Set(rs350.rules.map((r) => r.id));
    expect(d.added.map((r) => r.id).sort()).toEqual([...ids350].filter((id) => !ids57.has(id)).sort());
    expect(d.removed.map((r) => r.id).sort()).toEqual([...ids57].filter((id) => !ids350.has(id)).sort());
    expect(d.regulation.map((c) => c.field)).toEqual(expect.arrayContaining(['id', 'code', 'signedOn', 'effectiveFrom']));
    for (const line of lines(d, 'vi')) expect(hasVietnameseLetter(line), line).toBe(true);
    for (const t of texts(d)) expect(hasVietnameseProse(t.en), t.en).toBe(false);
  });

  it('reports exactly the metadata fields that were edited', () => {
    const ruleEdits = ['title.vi', 'title.en', 'citation', 'confidence', 'source', 'note', 'modes', 'message.vi', 'message.en', 'institution'] as const;
    const regulationEdits = ['title', 'note', 'effectiveConfidence', 'signedOn', 'sources'] as const;
    const other = <T extends string>(xs: readonly T[], x: T) => xs.find((y) => y !== x)!;
    const editArb = fc.oneof(
      fc.record({ scope: fc.constant('rule' as const), field: fc.constantFrom(...ruleEdits), index: fc.nat(rs57.rules.length - 1) }),
      fc.record({ scope: fc.constant('regulation' as const), field: fc.constantFrom(...regulationEdits), index: fc.constant(0) }),
    );
    fc.assert(fc.property(fc.uniqueArray(editArb, { selector: (e) => `${e.scope}/${e.index}/${e.field}`, maxLength: 8 }), fc.string({ minLength: 1, maxLength: 6 }), (edits, word) => {
      const after = clone();
      for (const e of edits) {
        if (e.scope === 'regulation') {
          const reg = after.regulation;
          if (e.field === 'title') reg.title += ` ${word}`;
          else if (e.field === 'note') reg.note = `${reg.note ?? ''} ${word}`;
          else if (e.field === 'effectiveConfidence') reg.effectiveConfidence = other(['confirmed', 'reported', 'assumed'], reg.effectiveConfidence);
          else if (e.field === 'signedOn') reg.signedOn = reg.signedOn === '2020-01-01' ? '2020-01-02' : '2020-01-01';
          else reg.sources = [...reg.sources, `${word} (nguồn mới)`];
          continue;
        }
        const r = after.rules[e.index]!;
        if (e.field === 'title.vi') r.title.vi += word;
        else if (e.field === 'title.en') r.title.en += word;
        else if (e.field === 'citation') r.citation = { ...r.citation, article: r.citation.article + 1 };
        else if (e.field === 'confidence') r.confidence = other(['confirmed', 'reported', 'assumed'], r.confidence);
        else if (e.field === 'source') r.source += word;
        else if (e.field === 'note') r.note = `${r.note ?? ''}${word}`;
        else if (e.field === 'modes') r.modes = r.modes?.length === 1 && r.modes[0] === 'full-time' ? ['part-time'] : ['full-time'];
        else if (e.field === 'message.vi') r.message.vi += word;
        else if (e.field === 'message.en') r.message.en += word;
        else r.institution = `${r.institution ?? 'inst'}-${word}`;
      }
      const d = diffRulesets(rs57, after);
      const reported = [
        ...d.regulation.map((c) => `regulation/0/${c.field}`),
        ...d.changed.flatMap((c) => c.fields.map((f) => `rule/${c.afterIndex}/${f.field}`)),
      ].sort();
      expect(reported).toEqual(edits.map((e) => `${e.scope}/${e.index}/${e.field}`).sort());
      expect(d.changed.every((c) => c.conditions.length === 0)).toBe(true);
      for (const c of [...d.regulation, ...d.changed.flatMap((x) => x.fields)]) expect(at(after, c.path)).toEqual(c.after);
    }), { seed: 57350, numRuns: 200 });
  });

  it('never throws on random condition trees, reports nothing for a tree against itself, and points every change at what it names', () => {
    const leafArb = fc.record({
      fact: fc.constantFrom('age', 'sex', 'position', 'planning', 'onOrdinal', 'ethnicMinority', 'shoeSize'),
      operator: fc.constantFrom('equal', 'notEqual', 'greaterThanInclusive', 'lessThan', 'in', 'intersects', 'not:equal', 'weird'),
      value: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('female', 'male', 'lecturer'), fc.constant(null), fc.boolean(), fc.array(fc.constantFrom('a', 'b', 'female'), { maxLength: 3 })),
    });
    const { tree } = fc.letrec<{ tree: Condition; node: Condition }>((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafArb, tie('tree')),
      tree: fc.oneof(
        fc.record({ all: fc.array(tie('node'), { maxLength: 4 }) }),
        fc.record({ any: fc.array(tie('node'), { maxLength: 4 }) }),
        fc.record({ not: tie('node') }),
      ),
    }));
    const withConditions = (c: Condition): Ruleset => {
      const rs = clone();
      ruleOf(rs, 'tc-part-time-age').conditions = isLeaf(c) ? { all: [c] } : c;
      return rs;
    };
    fc.assert(fc.property(tree, tree, (a, b) => {
      const before = withConditions(a);
      const after = withConditions(b);
      expect(diffRulesets(before, withConditions(structuredClone(a))).summary.identical).toBe(true);
      const d = diffRulesets(before, after);
      for (const c of d.changed.flatMap((x) => x.conditions)) {
        const target = at(c.side === 'after' ? after : before, c.path);
        expect(target, JSON.stringify(c.path)).toBeDefined();
        if (c.kind === 'added' || c.kind === 'removed') expect(target).toEqual(c.condition);
        if (c.kind === 'negation-added' || c.kind === 'negation-removed') expect(target).toEqual({ not: c.condition });
        if (c.kind === 'threshold') expect(target).toMatchObject({ fact: c.fact, operator: c.operator, value: c.after });
        expect(c.text.vi.length).toBeGreaterThan(0);
      }
      expect(lines(d, 'en').length).toBe(d.summary.ruleChanges);
    }), { seed: 350, numRuns: 500 });
  });
});
