/**
 * Publishing a workspace ruleset under a decision: one command, one undo step; the decision added when new, a
 * `published` entry for the revision, a version marked published; refusals for what the decision schema forbids; the
 * verdict names the basis; the stored workspace reads it back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import type { Decision } from '../../engine/documents/decision.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { RULESET_KIND } from '../../engine/documents/ruleset.ts';
import { basisText } from '../../engine/overlays/verdictBasis.ts';
import { builtinDocuments } from '../../engine/builtin.ts';
import { createChecker } from '../../engine/rules/createChecker.ts';
import { basisAsStanding, publicationOf, rulesetStanding, standingsByDocument } from '../../editor/publish/publicationState.ts';
import { rulesetsByDate } from '../../editor/workspace/analyseRuleset.ts';
import { builtinRulesetId } from '../../editor/workspace/createDefaultWorkspace.ts';
import { decisionIdOf, publishRuleset, type PublishInput } from '../../editor/workspace/commands/publishCommands.ts';
import { updateRule } from '../../editor/workspace/commands/ruleCommands.ts';
import { updateRulesetMeta } from '../../editor/workspace/commands/rulesetCommands.ts';
import { workspaceSamples } from '../../editor/workspace/commands/sampleCommands.ts';
import { restoreVersion, saveVersion } from '../../editor/workspace/commands/versionCommands.ts';
import { readWorkspace } from '../../editor/workspace/readWorkspace.ts';
import { recordsOfType, type Records } from '../../editor/workspace/records.ts';
import { toRuleset } from '../../editor/workspace/rulesetRecords.ts';
import { createHarness } from '../workspace/workspaceHarness.ts';
import { checkUndoRedoProperty } from '../workspace/undoRedoProperty.ts';

const RS350 = builtinRulesetId('350-qd-tw');

/** Lào Cai's implementing rule as the issue names it (10-QĐ/TU of 28/11/2025), marked illustrative: its content is not known. */
const LAO_CAI: Decision = {
  id: '10-qd-tu', kind: 'quyet-dinh', number: '10-QĐ/TU', issuedBy: 'Tỉnh ủy Lào Cai', title: 'Quy định thực hiện Quy định 350-QĐ/TW (minh họa)',
  signedOn: '2025-11-28', appliesFrom: '2025-12-01', summary: 'Minh họa: ban hành lại bộ quy tắc theo văn bản của tỉnh.', source: 'issue 22', illustrative: true,
};

const input = (over: Partial<PublishInput> = {}): PublishInput => ({ under: { decision: LAO_CAI }, on: '2025-12-02', name: 'Bản Lào Cai', ...over });

const rs350 = (records: Records) => toRuleset(records, RS350).ruleset;

describe('publishing a ruleset under a decision', () => {
  it('adds the decision, a published entry for revision 1 and a version marked published, as one undo step', () => {
    const h = createHarness();
    const start = h.bytes();
    const r = h.store.apply(publishRuleset(RS350, input()));
    expect(r.ok).toBe(true);
    const ruleset = rs350(h.store.records());
    expect(ruleset.revision).toBe(1);
    expect(ruleset.decisions?.map((d) => d.id)).toEqual(['350-qd-tw', '10-qd-tu']);
    expect(ruleset.published).toEqual([{ revision: 1, on: '2025-12-02', decision: '10-qd-tu' }]);
    expect(loadDocument(RULESET_KIND, ruleset).ok).toBe(true);
    const versions = recordsOfType(h.store.records(), 'version');
    expect(versions).toHaveLength(1);
    expect(versions[0]!.name).toBe('Bản Lào Cai');
    expect(publicationOf(versions[0]!.snapshot)?.decision.number).toBe('10-QĐ/TU');
    expect(versions[0]!.snapshot).toEqual(ruleset);
    expect(rulesetStanding(h.store.records(), RS350).status).toBe('published');

    expect(h.store.undo()).toBe(true);
    expect(h.bytes()).toBe(start);
    expect(h.store.redo()).toBe(true);
    expect(rs350(h.store.records()).published).toHaveLength(1);
  });

  it('publishes the next revision once the current one is published, under a decision the document carries', () => {
    const h = createHarness();
    h.store.apply(publishRuleset(RS350, input()));
    const r = h.store.apply(publishRuleset(RS350, input({ under: { decisionId: '350-qd-tw' }, name: 'Về 350', note: 'ghi chú' })));
    expect(r.ok).toBe(true);
    const ruleset = rs350(h.store.records());
    expect(ruleset.revision).toBe(2);
    expect(ruleset.decisions).toHaveLength(2);
    expect(ruleset.published?.[1]).toEqual({ revision: 2, on: '2025-12-02', decision: '350-qd-tw', note: 'ghi chú' });
  });

  it('gives a decision whose id is taken by another number a free id', () => {
    const h = createHarness();
    expect(h.store.apply(publishRuleset(RS350, input({ under: { decision: { ...LAO_CAI, id: '350-qd-tw' } } }))).ok).toBe(true);
    expect(rs350(h.store.records()).decisions?.map((d) => d.id)).toEqual(['350-qd-tw', '350-qd-tw-2']);
  });

  it.each([
    ['applies-from before signing', input({ under: { decision: { ...LAO_CAI, appliesFrom: '2025-11-27' } } }), /appliesFrom.*sớm hơn ngày ký/, /before signedOn/],
    ['a number with a space', input({ under: { decision: { ...LAO_CAI, number: '10 QĐ/TU' } } }), /^number: số hiệu văn bản không đúng dạng/, /not in the form/],
    ['a number in lower case', input({ under: { decision: { ...LAO_CAI, number: '10-qđ/tu' } } }), /số hiệu/, /number/],
    ['published before the act was signed', input({ on: '2025-11-27' }), /sớm hơn ngày ký của 10-QĐ\/TU/, /not yet signed/],
    ['a decision the document does not carry', input({ under: { decisionId: 'khong-co' } }), /không có văn bản "khong-co"/, /no act "khong-co"/],
    ['a number the document already carries', input({ under: { decision: { ...LAO_CAI, id: 'khac', number: '350-QĐ/TW' } } }), /350-QĐ\/TW đã có/, /already in the document/],
    ['a date that does not exist', input({ on: '2025-02-30' }), /không phải một ngày có thật/, /not a real date/],
    ['no name', input({ name: '  ' }), /đặt tên/, /name/],
  ])('refuses %s and changes nothing', (_what, given, vi, en) => {
    const h = createHarness();
    const start = h.bytes();
    const revision = h.store.revision();
    const r = h.store.apply(publishRuleset(RS350, given));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason.vi).toMatch(vi);
    expect(r.reason.en).toMatch(en);
    expect(h.store.revision()).toBe(revision);
    expect(h.bytes()).toBe(start);
  });

  it('makes the verdict name the revision and the decision, and a draft (or an edit since publication) say it is a draft', async () => {
    const docs = builtinDocuments();
    const h = createHarness();
    const sample = workspaceSamples(h.store.records())[0]!;
    const verdictOf = async () => {
      const checker = createChecker({ rulesets: rulesetsByDate(h.store.records()), positions: docs.positions, institutions: docs.institutions });
      const o = await checker.check(CadreProfile.parse(sample.profile), { ...sample.nomination, on: '2026-01-15' });
      if (!o.ok) throw new Error('not checked');
      return o.verdict;
    };
    expect((await verdictOf()).basis).toBeUndefined();
    h.store.apply(publishRuleset(RS350, input()));
    const basis = (await verdictOf()).basis!;
    expect(basisText(basis, 'vi')).toBe('350-qd-tw, bản 1 — theo 10-QĐ/TU ngày 28/11/2025 (minh họa)');
    expect(basisText(basis, 'en')).toBe('350-qd-tw, revision 1 — under 10-QĐ/TU of 28/11/2025 (illustrative)');
    // Edited since publication: the workspace says the verdict is judged by a draft of the next revision.
    const rule = recordsOfType(h.store.records(), 'rule').find((r) => r.ruleset === RS350)!;
    h.store.apply(updateRule(rule.id, { source: 'sửa sau khi ban hành' }));
    const edited = basisAsStanding((await verdictOf()).basis!, standingsByDocument(h.store.records()).get('350-qd-tw'));
    expect(basisText(edited, 'vi')).toBe('350-qd-tw, bản 2 (bản nháp, chưa ban hành)');
    expect(basisText(edited, 'en')).toBe('350-qd-tw, revision 2 (draft, not published)');
    h.store.undo();
    expect(basisText(basisAsStanding((await verdictOf()).basis!, standingsByDocument(h.store.records()).get('350-qd-tw')), 'vi')).toBe(basisText(basis, 'vi'));
    h.store.apply(updateRulesetMeta(RS350, { revision: 2 }));
    expect(basisText((await verdictOf()).basis!, 'vi')).toBe('350-qd-tw, bản 2 (bản nháp, chưa ban hành)');
  });

  it('tells a ruleset edited since publication (a draft of the next revision) from a published one, and restoring keeps the publication record', () => {
    const h = createHarness();
    h.store.apply(saveVersion(RS350, 'trước'));
    h.store.apply(publishRuleset(RS350, input()));
    const rule = recordsOfType(h.store.records(), 'rule').find((r) => r.ruleset === RS350)!;
    h.store.apply(updateRule(rule.id, { source: 'sửa sau khi ban hành' }));
    expect(rulesetStanding(h.store.records(), RS350)).toMatchObject({ status: 'draft', revision: 2, last: { revision: 1 } });
    h.store.undo();
    expect(rulesetStanding(h.store.records(), RS350).status).toBe('published');
    const keys = Object.keys(rs350(h.store.records()));
    const before = recordsOfType(h.store.records(), 'version').find((v) => v.name === 'trước')!;
    expect(h.store.apply(restoreVersion(before.id)).ok).toBe(true);
    const restored = rs350(h.store.records());
    expect(restored.published).toEqual([{ revision: 1, on: '2025-12-02', decision: '10-qd-tu' }]);
    expect(Object.keys(restored)).toEqual(keys);
  });

  it('is stored and read back whole: decisions, published entries and the published version', () => {
    const h = createHarness();
    h.store.apply(publishRuleset(RS350, input()));
    const read = readWorkspace(JSON.parse(h.bytes()));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.setAside).toEqual([]);
    expect(JSON.stringify(read.document.records)).toBe(JSON.stringify(JSON.parse(h.bytes()).records));
  });

  it('makes ids from numbers: diacritics dropped, Đ as d', () => {
    expect(decisionIdOf('10-QĐ/TU')).toBe('10-qd-tu');
    expect(decisionIdOf('1147-QĐ/BTGDVTW')).toBe('1147-qd-btgdvtw');
    expect(decisionIdOf('25-HD/BTCTW')).toBe('25-hd-btctw');
  });
});

describe('publish with other version commands (property)', () => {
  const KINDS = ['publishNew', 'publishCarried', 'editRule', 'saveVersion', 'restoreVersion'] as const;
  type Kind = typeof KINDS[number];
  it('any sequence, undone entry by entry, gives back the start byte for byte; redone, the end', () => {
    checkUndoRedoProperty<Kind, { kind: Kind; tick: boolean; n: number }>({
      kinds: KINDS,
      step: fc.record({ kind: fc.constantFrom(...KINDS), tick: fc.boolean(), n: fc.nat(50) }),
      runs: 30, maxLength: 12,
      commandFor: (records, { kind, n }) => {
        if (kind === 'publishNew') return publishRuleset(RS350, input({ under: { decision: { ...LAO_CAI, number: `${n}-QĐ/TU` } }, name: `p${n}` }));
        if (kind === 'publishCarried') return publishRuleset(RS350, input({ under: { decisionId: n % 2 ? '350-qd-tw' : '10-qd-tu' }, name: `c${n}` }));
        if (kind === 'saveVersion') return saveVersion(RS350, `v${n}`);
        const rules = recordsOfType(records, 'rule').filter((r) => r.ruleset === RS350);
        const versions = recordsOfType(records, 'version');
        if (kind === 'restoreVersion' && versions.length > 0) return restoreVersion(versions[n % versions.length]!.id);
        return updateRule(rules[n % rules.length]!.id, { source: `s${n}` });
      },
      edited: (records) => JSON.stringify([...records.values()].filter((r) => r.type === 'ruleset' || r.type === 'rule' || r.type === 'version').sort((a, b) => (a.id < b.id ? -1 : 1))),
      invariant: (records) => { expect(loadDocument(RULESET_KIND, rs350(records)).ok).toBe(true); },
    }, 20261207);
  }, 120_000);
});
