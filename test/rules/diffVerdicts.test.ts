/**
 * The cohort diff on hand-made cadres. Every expectation comes from shared/domain/regulation.md:
 * 57-QĐ/TW trung cấp part-time needs women ≥ 33, men ≥ 35; 350-QĐ/TW women ≥ 28, men ≥ 30 and "good" or better in
 * each of the 2 years before the nomination; both take probationary or full Party members for trung cấp; cao cấp
 * needs a full member under both (350 carries 57's standards over); Thái Bình merged into Hưng Yên on 2025-07-01;
 * 57 applies from 2022-02-08.
 */
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { CadreProfile, type CadreProfileInput, type Nomination } from '../../engine/documents/cadre.ts';
import { createCohortDiff, type DiffSide } from '../../engine/rules/diff/createCohortDiff.ts';
import { createDiffSide } from '../../engine/rules/diff/createDiffSide.ts';
import { diffOutcomes, type CadreDiff } from '../../engine/rules/diff/diffVerdicts.ts';
import { expectRuleCountsMatchRows } from './diffSupport.ts';

const GOOD_YEARS = [{ year: 2022, rating: 'good' }, { year: 2023, rating: 'good' }] as const;

/** A woman of 32 on 2024-03-01, full member, university, central agency in Hà Nội, in planning for deputy head of division. */
const woman32: CadreProfileInput = {
  id: 'D-01', fullName: 'Nguyễn Thị Lan', sex: 'female', birthDate: '1991-06-01', education: 'university',
  party: { status: 'full' }, workplace: { tier: 'central', province: 'Hà Nội', sector: 'state', agency: 'Bộ Tư pháp' },
  position: 'civil-servant', planning: ['deputy-head-of-division'], ratings: [...GOOD_YEARS],
};
const profile = (p: Partial<CadreProfileInput>) => CadreProfile.parse({ ...woman32, ...p });
const partTime: Nomination = { level: 'intermediate', mode: 'part-time', on: '2024-03-01' };

function side(spec: Parameters<typeof createDiffSide>[0], defaultOn = '2024-03-01'): DiffSide {
  const made = createDiffSide(spec, builtinDocuments(), defaultOn);
  if (!made.ok) throw new Error(made.diagnostic.message);
  return made.side;
}

/** 57-QĐ/TW (in force on the date) against 350-QĐ/TW applied to the same date. */
const sides57v350 = () => ({ a: side({}), b: side({ ruleset: '350-qd-tw' }) });

const CASES = {
  /** 57: too young for part-time (women ≥ 33); 350: women ≥ 28, rated good both years. */
  gained: profile({}),
  /** 44, rated "completed" in 2022: no rating standard in 57, 350 wants "good" in 2022 and 2023. */
  lost: profile({ id: 'D-02', sex: 'male', birthDate: '1980-01-01', ratings: [{ year: 2022, rating: 'completed' }, { year: 2023, rating: 'good' }] }),
  /** 40, probationary member: trung cấp takes probationary or full members under both. */
  probationary: profile({ id: 'D-03', birthDate: '1983-06-01', party: { status: 'probationary' } }),
  /** 25: too young for part-time under both, but the requirement moved from 33 to 28. */
  tooYoungBoth: profile({ id: 'D-04', birthDate: '1998-06-01' }),
  /** 44, not a Party member: fails the same standard under both. */
  notMember: profile({ id: 'D-05', sex: 'male', birthDate: '1980-01-01', party: { status: 'none' } }),
};

describe('diffOutcomes on one cadre, 57-QĐ/TW against 350-QĐ/TW applied to 2024-03-01', () => {
  const { a, b } = sides57v350();
  const diff = (p: CadreProfile, n: Nomination = partTime): CadreDiff => diffOutcomes(a.checker.checkSync(p, n), b.checker.checkSync(p, n));

  it('marks a woman of 32 nominated part-time as gained: 57 needs women of 33, 350 women of 28', () => {
    const d = diff(CASES.gained);
    expect(d).toMatchObject({ id: 'D-01', change: 'gained', institutionChanged: false, reasonsChanged: false });
    expect(d.a).toMatchObject({ ok: true, regulation: '57-QĐ/TW', eligible: false });
    expect(d.a.ok && d.a.failures.map((f) => f.rule)).toEqual(['tc-part-time-age']);
    expect(d.a.ok && d.a.failures[0]!.citation).toBe('57-QĐ/TW Điều 5 khoản 2 (số điều giả định)');
    expect(d.b).toMatchObject({ ok: true, regulation: '350-QĐ/TW', eligible: true, failures: [] });
  });

  it('summarises each side compactly: no checked rules, no alternatives, the school by id and names', () => {
    const d = diff(CASES.gained);
    expect(Object.keys(d.a).sort()).toEqual(['eligible', 'failures', 'institution', 'ok', 'on', 'regulation', 'ruleset']);
    expect(Object.keys(d.a.ok ? d.a.failures[0]! : {}).sort()).toEqual(['citation', 'confidence', 'kind', 'message', 'messageEn', 'rule']);
    expect(d.a.ok && d.a.institution).toEqual({ id: 'le-hong-phong', name: { vi: 'Trường Đào tạo cán bộ Lê Hồng Phong', en: 'Lê Hồng Phong Cadre Training School' } });
  });

  it('marks a cadre rated only "completed" in 2022 as lost under 350, which wants "good" in both years before', () => {
    const d = diff(CASES.lost);
    expect(d.change).toBe('lost');
    expect(d.b.ok && d.b.failures.map((f) => f.rule)).toEqual(['tc350-ratings']);
    expect(d.b.ok && d.b.failures[0]!.message).toContain('2022');
  });

  it('keeps a probationary Party member eligible for trung cấp under both (probationary or full)', () => {
    expect(diff(CASES.probationary)).toMatchObject({ change: 'still-eligible', institutionChanged: false, reasonsChanged: false });
  });

  it('sees the same reason when a probationary member fails cao cấp under both: full membership, Điều 6 khoản 2', () => {
    const p = profile({ id: 'D-06', sex: 'male', birthDate: '1975-01-01', position: 'head-of-division', planning: [], party: { status: 'probationary' } });
    const d = diff(p, { level: 'advanced', mode: 'full-time', on: '2024-03-01' });
    expect(d).toMatchObject({ change: 'still-ineligible', reasonsChanged: false });
    expect(d.a.ok && d.a.failures.map((f) => f.rule)).toEqual(['cc-full-party-member']);
    expect(d.b.ok && d.b.failures.map((f) => f.rule)).toEqual(['cc350-full-party-member']);
  });

  it('sees the same reason for a non-member under both although the rule ids differ', () => {
    const d = diff(CASES.notMember);
    expect(d).toMatchObject({ change: 'still-ineligible', reasonsChanged: false });
    expect(d.a.ok && d.a.failures.map((f) => f.rule)).toEqual(['tc-party-member']);
    expect(d.b.ok && d.b.failures.map((f) => f.rule)).toEqual(['tc350-party-member']);
  });

  it('sees a changed reason when the requirement itself changed (part-time from 33 under 57, from 28 under 350)', () => {
    const d = diff(CASES.tooYoungBoth);
    expect(d).toMatchObject({ change: 'still-ineligible', reasonsChanged: true });
  });

  it('sees the same reason for a cadre in no subject group under both, whatever groups each regulation lists', () => {
    const d = diff(profile({ id: 'D-07', birthDate: '1980-01-01', planning: [] }));
    expect(d).toMatchObject({ change: 'still-ineligible', reasonsChanged: false });
    expect(d.a.ok && d.a.failures[0]!.kind).toBe('subject');
  });
});

describe('institution and refusals', () => {
  /** A deputy head of division of a Thái Bình provincial department, full-time trung cấp. */
  const thaiBinh = profile({
    id: 'TB-01', sex: 'male', birthDate: '1980-01-01', workplace: { tier: 'province', province: 'Thái Bình', sector: 'state' },
    position: 'deputy-head-of-division', planning: [],
  });
  const fullTime: Nomination = { level: 'intermediate', mode: 'full-time', on: '2024-03-01' };

  it('flags a changed school for Thái Bình nominated before and after the 2025-07-01 merger into Hưng Yên', () => {
    const cohort = createCohortDiff({ a: side({ on: '2025-06-15' }), b: side({ on: '2025-07-15' }) });
    const d = cohort.add(thaiBinh, fullTime);
    expect(d).toMatchObject({ change: 'still-eligible', institutionChanged: true });
    expect(d.a).toMatchObject({ regulation: '57-QĐ/TW', on: '2025-06-15', institution: { id: 'truong-chinh-tri-thai-binh' } });
    expect(d.b).toMatchObject({ regulation: '57-QĐ/TW', on: '2025-07-15', institution: { id: 'truong-chinh-tri-hung-yen' } });
    expect(cohort.summary()).toMatchObject({ total: 1, institutionChanged: 1 });
  });

  it('reports invalid, with the diagnostics, when a side has no regulation for its date (before 57 applies)', () => {
    const cohort = createCohortDiff({ a: side({ on: '2021-12-01' }), b: side({ ruleset: '57-qd-tw' }) });
    const d = cohort.add(thaiBinh, fullTime);
    expect(d).toMatchObject({ change: 'invalid', institutionChanged: false, reasonsChanged: false });
    expect(d.a.ok).toBe(false);
    expect(!d.a.ok && d.a.diagnostics.map((x) => x.code)).toEqual(['nomination/no-regulation']);
    expect(d.b).toMatchObject({ ok: true, eligible: true });
    expect(cohort.summary()).toMatchObject({ total: 1, changes: { invalid: 1 }, a: { invalid: 1, eligible: 0 }, b: { eligible: 1 } });
  });
});

describe('createCohortDiff summary', () => {
  const cohort = createCohortDiff(sides57v350());
  const diffs = Object.values(CASES).map((p) => cohort.add(p, partTime));
  const summary = cohort.summary();

  it('counts each change kind, and the counts add up to the total', () => {
    expect(summary.total).toBe(5);
    expect(summary.changes).toEqual({ gained: 1, lost: 1, 'still-eligible': 1, 'still-ineligible': 2, invalid: 0 });
    expect(Object.values(summary.changes).reduce((x, y) => x + y, 0)).toBe(summary.total);
    expect(summary.reasonsChanged).toBe(1);
    expect(summary.a).toEqual({ eligible: 2, ineligible: 3, outOfScope: 0, invalid: 0 });
    expect(summary.b).toEqual({ eligible: 2, ineligible: 3, outOfScope: 0, invalid: 0 });
  });

  it('names the 350 rule behind the loss and the 57 rule the gain no longer fails, with citations and titles', () => {
    expect(summary.byRule.lost).toEqual({
      'tc350-ratings': { count: 1, citation: '350-QĐ/TW Điều 5 khoản 2 (số điều giả định)', title: expect.objectContaining({ vi: expect.stringContaining('Hoàn thành tốt') }) },
    });
    expect(Object.keys(summary.byRule.gained)).toEqual(['tc-part-time-age']);
    expect(summary.byRule.gained['tc-part-time-age']!.count).toBe(1);
  });

  it('counts per rule what the returned rows show, side by side', () => {
    expectRuleCountsMatchRows(diffs, summary);
    expect(summary.byRule.a['tc-part-time-age']!.count).toBe(2);
  });

  it('lists rules most frequent first and hands out a fresh summary each time', () => {
    expect(Object.keys(summary.byRule.a)[0]).toBe('tc-part-time-age');
    const again = cohort.summary();
    again.changes.gained = 99;
    expect(cohort.summary().changes.gained).toBe(1);
  });

  it('gives the same diff through addAsync', async () => {
    const other = createCohortDiff(sides57v350());
    expect(await other.addAsync(CASES.lost, partTime)).toEqual(diffs[1]);
  });
});

describe('createDiffSide', () => {
  it('suggests the closest shipped ruleset for an unknown id', () => {
    const made = createDiffSide({ ruleset: '350-qd-tv' }, builtinDocuments());
    expect(made.ok).toBe(false);
    expect(!made.ok && made.diagnostic.message).toContain('Có phải "350-qd-tw"?');
    expect(!made.ok && made.diagnostic.messageEn).toContain('Did you mean "350-qd-tw"?');
  });

  it('words the labels: in force on the date, the same regulation, and a hypothetical one', () => {
    expect(side({}).label).toEqual({ vi: '57-QĐ/TW (hiệu lực ngày 01/03/2024)', en: '57-QĐ/TW (in force on 01/03/2024)' });
    expect(side({ ruleset: '57-qd-tw' }).label.vi).toBe('57-QĐ/TW');
    expect(side({ ruleset: '350-qd-tw' }).label).toEqual({ vi: '350-QĐ/TW (áp dụng giả định)', en: '350-QĐ/TW (applied hypothetically)' });
    expect(side({ ruleset: '350-qd-tw', on: '2025-09-15' }).label.vi).toBe('350-QĐ/TW');
  });

  it('applies a loaded ruleset whatever the date and names its file', () => {
    const edited = structuredClone(builtinDocuments().rulesets[0]!);
    const s = side({ ruleset: edited, source: 'sua-57.json' }, '2026-01-01');
    expect(s.label.vi).toBe('57-QĐ/TW (tệp sua-57.json) (áp dụng giả định)');
    const r = s.checker.checkSync(CASES.probationary, { ...partTime, on: '2026-01-01' });
    expect(r.ok && r.verdict.regulation).toBe('57-QĐ/TW');
  });
});
