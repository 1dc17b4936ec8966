import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDocuments, createBuiltinChecker } from '../../engine/builtin.ts';
import { CadreProfile, type CadreProfileInput, type Nomination } from '../../engine/documents/cadre.ts';
import { formatCitation, type Rule } from '../../engine/documents/ruleset.ts';
import type { Verdict } from '../../engine/rules/buildVerdict.ts';
import { deriveFacts, indexPositions, type Facts } from '../../engine/rules/facts.ts';
import { factsReadBy, fillMessage, PLACEHOLDERS, type MessageContext } from '../../engine/rules/messages.ts';
import { indexProvinces } from '../../engine/rules/provinces.ts';
import { cadreCaseArb, LEVEL_MODES } from './differentialCadres.ts';

const docs = builtinDocuments();
const ctx = { positions: indexPositions(docs.positions), provinces: indexProvinces(docs.institutions) };
const names = new Map(docs.positions.positions.map((p) => [p.code, p.name]));
const positionName = (code: string) => names.get(code);
const rulesById = new Map(docs.rulesets.flatMap((rs) => rs.rules.map((r) => [`${rs.id}/${r.id}`, r] as const)));
const checker = createBuiltinChecker();

function messagesFor(facts: Facts): MessageContext {
  return { facts, year: Math.floor(facts.onOrdinal / 10000), positionName };
}

/** A failure's text made afresh from the rule and the cadre's facts, without any remembered text. */
function freshTexts(rule: Rule, facts: Facts) {
  return { vi: fillMessage(rule.message.vi, messagesFor(facts), 'vi'), en: fillMessage(rule.message.en, messagesFor(facts), 'en') };
}

function expectFreshFailures(verdict: Verdict, facts: Facts) {
  const ruleset = docs.rulesets.find((rs) => rs.id === verdict.ruleset)!;
  for (const f of verdict.failures) {
    if (f.kind === 'subject' && f.alternatives) {
      expect(f.message).toContain(fillMessage('{positionLabel} ({workplaceTierLabel}); quy hoạch: {planningLabel}; {partyStatusLabel}', messagesFor(facts), 'vi'));
      for (const a of f.alternatives) {
        const fresh = freshTexts(rulesById.get(`${verdict.ruleset}/${a.rule}`)!, facts);
        expect([a.message, a.messageEn]).toEqual([fresh.vi, fresh.en]);
      }
      continue;
    }
    if (f.kind === 'scope') {
      // The out-of-scope reason is the ruleset's own text, not a rule's message.
      expect([f.message, f.messageEn, f.citation]).toEqual([ruleset.regulation.outOfScope!.message.vi, ruleset.regulation.outOfScope!.message.en, ruleset.regulation.outOfScope!.citation.vi]);
      continue;
    }
    const rule = rulesById.get(`${verdict.ruleset}/${f.rule}`)!;
    const fresh = freshTexts(rule, facts);
    expect([f.message, f.messageEn, f.citation]).toEqual([fresh.vi, fresh.en, formatCitation(ruleset.regulation.code, rule.citation)]);
  }
}

describe('failures shared between verdicts', () => {
  it('carry the same texts as failures made afresh, for 1,500 random cadres at every level and mode', () => {
    let failures = 0;
    fc.assert(fc.property(cadreCaseArb, ({ profile, dates }) => {
      for (const on of dates) {
        for (const [level, mode] of LEVEL_MODES) {
          const nomination: Nomination = { level, mode, on };
          const r = checker.checkSync(profile, nomination);
          if (!r.ok) throw new Error(r.diagnostics[0]!.message);
          expectFreshFailures(r.verdict, deriveFacts(profile, nomination, ctx).facts);
          failures += r.verdict.failures.length;
        }
      }
    }), { seed: 2026, numRuns: 1500 });
    expect(failures).toBeGreaterThan(10_000);
  });

  it('are one object for two cadres with the same values, and differ when a value in the message differs', () => {
    const base: CadreProfileInput = {
      id: 'A', sex: 'female', birthDate: '1992-05-01', education: 'university', party: { status: 'full' },
      workplace: { tier: 'central', province: 'Hà Nội', sector: 'state' }, position: 'civil-servant', planning: [],
    };
    const nomination: Nomination = { level: 'intermediate', mode: 'part-time', on: '2024-03-01' };
    const verdictOf = (p: Partial<CadreProfileInput>) => {
      const r = checker.checkSync(CadreProfile.parse({ ...base, ...p }), nomination);
      if (!r.ok) throw new Error('not checked');
      return r.verdict;
    };
    const a = verdictOf({});
    const b = verdictOf({ id: 'B', fullName: 'Trần Thị B', birthDate: '1992-09-30' });
    // Not in planning (subject) and 31 years old (part-time needs women of 33, 57-QĐ/TW Điều 5 khoản 2 (số điều giả định)).
    expect(a.failures.map((f) => f.rule)).toEqual(['57-qd-tw-intermediate-subject', 'tc-part-time-age']);
    expect(b.failures[0]).toBe(a.failures[0]);
    expect(b.failures[1]).toBe(a.failures[1]);
    const older = verdictOf({ birthDate: '1991-09-30' });
    expect(older.failures[1]!.message).toContain('32 tuổi');
    expect(a.failures[1]!.message).toContain('31 tuổi');
    const planned = verdictOf({ planning: ['deputy-head-of-division'], birthDate: '1994-01-01' });
    expect(planned.failures.map((f) => f.rule)).toEqual(['tc-part-time-age']);
    const otherPost = verdictOf({ position: 'lecturer' });
    expect(otherPost.failures[0]!.message).not.toBe(a.failures[0]!.message);
  });

  it('are frozen plain data: alternatives is an ordinary array that JSON and structured cloning keep', () => {
    const r = checker.checkSync(CadreProfile.parse({ id: 'N', sex: 'male', birthDate: '1980-01-01', education: 'university' }), { level: 'intermediate', mode: 'full-time', on: '2024-03-01' });
    if (!r.ok) throw new Error('not checked');
    const subject = r.verdict.failures[0]!;
    expect(Object.isFrozen(subject)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(subject, 'alternatives')).toMatchObject({ enumerable: true, writable: false });
    expect(() => { (subject as { message: string }).message = 'x'; }).toThrow(TypeError);
    expect(() => r.verdict.checked.push({ rule: 'x', kind: 'standard', passed: true })).toThrow(TypeError);
    const copy = structuredClone(r.verdict);
    expect(copy).toEqual(r.verdict);
    expect(JSON.parse(JSON.stringify(r.verdict)).failures[0].alternatives).toHaveLength(subject.alternatives!.length);
  });
});

describe('the facts a placeholder reads', () => {
  const profile = CadreProfile.parse({
    id: 'P', sex: 'female', birthDate: '1980-02-10', education: 'master', party: { status: 'probationary' }, politicalTheory: 'elementary',
    workplace: { tier: 'province', province: 'Nam Định', sector: 'party' }, position: 'head-of-division', planning: ['deputy-director'],
    civilService: { grade: 'principal-specialist', since: '2015-04-01' }, lecturer: { teachingSince: '2012-09-01' },
    ratings: [{ year: 2023, rating: 'good' }, { year: 2022, rating: 'excellent' }],
  });
  const facts = deriveFacts(profile, { level: 'advanced', mode: 'full-time', on: '2024-03-01' }, ctx).facts;
  /** Another value of the same type for each fact. */
  const changed: { [K in keyof Facts]: Facts[K] } = {
    level: 'elementary', levelRank: 1, onOrdinal: 20260301, mode: 'part-time', onRequest: true, sex: 'male', age: 50,
    ethnicMinority: true, difficultArea: true, partyStatus: 'full', education: 'college', educationRank: 2,
    theoryLevel: 'advanced', theoryRank: 3, workplaceTier: 'commune', sector: 'army', province: 'Huế', position: 'lecturer', positionSector: 'police',
    positionRank: 4, planning: [], planningRank: -1, civilServiceGrade: 'specialist', yearsInGrade: 1, candidatePool: true,
    yearsTeaching: 2, ratingLastYear: 'not-completed', ratingYearBefore: null, ratingRankLastYear: 0, ratingRankYearBefore: -1,
  };

  it('lists every fact that changes its text, in both languages, so texts remembered by those facts are right', () => {
    for (const name of Object.keys(PLACEHOLDERS)) {
      const reads = factsReadBy([`{${name}}`]);
      expect(reads.length, name).toBeGreaterThan(0);
      for (const fact of Object.keys(changed) as Array<keyof Facts>) {
        const other = { ...facts, [fact]: changed[fact] } as Facts;
        for (const lang of ['vi', 'en'] as const) {
          const same = fillMessage(`{${name}}`, messagesFor(facts), lang) === fillMessage(`{${name}}`, messagesFor(other), lang);
          if (!reads.includes(fact)) expect(same, `{${name}} changes with ${fact} (${lang}) but does not list it`).toBe(true);
        }
      }
      // And each fact it lists does change it.
      for (const fact of reads) {
        const other = { ...facts, [fact]: changed[fact] } as Facts;
        expect(fillMessage(`{${name}}`, messagesFor(facts), 'vi'), `{${name}} / ${fact}`).not.toBe(fillMessage(`{${name}}`, messagesFor(other), 'vi'));
      }
    }
  });
});
