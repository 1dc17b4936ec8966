import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinDocuments, createBuiltinChecker } from '../../engine/builtin.ts';
import { CadreProfile, type CadreProfileInput, type Nomination } from '../../engine/documents/cadre.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { OVERLAY_KIND, type Overlay } from '../../engine/documents/overlay.ts';
import type { Rule, Ruleset } from '../../engine/documents/ruleset.ts';
import { leafAt } from '../../engine/overlays/applyChanges.ts';
import { resolveOverlays } from '../../engine/overlays/resolveOverlays.ts';
import { ruleFingerprint } from '../../engine/overlays/ruleFingerprint.ts';
import { basisText } from '../../engine/overlays/verdictBasis.ts';
import { ROOT } from '../cli/runLlct.ts';

const base350 = builtinDocuments().rulesets.find((r) => r.id === '350-qd-tw')!;
const base57 = builtinDocuments().rulesets.find((r) => r.id === '57-qd-tw')!;
const laoCai = loadOverlayFile('fixtures/overlays/lao-cai-10-qd-tu.illustrative.overlay.json');
const OV = laoCai.id;

function loadOverlayFile(path: string): Overlay {
  const r = loadDocument(OVERLAY_KIND, JSON.parse(readFileSync(join(ROOT, path), 'utf8')));
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.path}: ${d.message}`).join('; '));
  return r.value;
}

const rule = (rs: Ruleset, id: string): Rule | undefined => rs.rules.find((r) => r.id === id);
const womenAge = (rs: Ruleset) => leafAt(rule(rs, 'tc350-part-time-age')!.conditions, 'any[0].all[1]')!.value;

/** An overlay on `extends` for `jurisdiction`, under one decision applying from `from`, with `changes`. */
function overlay(changes: unknown[], over: Record<string, unknown> = {}): Overlay {
  const raw = {
    schema: 'llct/ruleset-overlay', version: 1, id: 'test-overlay', title: { vi: 'Thử', en: 'Test' }, extends: '350-qd-tw',
    jurisdiction: { province: 'Hà Nội' },
    decisions: [{ id: 'd1', kind: 'quyet-dinh', number: '1-QĐ/TU', issuedBy: 'Thành ủy', title: 'Thử', signedOn: '2026-01-01', appliesFrom: '2026-01-01', appliesUntil: '2026-12-31', summary: 'Thử.', source: 'test' }],
    changes, ...over,
  };
  const r = loadDocument(OVERLAY_KIND, raw);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.path}: ${d.message}`).join('; '));
  return r.value;
}

describe('resolving overlays by date', () => {
  it('before the overlay decision applies, the base itself judges', () => {
    const r = resolveOverlays(base350, [laoCai], '2025-11-27', { province: 'Lào Cai' });
    expect(r.ruleset).toBe(base350);
    expect(r.applied).toEqual([]);
  });

  it('once the decision applies but before its changes do, the rules are the base rules, each marked as the base layer', () => {
    const r = resolveOverlays(base350, [laoCai], '2025-12-31', { province: 'Lào Cai' });
    expect(r.applied).toEqual([expect.objectContaining({ id: OV, changes: 0, illustrative: true })]);
    expect(r.ruleset.rules.map((x) => x.id)).toEqual(base350.rules.map((x) => x.id));
    expect(new Set(r.ruleset.rules.map((x: Rule) => x.layer?.id))).toEqual(new Set(['350-qd-tw']));
    expect(womenAge(r.ruleset)).toBe(28);
  });

  it('from 01/01/2026 the threshold is tightened and the group added, both marked with the overlay and its act', () => {
    const r = resolveOverlays(base350, [laoCai], '2026-01-01', { province: 'Lào Cai' });
    expect(r.applied[0]!.changes).toBe(2);
    expect(womenAge(r.ruleset)).toBe(30);
    expect(leafAt(rule(r.ruleset, 'tc350-part-time-age')!.conditions, 'any[1].all[1]')!.value).toBe(30);
    expect(rule(r.ruleset, 'tc350-part-time-age')!.layer).toEqual({ kind: 'overlay', id: OV, change: 'threshold', decision: '10-QĐ/TU', illustrative: true });
    expect(rule(r.ruleset, 'lc10-commune-civil-servant')!.layer).toMatchObject({ kind: 'overlay', id: OV, change: 'add' });
    expect(r.ruleset.rules).toHaveLength(base350.rules.length + 1);
    expect(r.diagnostics).toEqual([]);
  });

  it('never changes the base or the overlay', () => {
    const before = JSON.stringify([base350, laoCai]);
    resolveOverlays(base350, [laoCai], '2026-06-01', { province: 'Lào Cai' });
    expect(JSON.stringify([base350, laoCai])).toBe(before);
    expect(womenAge(base350)).toBe(28);
  });

  it('a decision with an end stops applying after it', () => {
    const o = overlay([{ op: 'disable', decision: 'd1', appliesFrom: '2026-01-01', rule: 'tc350-ratings', expects: { fingerprint: ruleFingerprint(rule(base350, 'tc350-ratings')!) } }]);
    expect(rule(resolveOverlays(base350, [o], '2026-12-31', { province: 'Hà Nội' }).ruleset, 'tc350-ratings')).toBeUndefined();
    expect(resolveOverlays(base350, [o], '2027-01-01', { province: 'Hà Nội' }).ruleset).toBe(base350);
  });

  it('an overlay on 350 does not touch 57, in force on earlier dates', () => {
    expect(resolveOverlays(base57, [laoCai], '2026-03-01', { province: 'Lào Cai' }).ruleset).toBe(base57);
  });
});

describe('resolving overlays by workplace', () => {
  it('applies to the overlay province under any spelling the catalogue folds to it, and to no other', () => {
    for (const province of ['Lào Cai', 'lao-cai', 'Tỉnh Lào Cai', 'LÀO CAI']) {
      expect(resolveOverlays(base350, [laoCai], '2026-03-01', { province }).applied.map((a) => a.id), province).toEqual([OV]);
    }
    for (const province of ['Nghệ An', 'Lào', null]) {
      expect(resolveOverlays(base350, [laoCai], '2026-03-01', { province }).ruleset, String(province)).toBe(base350);
    }
  });

  it('applies to every cadre when no workplace is given (the caller chose the overlays)', () => {
    expect(resolveOverlays(base350, [laoCai], '2026-03-01').applied.map((a) => a.id)).toEqual([OV]);
  });

  it('an agency overlay applies to that agency whatever the case or diacritics', () => {
    const o = overlay([], { jurisdiction: { agency: 'Bộ Tư pháp' } });
    expect(resolveOverlays(base350, [o], '2026-03-01', { agency: 'bo tu phap' }).applied).toHaveLength(1);
    expect(resolveOverlays(base350, [o], '2026-03-01', { agency: 'Bộ Tài chính' }).applied).toHaveLength(0);
  });

  it('the checker reads the province as it stands on the nomination date: a Yên Bái profile is in Lào Cai from 2025-07-01', async () => {
    const checker = createBuiltinChecker({ overlays: [laoCai] });
    const profile = CadreProfile.parse({
      id: 'YB', sex: 'female', birthDate: '1996-06-01', party: { status: 'full' }, education: 'university', politicalTheory: 'elementary',
      workplace: { tier: 'province', province: 'Yên Bái', sector: 'state' }, position: 'deputy-head-of-division',
      ratings: [{ year: 2024, rating: 'good' }, { year: 2025, rating: 'good' }],
    } satisfies CadreProfileInput);
    const nomination: Nomination = { level: 'intermediate', mode: 'part-time', on: '2026-03-02' };
    const o = await checker.check(profile, nomination);
    expect(o.ok && o.verdict.failures.map((f) => [f.rule, f.layer?.id])).toEqual([['tc350-part-time-age', OV]]);
    expect(o.ok && o.verdict.basis?.overlays.map((a) => a.id)).toEqual([OV]);
    const sync = checker.checkSync(profile, nomination);
    expect(sync).toEqual(o);
  });

  it("names the ruleset that judged the cadre: the overlay's added group for a Lào Cai cadre, the base for another province", async () => {
    const checker = createBuiltinChecker({ overlays: [laoCai] });
    const cadre = (province: string) => CadreProfile.parse({
      id: 'LC', sex: 'male', birthDate: '1990-01-01', party: { status: 'full' }, education: 'university', politicalTheory: 'elementary',
      workplace: { tier: 'commune', province, sector: 'state' }, position: 'commune-civil-servant',
      ratings: [{ year: 2024, rating: 'good' }, { year: 2025, rating: 'good' }],
    } satisfies CadreProfileInput);
    const nomination: Nomination = { level: 'intermediate', mode: 'full-time', on: '2026-03-02' };
    const inLaoCai = checker.rulesetFor(cadre('Lào Cai'), nomination)!;
    const o = await checker.check(cadre('Lào Cai'), nomination);
    expect(o.ok && o.verdict.subjects).toEqual(['lc10-commune-civil-servant']);
    expect(rule(inLaoCai, 'lc10-commune-civil-servant')?.layer?.id).toBe(OV);
    expect(checker.rulesetFor(cadre('Hà Nội'), nomination)).toBe(base350);
    expect(checker.rulesetOn('2026-03-02')).toBe(base350);
  });
});

describe('each kind of change', () => {
  const fp = (id: string) => ruleFingerprint(rule(base350, id)!);
  const added = { ...rule(base350, 'tc350-tier-province')!, id: 'hn-tier-academy', institution: 'hoc-vien-chinh-tri-quoc-gia-ho-chi-minh' };

  it('replace swaps the rule in place; disable removes it; add inserts before the named rule or at the end', () => {
    const replaced = { ...rule(base350, 'tc350-lecturer')!, title: { vi: 'Giảng viên (thay)', en: 'Lecturers (replaced)' } };
    const o = overlay([
      { op: 'replace', decision: 'd1', appliesFrom: '2026-01-01', rule: replaced, expects: { fingerprint: fp('tc350-lecturer') } },
      { op: 'disable', decision: 'd1', appliesFrom: '2026-01-01', rule: 'tc350-ratings', expects: { fingerprint: fp('tc350-ratings') } },
      { op: 'add', decision: 'd1', appliesFrom: '2026-01-01', rule: added, before: 'tc350-tier-province' },
    ]);
    const r = resolveOverlays(base350, [o], '2026-02-01', { province: 'Hà Nội' });
    const ids = r.ruleset.rules.map((x) => x.id);
    expect(ids.indexOf('tc350-lecturer')).toBe(base350.rules.findIndex((x) => x.id === 'tc350-lecturer'));
    expect(rule(r.ruleset, 'tc350-lecturer')!.title.en).toBe('Lecturers (replaced)');
    expect(ids).not.toContain('tc350-ratings');
    expect(ids.indexOf('hn-tier-academy')).toBe(ids.indexOf('tc350-tier-province') - 1);
    expect(r.diagnostics).toEqual([]);
  });

  it('a change naming a rule the base lacks is skipped with a diagnostic in both languages', () => {
    const o = overlay([{ op: 'disable', decision: 'd1', appliesFrom: '2026-01-01', rule: 'tc350-gone', expects: { fingerprint: '00000000' } }]);
    const r = resolveOverlays(base350, [o], '2026-02-01', { province: 'Hà Nội' });
    expect(r.ruleset.rules.map((x) => x.id)).toEqual(base350.rules.map((x) => x.id));
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['overlay/unknown-rule', 'changes[0].rule']]);
    expect(r.diagnostics[0]!.message).toContain('350-qd-tw không có quy tắc "tc350-gone" để bỏ (theo 1-QĐ/TU)');
    expect(r.diagnostics[0]!.messageEn).toContain('350-qd-tw has no rule "tc350-gone" to disable (under 1-QĐ/TU)');
  });

  it('later changes apply after earlier ones, by applies-from date whatever their order in the file', () => {
    const o = overlay([
      { op: 'threshold', decision: 'd1', appliesFrom: '2026-06-01', rule: 'tc350-part-time-age', at: 'any[0].all[1]', value: 31, expects: { fact: 'age', value: 30 } },
      { op: 'threshold', decision: 'd1', appliesFrom: '2026-01-01', rule: 'tc350-part-time-age', at: 'any[0].all[1]', value: 30, expects: { fact: 'age', value: 28 } },
    ]);
    expect(womenAge(resolveOverlays(base350, [o], '2026-03-01', { province: 'Hà Nội' }).ruleset)).toBe(30);
    const late = resolveOverlays(base350, [o], '2026-07-01', { province: 'Hà Nội' });
    expect(womenAge(late.ruleset)).toBe(31);
    expect(late.diagnostics).toEqual([]);
  });
});

describe('what a verdict says it was judged under', () => {
  const profile = CadreProfile.parse({
    id: 'NA', sex: 'male', birthDate: '1980-05-10', party: { status: 'full' }, education: 'university', politicalTheory: 'elementary',
    workplace: { tier: 'province', province: 'Nghệ An', sector: 'state' }, position: 'deputy-head-of-division',
    ratings: [{ year: 2024, rating: 'good' }, { year: 2025, rating: 'good' }],
  } satisfies CadreProfileInput);
  const nomination: Nomination = { level: 'intermediate', mode: 'part-time', on: '2026-03-02' };

  it('names the published revision and its decision', () => {
    const published: Ruleset = { ...base350, revision: 3, published: [{ revision: 3, on: '2025-09-01', decision: '350-qd-tw' }] };
    const o = createBuiltinChecker({ rulesets: [base57, published] }).checkSync(profile, nomination);
    expect(o.ok && o.verdict.basis).toEqual({ ruleset: '350-qd-tw', revision: 3, published: { revision: 3, on: '2025-09-01', decision: '350-qd-tw', number: '350-QĐ/TW', signedOn: '2025-08-29' }, overlays: [] });
    expect(o.ok && basisText(o.verdict.basis!, 'vi')).toBe('350-qd-tw, bản 3 — theo 350-QĐ/TW ngày 29/08/2025');
  });

  it('says a revision no entry publishes is a draft', () => {
    const draft: Ruleset = { ...base350, revision: 4, published: [{ revision: 3, on: '2025-09-01', decision: '350-qd-tw' }] };
    const o = createBuiltinChecker({ rulesets: [base57, draft] }).checkSync(profile, nomination);
    expect(o.ok && basisText(o.verdict.basis!, 'en')).toBe('350-qd-tw, revision 4 (draft, not published)');
  });

  it('is absent for the shipped rulesets judged alone, as before decisions existed', () => {
    const o = createBuiltinChecker().checkSync(profile, nomination);
    expect(o.ok && 'basis' in o.verdict).toBe(false);
  });
});
